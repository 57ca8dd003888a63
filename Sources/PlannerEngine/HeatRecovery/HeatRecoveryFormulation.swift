import LinearProgramming
import PlannerModel

/// The validated inputs as hourly LP coefficients (MW, MWh, currency).
struct Prepared {
    let count: Int
    let demandMW: [Double]
    let wasteMW: [Double]
    /// COP each hour; 0 when the machine cannot reach the supply temperature.
    let cop: [Double]
    /// `π_heat − π_el/COP(h)` per MWh delivered (0 when unavailable).
    let margin: [Double]
    /// Most the hour can deliver: `min(D(h), W(h)/(1 − 1/COP(h)))`, 0 when unavailable.
    let upperMW: [Double]
    let months: [UInt8]
    let heatPrice: Double
    let electricityPrice: Double
    /// Annualised capital cost per MW of heat-pump capacity and per MWh of storage.
    let capacityCostPerMW: Double
    let storageCostPerMWh: Double
    let hoursAboveStageLift: Int
    let hoursSinkTooHot: Int
    let source: WasteHeat
    let demand: HeatDemand
    let heatPump: HeatPumpEntry
    let economics: HeatRecoveryEconomics
    let options: HeatRecoveryOptions

    init(
        source: WasteHeat, demand: HeatDemand, heatPump: HeatPumpEntry, economics: HeatRecoveryEconomics,
        options: HeatRecoveryOptions
    ) throws(HeatRecoveryError) {
        // The series as numbers: waste heat and demand in W, temperatures in °C.
        let wasteW = source.hourlyHeat.si
        let wasteC = source.hourlyTemperature.celsius
        let demandW = demand.hourlyDemand.si
        let supplyC = demand.hourlySupply.celsius
        let n = wasteW.count
        guard n > 0 else { throw .emptySeries(name: "waste-heat") }
        for (name, series) in [
            ("waste-heat temperature", wasteC), ("heat-demand", demandW), ("network supply temperature", supplyC),
        ] where series.count != n {
            throw series.isEmpty
                ? .emptySeries(name: name) : .lengthMismatch(name: name, count: series.count, expected: n)
        }
        guard demand.months.count == n else {
            throw .lengthMismatch(name: "month", count: demand.months.count, expected: n)
        }
        func check(_ name: String, _ series: [Double], nonNegative: Bool) throws(HeatRecoveryError) {
            for (i, v) in series.enumerated() where !v.isFinite || (nonNegative && v < 0) {
                throw .invalidValue(
                    name: name, hour: i, value: v, requirement: nonNegative ? "finite and ≥ 0" : "finite")
            }
        }
        try check("waste heat [W]", wasteW, nonNegative: true)
        try check("waste-heat temperature [°C]", wasteC, nonNegative: false)
        try check("heat demand [W]", demandW, nonNegative: true)
        try check("network supply temperature [°C]", supplyC, nonNegative: false)
        let capitalPerKW = economics.heatPumpCostPerKilowatt ?? heatPump.capitalCostPerKilowatt
        for (name, value) in [
            ("heat price per MWh", economics.heatPricePerMegawattHour),
            ("electricity price per MWh", economics.electricityPricePerMegawattHour),
            ("heat-pump cost per kW", capitalPerKW), ("storage cost per MWh", economics.storageCostPerMegawattHour),
        ] where !(value >= 0) || !value.isFinite {
            throw .negativePrice(name: name, value: value)
        }
        guard economics.discountRate.fraction >= 0, economics.discountRate.isFinite else {
            throw .invalidValue(
                name: "discount rate", hour: nil, value: economics.discountRate.fraction, requirement: "finite and ≥ 0")
        }
        guard economics.lifetimeYears >= 1 else {
            throw .invalidValue(
                name: "lifetime [years]", hour: nil, value: Double(economics.lifetimeYears), requirement: "at least 1")
        }
        guard heatPump.carnotEfficiency.fraction > 0, heatPump.carnotEfficiency.fraction <= 1 else {
            throw .invalidValue(
                name: "heat-pump Carnot efficiency", hour: nil, value: heatPump.carnotEfficiency.fraction,
                requirement: "within (0, 1]")
        }
        guard heatPump.maximumCOP > 1, heatPump.maximumCOP.isFinite else {
            throw .invalidValue(
                name: "heat-pump maximum COP", hour: nil, value: heatPump.maximumCOP, requirement: "finite and > 1")
        }
        guard heatPump.unitCapacity.watts > 0 else {
            throw .invalidValue(
                name: "heat-pump unit capacity [W]", hour: nil, value: heatPump.unitCapacity.watts, requirement: "> 0")
        }
        if let erf = options.minimumERF {
            guard (0...1).contains(erf.fraction) else {
                throw .invalidOption("the ERF target is \(erf.fraction); it must be within 0...1")
            }
            guard let e = options.dataCentreEnergy, e.si > 0, e.isFinite else {
                throw .invalidOption("an ERF target needs the data centre's annual energy (dataCentreEnergy > 0)")
            }
        }
        if let cap = options.maximumCapacity, !(cap.watts >= 0) || !cap.isFinite {
            throw .invalidOption("the maximum heat-pump capacity is \(cap.watts) W; it must be finite and ≥ 0")
        }
        if let storage = options.storage {
            guard (0..<1).contains(storage.hourlyLoss.fraction) else {
                throw .invalidOption(
                    "the storage loss is \(storage.hourlyLoss.fraction) per hour; it must be within 0..<1")
            }
            if let cap = storage.maximumCapacity, !(cap.si >= 0) || !cap.isFinite {
                throw .invalidOption("the maximum storage capacity must be finite and ≥ 0")
            }
        }
        if case .representativeDays(let days) = options.resolution {
            guard n % 24 == 0, days >= 1, days <= n / 24 else {
                throw .invalidOption(
                    "\(days) representative days from \(n) hours: the hours must be whole days and the count within "
                        + "1...\(n / 24)"
                )
            }
        }

        var cop = [Double](repeating: 0, count: n)
        var margin = cop
        var upper = cop
        var aboveStage = 0
        var tooHot = 0
        let pHeat = economics.heatPricePerMegawattHour
        let pEl = economics.electricityPricePerMegawattHour
        for i in 0..<n {
            let t = wasteC[i]
            let s = supplyC[i]
            guard let c = HeatPumpModel.cop(wasteHeatCelsius: t, supplyCelsius: s, heatPump: heatPump) else {
                tooHot += 1
                continue
            }
            guard c > 1 else { throw .copNotAboveOne(hour: i, wasteHeatCelsius: t, supplyCelsius: s, cop: c) }
            if HeatPumpModel.lift(wasteHeat: .celsius(t), supply: .celsius(s), heatPump: heatPump)
                > heatPump.maximumStageLift
            {
                aboveStage += 1
            }
            cop[i] = c
            margin[i] = pHeat - pEl / c
            upper[i] = min(demandW[i], wasteW[i] / HeatPumpModel.sourceShare(cop: c)) / 1e6
        }
        self.count = n
        self.demandMW = demandW.map { $0 / 1e6 }
        self.wasteMW = wasteW.map { $0 / 1e6 }
        self.cop = cop
        self.margin = margin
        self.upperMW = upper
        self.months = demand.months
        self.heatPrice = pHeat
        self.electricityPrice = pEl
        self.capacityCostPerMW = economics.annuityFactor * capitalPerKW * 1_000
        self.storageCostPerMWh = economics.annuityFactor * economics.storageCostPerMegawattHour
        self.hoursAboveStageLift = aboveStage
        self.hoursSinkTooHot = tooHot
        self.source = source
        self.demand = demand
        self.heatPump = heatPump
        self.economics = economics
        self.options = options
    }
}

