import Catalogue
import PlannerEngine
import PlannerModel
import Testing
import _PlannerTestSupport

@Suite("Thermal plant hour kernel")
struct ThermalPlantHourTests {
    /// 4 × 1 MW dry coolers (8 K, 100 kW fans in all) with air-cooled chillers; facility water rises 10 K.
    static let dryPlant = PlantConfiguration(
        economiser: BuiltInThermal.dryCooler1MW, units: 4, chiller: BuiltInThermal.airCooledScrew,
        facilityWaterRise: .kelvins(10))
    /// 2 × 2 MW towers (4 K, 60 kW fans, 5 cycles) with water-cooled centrifugal chillers.
    static let towerPlant = PlantConfiguration(
        economiser: BuiltInThermal.coolingTower2MW, units: 2, chiller: BuiltInThermal.waterCooledCentrifugal,
        facilityWaterRise: .kelvins(10))

    func hour(_ plant: PlantConfiguration, db: Double, wb: Double, supply: Double, loadMW: Double = 2) -> PlantHour {
        Thermal.plantHour(
            dryBulb: .celsius(db), wetBulb: .celsius(wb), supply: .celsius(supply), heatLoad: .megawatts(loadMW),
            plant: plant)
    }

    @Test("free cooling: the dry cooler alone holds the set point with fans slowed by the cube law")
    func free() {
        // 20 + 8 = 28 °C ≤ 32 °C. Load 2 MW of 4 MW → r = 0.5 → 100 kW × 0.125 = 12.5 kW.
        let h = hour(Self.dryPlant, db: 20, wb: 15, supply: 32)
        #expect(h.mode == .free)
        #expect(h.compressorPower == .zero && h.chillerHeat == .zero)
        #expect(isClose(h.fanPower.kilowatts, 12.5, relative: 1e-12))
        #expect(h.evaporation == .zero)
    }

    @Test("partial: the dry cooler pre-cools in series and the chiller trims at the capped COP")
    func partial() {
        // 30 + 8 = 38 °C, between 32 and 42: economiser share (42 − 38)/10 = 0.4 → 0.8 MW, chiller 1.2 MW.
        // T_evap 30 °C = 303.15 K, T_cond 30 + 15 = 45 °C = 318.15 K: 0.5 × 303.15/15 = 10.1 > 9.4 → 9.4.
        // W = 1.2e6/9.4 = 127 659.57 W; fans flat out 100 kW.
        let h = hour(Self.dryPlant, db: 30, wb: 22, supply: 32)
        #expect(h.mode == .partial)
        #expect(isClose(h.economiserHeat.megawatts, 0.8, relative: 1e-12))
        #expect(h.chillerCOP == 9.4)
        #expect(isClose(h.compressorPower.watts, 127_659.574, relative: 1e-8))
        #expect(isClose(h.fanPower.kilowatts, 100, relative: 1e-12))
    }

    @Test("chiller mode: an air-cooled chiller carries the load and the dry cooler is off")
    func chillerOnly() {
        // 35 + 8 = 43 ≥ 42 °C. T_evap 303.15 K, T_cond 50 °C = 323.15 K: 0.5 × 303.15/20 = 7.57875.
        // W = 2e6/7.57875 = 263 895.7 W.
        let h = hour(Self.dryPlant, db: 35, wb: 24, supply: 32)
        #expect(h.mode == .chiller)
        #expect(isClose(h.chillerCOP, 7.57875, relative: 1e-12))
        #expect(isClose(h.compressorPower.watts, 263_895.7, relative: 1e-6))
        #expect(h.fanPower == .zero)
    }

    @Test("tower plant in chiller mode: towers reject load + compressor heat and evaporate water")
    func towerChiller() {
        // WB 26 + 4 = 30 ≥ 18 + 10 = 28 °C → chiller. T_evap 16 °C = 289.15 K;
        // T_cond = 30 + 5.6 + 2 = 37.6 °C = 310.75 K; 0.7 × 289.15/21.6 = 9.37060 (< 9.4 cap).
        // W = 2e6/9.37060 = 213 433.5 W; tower heat 2 213 433.5 W → evaporation /2 443 520 = 0.905838 kg/s;
        // make-up × 5/4 = 1.132298 kg/s; fans flat out 60 kW.
        let h = hour(Self.towerPlant, db: 32, wb: 26, supply: 18)
        #expect(h.mode == .chiller)
        #expect(isClose(h.chillerCOP, 9.37060, relative: 1e-5))
        #expect(isClose(h.compressorPower.watts, 213_433.5, relative: 1e-5))
        #expect(isClose(h.evaporation.kilogramsPerSecond, 0.905838, relative: 1e-5))
        #expect(isClose(h.makeup.kilogramsPerSecond, 1.132298, relative: 1e-5))
        #expect(isClose(h.fanPower.kilowatts, 60, relative: 1e-12))
    }

