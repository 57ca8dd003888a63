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
    /// 4 × 1 MW adiabatic dry coolers (8 K dry, pads 80 %, 10 K rated air rise) with air-cooled chillers.
    static let adiabaticPlant = PlantConfiguration(
        economiser: BuiltInThermal.adiabaticDryCooler1MW, units: 4, chiller: BuiltInThermal.airCooledScrew,
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

    @Test("free cooling: the dry coolers hold the set point with their fans slowed to just hold it")
    func free() {
        // 2 MW on 4 MW of dry coolers: x = 0.5, approach at full speed 8 × 0.5 = 4 K, 20 + 4 = 24 ≤ 32 °C.
        // The fans slow to s = 4/(32 − 20) = 1/3 (≥ the 25 % floor): the water leaves at 20 + 4 × 3 = 32 °C,
        // the fans draw 100 kW × (1/3)³ = 3.7037 kW.
        let h = hour(Self.dryPlant, db: 20, wb: 15, supply: 32)
        #expect(h.mode == .free)
        #expect(h.compressorPower == .zero && h.chillerHeat == .zero)
        #expect(isClose(h.fanSpeed.fraction, 1.0 / 3, relative: 1e-12))
        #expect(isClose(h.economiserLeaving.celsius, 32, relative: 1e-12))
        #expect(isClose(h.fanPower.kilowatts, 100.0 / 27, relative: 1e-12))
        #expect(h.evaporation == .zero)
    }

    @Test("in cold weather the fans stop slowing at their 25 % floor and the water leaves colder than needed")
    func minimumSpeed() {
        // 5 °C: s = 4/(32 − 5) = 0.148 < 0.25 → 0.25; the water leaves at 5 + 4/0.25 = 21 °C;
        // fans 100 kW × 0.25³ = 1.5625 kW.
        let h = hour(Self.dryPlant, db: 5, wb: 2, supply: 32)
        #expect(h.mode == .free && h.fanSpeed == .percent(25))
        #expect(isClose(h.economiserLeaving.celsius, 21, relative: 1e-12))
        #expect(isClose(h.fanPower.kilowatts, 1.5625, relative: 1e-12))
    }

    @Test("partial: the dry cooler pre-cools at its part-load approach and the chiller trims at the capped COP")
    func partial() {
        // Air-cooled chillers: the bank carries Q(1 − n) with approach 8 × 2(1 − n)/4 = 4(1 − n) K, so
        // n = (T_db − T_sup + 4)/(ΔT + 4) = (30 − 32 + 4)/14 = 1/7: chiller 2/7 MW = 0.285714 MW, economiser
        // 1.714286 MW leaving at 30 + 8 × 1.714286/4 = 33.43 °C (check: (33.43 − 32)/10 = 1/7).
        // T_evap 30 °C = 303.15 K, T_cond 30 + 15 = 45 °C = 318.15 K: 0.5 × 303.15/15 = 10.1 > 9.4 → 9.4.
        // W = 285 714.29/9.4 = 30 395.14 W; fans flat out 100 kW.
        let h = hour(Self.dryPlant, db: 30, wb: 22, supply: 32)
        #expect(h.mode == .partial)
        #expect(isClose(h.economiserHeat.megawatts, 12.0 / 7, relative: 1e-12))
        #expect(isClose(h.economiserLeaving.celsius, 30 + 24.0 / 7, relative: 1e-12))
        #expect(h.chillerCOP == 9.4)
        #expect(isClose(h.compressorPower.watts, 30_395.137, relative: 1e-8))
        #expect(isClose(h.fanPower.kilowatts, 100, relative: 1e-12))
        // Air-cooled chillers reject their own heat: the bank's duty is only what it takes out.
        #expect(isClose(h.rejectionDuty, h.economiserHeat, relative: 1e-12))
    }

    @Test("chiller mode: an air-cooled chiller carries the load and the dry cooler is off")
    func chillerOnly() {
        // 43 °C ≥ the 42 °C return even with the bank idle. T_evap 303.15 K, T_cond 58 °C = 331.15 K:
        // 0.5 × 303.15/28 = 5.41339; W = 2e6/5.41339 = 369 454.07 W.
        let h = hour(Self.dryPlant, db: 43, wb: 26, supply: 32)
        #expect(h.mode == .chiller)
        #expect(isClose(h.chillerCOP, 0.5 * 303.15 / 28, relative: 1e-12))
        #expect(isClose(h.compressorPower.watts, 369_454.066, relative: 1e-8))
        #expect(h.fanPower == .zero && h.rejectionDuty == .zero)
    }

    @Test("tower plant in chiller mode: towers reject load + compressor heat, which warms the condenser water")
    func towerChiller() {
        // 2 MW on 4 MW of towers with water-cooled chillers: the towers reject 2 MW + W, approach
        // 4 × (2 + W)/4 = 2 + W [K, W in MW], so T_econ = 26 + 2 + W ≥ return 14 + 10 = 24 °C → chiller.
        // T_evap 12 °C = 285.15 K, T_cond = T_econ + 5.6 + 2 = 35.6 + W °C:
        // COP = 0.7 × 285.15/(23.6 + W) and W = 2/COP → W = 0.2388604 MW, COP = 8.373093,
        // T_econ = 28.23886 °C. Tower heat 2.2388604 MW → evaporation / 2 443 519 J/kg = 0.916244 kg/s;
        // make-up × 5/4 = 1.145305 kg/s; fans flat out 60 kW.
        let h = hour(Self.towerPlant, db: 32, wb: 26, supply: 14)
        #expect(h.mode == .chiller)
        #expect(isClose(h.chillerCOP, 8.373093, relative: 1e-6))
        #expect(isClose(h.compressorPower.megawatts, 0.2388604, relative: 1e-6))
        #expect(isClose(h.economiserLeaving.celsius, 28.23886, relative: 1e-6))
        #expect(isClose(h.rejectionDuty, h.heatLoad + h.compressorPower, relative: 1e-12))
        #expect(isClose(h.evaporation.kilogramsPerSecond, 0.916244, relative: 1e-5))
        #expect(isClose(h.makeup.kilogramsPerSecond, 1.145305, relative: 1e-5))
        #expect(isClose(h.fanPower.kilowatts, 60, relative: 1e-12))
    }

    @Test("chillers short of the duty: the water settles warmer, where the economiser takes the rest")
    func chillerShort() {
        // 38 °C: holding 32 °C needs n = (38 − 32 + 4)/14 = 0.714 → 1.43 MW of chiller duty, 0.6 MW firm.
        // The bank carries 2 − 0.6 = 1.4 MW: T_econ = 38 + 8 × 1.4/4 = 40.8 °C; steady state
        // T_s = 40.8 − 10 × 0.6/2 = 37.8 °C. T_evap 35.8 °C = 308.95 K, T_cond 53 °C: lift 17.2 K,
        // 0.5 × 308.95/17.2 = 8.98110; W = 0.6e6/8.98110 = 66 806.93 W; fans flat out.
        var plant = Self.dryPlant
        plant.chillerCapacity = .megawatts(0.6)
        let h = hour(plant, db: 38, wb: 24, supply: 32)
        #expect(h.mode == .partial && !h.holdsSetPoint)
        #expect(isClose(h.supplyTemperature.celsius, 37.8, relative: 1e-12))
        #expect(isClose(h.supplyExcess.kelvins, 5.8, relative: 1e-9))
        #expect(isClose(h.chillerHeat.megawatts, 0.6, relative: 1e-12))
        #expect(isClose(h.economiserHeat.megawatts, 1.4, relative: 1e-12))
        #expect(isClose(h.compressorPower.watts, 66_806.927, relative: 1e-8))
        #expect(isClose(h.fanPower.kilowatts, 100, relative: 1e-12))
        #expect(isClose(h.heatRejected, h.heatLoad + h.compressorPower + h.fanPower, relative: 1e-12))
    }

    @Test("without chillers the supply follows the economiser's leaving water")
    func noChillers() {
        // The bank carries all 2 MW: 35 + 8 × 2/4 = 39 °C leaving; with no chiller the loop settles at 39/49 °C.
        var plant = Self.dryPlant
        plant.chillerCapacity = .zero
        let h = hour(plant, db: 35, wb: 24, supply: 32)
        #expect(h.mode == .free && !h.holdsSetPoint)
        #expect(isClose(h.supplyTemperature.celsius, 39, relative: 1e-12))
        #expect(h.compressorPower == .zero && isClose(h.fanPower.kilowatts, 100, relative: 1e-12))
        // a cool hour still holds the set point
        #expect(hour(plant, db: 10, wb: 5, supply: 32).holdsSetPoint)
    }

    @Test("adiabatic coolers run dry while that holds the set point and wet their pads only when it does not")
    func adiabatic() {
        // 20 °C: dry, free, the same hour as the plain dry cooler and no water.
        let cool = hour(Self.adiabaticPlant, db: 20, wb: 15, supply: 32)
        #expect(!cool.padsWet && cool.makeup == .zero)
        #expect(cool == hour(Self.dryPlant, db: 20, wb: 15, supply: 32))
        // 35/24 °C: dry the chillers would take n = (35 − 32 + 4)/14 = 0.5 (partial). Wet, the air enters
        // at 35 − 0.8 × 11 = 26.2 °C and the water leaves at 26.2 + 8 × 2/4 = 30.2 ≤ 32 °C: free, fans at
        // full speed (100 kW), no compressor. The pads evaporate 4 MW × 8.8 K/(10 K × 2 443 519 J/kg)
        // = 1.44054 kg/s.
        let hot = hour(Self.adiabaticPlant, db: 35, wb: 24, supply: 32)
        #expect(hot.padsWet && hot.mode == .free && hot.holdsSetPoint)
        #expect(hot.compressorPower == .zero)
        #expect(isClose(hot.economiserLeaving.celsius, 30.2, relative: 1e-12))
        #expect(isClose(hot.fanPower.kilowatts, 100, relative: 1e-12))
        #expect(isClose(hot.evaporation.kilogramsPerSecond, 1.44054, relative: 1e-5))
        #expect(hot.makeup == hot.evaporation)
        #expect(hour(Self.dryPlant, db: 35, wb: 24, supply: 32).compressorPower > .zero)
    }

    @Test("a bigger bank has a smaller approach: more units never raise the compressor power")
    func biggerBank() {
        // Water-cooled chillers on 3…12 dry coolers at 30 °C, 2 MW: the approach 8 × (2 + W)/n falls with n.
        var previous = Power.watts(.infinity)
        for units in 3...12 {
            let plant = PlantConfiguration(
                economiser: BuiltInThermal.dryCooler1MW, units: units, chiller: BuiltInThermal.waterCooledCentrifugal,
                facilityWaterRise: .kelvins(10))
            let h = hour(plant, db: 30, wb: 22, supply: 32)
            #expect(h.compressorPower <= previous)
            #expect(isClose(h.rejectionDuty, h.heatLoad + h.compressorPower, relative: 1e-12))
            previous = h.compressorPower
        }
    }

    @Test("a zero or negative load is an idle free hour")
    func idle() {
        let h = hour(Self.dryPlant, db: 10, wb: 5, supply: 32, loadMW: -1)
        #expect(h.mode == .free && h.heatLoad == .zero && h.electricity == .zero && h.heatRejected == .zero)
    }

    @Test(
        "energy balance: rejected = load + compressor + fans, and economiser + chiller = load, every hour",
        arguments: [dryPlant, towerPlant, adiabaticPlant])
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
