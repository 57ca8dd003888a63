import PlannerModel

/// The report's "Interconnection study" and "Backup power" subsections under Grid connection
/// (DESIGN.md §5.10).
enum GridStudyMarkdown {
    static func sections(_ e: SiteElectricalResult) -> String {
        [e.study.map { interconnection($0, rules: e.gridRules) }, e.backup.map(backup)].compactMap { $0 }
            .joined(separator: "\n")
    }

    static func interconnection(_ s: InterconnectionStudy, rules: GridRuleTable?) -> String {
        var table = MarkdownTable([("Quantity", .left), ("Value", .right)])
        if let rules {
            table.add([
                "Regional rule table",
                "\(rules.name) (`\(rules.id)`): levels "
                    + rules.levels.map { Format.fixed($0.kilovolts, 1) }.joined(separator: " / ") + " kV",
            ])
        }
        table.add(["Largest synchronous job step [MW] (\(s.loadStepSource))", Format.megawatts(s.loadStep)])
        table.add(["Rise time [s]", Format.fixed(s.riseTime.seconds, 2)])
        table.add(["Ramp of the step [MW/s]", Format.fixed(s.ramp.megawattsPerSecond, 1)])
        table.add([
            "Oscillation band of synchronous training [MW], from \(Format.fixed(s.oscillationFrequencyHz, 1)) Hz",
            Format.megawatts(s.oscillationBand),
        ])
        table.add([
            "Permitted ramp [MW/s] (\(s.rampLimitSource.source), \(s.rampLimitSource.confidence.label))",
            Format.fixed(s.rampLimit.megawattsPerSecond, 3) + " (" + Format.fixed(s.rampLimit.megawattsPerMinute, 1)
                + " MW/min)" + (s.withinLimit ? "" : " (**exceeded**)"),
        ])
        if let storage = s.storage {
            table.add(["Storage power (step + band) [MW]", Format.megawatts(storage.power)])
            table.add(["Storage energy per start or stop [MWh]", Format.fixed(storage.energyPerEvent.megawattHours, 3)])
            table.add([
                "Storage usable energy, held at mid charge [MWh]", Format.fixed(storage.energy.megawattHours, 3),
            ])
            table.add(["Storage C-rate [1/h]", Format.fixed(storage.cRate, 1)])
        } else {
            table.add(["Storage to hold the ramp", "none needed: the ramp is within the limit"])
        }
        let note =
            s.storage == nil
            ? ""
            : "\nThe storage supplies the step while the grid follows at the permitted ramp: `E = P²/(2r)` "
                + "plus one half-cycle of the oscillation band; it discharges `P + ΔP`, and is held at mid charge so a "
                + "job start draws one event and a stop returns one. A C-rate far above 1/h points to supercapacitors "
                + "or high-power cells (or GPU-level smoothing, REFERENCE.md §1.6) rather than energy-rated batteries. "
                + "Losses, depth of discharge and ageing margins are not included.\n"
        return "### Interconnection study\n\n" + table.rendered + note
    }

    static func backup(_ b: BackupPower) -> String {
        var table = MarkdownTable([("Quantity", .left), ("Value", .right)])
        table.add(["UPS load (IT at design) [MW]", Format.megawatts(b.upsLoad)])
        table.add(["UPS battery autonomy [min]", Format.fixed(b.upsAutonomy.seconds / 60, 1)])
        table.add(["UPS battery energy delivered [MWh]", Format.fixed(b.upsEnergy.megawattHours, 2)])
        table.add([
            "Critical load in an outage (IT + hall chain losses + all cooling, plant pumps and house loads at the "
                + "design condition) [MW]",
            Format.megawatts(b.criticalLoad),
        ])
        if let g = b.generators {
            table.add([
                "Generators",
                "\(g.sizing.unitsInstalled) × \(Format.fixed(g.sizing.unitRating.kilowatts, 0)) kW "
                    + "(\(g.sizing.redundancy): \(g.sizing.unitsRequired) carry the load)",
            ])
            table.add([
                "Generator loading, all running / after one fails",
                Format.percent(.fraction(b.criticalLoad / (g.sizing.unitRating * Double(g.sizing.unitsSharingLoad))))
                    + " / "
                    + (g.sizing.unitsAfterFailure > 0
                        ? Format.percent(
                            .fraction(b.criticalLoad / (g.sizing.unitRating * Double(g.sizing.unitsAfterFailure))))
                        : "load lost"),
            ])
            table.add(["Fuel autonomy at the critical load [h]", Format.fixed(g.fuelAutonomy.seconds / 3600, 1)])
            table.add(["Fuel stored [m³]", Format.fixed(g.fuel.cubicMetres, 0)])
        } else {
            table.add(["Generators", "none (power.backup.generators: none): the UPS batteries are the only backup"])
        }
        return "### Backup power\n\n" + table.rendered
            + "\nThe cooling runs in an outage: CDU and plant pumps, chillers, dry coolers and fans at the design "
            + "condition, with the house loads (lighting, security, BMS) "
            + "(liquid-cooled racks lose their heat path within seconds without flow), so the generators carry "
            + "it with the IT. Fuel is the critical load's consumption over the autonomy; NFPA 110 sites store "
            + "more (REFERENCE.md P263).\n"
    }
}