    @Test("chillers short of the duty: the water settles warmer, where the economiser takes the rest")
    func chillerShort() {
        // 30 + 8 = 38 °C; holding 32 °C needs 2 MW × (38 − 32)/10 = 1.2 MW of chiller duty, 0.6 MW firm.
        // Steady state T_s = 38 − 10 × 0.6/2 = 35 °C; economiser 1.4 MW. T_evap 33 °C = 306.15 K,
        // T_cond 45 °C: 0.5 × 306.15/12 = 12.76 → cap 9.4; W = 0.6e6/9.4 = 63 829.8 W; fans flat out.
        var plant = Self.dryPlant
        plant.chillerCapacity = .megawatts(0.6)
        let h = hour(plant, db: 30, wb: 22, supply: 32)
        #expect(h.mode == .partial && !h.holdsSetPoint)
        #expect(isClose(h.supplyTemperature.celsius, 35, relative: 1e-12))
        #expect(isClose(h.supplyExcess.kelvins, 3, relative: 1e-9))
        #expect(isClose(h.chillerHeat.megawatts, 0.6, relative: 1e-12))
        #expect(isClose(h.economiserHeat.megawatts, 1.4, relative: 1e-12))
        #expect(isClose(h.compressorPower.watts, 63_829.787, relative: 1e-8))
        #expect(isClose(h.fanPower.kilowatts, 100, relative: 1e-12))
        #expect(isClose(h.heatRejected, h.heatLoad + h.compressorPower + h.fanPower, relative: 1e-12))
    }

    @Test("without chillers the supply follows the economiser's leaving water")
    func noChillers() {
        // 35 + 8 = 43 °C leaving the dry coolers; with no chiller the loop settles at 43/53 °C.
        var plant = Self.dryPlant
        plant.chillerCapacity = .zero
        let h = hour(plant, db: 35, wb: 24, supply: 32)
        #expect(h.mode == .free && !h.holdsSetPoint)
        #expect(isClose(h.supplyTemperature.celsius, 43, relative: 1e-12))
        #expect(h.compressorPower == .zero && isClose(h.fanPower.kilowatts, 100, relative: 1e-12))
        // a cool hour still holds the set point
        #expect(hour(plant, db: 10, wb: 5, supply: 32).holdsSetPoint)
    }

    @Test("a zero or negative load is an idle free hour")
    func idle() {
        let h = hour(Self.dryPlant, db: 10, wb: 5, supply: 32, loadMW: -1)
        #expect(h.mode == .free && h.heatLoad == .zero && h.electricity == .zero && h.heatRejected == .zero)
    }

    @Test(
        "energy balance: rejected = load + compressor + fans, and economiser + chiller = load, every hour",
        arguments: [dryPlant, towerPlant])
    func energyBalance(plant: PlantConfiguration) {
        var modes = Set<PlantMode>()
        for db in stride(from: -15.0, through: 42, by: 1.5) {
            for depression in [0.0, 4, 9] {
                for load in [0.3, 2.0, 5.5] {
                    let h = hour(plant, db: db, wb: db - depression, supply: 24, loadMW: load)
                    modes.insert(h.mode)
                    #expect(isClose(h.heatRejected, h.heatLoad + h.compressorPower + h.fanPower, relative: 1e-9))
                    #expect(isClose(h.economiserHeat + h.chillerHeat, h.heatLoad, relative: 1e-9))
                    #expect(h.compressorPower >= .zero && h.fanPower >= .zero)
                }
            }
        }
        #expect(modes == Set(PlantMode.allCases))
    }

    @Test("warmer weather never lowers the compressor power")
    func monotoneInWeather() {
        var previous = Power.zero
        for db in stride(from: 10.0, through: 40, by: 0.5) {
            let h = hour(Self.dryPlant, db: db, wb: db - 6, supply: 32)
            #expect(h.compressorPower >= previous)
            previous = h.compressorPower
        }
    }
}
