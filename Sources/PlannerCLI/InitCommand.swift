import ArgumentParser
import Foundation
import PlannerRun

/// `dcplan init`: a commented starter spec that validates as written.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter site spec (it validates as written).",
        discussion: """
            Refuses to overwrite an existing file unless --force is given.
            Examples:
              dcplan init Sites/my-site.yaml && dcplan validate Sites/my-site.yaml
              dcplan init --force /tmp/site.yaml
            """)

    @Argument(help: "Where to write the spec.")
    var path = "site.yaml"

    @Flag(help: "Overwrite the file if it exists.")
    var force = false

    func run() throws {
        if !force, FileManager.default.fileExists(atPath: path) {
            throw RunFailure("\(path) exists; pass --force to overwrite it")
        }
        var files = OutputFiles()
        files.add(path, CatalogueViews.starterSpec)
        try files.writeAll()
        Console.current.out("\(path): written; next: dcplan validate \(path) && dcplan plan \(path)")
    }
}
