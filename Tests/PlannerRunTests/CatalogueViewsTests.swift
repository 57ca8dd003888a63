import Catalogue
import Foundation
import PlannerModel
import PlannerRun
import SiteSpec
import Testing

/// `dcplan catalog list --kind` and `catalog show` cover every entry a spec can name (issue 26,
/// item 3): the views read the same lists the spec loader picks from, so a new entry cannot be
/// left out of either.
@Suite("Catalogue views: every entry inspectable")
struct CatalogueViewsTests {
    /// The IDs the spec loader accepts for each kind, from the lists it picks from.
    static let loaderIDs: [CatalogueKind: [String]] = [
        .rack: Catalogue.builtIn.entries.map(\.id),
        .stage: BuiltInStages.all.map(\.id),
        .cooling: BuiltInThermal.cdus.map(\.id) + BuiltInThermal.airUnits.map(\.id),
        .plant: BuiltInThermal.heatRejection.map(\.id) + BuiltInThermal.chillers.map(\.id),
        .heatPump: BuiltInHeatPumps.all.map(\.id),
    ]

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("each kind lists exactly the entries the loader accepts, and show succeeds for every one in text and JSON")
    func everyEntryShows() throws {
        for kind in CatalogueKind.allCases {
            let ids = try #require(Self.loaderIDs[kind])
            #expect(!ids.isEmpty, "\(kind)")
            let listed = try #require(
                try JSONSerialization.jsonObject(with: Data(try CatalogueViews.list(kind: kind, json: true).utf8))
                    as? [[String: Any]])
            #expect(listed.compactMap { $0["id"] as? String } == ids, "\(kind)")
            let table = try CatalogueViews.list(kind: kind, json: false)
            for id in ids {
                #expect(table.contains(id), "\(id) missing from the \(kind) table")
                let text = try CatalogueViews.show(id, json: false)
                #expect(text.hasPrefix("\(id): "))
                #expect(text.contains("source: "), "\(id) shows no source")
                let doc = try object(try CatalogueViews.show(id, json: true))
                #expect(doc["id"] as? String == id)
                #expect((doc["source"] as? String)?.isEmpty == false)
                #expect(["H", "M", "L"].contains(doc["confidence"] as? String ?? ""))
            }
        }
        // IDs are unique across kinds, so `show` never has to choose.
        let all = CatalogueViews.allIDs
        #expect(Set(all).count == all.count)
    }

    @Test("every cooling and plant entry the catalogue shows loads when a spec names it")
    func loaderAcceptsEveryShownEntry() throws {
        let keys: [(String, [String])] = [
            ("cdu", BuiltInThermal.cdus.map(\.id)), ("air_unit", BuiltInThermal.airUnits.map(\.id)),
            ("heat_rejection", BuiltInThermal.heatRejection.map(\.id)), ("chiller", BuiltInThermal.chillers.map(\.id)),
        ]
        let shown = Set(CatalogueViews.items(.cooling).map(\.id) + CatalogueViews.items(.plant).map(\.id))
        for (key, ids) in keys {
            for id in ids {
                #expect(shown.contains(id))
                let yaml =
                    "version: 1\nsite: { name: T }\ncooling: { \(key): \(id) }\n"
                    + "halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 4 }] }]\n"
                let result = SiteLoader().load(yaml: yaml, path: "x.yaml", baseDirectory: ".")
                #expect(result.site != nil && !result.findings.hasErrors, "\(key): \(id): \(result.findings)")
            }
        }
    }

    @Test("figures carry their units: the 1 MW dry cooler and the 600 kW CDU by hand")
    func figuresWithUnits() throws {
        let dry = try CatalogueViews.show("dry-cooler-1mw", json: false)
        #expect(dry.contains("kind: plant (dry-cooler)"))
        #expect(dry.contains("capacity: 1,000.0 kW"))
        #expect(dry.contains("approach (leaving water − dry bulb): 8.0 K"))
        #expect(dry.contains("fan power at full speed: 25.0 kW"))
        let cdu = try object(try CatalogueViews.show("cdu-vertiv-coolchip-600", json: true))
        #expect(cdu["capacity_kw"] as? Double == 600)
        // Pump power 12.5 W per kW of capacity (BuiltInThermal.pumpNote): 600 × 12.5 W = 7.5 kW.
        #expect(cdu["pump_power_kw"] as? Double == 7.5)
        // Placement cost 185 USD/kW: 600 × 185 = 111 000 USD.
        #expect(cdu["unit_cost_usd"] as? Double == 111_000)
        #expect(cdu["category"] as? String == "cooling")
        let chiller = try object(try CatalogueViews.show("chiller-centrifugal-wc-3500", json: true))
        #expect(chiller["condenser_water_rise_k"] as? Double == 5.6)
        #expect(chiller["carnot_efficiency_percent"] as? Double == 70)
        let hp = try object(try CatalogueViews.show("hp-high-temp-10mw", json: true))
        #expect(hp["maximum_sink_c"] as? Double == 125)
        let ups = try object(try CatalogueViews.show("ups-double-conversion", json: true))
        #expect(ups["efficiency_percent_at_50_percent_load"] as? Double == 96.5)
    }

    @Test("an unknown ID fails with the closest IDs of any kind")
    func unknownSuggests() {
        #expect(throws: RunFailure.self) { try CatalogueViews.show("dry-coolr-1mw", json: false) }
        do {
            _ = try CatalogueViews.show("dry-coolr-1mw", json: false)
        } catch {
            #expect("\(error)" == "unknown catalogue entry 'dry-coolr-1mw'; did you mean 'dry-cooler-1mw'?")
        }
        do {
            _ = try CatalogueViews.show("zzzz", json: false)
        } catch {
            #expect("\(error)".contains("see 'dcplan catalog list --kind rack|stage|cooling|plant|heat-pump'"))
        }
    }
}
