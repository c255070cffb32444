import Foundation
import Planner

/// One change of a scenario's input, as the web app's what-if sends it: a path as `plan solve
/// --vary` takes them (`dues.rate`, `subsidies.fse.2013`, …) with a number, or
/// `statute.YYYY-MM` with a statute (`association`, `ues`, `scic`), or `positions.ID.remove`
/// (any value) to take a position out.
public struct ScenarioChange: Sendable, Decodable {
  public enum Value: Sendable, Decodable {
    case number(Double)
    case text(String)
    public init(from decoder: any Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let x = try? c.decode(Double.self) { self = .number(x) } else { self = .text(try c.decode(String.self)) }
    }
  }

  public var path: String
  public var value: Value

  public init(path: String, value: Value) {
    self.path = path
    self.value = value
  }

  /// The statute change this is, if it is one.
  var statute: (from: Month, statute: String)? {
    guard path.hasPrefix("statute."), let m = Month(parsing: String(path.dropFirst(8))), case .text(let s) = value else { return nil }
    return (m, s)
  }

  /// The scenario with the changes applied, each checked against what is allowed.
  public static func apply(_ changes: [ScenarioChange], to scenario: Scenario, ruleSet: RuleSet) throws(DiagnosticList) -> Scenario {
    var s = scenario
    for (i, c) in changes.enumerated() {
      if let id = removedPosition(c.path) {
        guard s.positions.contains(where: { $0.id == id }) else {
          throw DiagnosticList([.error(.solveUnknownPath, Phrase("error.change.path", ["path": .text(c.path), "n": .integer(i + 1)]))])
        }
        s.positions.removeAll { $0.id == id }
        continue
      }
      if c.path.hasPrefix("statute.") {
        guard let (from, statute) = c.statute, StatuteComparison.statutes.contains(statute) else {
          throw DiagnosticList([.error(.solveUnknownPath, Phrase("error.change.statute", ["path": .text(c.path), "n": .integer(i + 1)]))])
        }
        s = StatuteComparison.variant(s, statute: statute, from: from)
        continue
      }
      guard let path = Solver.Path(c.path), case .number(let x) = c.value, x.isFinite, abs(x) <= Limits.amount else {
        throw DiagnosticList([.error(.solveUnknownPath, Phrase("error.change.path", ["path": .text(c.path), "n": .integer(i + 1)]))])
      }
      if case .duesRate = path, !(0...1).contains(x) {
        throw DiagnosticList([.error(.scenarioOutOfDomain, Phrase("error.change.rate", ["path": .text(c.path)]))])
      }
      if x < 0, path != .openingBalance {
        throw DiagnosticList([.error(.scenarioOutOfDomain, Phrase("error.change.negative", ["path": .text(c.path)]))])
      }
      s = try Solver(s, ruleSet: ruleSet).applying(path, x)
    }
    return s
  }

  /// The position a `positions.ID.remove` change takes out.
  static func removedPosition(_ path: String) -> String? {
    let parts = path.split(separator: ".").map(String.init)
    return parts.count == 3 && parts[0] == "positions" && parts[2] == "remove" ? parts[1] : nil
  }

  /// A scenario file that extends `extends` with only the changes: valid YAML that `plan
  /// check` reads.
  static func variantYAML(id: String, title: String, extends: String, base: Scenario, changes: [ScenarioChange])
    throws(DiagnosticList) -> String
  {
    func yaml(_ s: String) -> String {
      "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
    func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }
    var dues: [String] = [], duesByExercise: [String] = [], treasury: [String] = []
    var subsidies: [String: [String]] = [:], gross: [String: [String]] = [:]
    var statutes: [(Month, String)]?
    var removed: [String] = []
    for (i, c) in changes.enumerated() {
      if let id = removedPosition(c.path) {
        removed.append(id)
        continue
      }
      if let st = c.statute {
        statutes = (statutes ?? base.organisation.statutes).filter { $0.0 < st.from } + [(st.from, st.statute)]
        continue
      }
      guard let path = Solver.Path(c.path), case .number(let x) = c.value else {
        throw DiagnosticList([.error(.solveUnknownPath, Phrase("error.change.path", ["path": .text(c.path), "n": .integer(i + 1)]))])
      }
      switch path {
      case .duesRate(nil): dues.append("rate: \(number(x))")
      case .duesRate(let e?): duesByExercise.append("\(yaml(e)): \(number(x))")
      case .duesCap: dues.append("cap: \(number(x))")
      case .subsidy(let sid, let e): subsidies[sid, default: []].append("\(yaml(e)): \(number(x))")
      case .gross(let pid, let e): gross[pid, default: []].append("\(yaml(e)): \(number(x))")
      case .openingBalance: treasury.append("opening_balance: \(number(x))")
      case .overdraftLimit: treasury.append("overdraft_limit: \(number(x))")
      }
    }
    if !duesByExercise.isEmpty { dues.append("rate_by_exercise: {\(duesByExercise.joined(separator: ", "))}") }
    var out = "# Saved from plan serve: \(yaml(extends)) with the changes below only.\n"
    out += "scenario: \(id)\ntitle: \(yaml(title))\nextends: \(yaml(extends))\n"
    if let statutes {
      out += "organisation:\n  statute:\n" + statutes.map { "    - {from: \($0.0), statute: \($0.1)}\n" }.joined()
    }
    if !dues.isEmpty { out += "dues: {\(dues.joined(separator: ", "))}\n" }
    if !treasury.isEmpty { out += "treasury: {\(treasury.joined(separator: ", "))}\n" }
    if !subsidies.isEmpty {
      out +=
        "subsidies:\n" + subsidies.keys.sorted().map { "  - {id: \($0), amounts: {\(subsidies[$0]!.joined(separator: ", "))}}\n" }.joined()
    }
    if !gross.isEmpty || !removed.isEmpty {
      out += "positions:\n" + gross.keys.sorted().map { "  - {id: \($0), gross: {\(gross[$0]!.joined(separator: ", "))}}\n" }.joined()
      out += removed.map { "  - {id: \($0), remove: true}\n" }.joined()
    }
    return out
  }
}
