import ArgumentParser
import Foundation
import Planner

/// `plan`: projections of the Culture & Coopération cluster, from rules and scenarios kept as data.
@main
struct Plan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: CLI.messages("help.plan"),
    version: "0.1.0",
    subcommands: [
      Run.self, Compare.self, Members.self, Report.self, Serve.self, Explain.self, Statutes.self, GovernanceCommand.self, Simulate.self,
      Solve.self,
      Export.self,
      Check.self,
      Cost.self,
    ]
  )

  /// A first word that is no command: the nearest command suggested (exit 64, a usage error).
  static func main() {
    let names = configuration.subcommands.map { $0._commandName } + ["help"]
    if let first = CommandLine.arguments.dropFirst().first, !first.hasPrefix("-"), !names.contains(first) {
      let m = CLI.messages
      let message =
        Suggestion.nearest(to: first, among: names).map { m("plan.unknown_command.near", ["command": first, "near": $0]) }
        ?? m("plan.unknown_command", ["command": first, "list": names.filter { $0 != "help" }.joined(separator: ", ")])
      FileHandle.standardError.write(Data((message + "\n" + m("plan.usage") + "\n").utf8))
      Foundation.exit(ExitCode.validationFailure.rawValue)
    }
    Self.main(nil)
  }
}
