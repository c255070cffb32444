import ArgumentParser

/// `plan`: projections of the Culture & Coopération cluster, from rules and scenarios kept as data.
@main
struct Plan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Project staffing, costs, subsidies and dues of a cultural cluster from rules and scenarios.",
    version: "0.1.0",
    subcommands: [
      Run.self, Compare.self, Explain.self, Statutes.self, GovernanceCommand.self, Simulate.self, Solve.self, Export.self, Check.self,
      Cost.self,
    ]
  )
}
