import Catalogue
import PlannerModel
import Testing

@testable import SiteSpec

/// `halls[].power.topology`, `power.continuous_loading` and `catalog.racks[].feeds` (DESIGN.md §5.7).
@Suite("Topology and continuous-loading keys")
struct TopologySpecTests {
    /// One hall of 10 racks of `rack` whose `power:` mapping is `power`, after the lines `before`.
    func spec(power: String = "{}", rack: String = "gb300-nvl72", before: String = "") -> LoadResult {
        load(
            "version: 1\nsite: { name: T }\n\(before)halls:\n  - id: h\n    power: \(power)\n    racks: [{ type: "
                + "\(rack), count: 10 }]\n"
        )
    }

    /// A single-corded variant of the GB300 rack, in `catalog.racks`.
    static let singleCorded =
        "catalog:\n  racks:\n    - { id: one-cord, based_on: gb300-nvl72, feeds: 1, source: test }\n"

    @Test("without a topology a hall is 2N A/B, listed as a default with its source")
    func defaultTopology() throws {
        let result = spec()
        #expect(result.findings.isEmpty)
        let site = try #require(result.site)
        #expect(site.halls[0].power.topology == .twoN)
        let listed = try #require(site.defaultsApplied.first { $0.key == "halls[0].power.topology" })
        #expect(listed.value == "2N" && listed.provenance.source.contains("P55"))
    }

    @Test("the path topology loads: block+2, 3N/2 and N")
    func loads() throws {
        #expect(try #require(spec(power: "{ topology: block+2 }").site).halls[0].power.topology == .block(reserve: 2))
        #expect(
            try #require(spec(power: "{ topology: 3N/2 }").site).halls[0].power.topology == .distributed(x: 3, y: 2))
        #expect(try #require(spec(power: "{ topology: N }").site).halls[0].power.topology == .n)
    }

    @Test("N+1 as a path topology, and 2N as the UPS modules' redundancy, are errors at the value")
    func notPathTopologies() {
        let pooled = spec(power: "{ topology: N+1 }").findings.map(\.formatted)
        #expect(pooled.count == 1)
        #expect(
            pooled.first?.hasPrefix(
                "Sites/x.yaml:5:24: error: halls[0].power.topology: N+1 is not a path topology: N+k applies only to "
                    + "units paralleled on one bus") == true)
        let ups = spec(power: "{ ups: { topology: 2N } }").findings.map(\.formatted)
        #expect(
            ups == [
                "Sites/x.yaml:5:31: error: halls[0].power.ups.topology: 2N is a path topology: set "
                    + "halls[].power.topology: 2N; ups.topology is the redundancy of the UPS modules paralleled in one "
                    + "frame (N or N+k)"
            ])
    }

    @Test("an A/B topology with a single-corded rack is an error at the topology, or at the rack type by default")
    func singleCordedRacks() {
        let message =
            "2N feeds every rack from two paths, but 'one-cord' is single-corded (feeds: 1); use dual-corded racks "
            + "or topology: block or N"
        // Topology given: the error sits at its value (line 8 after the three catalogue lines).
        #expect(
            spec(power: "{ topology: 2N }", rack: "one-cord", before: Self.singleCorded).findings.map(\.formatted) == [
                "Sites/x.yaml:8:24: error: halls[0].power.topology: \(message)"
            ])
        // Topology left to the 2N default: at the rack group's type.
        let atType = spec(rack: "one-cord", before: Self.singleCorded).findings.map(\.formatted)
        #expect(atType == ["Sites/x.yaml:9:21: error: halls[0].racks[0].type: \(message)"])
        // 4N/3 also feeds twice; block and N take one feed and load.
        #expect(spec(power: "{ topology: 4N/3 }", rack: "one-cord", before: Self.singleCorded).site == nil)
        #expect(spec(power: "{ topology: block }", rack: "one-cord", before: Self.singleCorded).findings.isEmpty)
        #expect(spec(power: "{ topology: N }", rack: "one-cord", before: Self.singleCorded).findings.isEmpty)
    }

    @Test("feeds is 1 or 2, inherited from based_on, 2 for a new entry; the built-in NVL72 racks are dual-fed")
    func feeds() throws {
        let racks = try #require(
            spec(rack: "one-cord", before: Self.singleCorded.replacingOccurrences(of: "feeds: 1", with: "feeds: 2"))
                .site)
        #expect(racks.halls[0].rackGroups[0].system.feeds == 2)
        let three = spec(before: Self.singleCorded.replacingOccurrences(of: "feeds: 1", with: "feeds: 3"))
        #expect(
            three.findings.map(\.formatted).contains {
                $0.hasPrefix("Sites/x.yaml:5:53: error: catalog.racks[0].feeds: must be at most 2, got 3")
            })
        #expect(
            Catalogue.builtIn.entry("gb300-nvl72")?.feeds == 2 && Catalogue.builtIn.entry("gb200-nvl72")?.feeds == 2)
    }

    @Test("continuous limits load per kind of stage; above 100 % or at 0 is an error at the value")
    func continuousLimits() throws {
        let site = try #require(
            spec(before: "power: { continuous_loading: { distribution_percent: 70, transformer_percent: 90 } }\n").site)
        #expect(site.electrical.continuousLoading.distribution == .percent(70))
        #expect(site.electrical.continuousLoading.transformer == .percent(90))
        #expect(site.electrical.continuousLoading.switchgear == .percent(80)) // NEC default kept
        #expect(spec().site?.electrical.continuousLoading == .nec)
        let over = spec(before: "power: { continuous_loading: { ups_percent: 110 } }\n").findings.map(\.formatted)
        #expect(
            over == [
                "Sites/x.yaml:3:45: error: power.continuous_loading.ups_percent: must be within 0–100 % and above 0, "
                    + "got 110"
            ])
        let zero = spec(before: "power: { continuous_loading: { switchgear_percent: 0 } }\n").findings.map(\.formatted)
        #expect(zero.count == 1 && zero[0].hasPrefix("Sites/x.yaml:3:52: error: power.continuous_loading.switchgear"))
    }
}
