import Catalogue
import PlannerModel
import Testing

/// The one regional table (DESIGN.md §5.17) is consistent with the rule tables it names.
@Suite("Region table")
struct RegionTableTests {
    @Test("each region's MV is a supply level of its own rule table and its smallest rule's voltage")
    func mediumVoltageIsALevel() {
        for region in BuiltInRegions.all.map(\.defaults) {
            #expect(region.gridRules.offers(region.mediumVoltage), "\(region.code)")
            // The smallest sites connect at the MV itself, so they need no main transformers:
            // KEPCO 22.9 kV (P99), Dominion 34.5 kV (P104, P112), Germany 20 kV (P108).
            #expect(region.gridRules.rules[0].voltage == region.mediumVoltage, "\(region.code)")
        }
    }

    @Test("codes are unique ISO alpha-2, the US table has no KEPCO 154 kV row, stand-ins are marked")
    func codes() throws {
        let codes = BuiltInRegions.all.map(\.defaults.code)
        #expect(codes == ["KR", "US", "DE"])
        #expect(Set(BuiltInRegions.knownCodes).count == BuiltInRegions.knownCodes.count)
        #expect(BuiltInRegions.knownCodes.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isUppercase) })
        let us = try #require(BuiltInRegions.region(code: "US")).defaults
        #expect(!us.gridRules.rules.contains { $0.voltage == .kilovolts(154) })
        #expect(us.standInFor == nil)
        let france = try #require(BuiltInRegions.region(code: "FR")).defaults
        #expect(france.code == "DE" && france.standInFor == "FR")
        #expect(BuiltInRegions.region(code: "JP") == nil)
        #expect(BuiltInRegions.region(rules: "us-dominion")?.defaults.code == "US")
    }

    @Test("the defaults by hand: grid factors, frequencies and tariffs")
    func byHand() {
        let (kr, us, de) = (BuiltInRegions.korea, BuiltInRegions.unitedStates, BuiltInRegions.germany)
        // EIA P123: 0.81 lb/kWh × 0.45359237 kg/lb = 0.36741 kg/kWh.
        #expect(abs(us.defaults.gridEmissionFactor.kilogramsPerKilowattHour - 0.3674098) < 1e-6)
        #expect(de.defaults.gridEmissionFactor.kilogramsPerKilowattHour == 0.363)
        #expect(kr.defaults.gridEmissionFactor.kilogramsPerKilowattHour == 0.4594)
        #expect([kr, us, de].map(\.defaults.frequencyHz) == [60, 60, 50])
        // KEPCO: (3·120.0 + 5·96.5 + 4·118.2)/12 + 9 + 5 = 123.6083 KRW/kWh; 7 470 KRW/kW·month.
        #expect(kr.defaults.tariff == "123.6083 KRW/kWh energy, 7470 KRW/kW·month demand")
        // Virginia 8.92 ¢/kWh (P121); Germany 19.76 ct/kWh (P130).
        #expect(us.defaults.tariff == "0.0892 USD/kWh energy (demand charges included)")
        #expect(de.defaults.tariff == "0.1976 EUR/kWh energy (demand charges included)")
        #expect([kr, us, de].map(\.defaults.distribution) == [.ac415, .ac480, .ac415])
    }
}
