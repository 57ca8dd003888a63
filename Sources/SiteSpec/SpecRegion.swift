import Catalogue
import PlannerModel

/// `site.country` (DESIGN.md §5.17): the one place a site's region is resolved, once, before
/// anything reads a regional default (rule table, MV and LV voltages, grid emission factor,
/// tariff).
extension SiteAssembler {
    /// The region: `site.country`, else the region of `site.grid.rules`, else the country code
    /// ending `site.location`, else Korea's (the project's default, the planner says so). An
    /// unknown code is an error at it with the closest known codes; a European country without
    /// its own table takes Germany's and any other country Korea's, with a warning.
    func resolveRegion(_ site: SiteSection?) -> RegionDefaults {
        let sitePlace = Place(path: SpecPath.root.appending(key: "site"), line: nil, column: nil)
        if let given = site?.country {
            let code = given.value
            guard let region = BuiltInRegions.region(code: code) else {
                log.error(
                    "unknown country code '\(code)': dcplan has regional defaults for "
                        + Phrase.alternatives(BuiltInRegions.all.map(\.defaults.code))
                        + " (other EU/EEA countries take DE's as a stand-in), an ISO 3166-1 alpha-2 code"
                        + Phrase.didYouMean(Self.closeCodes(code)),
                    at: given.place)
                return BuiltInRegions.fallback.defaults
            }
            var defaults = region.defaults
            defaults.resolution = .given
            defaults.reason = "site.country: \(code)"
            if defaults.standInFor != nil {
                log.warning(standInMessage(code, defaults), at: given.place)
            }
            let located = GridRuleTables.countryCode(location: site?.location?.value)
            if let located, located != code, let place = site?.location?.place {
                log.warning(
                    "site.location ends in \(located) but site.country is \(code): the defaults of "
                        + "\(defaults.name) apply", at: place)
            }
            return defaults
        }
        var defaults: RegionDefaults
        if let rules = site?.grid?.rules?.value, let region = BuiltInRegions.region(rules: rules) {
            defaults = region.defaults
            defaults.reason = "from site.grid.rules: \(rules)"
        } else if let code = GridRuleTables.countryCode(location: site?.location?.value) {
            if let region = BuiltInRegions.region(code: code) {
                defaults = region.defaults
                defaults.reason = "from the country code \(code) ending site.location"
                if defaults.standInFor != nil {
                    log.warning(standInMessage(code, defaults), at: site?.location?.place ?? sitePlace)
                }
            } else {
                defaults = BuiltInRegions.fallback.defaults
                defaults.standInFor = code
                defaults.reason = "from the country code \(code) ending site.location, which has no table"
                log.warning(standInMessage(code, defaults), at: site?.location?.place ?? sitePlace)
            }
        } else {
            defaults = BuiltInRegions.fallback.defaults
            defaults.resolution = .defaulted
            defaults.reason = "no site.country and no country code ending site.location"
            applied.add(
                "site.country", defaults.code,
                Provenance(source: "DESIGN.md §5.17: " + defaults.reason, confidence: .low))
            return defaults
        }
        defaults.resolution = .inferred
        applied.add(
            "site.country", defaults.code,
            Provenance(
                source: "DESIGN.md §5.17: " + defaults.reason, confidence: defaults.standInFor == nil ? .medium : .low))
        return defaults
    }

    /// The code in upper case when that is known, else known codes one edit from it: every two-letter code is
    /// within `EditDistance.closest`'s threshold of two, so that would suggest them all.
    static func closeCodes(_ code: String) -> [String] {
        let upper = code.uppercased()
        if BuiltInRegions.knownCodes.contains(upper) { return [upper] }
        return BuiltInRegions.knownCodes.filter { EditDistance.between(upper, $0) <= 1 }.prefix(3).map { $0 }
    }

    /// The warning for a country whose defaults are another's.
    private func standInMessage(_ code: String, _ defaults: RegionDefaults) -> String {
        "no regional defaults for country \(code); \(defaults.name) stands in (its interconnect rules, "
            + "\(Phrase.number(defaults.mediumVoltage.kilovolts)) kV MV, "
            + "\(Phrase.number(defaults.lowVoltage.volts)) V LV, grid emission factor and tariff); set site.country "
            + "to " + Phrase.alternatives(BuiltInRegions.all.map(\.defaults.code))
            + " or the keys themselves (site.grid.rules, compliance.grid_emission_kg_per_kwh, cost:)"
    }
}