/// The LP of `HeatRecoveryAnalysis` over some blocks of hours, each block cyclic for storage.
struct Formulation {
    var program: LinearProgram
    let capacity: VariableID
    let storage: VariableID?
    /// Per modelled hour (in block order): hour of the year, output and delivered columns.
    let hours: [Int]
    let output: [VariableID]
    let deliver: [VariableID]

    /// - Parameters:
    ///   - blocks: Hours of the year modelled, in cyclic blocks (the whole year, or 24-hour days).
    ///   - dayWeights: Weight of each block (days it stands for); nil = 1.
    ///   - fixed: Capacity [MW] and storage [MWh] fixed instead of optimised.
    init(
        hours prepared: Prepared, blocks: [[Int]], dayWeights: [Double]?, options: HeatRecoveryOptions,
        fixed: (Double, Double)? = nil
    ) {
        var p = LinearProgram(name: "heat_recovery", sense: .maximise)
        let capBounds: Bounds =
            fixed.map { .equal($0.0) } ?? options.maximumCapacity.map { .range(0, $0.megawatts) } ?? .nonNegative
        let capacity = p.addVariable("capacity", bounds: capBounds)
        var objective = [LinearTerm(-prepared.capacityCostPerMW, capacity)]
        var storage: VariableID? = nil
        if let s = options.storage {
            let bounds: Bounds =
                fixed.map { .equal($0.1) } ?? s.maximumCapacity.map { .range(0, $0.megawattHours) } ?? .nonNegative
            let v = p.addVariable("storage", bounds: bounds)
            objective.append(LinearTerm(-prepared.storageCostPerMWh, v))
            storage = v
        }
        var hourList: [Int] = []
        var outputs: [VariableID] = []
        var delivers: [VariableID] = []
        var erfTerms: [LinearTerm] = []
        let keep = 1 - (options.storage?.hourlyLoss.fraction ?? 0)
        for (b, block) in blocks.enumerated() {
            let w = dayWeights?[b] ?? 1
            var levels: [VariableID] = []
            for h in block {
                let tag = "[h\(h)]"
                let c = prepared.cop[h]
                let deliver = p.addVariable("deliver" + tag, bounds: .range(0, prepared.demandMW[h]))
                let output: VariableID
                if let storage {
                    output = p.addVariable("output" + tag, bounds: c > 0 ? .nonNegative : .range(0, 0))
                    let level = p.addVariable("level" + tag)
                    levels.append(level)
                    p.addConstraint("stock" + tag, [1 * level, -1 * storage], .lessOrEqual(0))
                } else {
                    output = deliver
                    if c == 0 { p[deliver].bounds = .range(0, 0) }
                }
                p.addConstraint("cap" + tag, [1 * output, -1 * capacity], .lessOrEqual(0))
                if c > 0 {
                    let share = HeatPumpModel.sourceShare(cop: c)
                    p.addConstraint("source" + tag, [share * output], .lessOrEqual(prepared.wasteMW[h]))
                    if options.minimumERF != nil { erfTerms.append(LinearTerm(w * share, output)) }
                }
                if storage != nil {
                    objective.append(LinearTerm(w * prepared.heatPrice, deliver))
                    if c > 0 { objective.append(LinearTerm(-w * prepared.electricityPrice / c, output)) }
                } else if c > 0 {
                    objective.append(LinearTerm(w * prepared.margin[h], deliver))
                }
                hourList.append(h)
                outputs.append(output)
                delivers.append(deliver)
            }
            if storage != nil {
                // L(h) − keep·L(h−1) − p(h) + q(h) = 0, cyclic within the block.
                let first = outputs.count - block.count
                for (k, h) in block.enumerated() {
                    let previous = levels[(k + block.count - 1) % block.count]
                    var terms = [1 * levels[k], -1 * outputs[first + k], 1 * delivers[first + k]]
                    if block.count == 1 {
                        terms[0] = LinearTerm(1 - keep, levels[k])
                    } else {
                        terms.append(LinearTerm(-keep, previous))
                    }
                    p.addConstraint("balance[h\(h)]", terms.filter { $0.coefficient != 0 }, .equal(0))
                }
            }
        }
        if let erf = options.minimumERF, let e = options.dataCentreEnergy {
            p.addConstraint("erf", erfTerms, .greaterOrEqual(erf.fraction * e.megawattHours))
        }
        p.setObjective(.maximise, objective)
        self.program = p
        self.capacity = capacity
        self.storage = storage
        self.hours = hourList
        self.output = outputs
        self.deliver = delivers
    }
}

