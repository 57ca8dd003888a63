internal import CGLPK
internal import Foundation

/// Owns one `glp_prob` and is the only code that passes row and column numbers to GLPK.
///
/// GLPK numbers rows and columns from 1 and calls `abort()` on a number out of range, so every
/// method here takes 0-based Swift indices, checks them with a precondition (a bug in this
/// module, like an array index out of range) and converts them. Arrays handed to GLPK have
/// `count + 1` elements with element 0 unused, as GLPK expects.
///
/// Create instances only through ``GLPKSession/withProblem(_:)``: the object must be created,
/// used and deleted on one thread (see there).
final class GLPKProblem {
    private let pointer: OpaquePointer
    private let creatingThread = pthread_self()

    init() {
        pointer = glp_create_prob()
    }

    deinit {
        precondition(
            pthread_equal(creatingThread, pthread_self()) != 0,
            "a GLPK problem object must be deleted on the thread that created it")
        glp_delete_prob(pointer)
    }

    // MARK: Size

    var rowCount: Int { Int(glp_get_num_rows(pointer)) }
    var columnCount: Int { Int(glp_get_num_cols(pointer)) }
    var nonzeroCount: Int { Int(glp_get_num_nz(pointer)) }
    /// Integer columns with bounds 0…1.
    var binaryCount: Int { Int(glp_get_num_bin(pointer)) }
    /// Integer columns, binaries included.
    var integerCount: Int { Int(glp_get_num_int(pointer)) }

    // MARK: Loading

    /// Copies `program` into this (empty) problem object. `program` must have passed
    /// ``LinearProgram/validate()``, which guarantees valid names, finite ordered bounds (whole
    /// numbers for integers), in-range variable indices, no duplicate entries and counts that
    /// fit `Int32`.
    func load(_ program: LinearProgram) {
        precondition(rowCount == 0 && columnCount == 0, "load(_:) needs an empty problem object")
        glp_set_prob_name(pointer, program.name)
        glp_set_obj_dir(pointer, program.sense == .minimise ? GLP_MIN : GLP_MAX)
        // glp_add_rows and glp_add_cols abort when asked for zero.
        if !program.constraints.isEmpty {
            glp_add_rows(pointer, Int32(program.constraints.count))
        }
        if !program.variables.isEmpty {
            glp_add_cols(pointer, Int32(program.variables.count))
        }
        for (index, constraint) in program.constraints.enumerated() {
            let row = rowNumber(index)
            glp_set_row_name(pointer, row, constraint.name)
            let (type, lower, upper) = Self.glpkBounds(constraint.bounds)
            glp_set_row_bnds(pointer, row, type, lower, upper)
        }
        for (index, variable) in program.variables.enumerated() {
            let column = columnNumber(index)
            glp_set_col_name(pointer, column, variable.name)
            glp_set_col_kind(pointer, column, variable.kind == .continuous ? GLP_CV : GLP_IV)
            let (type, lower, upper) = Self.glpkBounds(variable.bounds)
            glp_set_col_bnds(pointer, column, type, lower, upper)
        }
        for term in program.objective.terms {
            glp_set_obj_coef(pointer, columnNumber(term.variable.index), term.coefficient)
        }
        glp_set_obj_coef(pointer, 0, program.objective.constant) // column 0 is the constant
        loadMatrix(program.constraints)
    }

    /// Loads all coefficients at once as triplets (row, column, value) in arrays of
    /// `nonzeros + 1` elements.
    private func loadMatrix(_ constraints: [Constraint]) {
        let count = constraints.reduce(0) { $0 + $1.terms.count }
        var rows = [Int32](repeating: 0, count: count + 1)
        var columns = [Int32](repeating: 0, count: count + 1)
        var values = [Double](repeating: 0, count: count + 1)
        var position = 1
        for (index, constraint) in constraints.enumerated() {
            let row = rowNumber(index)
            for term in constraint.terms {
                rows[position] = row
                columns[position] = columnNumber(term.variable.index)
                values[position] = term.coefficient
                position += 1
            }
        }
        glp_load_matrix(pointer, Int32(count), rows, columns, values)
        // Row and column lists in index order, so exported files list terms as built.
        glp_sort_matrix(pointer)
    }

    /// Sets every objective coefficient and the constant to 0, leaving a feasibility problem.
    func clearObjective() {
        for index in 0..<columnCount {
            glp_set_obj_coef(pointer, columnNumber(index), 0)
        }
        glp_set_obj_coef(pointer, 0, 0)
    }

    // MARK: Reading back

