import PlannerCLI

/// The result of running `dcplan` in-process.
public struct CLIResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs `dcplan` with the arguments in-process, capturing its output.
public func runDcplan(_ arguments: [String]) -> CLIResult {
    let console = Console(capturing: true)
    let status = Console.$current.withValue(console) { DcplanCommand.run(arguments) }
    return CLIResult(status: status, stdout: console.stdout, stderr: console.stderr)
}
