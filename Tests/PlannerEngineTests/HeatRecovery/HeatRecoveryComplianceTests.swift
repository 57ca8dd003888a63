import PlannerEngine
import PlannerModel
import Testing
import _PlannerTestSupport

@Suite("Heat recovery compliance")
struct HeatRecoveryComplianceTests {
    /// 50 MW IT for a year: IT 438 000 MWh; PUE 1.18 → facility 516 840 MWh; 16 % reused.
    func inputs(
        start: CalendarMonth, pue: Double = 1.18, erf: Double = 0.16, sets: Set<RuleSet> = Set(RuleSet.allCases),
        itPower: Power = .megawatts(50)
    ) -> ComplianceInputs {
        let it = Energy.megawattHours(438_000)
        let facility = it * pue
        return ComplianceInputs(
            ruleSets: sets, commissioning: start, installedITPower: itPower, itEnergy: it, facilityEnergy: facility,
            heatPumpElectricity: .megawattHours(30_000), reusedEnergy: facility * erf,
            coolingEnergy: .megawattHours(43_800), electricalEfficiencyFullLoad: .percent(95),
            electricalEfficiencyHalfLoad: .percent(94))
    }

    func verdict(_ report: ComplianceReport, _ rule: String) -> RuleVerdict? {
        report.results.first { $0.rule.hasPrefix(rule) }?.verdict
    }

    @Test("EnEfG V17: a data centre starting in 2027 (after 1 Jul) needs PUE ≤ 1.2 and ERF ≥ 15 %")
    func enefgV17() throws {
        let start = CalendarMonth(year: 2027, month: 9)
        #expect(Compliance.enefgRequiredERF(start: start) == .percent(15))
        #expect(Compliance.enefgMaximumPUE(start: start, assessedAt: CalendarMonth(year: 2029, month: 9)) == 1.2)
        // 1 Jul 2026 - 30 Jun 2027 gets the 10 % step; from 1 Jul 2028 20 %; before 1 Jul 2026 none.
        #expect(Compliance.enefgRequiredERF(start: CalendarMonth(year: 2027, month: 6)) == .percent(10))
        #expect(Compliance.enefgRequiredERF(start: CalendarMonth(year: 2028, month: 7)) == .percent(20))
        #expect(Compliance.enefgRequiredERF(start: CalendarMonth(year: 2026, month: 6)) == nil)
        // Existing data centres: 1.5 from 1 Jul 2027, 1.3 from 1 Jul 2030.
        let old = CalendarMonth(year: 2020, month: 1)
        #expect(Compliance.enefgMaximumPUE(start: old, assessedAt: CalendarMonth(year: 2027, month: 6)) == nil)
        #expect(Compliance.enefgMaximumPUE(start: old, assessedAt: CalendarMonth(year: 2028, month: 1)) == 1.5)
        #expect(Compliance.enefgMaximumPUE(start: old, assessedAt: CalendarMonth(year: 2030, month: 7)) == 1.3)

        let pass = try Compliance.evaluate(inputs(start: start, sets: [.enefg]))
        #expect(verdict(pass, "PUE") == .pass)
        #expect(verdict(pass, "ERF") == .pass)
        #expect(verdict(pass, "Renewable") == .notAssessed)
        let pueRow = try #require(pass.results.first { $0.rule.hasPrefix("PUE") })
        #expect(pueRow.threshold == "≤ 1.20" && pueRow.siteValue == "1.180")
        #expect(pueRow.explanation.contains("heat-pump electricity 30000 MWh excluded"))
        let fail = try Compliance.evaluate(inputs(start: start, pue: 1.25, erf: 0.12, sets: [.enefg]))
        #expect(verdict(fail, "PUE") == .fail)
        #expect(verdict(fail, "ERF") == .fail)
        #expect(fail.hasFailures)
    }

    @Test("EU EED reporting applies from 500 kW IT and fills the KPI table from the inputs")
    func eed() throws {
        let small = try Compliance.evaluate(
            inputs(start: CalendarMonth(year: 2027, month: 1), sets: [.euEED], itPower: .kilowatts(400)))
        #expect(verdict(small, "KPI reporting") == .notApplicable)
        let big = try Compliance.evaluate(inputs(start: CalendarMonth(year: 2027, month: 1), sets: [.euEED]))
        // Water, waste-heat temperature, renewables, WUE and REF are not given → not assessed.
        #expect(verdict(big, "KPI reporting") == .notAssessed)
        #expect(big.eedKPIs.first { $0.name == "PUE" }?.value == "1.180")
        #expect(big.eedKPIs.first { $0.name == "ERF" }?.value == "0.160")
        #expect(big.eedKPIs.filter { !$0.isKnown }.count == 5)
        #expect(verdict(big, "Waste-heat use") == .pass)
    }

    @Test("ASHRAE 90.4: ELC and MLC are reported, and decided only when the limits are inputs")
    func ashrae() throws {
        // ELC = 1 − 0.95 = 5.00 %, 1 − 0.94 = 6.00 %; MLC = 43 800/438 000 = 0.100.
        var i = inputs(start: CalendarMonth(year: 2027, month: 1), sets: [.ashrae904])
        let unknown = try Compliance.evaluate(i)
        #expect(unknown.results.map(\.verdict) == [.notAssessed, .notAssessed, .notAssessed])
        #expect(unknown.results.map(\.siteValue) == ["5.00 %", "6.00 %", "0.100"])
        #expect(unknown.results.allSatisfy { $0.threshold == "unknown" })
        i.ashraeLimits = ASHRAE904Limits(
            electricalLossFullLoad: .percent(6), electricalLossHalfLoad: .percent(5.5), mechanicalLoadComponent: 0.3,
            climateZone: "4A")
        let decided = try Compliance.evaluate(i)
        #expect(decided.results.map(\.verdict) == [.pass, .fail, .pass])
        #expect(decided.results[2].rule == "Annual MLC (climate zone 4A)")
    }
}
