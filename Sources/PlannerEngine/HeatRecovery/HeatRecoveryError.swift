import PlannerModel

/// Why heat recovery could not be planned: bad input (found before any GLPK call) or a solver
/// that could not run. An LP that runs but is infeasible is a result, not an error.
public enum HeatRecoveryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An hourly series has no values.
    case emptySeries(name: String)
    /// Two hourly series differ in length.
    case lengthMismatch(name: String, count: Int, expected: Int)
    /// A value is negative, not finite or out of range; `hour` is 0-based when given.
    case invalidValue(name: String, hour: Int?, value: Double, requirement: String)
    /// A price or cost is negative.
    case negativePrice(name: String, value: Double)
    /// The heat pump would not beat direct electric heating in some hour.
    case copNotAboveOne(hour: Int, wasteHeatCelsius: Double, supplyCelsius: Double, cop: Double)
    /// An option is inconsistent.
    case invalidOption(String)
    /// GLPK could not run, or files could not be written.
    case solverFailed(String)

    public var description: String {
        switch self {
        case .emptySeries(let name):
            "the \(name) series is empty; give one value per hour of the year"
        case .lengthMismatch(let name, let count, let expected):
            "the \(name) series has \(count) hours but the waste-heat series has \(expected); they must cover the same "
                + "hours"
        case .invalidValue(let name, let hour, let value, let requirement):
            "\(name)\(hour.map { " at hour \($0)" } ?? "") is \(value); it must be \(requirement)"
        case .negativePrice(let name, let value):
            "\(name) is \(value); prices and costs must not be negative"
        case .copNotAboveOne(let hour, let source, let supply, let cop):
            "at hour \(hour) the heat pump lifts \(source) °C waste heat to a \(supply) °C supply with COP \(cop) ≤ 1, "
                + "worse than an electric boiler; lower the supply temperature or raise the source"
        case .invalidOption(let message):
            "invalid heat-recovery option: \(message)"
        case .solverFailed(let message):
            "heat-recovery LP: \(message)"
        }
    }
}
