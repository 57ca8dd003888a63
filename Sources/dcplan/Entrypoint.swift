import Foundation
import PlannerCLI

/// The `dcplan` executable: everything else lives in `PlannerCLI`.
@main
enum Entrypoint {
    static func main() {
        // A closed pipe (`dcplan … | head`) is a failed write that dcplan reports, not a signal.
        signal(SIGPIPE, SIG_IGN)
        exit(DcplanCommand.run(Array(CommandLine.arguments.dropFirst())))
    }
}
