import Crypto
import Foundation
import Planner

/// The board report: the options the board chooses between (scenarios, or scenarios under each
/// statute), their projections, simulations and statute comparisons, gathered once; `html()`
/// writes the document (`BoardReport+HTML.swift`).
public struct BoardReport: Sendable {
  /// One option on the table: a scenario, under a statute when the report compares them.
  public struct Option: Sendable {
    /// `baseline` or `baseline/scic`: the key of the option's figures in the HTML.
    public var id: String
    public var label: String
    public var scenario: Scenario
    public var statute: String?
    public var projection: Projection
    public var simulation: Simulation?
    /// The statute comparison's entry (conditional credits, eligibility, votes, constraints).
    public var statuteReport: StatuteComparison.Report?
  }

  public var options: [Option]
  /// The statute comparison of each scenario, when the report compares statutes.
  public var comparisons: [StatuteComparison]
  /// The scenarios as written (their budgets, staffing, assumptions, warnings).
  public var projections: [Projection]
  public var ruleSet: RuleSet
  public var draws: Int
  public var seed: UInt64
  public var messages: Messages
  /// The tool's version, printed in the footer.
  public var version: String
  /// Where a figure's explanation is (scenario id, line, period → a link), for the web app's
  /// pages: each figure of the budget, of the synthesis and of the cash plan then links to
  /// it. None in the printed report.
  public var explainLink: (@Sendable (_ scenario: String, _ line: String, _ period: String) -> String?)? = nil
  /// For each scenario that names organisations besides the cluster (by scenario id): its
  /// organisations with their consolidation, and each member's view.
  public var organisations: [String: GroupProjection] = [:]
  public var members: [String: MemberView] = [:]

  /// Projects every scenario (and, with `statutes`, every scenario under each statute from
  /// its default date), simulating each option with `draws` draws (none when 0).
  public init(
    scenarios: [Scenario], ruleSet: RuleSet, statutes: Bool, draws: Int, seed: UInt64, threads: Int, messages m: Messages,
    version: String
  ) throws(DiagnosticList) {
    self.ruleSet = ruleSet
    self.draws = draws
    self.seed = seed
    self.messages = m
    self.version = version
    var options: [Option] = []
    var comparisons: [StatuteComparison] = []
    var projections: [Projection] = []
    for (i, s) in scenarios.enumerated() {
      let letter = scenarios.count > 1 ? String(UnicodeScalar(UInt8(65 + i % 26))) : ""
      let p = try Projection.run(s, ruleSet: ruleSet, messages: m)
      projections.append(p)
      if !s.organisations.isEmpty {
        let g = try GroupProjection.run(s, ruleSet: ruleSet, messages: m)
        organisations[s.id] = g
        members[s.id] = try MemberView.run(g, ruleSet: ruleSet, messages: m)
      }
      if statutes {
        let from = StatuteComparison.defaultFrom(s)
        let c = try StatuteComparison(s, ruleSet: ruleSet, from: from, messages: m)
        comparisons.append(c)
        for r in c.reports {
          let variant = StatuteComparison.variant(s, statute: r.statute, from: from)
          let sim = draws > 0 ? try Simulation.run(variant, ruleSet: ruleSet, draws: draws, seed: seed, threads: threads) : nil
          options.append(
            Option(
              id: "\(s.id)/\(r.statute)", label: (letter.isEmpty ? "" : letter + " · ") + m("statute.\(r.statute)"), scenario: variant,
              statute: r.statute,
              projection: r.projection, simulation: sim, statuteReport: r))
        }
      } else {
        let sim = draws > 0 ? try Simulation.run(s, ruleSet: ruleSet, draws: draws, seed: seed, threads: threads) : nil
        options.append(
          Option(
            id: s.id, label: letter.isEmpty ? s.title : letter, scenario: s, statute: nil, projection: p, simulation: sim,
            statuteReport: nil))
      }
    }
    self.options = options
    self.comparisons = comparisons
    self.projections = projections
  }

  /// The letter that names each scenario in the report's tables (A, B…), when there are several.
  func letter(_ scenario: Int) -> String { projections.count > 1 ? String(UnicodeScalar(UInt8(65 + scenario % 26))) : "" }

  /// The projected exercises (those of the first scenario that are not recorded).
  var periods: [String] {
    guard let p = projections.first else { return [] }
    return p.periods.map(\.id).filter { p.scenario.actuals[$0] == nil }
  }

  /// Every input file (scenarios with what they extend, rule packs) with its SHA-256, so
  /// that a figure can be reproduced from the same files.
  var fingerprints: [(path: String, sha256: String)] {
    var files: [String] = []
    for p in projections {
      for f in p.scenario.files + ScenarioLoader.rulePackFiles(p.scenario.rulesFolder) where !files.contains(f) { files.append(f) }
    }
    // Named from the first scenario's folder, so that the same files give the same bytes
    // wherever they are (the CLI and the web app).
    let base =
      projections.first.map { ((($0.scenario.path as NSString).deletingLastPathComponent as NSString).resolvingSymlinksInPath) } ?? ""
    return files.map { path in
      let data = FileManager.default.contents(atPath: path) ?? Data()
      let real = (path as NSString).resolvingSymlinksInPath
      let shown = !base.isEmpty && real.hasPrefix(base + "/") ? String(real.dropFirst(base.count + 1)) : path
      return (shown, SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined())
    }
  }
}
