import Catalogue
import PlannerEngine
import PlannerModel
import SiteSpec
import Testing
import _PlannerTestSupport

@Suite("Conductor metal of the whole chain")
struct ConductorMetalTests {
    @Test("winding copper: 20 kW of load loss at 2 A/mm² is 2,137 kg")
    func winding() {
        // ρ75 = (1/58)·(1 + 0.00393·55) = 0.0172414 × 1.21615 = 0.0209681 Ω·mm²/m = 2.09681e-8 Ω·m
        // m = γ·P_k/(ρ·J²) = 8,960 × 20,000 / (2.09681e-8 × (2e6)²) = 179.2e6 / 83,872.4 = 2,136.6 kg
        #expect(isClose(ConductorMetal.copperResistivity75C * 1e6, 0.0209681, relative: 1e-5))
        let m = ConductorMetal.windingCopper(
            loadLoss: .kilowatts(20), currentDensity: .amperesPerSquareMillimetre(2))
        #expect(isClose(m.kilograms, 2136.6, relative: 1e-4))
        // m ∝ 1/J²: at 4 A/mm² a quarter
        let dense = ConductorMetal.windingCopper(
            loadLoss: .kilowatts(20), currentDensity: .amperesPerSquareMillimetre(4))
        #expect(isClose(dense.kilograms * 4, m.kilograms))
    }

    @Test("the built-in transformers: 0.78 kg/kVA for 2.5 MVA MV/LV, 0.23 kg/kVA for 60 MVA, near P93's 0.27")
    func builtInTransformers() {
        // MV/LV: P_k = c·U = 0.00809 × 2,375 kW = 19.21 kW (b = 0);
        // m = 8,960 × 19,214 / (2.09681e-8 × 2.05e6²) = 172.16e6 / 88,118 = 1,954 kg → 1,954/2,500 = 0.78 kg/kVA
        func perKVA(_ entry: StageEntry, _ j: CurrentDensity, kva: Double) -> Double {
            let u = entry.unitRating
            let pk = entry.curve.loss(at: .one, rating: u) - entry.curve.loss(at: .fraction(0), rating: u)
            return ConductorMetal.windingCopper(loadLoss: pk, currentDensity: j).kilograms / kva
        }
        let mvlv = perKVA(
            BuiltInStages.mvlvTransformer415, ConductorMetal.distributionTransformerCurrentDensity, kva: 2500)
        #expect(isClose(mvlv, 0.7816, relative: 2e-3))
        // Main: P_k = 0.00469 × 57 MW = 267 kW; m = 8,960 × 267,330 / (2.09681e-8 × 2.9e6²) = 13.58 t → 0.226 kg/kVA,
        // within 20 % of the 150 MVA autotransformer's 40.8 t / 150 MVA = 0.272 kg/kVA (REFERENCE.md P93).
        let main = perKVA(BuiltInStages.mainTransformer, ConductorMetal.powerTransformerCurrentDensity, kva: 60_000)
        #expect(isClose(main, 0.226, relative: 1e-2))
        #expect(abs(main / 0.272 - 1) < 0.2)
    }

    @Test("switchboard busbars: 2.5 MVA at 415 V is 3,478 A, 1,739 mm² at 2 A/mm², 623 kg in 4 × 10 m")
    func busbar() {
        // I = 2,500,000/(√3 × 415) = 3,478.0 A (S·pf/(√3·V·pf)); A = 3,478.0/2 = 1,739.0 mm²
        // m = 8,960 × 1.739e-3 m² × 10 m × 4 = 623.2 kg
        let current = Conductors.current(
            carrying: .kilowatts(2375),
            in: .threePhase(lineToLine: .volts(415), powerFactor: BuiltInStages.acPowerFactor))
        #expect(isClose(current.amperes, 3478.0, relative: 1e-4))
        let m = ConductorMetal.busbarCopper(
            current: current, currentDensity: ConductorMetal.busbarCurrentDensity, length: .metres(10), conductors: 4)
        #expect(isClose(m.kilograms, 623.2, relative: 1e-3))
    }

    @Test("aluminium of equal resistance weighs 0.504 × the copper")
    func aluminium() {
        // (0.02873/0.0172414) × (2,710/8,960) = 1.66634 × 0.302455 = 0.50399 (REFERENCE.md P243, P244)
        #expect(isClose(ConductorMetal.aluminiumPerCopper, 0.50399, relative: 1e-4))
        #expect(isClose(ConductorMetal.aluminiumEquivalent(ofCopper: .tonnes(1)).kilograms, 504.0, relative: 1e-3))
    }

    /// One hall of 100 GB300 racks on a standard chain, without main transformers.
    static func levels(_ chain: PowerChain, load: Power = .kilowatts(14_000)) -> [MetalMass] {
        let design = chain.evaluate(load: load)
        return ConductorMetal.hallLevels(chain: chain, design: design, conductors: [], dropLimit: .percent(3))
    }

