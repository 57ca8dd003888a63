import Foundation
import PlannerCLI

/// The `dcplan` executable: everything else lives in `PlannerCLI`.
@main
enum Entrypoint {
    static func main() {
        exit(DcplanCommand.run(Array(CommandLine.arguments.dropFirst())))
    }
}
