import Catalogue
import PlannerModel

/// `cost:` prices, discount rate and horizon of the cost analysis (DESIGN.md §5.16).
struct CostSection: SpecMapping {
    enum Key: String, SpecKey {
        case year, currency
        case electricityPerMWh = "electricity_per_mwh", demandChargePerKWMonth = "demand_charge_per_kw_month"
        case waterPerM3 = "water_per_m3", waterTreatmentPerM3 = "water_treatment_per_m3"
        case discountRatePercent = "discount_rate_percent", horizonYears = "horizon_years"
        case slabLimitKNPerM2 = "slab_limit_kn_per_m2"
    }
    var year: Located<Double>?
    var currency: Located<String>?
    var electricityPerMWh: Located<Double>?
    var demandChargePerKWMonth: Located<Double>?
    var waterPerM3: Located<Double>?
    var waterTreatmentPerM3: Located<Double>?
    var discountRatePercent: Located<Double>?
    var horizonYears: Located<Double>?
    var slabLimitKNPerM2: Located<Double>?

    init() {}

    init(_ reader: MappingReader<Key>) {
        year = reader.integer(.year)
        currency = reader.string(.currency)
        electricityPerMWh = reader.number(.electricityPerMWh)
        demandChargePerKWMonth = reader.number(.demandChargePerKWMonth)
        waterPerM3 = reader.number(.waterPerM3)
        waterTreatmentPerM3 = reader.number(.waterTreatmentPerM3)
        discountRatePercent = reader.number(.discountRatePercent)
        horizonYears = reader.integer(.horizonYears)
        slabLimitKNPerM2 = reader.number(.slabLimitKNPerM2)
    }
}

extension CostSection.Key {
    var schema: KeySchema {
        switch self {
        case .year:
            .integer(
                "Price year the catalogue's unit costs are escalated to (default: the commissioning year, else 2026).",
                minimum: 2015, maximum: 2060)
        case .currency:
            .string(
                "Currency of the prices in this section (default USD); converted to USD (REFERENCE.md C101, C102).",
                Currency.allCases.map(\.rawValue))
        case .electricityPerMWh:
            .number(
                "Electricity energy price per MWh (default: the region's tariff; Korea KEPCO industrial, REFERENCE.md "
                    + "P114, P119).", .above(0, atMost: 1_000_000_000, "per MWh"))
        case .demandChargePerKWMonth:
            .number(
                "Demand charge per kW of peak demand and month (default: the region's tariff; KEPCO 7 470 KRW, P114).",
                .above(0, atMost: 100_000_000, "per kW-month"))
        case .waterPerM3:
            .number(
                "Water and sewer price per m³ of make-up water (default: the region's; Korea 1 002.5 KRW, C53).",
                .above(0, atMost: 10_000_000, "per m³"))
        case .waterTreatmentPerM3:
            .number(
                "Water treatment per m³ of make-up water (default: Korea 100 KRW, elsewhere 0.10, L).",
                .above(0, atMost: 10_000_000, "per m³"))
        case .discountRatePercent:
            .number(
                "Discount rate of the lifetime cost [%] (default 8, REFERENCE.md C95, L).", .within(0, 100, "%"),
                percentDefault: 8)
        case .horizonYears:
            .integer(
                "Years of operation the lifetime cost covers (default 20, REFERENCE.md C91).", minimum: 1,
                maximum: 100, unit: "years")
        case .slabLimitKNPerM2:
            .number(
                "Slab loading the white space must carry [kN/m²] (default: not checked; 12 Rated-3, 25 typical, 50 AI, "
                    + "REFERENCE.md C74, C75).", .above(0, atMost: 1000, "kN/m²"))
        }
    }
}

extension SiteAssembler {
    /// `cost:` every key left out takes its default (listed as a default applied): the price year
    /// from the commissioning month, the region's tariff and water prices (`BuiltInTariffs`), 8 %
    /// over 20 years. Spec prices are in `currency` and converted to USD.
    func cost(_ section: CostSection?, region: RegionDefaults, commissioning: String?) -> CostChoices {
        let section = section ?? CostSection()
        let commissioningYear = commissioning.flatMap { Int($0.prefix(4)) }
        let year = section.year.map { Int($0.value) } ?? commissioningYear ?? 2026
        if section.year == nil {
            applied.add(
                "cost.year", String(year),
                Provenance(
                    source: "DESIGN.md §5.16: "
                        + (commissioningYear == nil
                            ? "no commissioning month, the current year" : "site.commissioning"),
                    confidence: .medium))
        }
        let currency = section.currency.flatMap { log.choice($0, of: Currency.self) } ?? .usd
        let regional = (BuiltInRegions.region(code: region.code) ?? BuiltInRegions.fallback).prices
        func price(_ key: String, _ given: Located<Double>?, _ standard: Double) -> Money {
            guard let given else {
                applied.add(
                    "cost.\(key)",
                    Phrase.number((standard * 100).rounded() / 100) + " with currency: " + regional.currency.rawValue,
                    regional.provenance)
                return regional.currency.toUSD(standard)
            }
            return currency.toUSD(given.value)
        }
        let energy = price("electricity_per_mwh", section.electricityPerMWh, regional.energyPerMegawattHour)
        let demand = price(
            "demand_charge_per_kw_month", section.demandChargePerKWMonth, regional.demandPerKilowattMonth)
        let water = price("water_per_m3", section.waterPerM3, regional.waterPerCubicMetre)
        let treatment = price(
            "water_treatment_per_m3", section.waterTreatmentPerM3, regional.waterTreatmentPerCubicMetre)
        if section.discountRatePercent == nil {
            applied.add(
                "cost.discount_rate_percent", Phrase.number(BuiltInTariffs.discountRatePercent),
                BuiltInTariffs.financeSource)
        }
        if section.horizonYears == nil {
            applied.add("cost.horizon_years", String(BuiltInTariffs.horizonYears), BuiltInTariffs.financeSource)
        }
        let tariffGiven = section.electricityPerMWh != nil || section.demandChargePerKWMonth != nil
        return CostChoices(
            year: year, energyPricePerMegawattHour: energy, demandChargePerKilowattMonth: demand,
            waterPricePerCubicMetre: water, waterTreatmentPerCubicMetre: treatment,
            discountRate: .percent(section.discountRatePercent?.value ?? BuiltInTariffs.discountRatePercent),
            horizonYears: section.horizonYears.map { Int($0.value) } ?? BuiltInTariffs.horizonYears,
            slabLimit: section.slabLimitKNPerM2.map { .kilopascals($0.value) },
            tariffSource: tariffGiven
                ? Provenance(source: "the spec (cost:)", confidence: .high) : regional.provenance)
    }
}