    @Test("a 14 MW hall’s MV incomers: 2 (2N) × 3 × 150 mm² × 150 m = 1.21 t of copper")
    func incomers() throws {
        let chain = StandardChains.builtIn.chain(.ac415, racks: 100, mainTransformer: false)
        let design = chain.evaluate(load: .kilowatts(14_000))
        let mv = try #require(Self.levels(chain).first { $0.level == .mvCables && $0.basis.hasPrefix("Hall") })
        // Each incomer carries the whole switchgear input (2N: one unit required): P ≈ 14.9 MW at 22.9 kV, pf 0.95 →
        // I = P/(√3 × 22,900 × 0.95) = P/37,681 ≈ 395 A → 150 mm² (444 A, IEC 60364-5-52 B.52.12 method F);
        // m = 8,960 kg/m³ × A × 150 m × 3 conductors × 2 incomers.
        let first = design.stages[0]
        let current = Conductors.current(
            carrying: first.loadIn,
            in: .threePhase(lineToLine: .kilovolts(22.9), powerFactor: BuiltInStages.acPowerFactor))
        let row = try #require(AmpacityTable.xlpeCopperTrefoil.rows.first { $0.ampacity >= current })
        #expect(first.unitsInstalled == 2)
        #expect(row.size == .squareMillimetres(150))
        // 8,960 × 150e-6 × 150 × 3 × 2 = 1,209.6 kg
        #expect(isClose(mv.copper.kilograms, 1209.6, relative: 1e-9))
    }

    @Test("800 VDC has no MV/LV transformer windings or LV feeders; AC has no SST windings")
    func levelsByDistribution() {
        let ac = Set(Self.levels(StandardChains.builtIn.chain(.ac415, racks: 100, mainTransformer: false)).map(\.level))
        let dc = Set(Self.levels(StandardChains.builtIn.chain(.dc800, racks: 100, mainTransformer: false)).map(\.level))
        #expect(ac.isSuperset(of: [.mvCables, .mvlvTransformerWindings, .lvFeeders, .switchboards]))
        #expect(!ac.contains(.sstWindings))
        #expect(dc.isSuperset(of: [.mvCables, .sstWindings, .switchboards]))
        #expect(dc.isDisjoint(with: [.mvlvTransformerWindings, .lvFeeders]))
    }

    @Test("removing the LV switchboard stage removes its busbars and lowers the chain's copper")
    func removingALevel() {
        let full = StandardChains.builtIn.chain(.ac415, racks: 100, mainTransformer: false)
        var reduced = full
        reduced.stages.removeAll { $0.entry.kind == .lvSwitchboard }
        let withBoard = Self.levels(full)
        let without = Self.levels(reduced)
        #expect(!without.contains { $0.level == .switchboards })
        #expect(without.copper < withBoard.copper)
    }

    @Test("windings scale with the units installed: 2N MV/LV transformers carry (2n)/(n + 1) the copper of N+1")
    func unitsInstalledFlowThrough() throws {
        // The standard chain is 2N by default (DESIGN.md §5.7); the N+1 one is built by hand here
        // only to compare unit counts.
        var nPlus1 = StandardChains.builtIn.chain(.ac415, racks: 100, mainTransformer: false)
        let index = try #require(nPlus1.stages.firstIndex { $0.entry.kind == .mvlvTransformer })
        nPlus1.stages[index].redundancy = .nPlus(1)
        var twoN = nPlus1
        twoN.stages[index].redundancy = .twoN
        func windings(_ chain: PowerChain) -> (Mass, Int) {
            let design = chain.evaluate(load: .kilowatts(14_000))
            let mass = Self.levels(chain).filter { $0.level == .mvlvTransformerWindings }.copper
            return (mass, design.stages[index].unitsInstalled)
        }
        let (a, unitsA) = windings(nPlus1)
        let (b, unitsB) = windings(twoN)
        // 14 MW + losses ≈ 14.9 MW over 2,375 kW units: n = 7; N+1 installs 8, 2N installs 14 → 14/8 = 1.75
        #expect(unitsA == 8 && unitsB == 14)
        #expect(isClose(b / a, Double(unitsB) / Double(unitsA)))
    }

    @Test(
        "the whole chain holds at least the sized busways and drops, on every shipped site and distribution",
        arguments: RepositoryPaths.siteSpecs)
    func wholeChainCoversSubset(path: String) throws {
        let site = try #require(SiteLoader().load(path: path).site)
        for distribution in [nil] + Distribution.allCases {
            let e = try #require(Planner(distribution: distribution).plan(site).electrical)
            #expect(e.copper > e.conductorCopper, "\(path) \(distribution?.rawValue ?? "spec")")
            // the breakdown adds up to the total, and aluminium is 0.504 × copper on every level
            #expect(isClose(e.metal.copper, e.copper))
            for level in e.metal {
                #expect(isClose(level.aluminium / level.copper, ConductorMetal.aluminiumPerCopper, relative: 1e-9))
            }
            let own = try #require(e.comparison.first)
            #expect(isClose(own.copper, e.copper, relative: 1e-9))
        }
    }
}
