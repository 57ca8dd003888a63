import PlannerModel

/// The cooling and plant-over-the-year sections of the site report.
enum CoolingMarkdown {
    /// `figures`: the folder (relative to the report) holding the plant SVGs.
    static func sections(_ plan: Plan, figures: String?) -> String {
        guard let c = plan.cooling else { return "" }
        guard c.annual != nil else {
            return [units(c), designOnly(c, plan.site.designCondition)].joined(separator: "\n")
        }
        return [
            units(c),
            year(
                c, profile: plan.site.dailyProfile, figures: figures,
                boundary: plan.electrical?.pueBoundary ?? plan.site.pueBoundary),
        ].joined(separator: "\n")
    }

    /// Without a weather file: where the design condition comes from, and what is missing.
    static func designOnly(_ c: SiteCooling, _ condition: CoolingDesignCondition?) -> String {
        """

        **No weather year**: the cooling above is sized at the design condition \
        \(Format.fixed(c.designDryBulb.celsius, 1)) °C dry bulb / \(Format.fixed(c.designWetBulb.celsius, 1)) °C wet \
        bulb\(condition.map { " (\($0.provenance.source), \($0.provenance.confidence.label))" } ?? ""), and the grid \
        connection carries its design cooling power of \(Format.megawatts(c.designCoolingPower)) MW and \
        \(Format.megawatts(c.designHouseLoad)) MW of house loads. Annual energy, \
        PUE, WUE and the plant's hours by mode need a weather file: set `site.weather` to an EPW file \
        (`Sites/weather/` holds Korean and US stations).

        """
    }

    static func units(_ c: SiteCooling) -> String {
        let ch = c.choices
        var text = """
            ## Cooling

            Liquid loop (TCS) supply \(Format.fixed(ch.tcsSupply.celsius, 1)) °C with a \
            \(Format.fixed(ch.tcsRise.kelvins, 1)) K rise; \
            facility water \(Format.fixed(c.facilityWaterSupply.celsius, 1)) °C after the CDU approach of \
            \(Format.fixed(ch.cdu.approach.kelvins, 1)) K. The air side takes the racks' air heat and the halls' \
            power-chain losses. \
            Units are sized at design power, per copy of the hall. Equipment defaults are estimates (L) until the spec \
            chooses: \
            `\(ch.cdu.id)` (\(ch.cdu.provenance.source)), `\(ch.airUnit.id)` (\(ch.airUnit.provenance.source)).


            """
        var table = MarkdownTable([
            ("Hall", .left), ("Liquid heat [kW]", .right), ("CDUs (installed / required)", .right),
            ("Coolant flow [L/min]", .right),
            ("Pump power [kW]", .right), ("Air heat [kW]", .right), ("Air units (installed / required)", .right),
            ("Airflow [m³/s]", .right), ("Fan power [kW]", .right),
        ])
        for h in c.halls {
            table.add([
                "`\(h.id)`", Format.fixed(h.liquidLoad.kilowatts, 0),
                h.cdus.map { "\($0.units.unitsInstalled) / \($0.units.unitsRequired) (\($0.units.redundancy))" } ?? "–",
                h.cdus.map { Format.fixed($0.coolantFlow.litresPerMinute, 0) } ?? "–",
                h.cdus.map { Format.fixed($0.pumpPower.kilowatts, 1) } ?? "–",
                Format.fixed(h.airLoad.kilowatts, 0),
                h.airUnits.map { "\($0.units.unitsInstalled) / \($0.units.unitsRequired) (\($0.units.redundancy))" }
                    ?? "–",
                h.airUnits.map { Format.fixed($0.airflow.cubicMetresPerSecond, 1) } ?? "–",
                h.airUnits.map { Format.fixed($0.fanPower.kilowatts, 1) } ?? "–",
            ])
        }
        text += table.rendered + "\n"
        text += """

            The plant has two water loops, each with \(ch.economiser.kind.rawValue) economisers \
            (`\(ch.economiser.id)`, approach \(Format.fixed(ch.economiser.approach.kelvins, 1)) K, \
            \(ch.economiserRedundancy)) in series \
            with `\(ch.chiller.id)` chillers \
            (\(ch.chillerRedundancy)\(chillerCounts(c))): \
            the facility water the CDUs reject into, and the air-coil water of the air units, \
            \(Format.fixed(ch.airSupply.celsius, 1)) °C supply air − \
            \(Format.fixed(ch.airUnit.coilApproach.kelvins, 1)) K coil approach. \
            \(designCondition(c)) \(countingRule)

            \(heatRejection(c))


            """
        var plant = MarkdownTable([
            ("Loop", .left), ("Set point [°C]", .right), ("Heat at design [MW]", .right),
            ("Rejected by the economisers at design [MW]", .right), ("Economisers (installed / required)", .right),
            ("Design condition DB / WB [°C]", .right), ("Chiller duty at design [MW]", .right),
            ("Chillers (installed / required)", .right), ("Firm chiller capacity [MW]", .right),
            ("Mode at design", .left), ("COP at design", .right), ("Plant electricity at design [MW]", .right),
            ("Supply at design [°C]", .right),
        ])
        for l in c.loops {
            plant.add([
                l.kind.rawValue, Format.fixed(l.supplySetPoint.celsius, 1), Format.megawatts(l.designHeatLoad),
                Format.megawatts(l.designRejectionDuty),
                "\(l.economisers.unitsInstalled) / \(l.economisers.unitsRequired) (\(l.economisers.redundancy))",
                "\(Format.fixed(l.designDryBulb.celsius, 1)) / \(Format.fixed(l.designWetBulb.celsius, 1))",
                Format.megawatts(l.designChillerDuty),
                "\(l.chillersInstalled) / \(l.chillersRequired) (\(ch.chillerRedundancy)"
                    + (l.chillersFixed ? ", installed set in the spec)" : ")"),
                Format.megawatts(l.chillerFirmCapacity),
                l.designHour.mode.rawValue,
                l.designHour.chillerCOP > 0 ? Format.fixed(l.designHour.chillerCOP, 2) : "–",
                Format.megawatts(l.designHour.electricity),
                Format.fixed(l.designHour.supplyTemperature.celsius, 1)
                    + (l.designHour.holdsSetPoint ? "" : " (**above set point**)"),
            ])
        }
        return text + plant.rendered + "\n" + pumpsAndHouse(c) + classes(c)
    }