extension Prepared {
    /// Packs a solution of a full-year formulation (or an empty one) into the result value.
    func result(
        solution: LPSolution, layout: Formulation, reducedError: RepresentativeDaysError?, fullYearValues: Bool = true
    ) -> HeatRecoveryResult {
        let status: HeatRecoveryStatus =
            switch solution.status {
            case .optimal: .optimal
            case .feasible: .feasible
            case .infeasible: .infeasible
            case .unbounded: .unbounded
            case .undefined: .undefined
            }
        var delivered = [Double](repeating: 0, count: count)
        var output = delivered
        var sourceW = delivered
        var electricity = delivered
        var capacityMW = 0.0
        var storageMWh = 0.0
        if solution.status.hasSolution && fullYearValues {
            capacityMW = solution.value(layout.capacity) ?? 0
            storageMWh = layout.storage.flatMap { solution.value($0) } ?? 0
            for (k, h) in layout.hours.enumerated() {
                let q = max(0, solution.values[layout.deliver[k].index])
                let o = max(0, solution.values[layout.output[k].index])
                delivered[h] = q * 1e6
                output[h] = o * 1e6
                if cop[h] > 0 {
                    sourceW[h] = output[h] * HeatPumpModel.sourceShare(cop: cop[h])
                    electricity[h] = output[h] / cop[h]
                }
            }
        }
        let hourlyDelivered = HourlySeries<Power>(si: delivered)
        let hourlyHeatPump = HourlySeries<Power>(si: output)
        let hourlySource = HourlySeries<Power>(si: sourceW)
        let hourlyElectricity = HourlySeries<Power>(si: electricity)
        var monthly = (1...12).map {
            HeatRecoveryResult.Month(month: $0, demand: .zero, delivered: .zero, sourceHeat: .zero, electricity: .zero)
        }
        for h in 0..<count {
            let m = Int(months[h]) - 1
            guard monthly.indices.contains(m) else { continue }
            monthly[m].demand += demand.hourlyDemand[h] * .hour
            monthly[m].delivered += hourlyDelivered[h] * .hour
            monthly[m].sourceHeat += hourlySource[h] * .hour
            monthly[m].electricity += hourlyElectricity[h] * .hour
        }
        let deliveredMWh = delivered.reduce(0, +) / 1e6
        let electricityMWh = electricity.reduce(0, +) / 1e6
        let revenue = heatPrice * deliveredMWh
        let electricityCost = electricityPrice * electricityMWh
        let capital = capacityCostPerMW * capacityMW + storageCostPerMWh * storageMWh
        var findings: [Finding] = []
        if hoursSinkTooHot > 0 {
            findings.append(
                Finding(
                    .warning, "heat_recovery.heat_pump",
                    "\(hoursSinkTooHot) h of the year the network supply needs condensing above \(heatPump.id)'s "
                        + "\(heatPump.maximumSinkTemperature.celsius) °C; those hours get no heat from it (choose a "
                        + "high-temperature heat pump or a lower supply)"
                ))
        }
        if hoursAboveStageLift > 0 {
            findings.append(
                Finding(
                    .warning, "heat_recovery.heat_pump",
                    "\(hoursAboveStageLift) h of the year the lift exceeds one compressor stage "
                        + "(\(heatPump.maximumStageLift.kelvins) K, REFERENCE.md §4.2): a real plant needs two stages "
                        + "in series; the single-stage η·Carnot COP is kept, the conservative one of the two models"
                ))
        }
        if !status.hasSolution {
            findings.append(
                Finding(
                    .error, "heat_recovery",
                    "the heat-recovery LP is \(status.rawValue)"
                        + (options.minimumERF.map {
                            ": the ERF target \($0.percent) % cannot be reached with this waste heat and demand"
                        } ?? "")
                ))
        } else if capacityMW <= 1e-9 {
            findings.append(
                Finding(
                    .note, "heat_recovery",
                    "heat recovery does not pay at these prices: no heat pump is chosen (heat \(heatPrice) vs "
                        + "electricity \(electricityPrice) \(economics.currency)/MWh, capital "
                        + "\(NumberText.compact(capacityCostPerMW.rounded())) \(economics.currency)/MW/yr)"
                ))
        }
        let report = solution.report
        return HeatRecoveryResult(
            status: status, heatPumpID: heatPump.id, sourceKind: source.kind, networkName: demand.network.name,
            capacity: .megawatts(capacityMW),
            units: capacityMW > 1e-9 ? UnitCount.ceiling(capacityMW * 1e6 / heatPump.unitCapacity.watts - 1e-9) : 0,
            storageCapacity: .megawattHours(storageMWh), hourlyDelivered: hourlyDelivered,
            hourlyHeatPump: hourlyHeatPump, hourlySource: hourlySource, hourlyElectricity: hourlyElectricity,
            hourlyCOP: cop, wasteHeat: source.annualEnergy, demand: demand.annualEnergy,
            delivered: hourlyDelivered.energy, sourceHeat: hourlySource.energy, electricity: hourlyElectricity.energy,
            storageLosses: hourlyHeatPump.energy - hourlyDelivered.energy, currency: economics.currency,
            heatRevenue: revenue,
            electricityCost: electricityCost, annualisedCapitalCost: capital,
            netBenefit: revenue - electricityCost - capital, months: monthly,
            lp: HeatRecoveryLPSummary(
                rows: report.rows, columns: report.columns, nonzeros: report.nonzeros, solveTime: report.time,
                message: report.message, modelledHours: layout.hours.count),
            representativeDaysError: reducedError, hoursAboveStageLift: hoursAboveStageLift,
            hoursSinkTooHot: hoursSinkTooHot, findings: findings)
    }
}
