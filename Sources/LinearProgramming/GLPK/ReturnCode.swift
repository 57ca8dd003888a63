internal import CGLPK

/// Sentences for the return codes of GLPK's solver routines (`glp_simplex`, `glp_intopt`,
/// `glp_exact`, `glp_interior`), following the GLPK 5.0 reference manual.
enum ReturnCode {
    /// What `code` means, as a sentence.
    static func sentence(_ code: Int32) -> String {
        switch code {
        case 0:
            "The solver finished normally."
        case GLP_EBADB:
            "The initial basis is invalid: the number of basic variables differs from the number of rows."
        case GLP_ESING:
            "The basis matrix is singular within the working precision."
        case GLP_ECOND:
            "The basis matrix is ill-conditioned: its condition number is too large."
        case GLP_EBOUND:
            "Some variables have invalid bounds: a lower bound not below the upper bound, "
                + "or a fractional bound on an integer variable."
        case GLP_EFAIL:
            "The search stopped because the solver failed."
        case GLP_EOBJLL:
            "The objective fell below its lower limit and kept decreasing (dual simplex)."
        case GLP_EOBJUL:
            "The objective rose above its upper limit and kept increasing (dual simplex)."
        case GLP_EITLIM:
            "The search stopped at the simplex iteration limit."
        case GLP_ETMLIM:
            "The search stopped at the time limit."
        case GLP_ENOPFS:
            "The presolver found that the problem (or its LP relaxation) has no primal feasible solution."
        case GLP_ENODFS:
            "The presolver found that the problem (or its LP relaxation) has no dual feasible solution."
        case GLP_EROOT:
            "Branch-and-cut could not start: the optimal basis of the LP relaxation was not provided."
        case GLP_ESTOP:
            "The search was stopped by the application."
        case GLP_EMIPGAP:
            "The search stopped because the relative MIP gap tolerance was reached."
        case GLP_ENOFEAS:
            "The problem has no primal or dual feasible solution (interior point)."
        case GLP_ENOCVG:
            "The interior-point method did not converge."
        case GLP_EINSTAB:
            "The interior-point method stopped on numerical instability."
        case GLP_EDATA:
            "The problem data are invalid (exact simplex)."
        case GLP_ERANGE:
            "A result was out of range (exact simplex)."
        default:
            "GLPK returned the unknown code \(code)."
        }
    }

    /// Codes after which the solver's solution status is meaningful (it finished, or stopped at
    /// a limit). Any other code from `glp_simplex` or `glp_intopt`, except the presolver's
    /// `GLP_ENOPFS` and `GLP_ENODFS`, means GLPK could not run.
    static let finishedOrLimited: Set<Int32> = [
        0, GLP_ETMLIM, GLP_EITLIM, GLP_EOBJLL, GLP_EOBJUL, GLP_EMIPGAP, GLP_ESTOP,
    ]
}