    /// How the economisers are sized and run (DESIGN.md §5.12).
    static func heatRejection(_ c: SiteCooling) -> String {
        let e = c.choices.economiser
        let condenser: String
        if case .waterCooled = c.choices.chiller.condenser {
            condenser =
                "the loop's heat plus the compressor heat of the water-cooled chillers, whose condenser water runs "
                + "through the same bank (condenser duty = evaporator duty × (1 + 1/COP))"
        } else {
            condenser =
                "the part of the loop's heat they carry themselves (the air-cooled chillers reject their own "
                + "condenser heat)"
        }
        return """
            Heat rejection (DESIGN.md §5.12): the economisers are sized for all the heat they reject at the \
            design hour with the spares out: \(condenser). Their approach follows their duty and fan speed, \
            `a = \(Format.fixed(e.approach.kelvins, 1)) K × (duty / rating) / speed` (REFERENCE.md P333, P301); \
            over the year the fans slow to the speed that just holds the set point, never below \
            \(Format.fixed(e.minimumFanSpeed.percent, 0)) % (REFERENCE.md P300), and draw \
            `P = P_design × speed³` (affinity law); beside the chillers they run at full speed.\(pads(c))
            """
    }

    /// The hours an adiabatic cooler wets its pads, per loop (DESIGN.md §5.12).
    static func pads(_ c: SiteCooling) -> String {
        guard c.choices.economiser.kind == .adiabaticDryCooler, c.annual != nil else { return "" }
        let hours = c.loops.map { "\(Format.integer($0.hoursPadsWet)) h (\($0.kind.rawValue))" }
        let effectiveness = Format.fixed((c.choices.economiser.padEffectiveness ?? .fraction(0)).percent, 0)
        return " The adiabatic pads (\(effectiveness) % saturation, REFERENCE.md P302) are wet only when the dry coil "
            + "at full speed cannot hold the set point: \(hours.joined(separator: ", ")) of the year."
    }

