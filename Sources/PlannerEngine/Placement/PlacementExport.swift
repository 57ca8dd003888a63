import LinearProgramming
import PlannerModel

extension PlacementAnalysis {
    /// The files written by ``exportModels(hall:options:directory:)`` for one medium.
    public struct ExportedModel: Sendable, Equatable {
        public var medium: CoolingMedium
        /// Free MPS (minimisation; GLPK's `glpsol --freemps` and most solvers read it).
        public var mpsPath: String
        /// CPLEX LP.
        public var lpPath: String
    }

    /// Writes the placement MILP of each medium with heat of one copy of `hall` (the single-phase
    /// model with the full objective, as ``PlacementFormulation`` builds it) into `directory`
    /// as `<hall>-<medium>.mps` (free MPS) and `<hall>-<medium>.lp` (CPLEX LP), so any other
    /// solver can check a placement. The directory must exist.
    public static func exportModels(hall: Hall, options: PlacementOptions = PlacementOptions(), directory: String)
        throws(PlacementError) -> [ExportedModel]
    {
        let floor = try FloorModel.floor(of: hall, options: options)
        var written: [ExportedModel] = []
        for medium in CoolingMedium.allCases {
            try validate(options, floor: floor, layout: hall.layout!, medium: medium)
            guard floor.heat(medium).kilowatts > PlacementFormulation.negligibleKilowatts else { continue }
            let model = PlacementFormulation.build(
                floor: floor, medium: medium, types: options.units(medium), pathCost: options.pathCost(medium),
                backupRadius: options.backupRadius, strengthening: options.strengthening)
            let stem = directory + "/" + PlacementFormulation.fileStem(hall.id) + "-" + medium.rawValue
            let exported = ExportedModel(medium: medium, mpsPath: stem + ".mps", lpPath: stem + ".lp")
            do {
                try model.program.exportMPS(to: exported.mpsPath)
                try model.program.exportCPLEXLP(to: exported.lpPath)
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
