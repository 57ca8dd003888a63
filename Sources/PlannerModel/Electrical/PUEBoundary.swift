/// Where IT energy is measured for PUE (DESIGN.md §5.8; REFERENCE.md §10.2).
///
/// ISO/IEC 30134-2 divides data-centre energy by IT equipment energy (P32) and counts only power
/// delivery outside the IT equipment as facility (P34, P35); the rack's own power shelves, PSUs and
/// in-rack converters are part of the IT equipment, so their losses are IT energy (P37 reads the
/// texts so; none states it for shelves outright). `psuAsFacility` counts them as facility instead,
/// IT measured at the shelves' DC output, for comparison with figures quoted that way.
public enum PUEBoundary: String, Hashable, Sendable, CaseIterable {
    /// IT measured at the rack input: rack-end conversion losses are IT (the default).
    case iso30134_2 = "iso-30134-2"
    /// IT measured at the shelves' or converters' DC output: their losses are facility.
    case psuAsFacility = "psu-as-facility"

    /// One line for reports.
    public var statement: String {
        switch self {
        case .iso30134_2:
            "IT at the rack input (ISO/IEC 30134-2): the rack power shelves' and in-rack converters' losses are IT "
                + "energy"
        case .psuAsFacility:
            "IT at the rack shelves' DC output (site.metrics.pue_boundary: psu-as-facility, for comparison; not "
                + "ISO/IEC 30134-2): the rack power shelves' and in-rack converters' losses are facility energy"
        }
    }

    /// Whether the rack-end conversion losses are IT energy.
    public var rackConversionIsIT: Bool { self == .iso30134_2 }
}

extension PowerChainResult {
    /// Loss of the rack-end stages (entries whose output is the rack: power shelves, in-rack
    /// converters) [W]: inside IT under ISO/IEC 30134-2.
    public var rackConversionLoss: Power {
        stages.filter { !$0.rackTypes.isEmpty || $0.kind.output == .rack }.sum(\.loss)
    }
}

extension SiteElectricalResult {
    /// Rack-end conversion loss of every hall copy at design [W].
    public var rackConversionLossDesign: Power { halls.sum { $0.design.rackConversionLoss * Double($0.copies) } }
    /// The same at sustained load [W].
    public var rackConversionLossSustained: Power {
        halls.sum { $0.sustained.rackConversionLoss * Double($0.copies) }
    }
    /// IT power at the PUE boundary for IT power `it` at the racks' DC side and a rack-end
    /// conversion loss `loss`: `it + loss` under ISO/IEC 30134-2, `it` otherwise [W].
    public func itAtBoundary(_ it: Power, rackConversionLoss loss: Power) -> Power {
        pueBoundary.rackConversionIsIT ? it + loss : it
    }
}
