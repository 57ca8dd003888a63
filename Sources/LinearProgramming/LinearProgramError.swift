/// Why a program could not be validated, solved, written or read.
///
/// A solve that runs but finds no solution is not an error: it is an ``LPSolution`` whose
/// ``LPSolution/status`` says so.
public enum LinearProgramError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The program breaks a rule of ``LinearProgram/validate()``; the message names the element.
    case invalidProgram(String)
    /// A ``GLPKSolver/Options`` value is out of range.
    case invalidOptions(String)
    /// GLPK ran but failed internally (for example a singular basis or a numerical failure).
    case solverFailed(String)
    /// GLPK could not write the file at `path`.
    case writeFailed(path: String, reason: String)
    /// GLPK could not open or parse the file at `path`.
    case readFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidProgram(let message):
            "invalid linear program: \(message)"
        case .invalidOptions(let message):
            "invalid solver options: \(message)"
        case .solverFailed(let message):
            "GLPK failed: \(message)"
        case .writeFailed(let path, let reason):
            "could not write '\(path)': \(reason)"
        case .readFailed(let path, let reason):
            "could not read '\(path)': \(reason)"
        }
    }
}
