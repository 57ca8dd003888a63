import PlannerModel

/// An ordered set of IT system entries with unique IDs: the built-in entries, optionally
/// extended by a site spec's own.
public struct Catalogue: Sendable {
    public private(set) var entries: [SystemEntry]
    private var index: [String: Int]

    /// Fails when two entries share an ID.
    public init(entries: [SystemEntry]) throws(CatalogueError) {
        self.entries = []
        self.index = [:]
        for entry in entries { try add(entry) }
    }

    /// The built-in entries, each citing its `REFERENCE.md` rows.
    public static let builtIn: Catalogue = {
        do { return try Catalogue(entries: BuiltInSystems.all) } catch { fatalError("built-in catalogue: \(error)") }
    }()

    public func entry(_ id: String) -> SystemEntry? { index[id].map { entries[$0] } }

    /// The same entries in storage of their own, for one sweep worker: a load copies the
    /// catalogue and the entries its racks name, and copying retains their texts and buffers
    /// (atomic writes to their headers), which workers sharing `builtIn` made from both cores.
    public func unshared() -> Catalogue {
        do { return try Catalogue(entries: entries.map { $0.unshared() }) } catch {
            fatalError("a catalogue's own entries have distinct IDs: \(error)")
        }
    }

    /// Adds an entry; fails when its ID is taken.
    public mutating func add(_ entry: SystemEntry) throws(CatalogueError) {
        guard index[entry.id] == nil else { throw .duplicateID(entry.id) }
        index[entry.id] = entries.count
        entries.append(entry)
    }

    /// The IDs closest to a misspelt one, nearest first, for "did you mean" suggestions.
    public func closestIDs(to id: String, limit: Int = 3, form: SystemForm? = nil) -> [String] {
        let candidates = entries.filter { form == nil || $0.form == form }.map(\.id)
        return EditDistance.closest(to: id, in: candidates, limit: limit)
    }

    /// Rack entries built from the given node entry.
    public func racks(composedOf nodeID: String) -> [SystemEntry] {
        entries.filter { $0.composition?.nodeID == nodeID }
    }
}

public enum CatalogueError: Error, Equatable, CustomStringConvertible {
    case duplicateID(String)
    public var description: String {
        switch self {
        case .duplicateID(let id): "catalogue entry '\(id)' is defined twice"
        }
    }
}
