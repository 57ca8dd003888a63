import Catalogue
import PlannerModel

/// Grid interconnection (DESIGN.md §5.2, REFERENCE.md §2.5).
public enum GridConnection {
    /// The KEPCO supply rule table (REFERENCE.md §2.5, `GridRuleTables.kepco`): ≤ 10 MW general
    /// 22.9 kV supply; ≤ 40 MW a dedicated 22.9 kV line (M); above 40 MW 154 kV; from 400 MW 345 kV
    /// (L, unverified). The thresholds are inputs: pass another table to override them.
    public static let kepcoRules: [InterconnectRule] = GridRuleTables.kepco.rules

    /// The main transformer for a supply at `voltage` down to the site's `mediumVoltage`: the
    /// standard 154/22.9 kV entry at 154 kV to 22.9 kV, else an entry built from it for those
    /// voltages (same 60 MVA rating and loss curve, tagged as derived, L: large HV transformers'
    /// efficiencies differ little with the winding voltages, REFERENCE.md §2.3 Transformers), so a
    /// 230/34.5 kV supply is not costed and drawn as 154/22.9 kV (DESIGN.md §5.17).
    public static func mainTransformer(
        for voltage: Voltage, standard: StageEntry, mediumVoltage: Voltage = .kilovolts(22.9)
    ) -> StageEntry {
        let kilovolts = voltage.kilovolts
        let mv = NumberText.compact(mediumVoltage.kilovolts)
        guard abs(kilovolts - 154) > 1e-9 || mv != "22.9" else { return standard }
        let kv = NumberText.compact(kilovolts)
        var entry = standard
        entry.id = "main-transformer-\(kv)-\(mv)kv"
        entry.name = "Main transformer \(kv)/\(mv) kV, 60 MVA"
        entry.outputVoltage = mediumVoltage
        entry.provenance = Provenance(
            source: "derived from \(standard.id) for the \(kv)/\(mv) kV supply: " + standard.provenance.source,
            confidence: .low,
            derivation: "the 154/22.9 kV entry's rating and loss curve, kept for the \(kv)/\(mv) kV windings")
        return entry
    }

    /// The first rule admitting `peakDemand` (rules in ascending order; the last should be open-ended).
    /// Falls back to the last rule when none admits it.
    public static func rule(for peakDemand: Power, rules: [InterconnectRule] = kepcoRules) -> InterconnectRule {
        rules.first { $0.admits(peakDemand) } ?? rules[rules.count - 1]
    }

    /// Interconnect voltage and main transformers for a site's peak facility demand [W].
    ///
    /// Main transformers (to 22.9 kV) are needed when the supply voltage is above
    /// `distributionVoltage`; they are counted with `RedundancyAnalysis.size` for the peak demand
    /// and the entry's real-power rating (`S·pf`, 60 MVA × 0.95 = 57 MW by default).
    public static func plan(
        peakDemand: Power, rules: [InterconnectRule] = kepcoRules,
        transformer: StageEntry = BuiltInStages.mainTransformer, redundancy: Redundancy = .nPlus(1),
        distributionVoltage: Voltage = .kilovolts(22.9)
    ) -> GridConnectionResult {
        let rule = rule(for: peakDemand, rules: rules)
        let transformers =
            rule.voltage > distributionVoltage
            ? RedundancyAnalysis.size(load: peakDemand, unitRating: transformer.unitRating, redundancy: redundancy)
            : nil
        return GridConnectionResult(peakDemand: peakDemand, rule: rule, mainTransformers: transformers)
    }
}