    /// The program this problem object holds, for example after ``readMPS(at:)``.
    func program() -> LinearProgram {
        var program = LinearProgram(
            name: glp_get_prob_name(pointer).map { String(cString: $0) } ?? "model",
            sense: glp_get_obj_dir(pointer) == GLP_MAX ? .maximise : .minimise)
        for index in 0..<columnCount {
            let column = columnNumber(index)
            let kind: VariableKind =
                switch glp_get_col_kind(pointer, column) {
                case GLP_BV: .binary
                case GLP_IV: .integer
                default: .continuous
                }
            let bounds = Self.bounds(
                type: glp_get_col_type(pointer, column),
                lower: glp_get_col_lb(pointer, column),
                upper: glp_get_col_ub(pointer, column))
            program.addVariable(columnName(index), bounds: bounds, kind: kind)
            let coefficient = glp_get_obj_coef(pointer, column)
            if coefficient != 0 {
                program.objective.terms.append(LinearTerm(coefficient, VariableID(index)))
            }
        }
        program.objective.constant = glp_get_obj_coef(pointer, 0)
        var columns = [Int32](repeating: 0, count: columnCount + 1)
        var values = [Double](repeating: 0, count: columnCount + 1)
        for index in 0..<rowCount {
            let row = rowNumber(index)
            let length = Int(glp_get_mat_row(pointer, row, &columns, &values))
            precondition((0...columnCount).contains(length), "GLPK returned a row longer than the column count")
            // GLPK fills positions 1...length.
            let terms = (1..<length + 1).map { position in
                LinearTerm(values[position], VariableID(checkedColumnIndex(columns[position])))
            }
            let bounds = Self.bounds(
                type: glp_get_row_type(pointer, row),
                lower: glp_get_row_lb(pointer, row),
                upper: glp_get_row_ub(pointer, row))
            program.addConstraint(rowName(index), terms, bounds)
        }
        return program
    }

    private func rowName(_ index: Int) -> String {
        glp_get_row_name(pointer, rowNumber(index)).map { String(cString: $0) } ?? "R\(index + 1)"
    }

    private func columnName(_ index: Int) -> String {
        glp_get_col_name(pointer, columnNumber(index)).map { String(cString: $0) } ?? "C\(index + 1)"
    }

    // MARK: Files

    /// Writes free MPS; on failure returns what GLPK printed.
    func writeMPS(to path: String) -> String? {
        let (code, output) = GLPKSession.capturingOutput { glp_write_mps(pointer, GLP_MPS_FILE, nil, path) }
        return code == 0 ? nil : Self.failureReason(output)
    }

    /// Writes CPLEX LP; on failure returns what GLPK printed.
    func writeCPLEXLP(to path: String) -> String? {
        let (code, output) = GLPKSession.capturingOutput { glp_write_lp(pointer, nil, path) }
        return code == 0 ? nil : Self.failureReason(output)
    }

    /// Replaces the contents with a free MPS file; on failure returns what GLPK printed.
    func readMPS(at path: String) -> String? {
        let (code, output) = GLPKSession.capturingOutput { glp_read_mps(pointer, GLP_MPS_FILE, nil, path) }
        return code == 0 ? nil : Self.failureReason(output)
    }

    /// GLPK's error message: the last line it printed before giving up (earlier lines are
    /// progress such as "Reading problem data from …").
    private static func failureReason(_ output: String) -> String {
        output.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "GLPK gave no reason"
    }

    // MARK: Solving

    /// Runs the simplex method and returns its return code.
    func simplex(
        presolve: Bool, method: GLPKSolver.SimplexMethod = .primal, timeLimitMilliseconds: Int32?
    ) -> Int32 {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.meth = method == .primal ? GLP_PRIMAL : GLP_DUALP
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        if let timeLimitMilliseconds {
            parameters.tm_lim = timeLimitMilliseconds
        }
        return glp_simplex(pointer, &parameters)
    }

    /// Runs branch-and-cut and returns its return code. Without presolve, the LP relaxation must
    /// have been solved to optimality by ``simplex(presolve:method:timeLimitMilliseconds:)`` first.
    /// `monitor` receives GLPK's relative gap at every callback.
    func branchAndCut(
        presolve: Bool, timeLimitMilliseconds: Int32?, mipGap: Double?, pseudocost: Bool = false, monitor: SearchMonitor
    ) -> Int32 {
        // The node limit is checked in the callback below; `monitor.nodeLimit` carries it.
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        if pseudocost {
            parameters.br_tech = GLP_BR_PCH
        }
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        if let timeLimitMilliseconds {
            parameters.tm_lim = timeLimitMilliseconds
        }
        if let mipGap {
            parameters.mip_gap = mipGap
        }
        parameters.cb_func = { tree, info in
            guard let tree, let info else { return }
            let monitor = Unmanaged<SearchMonitor>.fromOpaque(info).takeUnretainedValue()
            if glp_ios_reason(tree) == GLP_IHEUR, var start = monitor.pendingStart {
                // Offered once, at the first heuristic call; GLPK reads elements 1...n.
                monitor.pendingStart = nil
                monitor.startAccepted = glp_ios_heur_sol(tree, &start) == 0
            }
            let gap = glp_ios_mip_gap(tree) // DBL_MAX until there is an incumbent
            monitor.gap = gap < Double.greatestFiniteMagnitude ? gap : nil
            if let limit = monitor.nodeLimit, !monitor.stoppedAtNodeLimit {
                var active: Int32 = 0
                var current: Int32 = 0
                var total: Int32 = 0
                glp_ios_tree_size(tree, &active, &current, &total)
                if Int(total) > limit {
                    // Deterministic: the same problem reaches the same node on any machine.
                    monitor.stoppedAtNodeLimit = true
                    glp_ios_terminate(tree)
                }
            }
        }
        parameters.cb_info = Unmanaged.passUnretained(monitor).toOpaque()
        return withExtendedLifetime(monitor) { glp_intopt(pointer, &parameters) }
    }