    /// The plant's pumps per loop at design and the house loads (DESIGN.md §5.13).
    static func pumpsAndHouse(_ c: SiteCooling) -> String {
        let p = c.choices.pumps
        var table = MarkdownTable([
            ("Loop", .left), ("Flow at design [m³/s]", .right), ("Head [m]", .right), ("Pumps at design [kW]", .right),
            ("Condenser-water flow [m³/s]", .right), ("Condenser head [m]", .right),
            ("Condenser pumps at design [kW]", .right),
        ])
        for l in c.loops {
            guard let pumps = l.pumps else { continue }
            table.add([
                l.kind.rawValue, Format.fixed(pumps.flow.cubicMetresPerSecond, 2), Format.fixed(pumps.head.metres, 1),
                Format.fixed(pumps.power.kilowatts, 0), Format.fixed(pumps.condenserFlow.cubicMetresPerSecond, 2),
                Format.fixed(pumps.condenserHead.metres, 1), Format.fixed(pumps.condenserPower.kilowatts, 0),
            ])
        }
        let house: String
        switch c.choices.houseLoads {
        case .shareOfIT(let share):
            house = "\(Format.fixed(share.percent, 2)) % of the IT design power (`site.house_loads.percent_of_it`)"
        case .perArea(let density, let area):
            house =
                "\(Format.fixed(density, 1)) W/m² over \(Format.fixed(area.squareMetres, 0)) m² of support space "
                + "(`site.house_loads`)"
        case .shareAndArea(let share, let density, let area):
            house =
                "\(Format.fixed(share.percent, 2)) % of the IT design power plus \(Format.fixed(density, 1)) W/m² over "
                + "\(Format.fixed(area.squareMetres, 0)) m² of support space (`site.house_loads`)"
        }
        return """

            Plant pumps (DESIGN.md §5.13): flow `V̇ = Q/(ρ·c_p·ΔT)` for each loop's heat, `P = ρ·g·H·V̇/η` with \
            η = \(Format.fixed(p.efficiency.percent, 0)) % wire to water; over the year the variable-speed pumps \
            follow the heat by the affinity law `P = P_design·max(r, \(Format.fixed(p.minimumSpeed.fraction, 2)))³`, \
            and the condenser-water pumps run with the water-cooled chillers. Their electricity heats the water the \
            plant cools. Design total \(Format.megawatts(c.designPlantPumps)) MW.


            """ + table.rendered + """


                House loads (lighting, offices, security, BMS, electrical-room cooling): \
                \(Format.megawatts(c.designHouseLoad)) MW all year, \(house).


                """
    }

    /// The counting rule every unit table follows (DESIGN.md §5.14).
    static let countingRule =
        "In every unit table *required* is the units the load needs, `⌈load / unit rating⌉`, never a spare; "
        + "*installed* is required plus the redundancy's spares (N+1: one more)."

    /// How the chillers are counted: per loop from the spec, or sized for the design condition.
    static func chillerCounts(_ c: SiteCooling) -> String {
        let fixed = c.choices.chillerUnits
        guard !fixed.isEmpty else { return ", sized for the design condition" }
        let set = CoolingLoop.Kind.allCases.compactMap { kind in
            fixed[kind].map { "\($0) on the \(kind.rawValue) loop (`\(kind.chillerUnitsKey)`)" }
        }
        let sized = CoolingLoop.Kind.allCases.filter { fixed[$0] == nil }.map(\.rawValue)
        return ", " + set.joined(separator: " and ") + " set in the spec"
            + (sized.isEmpty
                ? "" : "; the " + sized.joined(separator: " and ") + " loop's sized for the design condition")
    }

    /// Which design condition sized the plant and where it came from (DESIGN.md §5.14).
    static func designCondition(_ c: SiteCooling) -> String {
        var evaporation = ""
        if let dry = c.designEvaporationDryBulb, let wet = c.designEvaporationWetBulb {
            evaporation = " \(Format.fixed(dry.celsius, 1)) / \(Format.fixed(wet.celsius, 1)) °C"
        }
        let source = c.designSource.isEmpty ? "" : " The design condition comes from \(c.designSource)."
        return "Each loop is sized at whichever ASHRAE 0.4 % condition needs more chiller duty: cooling DB / MCWB "
            + "\(Format.fixed(c.designDryBulb.celsius, 1)) / \(Format.fixed(c.designWetBulb.celsius, 1)) °C, or "
            + "evaporation MCDB / WB\(evaporation); by definition the condition is exceeded about 35 h a year; the "
            + "table gives the one each loop was sized at.\(source)"
    }

