import Catalogue
import Foundation
import PlannerModel

/// Capital, operating and lifetime cost of a planned site (DESIGN.md §5.16): every installed item
/// of the plan (power-chain stages, conductors, backup, cooling units and plant, heat recovery,
/// floor space) becomes a line of the bill of quantities, priced from the cost catalogue escalated
/// to the spec's year; the year's energy, water and maintenance give the operating cost, and both
/// the lifetime cost over the spec's horizon.
public enum CostAnalysis {
    /// The cost of `plan` priced from `catalogue`; nil when the site has no cost choices or the
    /// plan has no power chain. Items without a cost entry are listed in `findings` as warnings.
    public static func analyse(_ plan: Plan, catalogue: CostCatalogue = BuiltInCosts.catalogue) -> (
        cost: SiteCost?, findings: [Finding]
    ) {
        guard let choices = plan.site.cost, let electrical = plan.electrical else { return (nil, []) }
        var items: [BillItem] = []
        func price(_ costID: String) -> CostRange? {
            catalogue.entry(costID)?.cost(in: choices.year, index: catalogue.index)
        }
        func add(
            _ system: CostSystem, hall: String?, _ item: String, entry: String, cost costID: String, count: Int,
            rating: Double, _ measure: CostMeasure
        ) {
            guard count > 0, rating > 0 else { return }
            items.append(
                BillItem(
                    system: system, hallID: hall, item: item, entryID: entry, costID: costID, count: count,
                    rating: rating, measure: measure, unitCost: price(costID)))
        }

        // Power chain: the main transformers, then each hall's stages (all copies). Busways and
        // their drops are priced by their copper below, so distribution stages have no line here.
        func stages(_ result: PowerChainResult, hall: String?, copies: Int) {
            for (index, stage) in result.stages.enumerated() where !stage.isDistribution && stage.unitsInstalled > 0 {
                guard let (costID, measure) = costEntry(stage.kind) else { continue }
                let pf = electrical.stageEntries.first { $0.id == stage.entryID }?.powerFactor.fraction ?? 1
                func kva(_ p: Power) -> Double { measure == .kilovoltAmpere && pf > 0 ? p.kilowatts / pf : p.kilowatts }
                if stage.kind == .mvSwitchgear, index + 1 < result.stages.count {
                    // Switchgear is priced per kVA of the transformers or SSTs its feeder sections
                    // serve, not per kVA of its bus rating (C09, C103).
                    let fed = result.stages[index + 1].installedCapacity
                    add(
                        .electrical, hall: hall, stage.stage + " (per kVA fed)", entry: stage.entryID, cost: costID,
                        count: stage.unitsInstalled * copies, rating: kva(fed) / Double(stage.unitsInstalled), measure)
                } else if stage.rackTypes.isEmpty {
                    add(
                        .electrical, hall: hall, stage.stage, entry: stage.entryID, cost: costID,
                        count: stage.unitsInstalled * copies, rating: kva(stage.unitRating), measure)
                } else {
                    // Rack-end stages: one line per rack type, its own unit rating.
                    for type in stage.rackTypes {
                        add(
                            .electrical, hall: hall, "\(stage.stage) (\(type.supply.rackType))", entry: stage.entryID,
                            cost: costID, count: type.perGroup.unitsInstalled * type.groups * copies,
                            rating: kva(type.perGroup.unitRating), measure)
                    }
                }
            }
        }
        if let main = electrical.mainTransformers { stages(main, hall: nil, copies: 1) }
        for hall in electrical.halls { stages(hall.design, hall: hall.id, copies: hall.copies) }

        // Conductors by copper mass (DESIGN.md §5.9); windings and switchboard bars are part of
        // their unit's price.
        func conductors(_ levels: [MetalMass], hall: String?) {
            for level in levels.byLevel {
                let costID: String
                switch level.level {
                case .busways: costID = BuiltInCosts.busway.id
                case .mvCables, .lvFeeders, .rackDrops: costID = BuiltInCosts.cable.id
                case .mainTransformerWindings, .mvlvTransformerWindings, .sstWindings, .switchboards: continue
                }
                add(
                    .electrical, hall: hall, level.level.title, entry: level.level.rawValue, cost: costID, count: 1,
                    rating: level.copper.kilograms, .kilogramCopper)
            }
        }
        conductors(electrical.siteMetal, hall: nil)
        for hall in electrical.halls { conductors(hall.metal.map { $0.scaled(Double(hall.copies)) }, hall: hall.id) }

        // Backup: generators, UPS batteries, grid-ramp and smoothing storage (site level).
        if let backup = electrical.backup {
            if let g = backup.generators {
                add(
                    .backup, hall: nil, "Standby generators", entry: "generator", cost: BuiltInCosts.generator.id,
                    count: g.sizing.unitsInstalled, rating: g.sizing.unitRating.kilowatts, .kilowatt)
            }
            add(
                .backup, hall: nil, "UPS batteries", entry: "ups-battery", cost: BuiltInCosts.upsBattery.id, count: 1,
                rating: backup.upsEnergy.kilowattHours, .kilowattHour)
        }
        if let storage = electrical.study?.storage {
            add(
                .backup, hall: nil, "Grid-ramp battery (power)", entry: "ramp-storage", cost: BuiltInCosts.bessPower.id,
                count: 1, rating: storage.power.kilowatts, .kilowatt)
            add(
                .backup, hall: nil, "Grid-ramp battery (energy)", entry: "ramp-storage",
                cost: BuiltInCosts.bessEnergy.id, count: 1, rating: storage.energy.kilowattHours, .kilowattHour)
        }
        if let smoothing = electrical.siteStorage {
            add(
                .backup, hall: nil, "Smoothing storage (energy)", entry: "site-storage",
                cost: BuiltInCosts.bessEnergy.id, count: 1, rating: smoothing.kilowattHours, .kilowattHour)
        }

        // Cooling: CDUs and air units per hall, the plant per loop.
        if let cooling = plan.cooling {
            let c = cooling.choices
            for hall in cooling.halls {
                if let cdus = hall.cdus {
                    add(
                        .mechanical, hall: hall.id, "CDUs", entry: cdus.entryID, cost: BuiltInCosts.cdu.id,
                        count: cdus.units.unitsInstalled * hall.copies, rating: cdus.units.unitRating.kilowatts,
                        .kilowatt)
                }
                if let air = hall.airUnits {
                    let costID = c.airUnit.kind == .fanWall ? BuiltInCosts.fanWall.id : BuiltInCosts.crah.id
                    add(
                        .mechanical, hall: hall.id, "Air units", entry: air.entryID, cost: costID,
                        count: air.units.unitsInstalled * hall.copies, rating: air.units.unitRating.kilowatts,
                        .kilowatt)
                }
            }
            for loop in cooling.loops {
                let name = loop.kind.rawValue
                let economiserCost =
                    c.economiser.kind == .dryCooler ? BuiltInCosts.dryCooler.id : BuiltInCosts.coolingTower.id
                add(
                    .mechanical, hall: nil, "Economisers (\(name))", entry: c.economiser.id, cost: economiserCost,
                    count: loop.economisers.unitsInstalled, rating: loop.economisers.unitRating.kilowatts, .kilowatt)
                let chillerCost: String
                switch c.chiller.condenser {
                case .airCooled: chillerCost = BuiltInCosts.airCooledChiller.id
                case .waterCooled: chillerCost = BuiltInCosts.waterCooledChiller.id
                }
                add(
                    .mechanical, hall: nil, "Chillers (\(name))", entry: c.chiller.id, cost: chillerCost,
                    count: loop.chillersInstalled, rating: c.chiller.capacity.kilowatts, .kilowatt)
                if let pumps = loop.pumps {
                    add(
                        .mechanical, hall: nil, "Plant pumps (\(name))", entry: "pumps", cost: BuiltInCosts.pump.id,
                        count: 1, rating: pumps.total.kilowatts, .kilowatt)
                }
            }
        }

        // Heat recovery.
        if let hr = plan.heatRecovery, hr.result.status.hasSolution {
            add(
                .heatRecovery, hall: nil, "Heat pumps", entry: hr.result.heatPumpID, cost: BuiltInCosts.heatPump.id,
                count: 1, rating: hr.result.capacity.kilowatts, .kilowatt)
            add(
                .heatRecovery, hall: nil, "Heat storage", entry: "heat-storage", cost: BuiltInCosts.heatStorage.id,
                count: 1, rating: hr.result.storageCapacity.kilowattHours, .kilowattHour)
        }

        // Building: white space fitted out per hall; the shell over the whole building.
        let space = SpaceAnalysis.analyse(plan)
        for hall in space.halls {
            add(
                .building, hall: hall.id, "White-space fit-out", entry: "white-space",
                cost: BuiltInCosts.whiteSpaceFitOut.id, count: hall.copies, rating: hall.whiteSpace.squareMetres,
                .squareMetre)
        }
        add(
            .building, hall: nil, "Building shell (white space, electrical and mechanical rooms)", entry: "building",
            cost: BuiltInCosts.buildingShell.id, count: 1, rating: space.building.squareMetres, .squareMetre)

        // A year of operation.
        let annual = plan.cooling?.annual
        let itEnergy = annual?.itEnergy ?? plan.total.itPower.sustained * .year
        let facilitySustained =
            electrical.facilitySustained + (plan.cooling?.designMechanicalLoad ?? electrical.mechanicalLoad)
        var energy = annual?.facilityEnergy ?? facilitySustained * .year
        var heatRevenue = Money.zero
        if let hr = plan.heatRecovery, hr.result.status.hasSolution {
            energy += hr.result.electricity
            let economics = hr.choices.economics
            let currency = Currency(rawValue: economics.currency) ?? .usd
            heatRevenue = currency.toUSD(hr.result.delivered.megawattHours * economics.heatPricePerMegawattHour)
        }
        let peak = annual?.peakFacility ?? plan.facilityDesign ?? electrical.facilityDesign
        let water = (annual?.water.kilograms ?? 0) / 1000 // m³ at 1 000 kg/m³
        var cost = SiteCost(
            choices: choices, items: items, space: space,
            operating: OperatingCost(
                electricityEnergy: choices.energyPricePerMegawattHour * energy.megawattHours,
                electricityDemand: choices.demandChargePerKilowattMonth * (peak.kilowatts * 12),
                water: (choices.waterPricePerCubicMetre + choices.waterTreatmentPerCubicMetre) * water,
                maintenance: .zero, heatRevenue: heatRevenue),
            itEnergyPerYear: itEnergy, itDesign: plan.total.itPower.design, gpuCount: plan.total.gpuCount,
            maintenance: catalogue.maintenance)
        cost.operating.maintenance = cost.bySystem.reduce(Money.zero) { sum, s in
            sum + s.cost.typical * (catalogue.maintenance[s.system]?.fraction ?? 0)
        }
        return (cost, findings(cost, cooled: plan.cooling != nil))
    }