    /// Collects what the branch-and-cut callback reports, and holds a MIP start for it.
    final class SearchMonitor {
        /// The relative gap at the last callback with an incumbent.
        var gap: Double?
        /// The MIP start still to offer, 1-based (element 0 unused) as `glp_ios_heur_sol` reads it.
        var pendingStart: [Double]?
        /// Whether GLPK took the start as its incumbent.
        var startAccepted = false

        /// A monitor offering `start` (by 0-based column) at the first heuristic callback.
        /// Stop the search (`glp_ios_terminate`) once GLPK has generated more nodes than this.
        var nodeLimit: Int?
        /// Whether the node limit ended the search.
        var stoppedAtNodeLimit = false

        init(start: [Double]? = nil, nodeLimit: Int? = nil) {
            pendingStart = start.map { [0] + $0 }
            self.nodeLimit = nodeLimit
        }
    }

    // MARK: Results

    /// `glp_get_status`: the status of the basic (simplex) solution.
    var basicStatus: Int32 { glp_get_status(pointer) }
    /// `glp_mip_status`: the status of the MIP solution.
    var mipStatus: Int32 { glp_mip_status(pointer) }

    var basicObjective: Double { glp_get_obj_val(pointer) }
    var mipObjective: Double { glp_mip_obj_val(pointer) }

    /// Column values of the basic solution, by 0-based index.
    func basicValues() -> [Double] {
        (0..<columnCount).map { glp_get_col_prim(pointer, columnNumber($0)) }
    }

    /// Column values of the MIP solution, by 0-based index.
    func mipValues() -> [Double] {
        (0..<columnCount).map { glp_mip_col_val(pointer, columnNumber($0)) }
    }

    /// Row duals of the basic solution, by 0-based index.
    func rowDuals() -> [Double] {
        (0..<rowCount).map { glp_get_row_dual(pointer, rowNumber($0)) }
    }

    /// Sets the bounds of the column at 0-based `index` (a nonbasic column takes the status its
    /// new bound type implies, so the basis stays valid: GLPK's `glp_set_col_bnds`).
    func setColumnBounds(_ index: Int, _ bounds: Bounds) {
        let (type, lower, upper) = Self.glpkBounds(bounds)
        glp_set_col_bnds(pointer, columnNumber(index), type, lower, upper)
    }

    // MARK: Index bookkeeping

    /// GLPK's 1-based number of the row at 0-based `index`.
    private func rowNumber(_ index: Int) -> Int32 {
        precondition((0..<rowCount).contains(index), "row index \(index) out of range 0..<\(rowCount)")
        return Int32(index + 1)
    }

    /// GLPK's 1-based number of the column at 0-based `index`.
    private func columnNumber(_ index: Int) -> Int32 {
        precondition((0..<columnCount).contains(index), "column index \(index) out of range 0..<\(columnCount)")
        return Int32(index + 1)
    }

    /// The 0-based index of the column GLPK numbers `number`.
    private func checkedColumnIndex(_ number: Int32) -> Int {
        precondition((1...Int32(columnCount)).contains(number), "GLPK returned column number \(number)")
        return Int(number) - 1
    }

    // MARK: Bounds

    /// GLPK's bound type and values for `bounds` (an absent side is passed as 0 and ignored).
    private static func glpkBounds(_ bounds: Bounds) -> (type: Int32, lower: Double, upper: Double) {
        switch (bounds.lower, bounds.upper) {
        case (nil, nil): (GLP_FR, 0, 0)
        case (let lower?, nil): (GLP_LO, lower, 0)
        case (nil, let upper?): (GLP_UP, 0, upper)
        case (let lower?, let upper?) where lower == upper: (GLP_FX, lower, upper)
        case (let lower?, let upper?): (GLP_DB, lower, upper)
        }
    }

    /// ``Bounds`` from GLPK's bound type and values.
    private static func bounds(type: Int32, lower: Double, upper: Double) -> Bounds {
        switch type {
        case GLP_LO: .greaterOrEqual(lower)
        case GLP_UP: .lessOrEqual(upper)
        case GLP_DB: .range(lower, upper)
        case GLP_FX: .equal(lower)
        default: .free
        }
    }
}