    /// The ASHRAE liquid and air classes the design meets, and the hours outside them.
    static func classes(_ c: SiteCooling) -> String {
        var table = MarkdownTable([
            ("ASHRAE class (Thermal Guidelines 2021, REFERENCE.md §3.1-3.2)", .left), ("Value", .right),
        ])
        if let liquid = c.loop(.liquid) {
            table.add([
                "Liquid (facility-water supply \(Format.fixed(liquid.supplySetPoint.celsius, 1)) °C)",
                c.hoursAboveLiquidClass.map {
                    "\(c.liquidClass); \(Format.integer($0)) h above its limit, warmest "
                        + "\(Format.fixed(liquid.warmestSupply.celsius, 1)) °C"
                } ?? "\(c.liquidClass)",
            ])
        }
        if let air = c.airInlet {
            let name =
                air.airClass.map {
                    "\($0.name) (allowable "
                        + "\(Format.fixed($0.allowable.lowerBound, 0))–\(Format.fixed($0.allowable.upperBound, 0)) °C)"
                } ?? "none (above A4)"
            table.add([
                "Air (rack inlet \(Format.fixed(air.setPoint.celsius, 1)) °C, warmest "
                    + "\(Format.fixed(air.warmest.celsius, 1)) °C)",
                name,
            ])
            table.add(["Hours outside the A1–A4 recommended 18–27 °C", Format.integer(air.hoursOutsideRecommended)])
            if let cls = air.airClass, cls.recommended != AshraeClass.airClasses[1].recommended {
                table.add([
                    "Hours outside the \(cls.name) recommended "
                        + "\(Format.fixed(cls.recommended.lowerBound, 0))–"
                        + "\(Format.fixed(cls.recommended.upperBound, 0)) °C",
                    Format.integer(air.hoursOutsideClassRecommended),
                ])
            }
            table.add([
                "Hours allowed outside the class's recommended range (`cooling.class_hours_outside_recommended_h`)",
                Format.integer(c.choices.classHoursAllowed),
            ])
        }
        return table.rendered + extreme(c)
    }

    /// The extreme check (DESIGN.md §5.15): each loop at the extreme condition with one chiller and
    /// one economiser out, capacity against duty.
    static func extreme(_ c: SiteCooling) -> String {
        guard let e = c.extreme else { return "" }
        var table = MarkdownTable([
            ("Loop", .left), ("Heat [MW]", .right), ("Economisers in service", .right),
            ("Chiller duty [MW]", .right), ("Chillers in service", .right), ("Capacity [MW]", .right),
            ("Margin [MW]", .right), ("Supply [°C]", .right), ("Hours of the year short", .right),
            ("Worst hour short [MW]", .right),
        ])
        for l in e.loops {
            table.add([
                l.kind.rawValue, Format.megawatts(l.heat), Format.integer(l.economisersInService),
                Format.megawatts(l.duty), Format.integer(l.chillersInService), Format.megawatts(l.capacity),
                (l.margin < .zero ? "**" : "") + Format.megawatts(l.margin) + (l.margin < .zero ? "**" : ""),
                Format.fixed(l.supply.celsius, 1), Format.integer(l.hoursShort), Format.megawatts(l.worstShort),
            ])
        }
        return """


            **Extreme condition** \(Format.fixed(e.dryBulb.celsius, 1)) °C dry bulb / \
            \(Format.fixed(e.wetBulb.celsius, 1)) °C wet bulb (\(e.source)), at design load with one chiller and \
            one economiser out of each loop (the economisers left carry the heat with a proportionally larger \
            approach). Margin = chillers in service × unit capacity − the chiller duty to hold the set point; \
            the hours are those of the weather year the same plant misses a set point.


            """ + table.rendered
    }

