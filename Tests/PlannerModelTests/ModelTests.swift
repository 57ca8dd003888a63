import PlannerModel
import Testing
import _PlannerTestSupport

@Suite("Model values")
struct ModelTests {
    @Test("the utilisation curve runs from idle at 0 % to design at 100 %")
    func curveEnds() {
        let curve = UtilisationCurve(exponent: 1.7)
        #expect(curve.power(at: .percent(0), idle: .kilowatts(20), design: .kilowatts(100)) == .kilowatts(20))
        #expect(curve.power(at: .percent(100), idle: .kilowatts(20), design: .kilowatts(100)) == .kilowatts(100))
        // k = 2, u = 0.5: g = 1 − 0.5² = 0.75 → 20 + 80 × 0.75 = 80 kW
        let p = UtilisationCurve(exponent: 2).power(at: .percent(50), idle: .kilowatts(20), design: .kilowatts(100))
        #expect(isClose(p.kilowatts, 80))
        #expect(isClose(UtilisationCurve.linear.loadFraction(at: .percent(30)).fraction, 0.3))
    }

    @Test("utilisation outside 0…1 is clamped")
    func curveClamps() {
        let curve = UtilisationCurve(exponent: 1.7)
        #expect(curve.loadFraction(at: .percent(150)) == .one)
        #expect(curve.loadFraction(at: .percent(-10)) == .zero)
    }

    @Test("a finding formats like a compiler diagnostic")
    func findingFormat() {
        let f = Finding(
            .error, "halls[0].racks[1].count", "must be a positive integer, got -3",
            at: SourceLocation(file: "Sites/x.yaml", line: 14, column: 9))
        #expect(f.formatted == "Sites/x.yaml:14:9: error: halls[0].racks[1].count: must be a positive integer, got -3")
        let whole = Finding(.error, "", "cannot read file", at: SourceLocation(file: "Sites/x.yaml"))
        #expect(whole.formatted == "Sites/x.yaml: error: cannot read file")
    }

    @Test("edit distance finds the closest names")
    func editDistance() {
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(
            EditDistance.closest(to: "gb300-nvl7", in: ["gb200-nvl72", "gb300-nvl72", "dgx-b300"]) == [
                "gb300-nvl72", "gb200-nvl72",
            ])
        #expect(EditDistance.closest(to: "zzzz", in: ["gb200-nvl72"]).isEmpty)
    }

    @Test("an entry with idle above design or a liquid share above one is inconsistent")
    func entryInconsistencies() {
        var e = SystemEntry(
            id: "x", name: "x", role: .compute, form: .rack, gpus: 8, nameplatePower: .kilowatts(10),
            designPower: .kilowatts(10), idlePower: .kilowatts(2), liquidFraction: .fraction(0.5), weight: nil,
            provenance: Provenance(source: "test", confidence: .low))
        #expect(e.inconsistencies.isEmpty)
        e.idlePower = .kilowatts(12)
        e.liquidFraction = .fraction(1.2)
        #expect(
            e.inconsistencies == [
                "idle power 12 kW exceeds design power 10 kW", "liquid fraction must be within 0…1, got 1.2",
            ])
    }

    @Test("capacity summaries add and multiply by copies")
    func summaries() {
        let one = CapacitySummary(
            gpuCount: 72, rackCount: 1, racksByRole: [.compute: 1],
            itPower: PowerLevels(nameplate: .kilowatts(142), design: .kilowatts(140), sustained: .kilowatts(120)),
            heatDesign: HeatSplit(liquid: .kilowatts(128.8), air: .kilowatts(11.2)),
            heatSustained: HeatSplit(liquid: .kilowatts(110.4), air: .kilowatts(9.6)),
            weight: .kilograms(1360), racksWithoutWeight: 0)
        let four = one.times(4)
        #expect(four.gpuCount == 288)
        #expect(four.itPower.design == .kilowatts(560))
        #expect((four + one).racks(.compute) == 5)
        #expect(isClose(four.weight.tonnes, 5.44))
    }
}

@Suite("ASHRAE air class chosen for a design inlet")
struct AshraeClassChoiceTests {
    @Test("the class is the first whose recommended range holds the design inlet")
    func recommendedFirst() {
        // 25 °C: H1 recommends 18–22 (no), A1 18–27 (yes) → A1. 20 °C: H1 → H1.
        #expect(AshraeClass.chosenAir(setPoint: .celsius(25))?.name == "A1")
        #expect(AshraeClass.chosenAir(setPoint: .celsius(20))?.name == "H1")
        // 30 °C: outside every recommended range; the tightest allowable holding it is A1 (15–32).
        let warm = AshraeClass.chosenAir(setPoint: .celsius(30))
        #expect(warm?.name == "A1")
        #expect(warm.map { !$0.recommended.contains(30) } == true)
        // Above A4's 45 °C: none.
        #expect(AshraeClass.chosenAir(setPoint: .celsius(46)) == nil)
    }
}