    /// The cost entry and measure of a power-chain stage kind; nil for distribution (priced by copper).
    static func costEntry(_ kind: StageKind) -> (String, CostMeasure)? {
        switch kind {
        case .mainTransformer: (BuiltInCosts.mainTransformer.id, .kilovoltAmpere)
        case .mvSwitchgear: (BuiltInCosts.mvSwitchgear.id, .kilovoltAmpere)
        case .mvlvTransformer: (BuiltInCosts.mvlvTransformer.id, .kilovoltAmpere)
        case .lvSwitchboard: (BuiltInCosts.lvSwitchboard.id, .kilovoltAmpere)
        case .upsDoubleConversion, .upsEcoMode: (BuiltInCosts.ups.id, .kilowatt)
        case .rackPowerShelf: (BuiltInCosts.rackPowerShelf.id, .kilowatt)
        case .solidStateTransformer: (BuiltInCosts.solidStateTransformer.id, .kilowatt)
        case .dcConverter: (BuiltInCosts.dcConverter.id, .kilowatt)
        case .acDistribution, .dcBusway: nil
        }
    }

    /// A warning per item without a cost entry (the total is incomplete), and one when the white
    /// space's slab loading exceeds the spec's limit.
    static func findings(_ cost: SiteCost, cooled: Bool) -> [Finding] {
        var findings: [Finding] = []
        if !cooled {
            findings.append(
                Finding(
                    .warning, "cost",
                    "no cooling was sized (no weather year and no design condition): the capital leaves out CDUs, "
                        + "air units and the plant, and the operating cost their energy"))
        }
        findings += cost.missing.map { item in
            Finding(
                .warning, "cost",
                "no cost entry '\(item.costID ?? "-")' for \(item.item) (\(item.entryID))"
                    + (item.hallID.map { " in hall '\($0)'" } ?? "")
                    + ": the capital cost leaves it out and is incomplete")
        }
        if let limit = cost.choices.slabLimit {
            for hall in cost.space.halls where hall.slabLoading > limit {
                findings.append(
                    Finding(
                        .warning, "cost.slab_limit_kn_per_m2",
                        "hall '\(hall.id)' loads its white space with "
                            + "\(NumberText.compact((hall.slabLoading.kilopascals * 10).rounded() / 10)) kN/m² "
                            + "of racks, "
                            + "above the slab limit of \(NumberText.compact(limit.kilopascals)) kN/m²"))
            }
        }
        return findings
    }
}
