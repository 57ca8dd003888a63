import PlannerCLI

/// The result of running `dcplan` in-process.
struct CLIResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `dcplan` with the arguments in-process, capturing its output.
func runDcplan(_ arguments: [String]) -> CLIResult {
    let console = Console(capturing: true)
    let status = Console.$current.withValue(console) { DcplanCommand.run(arguments) }
    return CLIResult(status: status, stdout: console.stdout, stderr: console.stderr)
}
