/// Copies that share no heap storage with the original.
///
/// Copying a Swift value retains the buffers it holds (a text's storage, an array's elements)
/// with an atomic write to the buffer's header. Threads that copy values out of one shared
/// instance per scenario all write those headers, and each write pulls the header's cache line
/// away from the other cores. A sweep therefore gives each of its threads its own copy of the
/// read-only state it copies from per scenario (`SweepRunner`), made with these.
extension String {
    /// The same text in storage of its own; a small text (15 UTF-8 bytes or fewer) is held
    /// inline and copied as it is.
    public func unshared() -> String {
        guard utf8.count > 15 else { return self }
        var text = self
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { $0.initialize(fromContentsOf: bytes) }
        }
    }
}

extension SweepValue {
    /// The value with its text in storage of its own.
    public func unshared() -> SweepValue {
        switch self {
        case .number: self
        case .text(let text): .text(text.unshared())
        }
    }
}

extension SweepDefinition {
    /// The definition with every text and array in storage of its own.
    public func unshared() -> SweepDefinition {
        var copy = self
        copy.name = name.unshared()
        copy.base = base.unshared()
        copy.digest = digest.unshared()
        copy.axes = axes.map { SweepAxis(path: $0.path.unshared(), values: $0.values.map { $0.unshared() }) }
        copy.metrics = metrics.map { $0.unshared() }
        copy.pareto = pareto.map { ($0.unshared(), $1.unshared()) }
        return copy
    }
}

extension SweepMetric {
    /// The metric with its texts in storage of its own.
    func unshared() -> SweepMetric {
        SweepMetric(
            id: id.unshared(), title: title.unshared(), better: better, needsAnnual: needsAnnual, decimals: decimals,
            value: value)
    }
}

extension UtilisationCurve {
    /// The curve with its source text in storage of its own (see `Planner.unshared()`).
    public func unshared() -> UtilisationCurve {
        var copy = self
        copy.source = source?.unshared()
        return copy
    }
}

extension Provenance {
    /// The provenance with its texts in storage of its own.
    public func unshared() -> Provenance {
        Provenance(source: source.unshared(), confidence: confidence, derivation: derivation?.unshared())
    }
}

extension StageEntry {
    /// The entry with its texts and points in storage of its own: built-in entries are statics
    /// that every scenario's chain copies, so each sweep worker plans with copies of its own
    /// (`StandardChains.unshared()`, `SiteLoader.unshared()`).
    public func unshared() -> StageEntry {
        var copy = self
        copy.id = id.unshared()
        copy.name = name.unshared()
        copy.points = Array(unsafeUninitializedCapacity: points.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: points)
        }
        copy.provenance = provenance.unshared()
        return copy
    }
}

extension SystemEntry {
    /// The entry with its texts in storage of its own (see `Catalogue.unshared()`).
    public func unshared() -> SystemEntry {
        var copy = self
        copy.id = id.unshared()
        copy.name = name.unshared()
        copy.composition = composition.map { Composition(nodeID: $0.nodeID.unshared(), nodes: $0.nodes) }
        copy.provenance = provenance.unshared()
        return copy
    }
}