    static func year(
        _ c: SiteCooling, profile: [Ratio]?, figures: String?, boundary: PUEBoundary = .iso30134_2
    ) -> String {
        guard let a = c.annual else { return "" }
        var summary = MarkdownTable([("Quantity", .left), ("Value", .right)])
        summary.add(["Weather", "`\(a.weatherFile)` (\(Format.integer(a.hours)) h)"])
        summary.add([
            "IT load",
            profile.map { p in
                "daily profile, "
                    + "\(Format.fixed((p.map(\.fraction).min() ?? 0) * 100, 0))–"
                    + "\(Format.fixed((p.map(\.fraction).max() ?? 0) * 100, 0)) % of the sustained utilisation by "
                    + "hour (`workload.daily_profile_percent`)"
            } ?? "sustained utilisation every hour",
        ])
        let itLabel = boundary.rackConversionIsIT ? "at the rack input" : "at the rack shelves' DC output"
        summary.add(["IT energy \(itLabel) [MWh]", Format.fixed(a.itEnergy.megawattHours, 0)])
        summary.add([
            boundary.rackConversionIsIT
                ? "Power-chain losses outside the racks [MWh]" : "Power-chain losses, rack shelves included [MWh]",
            Format.fixed(a.chainLossEnergy.megawattHours, 0),
        ])
        summary.add(["CDU pumps and air fans [MWh]", Format.fixed(a.distributionCoolingEnergy.megawattHours, 0)])
        summary.add(["Chillers and economiser fans [MWh]", Format.fixed(a.plantEnergy.megawattHours, 0)])
        summary.add([
            "of which economiser fans (variable speed, DESIGN.md §5.12) [MWh]",
            Format.fixed(a.economiserFanEnergy.megawattHours, 0),
        ])
        summary.add([
            "Facility-water, air-coil-water and condenser-water pumps [MWh]",
            Format.fixed(a.pumpEnergy.megawattHours, 0),
        ])
        summary.add(["House loads [MWh]", Format.fixed(a.houseEnergy.megawattHours, 0)])
        summary.add(["Facility energy [MWh]", Format.fixed(a.facilityEnergy.megawattHours, 0)])
        summary.add(["**PUE**", Format.fixed(a.pue, 3)])
        summary.add(["Partial PUE, power chain ((IT + chain losses) / IT)", Format.fixed(a.partialPUEPower, 3)])
        summary.add(["Partial PUE, cooling ((IT + pumps, fans and plant) / IT)", Format.fixed(a.partialPUECooling, 3)])
        summary.add(["House loads / IT", Format.fixed(a.itEnergy > .zero ? a.houseEnergy / a.itEnergy : 0, 3)])
        summary.add(["Water (tower make-up) [m³]", Format.fixed(a.water.kilograms / 1000, 0)])
        summary.add(["**WUE** [L/kWh]", Format.fixed(a.wue, 3)])
        for mode in PlantMode.allCases {
            summary.add([
                "Hours \(mode.rawValue)"
                    + (c.loops.count > 1 ? " (" + c.loops.map(\.kind.rawValue).joined(separator: " / ") + ")" : ""),
                c.loops.map { Format.integer($0.hoursByMode[mode, default: 0]) }.joined(separator: " / "),
            ])
        }
        for loop in c.loops {
            summary.add([
                "Hours the \(loop.kind.rawValue) is above its set point", Format.integer(loop.hoursAboveSetPoint),
            ])
        }
        summary.add(["Heat rejected to the outdoors [MWh]", Format.fixed(a.heatRejected.megawattHours, 0)])
        summary.add(["Heat recovered [MWh]", Format.fixed(a.heatRecovered.megawattHours, 0)])
        summary.add([
            "Energy balance, worst hour (facility − rejected − recovered) / facility",
            a.worstBalanceResidual <= 1e-9 ? "closes (≤ 1e-9)" : "**\(a.worstBalanceResidual)**",
        ])
        summary.add([
            "Peak facility power [MW] (hour of the year)",
            "\(Format.megawatts(a.peakFacility)) (\(Format.integer(a.peakHour + 1)))",
        ])
        var months = MarkdownTable([
            ("Month", .left), ("IT [MWh]", .right), ("Cooling [MWh]", .right), ("Facility [MWh]", .right),
            ("PUE", .right),
            ("Free-cooling hours", .right),
        ])
        for m in a.months {
            months.add([
                String(m.month), Format.fixed(m.it.megawattHours, 0), Format.fixed(m.cooling.megawattHours, 0),
                Format.fixed(m.facility.megawattHours, 0), Format.fixed(m.pue, 3), Format.integer(m.freeHours),
            ])
        }
        return """
            ## Plant over the year

            Each hour of the weather year at the sustained IT load (or the hour's share of it in a daily profile), for \
            each loop: the economisers cool the water when dry \
            bulb (or wet bulb) + approach reaches the set point (free), pre-cool it with the chillers trimming \
            (partial), or the \
            chillers carry it (chiller); the hours by mode are the facility-water loop's. When the firm chiller \
            capacity is \
            short the water settles above its set point. Facility = IT + power-chain losses + pumps and fans + plant + \
            plant pumps + house loads; \
            every \
            watt ends as heat rejected outdoors (or recovered), checked hour by hour.

            PUE boundary: \(boundary.statement). PUE and both partial PUEs divide by the same IT energy.


            """ + summary.rendered + "\n" + months.rendered
                + (figures.map {
                    "\n![Facility power over the year](\($0)/facility-power.svg)\n\n![Load-duration "
                        + "curve](\($0)/load-duration.svg)\n"
                } ?? "")
    }
}
