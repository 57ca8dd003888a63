import PlannerEngine
import PlannerModel
import Testing

@Test("scratch print") func scratchPrint() {
    for d in Distribution.allCases {
        let r = StandardChains.chain(d, racks: 715).evaluate(load: .megawatts(100))
        print("== \(d.rawValue): grid \(r.gridInput.megawatts) loss \(r.totalLoss.megawatts) eff \(r.efficiency.percent) convStages \(r.conversionStages) conv \(r.conversions)")
        for s in r.stages {
            print("  \(s.stage): req \(s.unitsRequired) inst \(s.unitsInstalled) U \(s.unitRating.kilowatts) kW out \(s.loadOut.megawatts) loss \(s.loss.kilowatts) kW x \(s.loadingNormal.percent) after \(s.loadingAfterFailure?.percent ?? -1) strand \(s.strandedCapacity.megawatts) surv \(s.survivesWorstFailure)")
        }
    }
    let eco = StandardChains.chain(.ac415, racks: 715, ups: UPSSpec(mode: .eco)).evaluate(load: .megawatts(100))
    print("eco: eff \(eco.efficiency.percent) loss \(eco.totalLoss.megawatts)")
}

@Test("scratch copper") func scratchCopper() {
    let systems: [(String, ConductorSystem)] = [
        ("415", .threePhase(lineToLine: .volts(415), powerFactor: .fraction(0.95))),
        ("480", .threePhase(lineToLine: .volts(480), powerFactor: .fraction(0.95))),
        ("800", .dc(.volts(800))),
    ]
    for (name, sys) in systems {
        let feeders = Conductors.size(ConductorRun(name: "block feeders", power: .megawatts(2), feeders: 50, system: sys, length: .metres(60)))
        let racks = Conductors.size(ConductorRun(name: "rack feeds", power: .kilowatts(140), feeders: 715, system: sys, length: .metres(30)))
        let one = Conductors.size(ConductorRun(name: "1MW", power: .megawatts(1), system: sys, length: .metres(50)))
        print("\(name): feeder I \(feeders.current.amperes) circ \(feeders.circuits) size \(feeders.size.squareMillimetres) drop \(feeders.dropShare.percent) cu \(feeders.totalCopper.tonnes) t loss \(feeders.totalLoss.kilowatts) kW | rack I \(racks.current.amperes) circ \(racks.circuits) size \(racks.size.squareMillimetres) drop \(racks.dropShare.percent) cu \(racks.totalCopper.tonnes) t loss \(racks.totalLoss.kilowatts) | total \(feeders.totalCopper.tonnes + racks.totalCopper.tonnes) t | 1MW: \(one.circuits)x\(one.size.squareMillimetres) cu \(one.copper.kilograms) drop \(one.dropShare.percent)")
    }
}
