import PlannerEngine
import PlannerModel
import Testing
import _PlannerTestSupport

@Suite("Grid connection")
struct GridConnectionTests {
    @Test(
        "KEPCO rule table (REFERENCE.md §2.5): interconnect voltage by peak demand",
        arguments: [
            (8.0, 22.9, "general 22.9 kV supply"), (10.0, 22.9, "general 22.9 kV supply"),
            (10.1, 22.9, "dedicated 22.9 kV line"), (40.0, 22.9, "dedicated 22.9 kV line"),
            (40.1, 154.0, "154 kV transmission"), (399.9, 154.0, "154 kV transmission"),
            (400.0, 345.0, "345 kV transmission"), (1200.0, 345.0, "345 kV transmission"),
        ])
    func interconnect(demandMW: Double, kilovolts: Double, supply: String) {
        let rule = GridConnection.rule(for: .megawatts(demandMW))
        #expect(rule.voltage == .kilovolts(kilovolts))
        #expect(rule.supply == supply)
    }

    @Test(
        "main transformers: 120 MW at 154 kV needs ⌈120/57⌉ = 3 of 60 MVA (57 MW at pf 0.95), 4 with N+1; none at 22.9 kV"
    )
    func mainTransformers() throws {
        let grid = GridConnection.plan(peakDemand: .megawatts(120))
        #expect(grid.interconnectVoltage == .kilovolts(154))
        let t = try #require(grid.mainTransformers)
        #expect(t.unitsRequired == 3 && t.unitsInstalled == 4 && t.survivesWorstFailure)
        #expect(GridConnection.plan(peakDemand: .megawatts(30)).mainTransformers == nil)
        // 2N doubles them.
        #expect(
            GridConnection.plan(peakDemand: .megawatts(120), redundancy: .twoN).mainTransformers?.unitsInstalled == 6)
    }

    @Test("thresholds are overridable: with 154 kV from 20 MW, 30 MW goes to 154 kV")
    func overriddenRules() {
        var rules = GridConnection.kepcoRules
        rules[1].upTo = .megawatts(20)
        #expect(GridConnection.rule(for: .megawatts(30), rules: rules).voltage == .kilovolts(154))
        #expect(GridConnection.rule(for: .megawatts(30)).voltage == .kilovolts(22.9))
    }
}

@Suite("Power capping")
struct PowerCappingTests {
    /// NVIDIA DPS example (REFERENCE.md §1.5, V20): utility 750 kW → switchboard 1.6 MW → 4 floor
    /// PDUs × 450 kW, two GB300 racks of 140 kW on each (8 racks).
    static func dps(utility: Power = .kilowatts(750)) -> SupplyLevel {
        let pdus = (1...4).map {
            SupplyLevel(name: "PDU \($0)", usable: .kilowatts(450), directLoad: .kilowatts(2 * 140))
        }
        return SupplyLevel(
            name: "utility", usable: utility,
            children: [SupplyLevel(name: "switchboard", usable: .kilowatts(1600), children: pdus)])
    }

    @Test("V20: the DPS hierarchy is flagged at the utility, 8 × 140 = 1,120 kW > 750 kW by 370 kW")
    func dpsFlagged() throws {
        let shortfalls = PowerCapping.shortfalls(in: Self.dps())
        #expect(shortfalls.count == 1)
        let s = try #require(shortfalls.first)
        #expect(s.path == "utility")
        #expect(isClose(s.load.kilowatts, 1120) && isClose(s.shortfall.kilowatts, 370))
        let findings = PowerCapping.findings(in: Self.dps())
        #expect(findings.map(\.severity) == [.error])
        #expect(
            findings.first?.message
                == "usable capacity 750 kW is below the 1120 kW it feeds by 370 kW (49.3 %): capping needed")
    }

    @Test("levels below are checked too, and an exact fit is not flagged")
    func nestedAndExact() {
        // Utility raised to 1,120 kW: exact fit, nothing flagged. A third rack on PDU 1 (420 kW) still fits
        // 450 kW; a fourth (560 kW) does not, and the utility (1,400 kW) fails again.
        #expect(PowerCapping.shortfalls(in: Self.dps(utility: .kilowatts(1120))).isEmpty)
        var site = Self.dps(utility: .kilowatts(1120))
        site.children[0].children[0].directLoad = .kilowatts(4 * 140)
        #expect(PowerCapping.shortfalls(in: site).map(\.path) == ["utility", "utility / switchboard / PDU 1"])
    }
}

@Suite("Transients")
struct TransientTests {
    @Test("a 1.4× swing needs 1.4× protection and (f − 1)·P·t of storage: 140 kW for 10 ms → 560 J")
    func rackStorage() {
        #expect(isClose(Transients.protectionRating(steady: .kilowatts(140)).kilowatts, 196))
        // 0.4 × 140,000 W × 0.01 s = 560 J
        #expect(isClose(Transients.smoothingStorage(steady: .kilowatts(140), duration: .milliseconds(10)).joules, 560))
    }

    @Test("storage at the rack shields the row and site; storage at the site leaves every level to carry the swing")
    func envelope() {
        let levels = [
            TransientLevel(name: "rack", steady: .kilowatts(140), count: 715),
            TransientLevel(name: "row", steady: .kilowatts(1400), count: 72),
            TransientLevel(name: "site", steady: .megawatts(100.1), count: 1),
        ]
        let atRack = Transients.envelope(levels, storageAt: 0, duration: .milliseconds(10))
        #expect(atRack.map(\.peak.kilowatts).enumerated().allSatisfy { i, p in isClose(p, [196, 1400, 100_100][i]) })
        #expect(atRack.map { $0.storagePerUnit != nil } == [true, false, false])
        let atSite = Transients.envelope(levels, storageAt: 2, duration: .milliseconds(10))
        #expect(isClose(atSite[2].protectionRating.megawatts, 140.14))
        #expect(isClose(atSite[0].peak.kilowatts, 196))
        // Same total energy either way when all racks swing together: 715 × 560 J = 0.4 × 100.1 MW × 10 ms = 400.4 kJ.
        #expect(isClose(atRack[0].storagePerUnit!.joules * 715, atSite[2].storagePerUnit!.joules, relative: 1e-12))
        let unsmoothed = Transients.envelope(levels, storageAt: nil, duration: .seconds(1))
        #expect(
            unsmoothed.count == 3 && unsmoothed.allSatisfy { $0.storagePerUnit == nil && $0.peak > $0.level.steady })
    }

    @Test("V5: GB300 smoothing cuts a 140 MW swing peak by up to 30 %, to 98 MW")
    func gb300Smoothing() {
        #expect(isClose(Transients.smoothedPeak(.megawatts(140)).megawatts, 98))
        #expect(isClose(Transients.smoothedPeak(.megawatts(140), cut: .percent(10)).megawatts, 126))
    }
}
