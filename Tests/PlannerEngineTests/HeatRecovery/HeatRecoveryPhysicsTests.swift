import Catalogue
import PlannerEngine
import PlannerModel
import Testing
import Weather
import _PlannerTestSupport

@Suite("Heat recovery physics")
struct HeatRecoveryPhysicsTests {
    let hp = BuiltInHeatPumps.highTemperature10MW

    @Test("η 0.42 reproduces REFERENCE.md V12: 45 °C → 60/70/80 °C gives COP 5.5/4.3/3.5 within ±10 %")
    func copCalibration() throws {
        // T_source = 45 − 5 = 40 °C = 313.15 K; T_sink = supply + 5 K = 338.15 / 348.15 / 358.15 K.
        // COP = 0.42·T_sink/(T_sink − T_source) = 0.42·338.15/25 = 5.68092; 0.42·348.15/35 = 4.17780;
        // 0.42·358.15/45 = 3.34273 → +3.3 %, −2.8 %, −4.5 % against LiU 5.5/4.3/3.5.
        let expected = [(60.0, 5.68092, 5.5), (70, 4.17780, 4.3), (80, 3.34273, 3.5)]
        for (supply, hand, liu) in expected {
            let cop = try #require(HeatPumpModel.cop(wasteHeat: .celsius(45), supply: .celsius(supply), heatPump: hp))
            #expect(isClose(cop, hand, relative: 1e-5))
            #expect(abs(cop / liu - 1) <= 0.10)
        }
    }

