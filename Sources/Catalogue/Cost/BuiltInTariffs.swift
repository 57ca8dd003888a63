import PlannerModel

/// Electricity and water prices of a region, in its currency: the defaults of `cost:` when the
/// spec gives none (DESIGN.md §5.16).
public struct RegionalPrices: Hashable, Sendable {
    public var currency: Currency
    public var energyPerMegawattHour: Double
    public var demandPerKilowattMonth: Double
    public var waterPerCubicMetre: Double
    public var waterTreatmentPerCubicMetre: Double
    public var provenance: Provenance
}

/// The regional default tariffs; `BuiltInRegions` assigns them to countries (DESIGN.md §5.17).
public enum BuiltInTariffs {
    /// KEPCO industrial (갑) II, HV-A, option II from 24 Oct 2024 (P114): energy 120.0 / 96.5 / 118.2 KRW/kWh
    /// for summer (Jun-Aug), spring and autumn (Mar-May, Sep-Oct) and winter (Nov-Feb), weighted by months
    /// `(3·120.0 + 5·96.5 + 4·118.2)/12 = 109.61`, plus the climate-environment charge 9 and fuel adjustment 5
    /// (P119) → 123.61 KRW/kWh; demand 7 470 KRW/kW a month (P114). Water: Pohang dedicated industrial water
    /// 550 + sewer 335 + levy 117.5 = 1 002.5 KRW/m³ (C53); treatment 100 KRW/m³ (L).
    public static let kepco = RegionalPrices(
        currency: .krw, energyPerMegawattHour: ((3 * 120.0 + 5 * 96.5 + 4 * 118.2) / 12 + 9 + 5) * 1000,
        demandPerKilowattMonth: 7_470, waterPerCubicMetre: 550 + 335 + 117.5, waterTreatmentPerCubicMetre: 100,
        provenance: Provenance(
            source: "REFERENCE.md P114, P119, C53; C103", confidence: .medium,
            derivation:
                "KEPCO industrial (갑) II HV-A option II (2024-10-24), months weighted 3/5/4, plus 9 + 5 KRW/kWh "
                + "add-ons; the large-user (을) table was not found (P116), so its +10.2 % (P117) is not applied; "
                + "Pohang industrial water and sewer (C53); treatment 100 KRW/m³ (L)"))

    /// Virginia industrial average 8.92 ¢/kWh in 2023 (P121), demand charges included in the average;
    /// Houston commercial water 0.99 + sewer 1.40 USD/m³ (C54); treatment 0.10 USD/m³ (L).
    public static let usDominion = RegionalPrices(
        currency: .usd, energyPerMegawattHour: 89.2, demandPerKilowattMonth: 0, waterPerCubicMetre: 0.99 + 1.40,
        waterTreatmentPerCubicMetre: 0.10,
        provenance: Provenance(
            source: "REFERENCE.md P121, C54; C103", confidence: .medium,
            derivation: "EIA average industrial price (demand included, so no separate demand charge); water C54"))

    /// German industrial price (Eurostat, 500-2 000 MWh) 19.76 ct/kWh in 2024 (P130), demand included;
    /// water 4 EUR/m³ between Ireland's 2 and Germany's up to 8 (C55, L); treatment 0.10 EUR/m³ (L).
    public static let euGermany = RegionalPrices(
        currency: .eur, energyPerMegawattHour: 197.6, demandPerKilowattMonth: 0, waterPerCubicMetre: 4,
        waterTreatmentPerCubicMetre: 0.10,
        provenance: Provenance(
            source: "REFERENCE.md P130, C55; C103", confidence: .low,
            derivation: "Eurostat average industrial price (demand included); water between C55's figures (L)"))

    /// Discount rate 8 % (an open data-centre TCO model, C95, L) over 20 years (the median service
    /// life of chillers, towers, pumps and fans, C91).
    public static let discountRatePercent = 8.0
    public static let horizonYears = 20
    public static let financeSource = Provenance(
        source: "REFERENCE.md C95, C91", confidence: .low,
        derivation: "8 %/yr from an open TCO model (C95; published TCO studies' rates not found, C96); 20 years, "
            + "the median service life of chillers, towers, pumps and fans (C91)")
}
