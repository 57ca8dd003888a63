import LinearProgramming
import PlannerModel

extension PlacementAnalysis {
    /// The files written by ``exportModels(hall:options:directory:)`` for one hall.
    public struct ExportedModel: Sendable, Equatable {
        /// Free MPS (minimisation; GLPK's `glpsol --freemps` and most solvers read it).
        public var mpsPath: String
        /// CPLEX LP.
        public var lpPath: String
    }

    /// Places one copy of `hall` and writes the program its layout solves — the routing program
    /// of both media on one floor, with the unit cost held to phase 1's range and every
    /// redundancy cut the search added (``solveFloor(_:media:options:)``) — into `directory` as
    /// `<hall>-floor.mps` (free MPS) and `<hall>-floor.lp` (CPLEX LP), so that any other solver
    /// can check the objective. With ``PlacementOptions/FloorSharing/sequential`` the files are
    /// `<hall>-liquid` and `<hall>-air`. The directory must exist. Nothing is written for a hall
    /// whose search found no layout.
    public static func exportModels(hall: Hall, options: PlacementOptions = PlacementOptions(), directory: String)
        throws(PlacementError) -> [ExportedModel]
    {
        let floor = try FloorModel.floor(of: hall, options: options)
        for medium in CoolingMedium.allCases {
            try validate(options, floor: floor, layout: hall.layout!, medium: medium)
        }
        var programs: [(name: String, program: LinearProgram?)] = []
        switch options.floorSharing {
        case .joint:
            programs.append(
                ("floor", try solveFloor(floor, media: media(floor, options: options), options: options).program))
        case .sequential:
            var taken: Set<Int> = []
            for medium in CoolingMedium.allCases {
                let media = media(floor, options: options, excluded: taken).filter { $0.medium == medium }
                guard !media.isEmpty else { continue }
                let solved = try solveFloor(floor, media: media, options: options)
                programs.append((medium.rawValue, solved.program))
                let ids = Set(solved.layouts.flatMap { $0.units.map(\.id) })
                taken.formUnion(floor.sites.indices.filter { ids.contains(floor.sites[$0].id) })
            }
        }
        var written: [ExportedModel] = []
        for (name, program) in programs {
            guard let program else { continue }
            let stem = directory + "/" + PlacementFormulation.fileStem(hall.id) + "-" + name
            let exported = ExportedModel(mpsPath: stem + ".mps", lpPath: stem + ".lp")
            do {
                try program.exportMPS(to: exported.mpsPath)
                try program.exportCPLEXLP(to: exported.lpPath)
            } catch {
                throw .exportFailed("\(error)")
            }
            written.append(exported)
        }
        return written
    }
}

extension PlacementFormulation {
    /// `id` with every character other than ASCII letters, digits, `-`, `_` and `.` replaced by `_`.
    static func fileStem(_ id: String) -> String {
        String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" })
    }
}