    @Test(
        "a 115 °C Korean network from 45 °C water gives COP ≈2.06, inside REFERENCE.md §4.3's 2-2.5, flagged as two-stage lift"
    )
    func koreanLift() throws {
        // T_sink = 120 °C = 393.15 K, T_source = 40 °C = 313.15 K, lift 80 K > 55 K one-stage limit.
        // COP = 0.42 × 393.15/80 = 2.06404.
        let cop = try #require(HeatPumpModel.cop(wasteHeat: .celsius(45), supply: .celsius(115), heatPump: hp))
        #expect(isClose(cop, 2.06404, relative: 1e-5))
        #expect(HeatPumpModel.lift(wasteHeat: .celsius(45), supply: .celsius(115), heatPump: hp) > hp.maximumStageLift)
        // The standard district unit condenses only to 95 °C: it cannot serve the 120 °C sink.
        #expect(
            HeatPumpModel.cop(
                wasteHeat: .celsius(45), supply: .celsius(115), heatPump: BuiltInHeatPumps.districtHeating10MW)
                == nil)
    }

    @Test("the COP is capped at small or negative lifts")
    func copCap() {
        // Source 60 °C − 5 = 55 °C, sink 50 + 5 = 55 °C: no lift → the cap.
        #expect(HeatPumpModel.cop(wasteHeat: .celsius(60), supply: .celsius(50), heatPump: hp) == hp.maximumCOP)
        // Lift 10 K: 0.42 × 328.15/10 = 13.8 > 8 → 8.
        #expect(HeatPumpModel.cop(wasteHeat: .celsius(50), supply: .celsius(50), heatPump: hp) == 8)
    }

    @Test(
        "demand is the base plus space heating ∝ degree-hours below the balance temperature, peak at the design dry bulb"
    )
    func demandShape() throws {
        // Peak 10 MW, base 15 %, balance 15 °C, design −12.5 °C (span 27.5 K).
        // −12.5 → 10 MW; −20 → held at 10; 15 and 20 → base 1.5 MW;
        // 1.25 °C → heating share (15 − 1.25)/27.5 = 0.5 → 1.5 + 8.5 × 0.5 = 5.75 MW.
        let network = DistrictHeatingNetwork.fourthGeneration(peakDemand: .megawatts(10))
        let d = try DistrictHeatingDemand.hourly(
            dryBulb: HourlySeries(celsius: [-12.5, -20, 15, 20, 1.25]), months: [1, 1, 5, 8, 3], network: network,
            designDryBulb: .celsius(-12.5))
        let mw = d.hourlyDemand.map(\.megawatts)
        #expect(mw.count == 5 && d.hourlySupply.count == 5)
        for (got, want) in zip(mw, [10, 10, 1.5, 1.5, 5.75]) { #expect(isClose(got, want, relative: 1e-12)) }
        // Reset curve 70 °C at −12.5 to 55 °C at 15: at 1.25 °C halfway, 62.5 °C.
        for (got, want) in zip(d.hourlySupply.celsius, [70, 70, 55, 55, 62.5]) {
            #expect(isClose(got, want, relative: 1e-12))
        }
    }

    @Test("the heating design dry bulb is the EPW header's 99.6 % value, else the 35th-coldest hour")
    func heatingDesign() throws {
        let seoul = try EPWReader.read(
            path: RepositoryPaths.path(
                "Sites/weather/KOR_KG_Seoul-Seongnam.AP.471110_TMYx.2004-2018.epw"))
        let design = HeatingDesign.dryBulb(for: seoul)
        #expect(design.source == .epwHeader)
        #expect(isClose(design.temperature.celsius, -12.5, relative: 1e-12))
        // Without a header, the ⌈0.004·N⌉-th coldest hour on a ramp:
        // 1 000 values −500…499, ⌈0.004 × 1 000⌉ = 4th coldest = −497.
        let ramp = (0..<1000).map { Double($0 - 500) }
        #expect(isClose(HeatingDesign.coldestPercentile(HourlySeries(celsius: ramp)).celsius, -497, relative: 1e-9))
        #expect(HeatingDesign.fromDesignConditionsHeader("DESIGN CONDITIONS,0") == nil)
    }

    @Test("ERE = PUE·(1 − ERF): REFERENCE.md V19, PUE 1.25 and ERF 0.2 give 1.00")
    func ereIdentity() throws {
        #expect(isClose(EnergyMetrics.ere(pue: 1.25, erf: .fraction(0.2)), 1.0, relative: 1e-12))
        // From energies: IT 100 MWh, facility 125 MWh, reused 25 MWh → PUE 1.25, ERF 0.2,
        // ERE (125 − 25)/100 = 1.00; CUE = 0.4594 × 1.25 = 0.57425 kg/kWh.
        let m = try EnergyMetrics.compute(
            itEnergy: .megawattHours(100), facilityEnergy: .megawattHours(125), reusedEnergy: .megawattHours(25),
            gridEmissionFactor: .koreanGrid)
        #expect(isClose(m.pue, 1.25, relative: 1e-12))
        #expect(isClose(m.erf.fraction, 0.2, relative: 1e-12))
        #expect(isClose(m.ere, 1.0, relative: 1e-12))
        #expect(isClose(try #require(m.cue).kilogramsPerKilowattHour, 0.57425, relative: 1e-9))
    }

    @Test("recovered heat lowers heat rejected and the plant energy in proportion, clamped at what the plant rejects")
    func coupling() throws {
        // Hour 0: rejects 10 MW, plant 1 MW, recovered 5 → 5 rejected, plant 1 × (1 − 5/10) = 0.5.
        // Hour 1: rejects 10, plant 2, recovered 12 → clamped to 10: 0 rejected, plant 0.
        // Before: 20 MWh rejected, 3 MWh plant; after: 5 MWh, 0.5 MWh; recovered 15 MWh.
        let c = try PlantCoupling.adjust(
            plantHeatRejected: [.megawatts(10), .megawatts(10)], plantElectricity: [.megawatts(1), .megawatts(2)],
            recovered: [.megawatts(5), .megawatts(12)], heatPumpElectricity: [.megawatts(1), .megawatts(3)])
        #expect(isClose(c.heatRejectedBefore.megawattHours, 20, relative: 1e-12))
        #expect(isClose(c.heatRejectedAfter.megawattHours, 5, relative: 1e-12))
        #expect(isClose(c.heatRecovered.megawattHours, 15, relative: 1e-12))
        #expect(isClose(c.plantEnergyAfter.megawattHours, 0.5, relative: 1e-12))
        #expect(isClose(c.plantEnergySaved.megawattHours, 2.5, relative: 1e-12))
        #expect(isClose(c.heatPumpElectricity.megawattHours, 4, relative: 1e-12))
        #expect(c.hoursClamped == 1)
        #expect(throws: HeatRecoveryError.lengthMismatch(name: "recovered heat", count: 1, expected: 2)) {
            try PlantCoupling.adjust(
                plantHeatRejected: [.watts(1), .watts(1)], plantElectricity: [.watts(1), .watts(1)],
                recovered: [.watts(1)], heatPumpElectricity: [.watts(0), .watts(0)])
        }
    }
}
