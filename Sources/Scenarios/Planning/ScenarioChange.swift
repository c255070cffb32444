import Foundation
import Planner

/// One change of a scenario's input, as the web app's what-if sends it: a path as `plan solve
/// --vary` takes them (`dues.rate`, `subsidies.fse.2013`, …) with a number; `statute.YYYY-MM`
/// with a statute (`association`, `ues`, `scic`); `positions.ID.remove` (any value) to take a
/// position out; or a field of the scenario file (`positions.ID.start`, `positions.ID.hours.2013`,
/// `subsidies.ID.renewal_probability.2013`, `subsidies.ID.payment.balance_delay`,
/// `dues.individual`, … — see `Field`), read by the scenario reader itself so that a value
/// the CLI refuses is refused here with the same words.
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

  /// A field of the scenario file this change writes: its section, the entry's id (none for
  /// `dues`), the field's key and, for a figure by exercise, the exercise.
  struct Field: Equatable {
    var section: String
    var id: String?
    var key: String
    var exercise: String?

    /// The fields the what-if may change besides the solver's paths, by section: those
    /// written by exercise, and those written once.
    static let byExercise: [String: Set<String>] = ["positions": ["hours"], "subsidies": ["renewal_probability"]]
    static let once: [String: Set<String>] = [
      "positions": ["start", "end", "term", "contract", "category"],
      "subsidies": ["payment.advance", "payment.advance_month", "payment.balance_delay"],
      "dues": ["individual", "collection_rate"],
    ]
    /// Fields given as text (a month or a category); the others are numbers.
    static let text: Set<String> = ["start", "end", "term", "contract", "category"]

    init?(_ path: String) {
      let p = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
      guard let section = p.first else { return nil }
      if section == "dues" {
        guard p.count == 2, Self.once["dues"]!.contains(p[1]) else { return nil }
        self = Field(section: section, id: nil, key: p[1], exercise: nil)
        return
      }
      guard p.count >= 3, !p[1].isEmpty else { return nil }
      let rest = p[2...].joined(separator: ".")
      if Self.once[section]?.contains(rest) == true {
        self = Field(section: section, id: p[1], key: rest, exercise: nil)
      } else if p.count == 4, Self.byExercise[section]?.contains(p[2]) == true, !p[3].isEmpty {
        self = Field(section: section, id: p[1], key: p[2], exercise: p[3])
      } else {
        return nil
      }
    }

    init(section: String, id: String?, key: String, exercise: String?) {
      self.section = section
      self.id = id
      self.key = key
      self.exercise = exercise
    }
  }

  /// The scenario with the changes applied, each checked against what is allowed.
  public static func apply(_ changes: [ScenarioChange], to scenario: Scenario, ruleSet: RuleSet) throws(DiagnosticList) -> Scenario {
    var s = scenario
    // The fields of the file first, read as a variant over the scenario would be.
    let fields = changes.enumerated().filter { Field($0.element.path) != nil }
    if !fields.isEmpty {
      let overlay = try Overlay(fields.map { ($0.offset, $0.element) }, base: scenario, ruleSet: ruleSet)
      s = try overlay.read(over: scenario, changes: changes, ruleSet: ruleSet)
    }
    for (i, c) in changes.enumerated() where Field(c.path) == nil {
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

  /// `use` of the scenario with the changes. An error the changes cause where it shows (the
  /// planning of a position whose contract no longer holds its hours, …) is named after the
  /// first change that, with those before it, makes the scenario's projection fail.
  public static func using<T>(
    _ changes: [ScenarioChange], on scenario: Scenario, ruleSet: RuleSet, _ use: (Scenario) throws(DiagnosticList) -> T
  ) throws(DiagnosticList) -> T {
    let changed = try apply(changes, to: scenario, ruleSet: ruleSet)
    do {
      return try use(changed)
    } catch {
      let first = error.diagnostics.first { $0.severity == .error }
      guard let phrase = first?.phrase, !phrase.key.hasPrefix("error.change."), !changes.isEmpty,
        (try? Projection.run(scenario, ruleSet: ruleSet, legalLimitsAsWarnings: true)) != nil
      else { throw error }
      for k in changes.indices {
        guard let s = try? apply(Array(changes[...k]), to: scenario, ruleSet: ruleSet) else { continue }
        if (try? Projection.run(s, ruleSet: ruleSet, legalLimitsAsWarnings: true)) == nil {
          throw DiagnosticList([
            .error(
              first!.id,
              Phrase("error.change.refused", ["path": .text(changes[k].path), "n": .integer(k + 1), "problem": .phrase(phrase)]))
          ])
        }
      }
      throw error
    }
  }

  /// The position a `positions.ID.remove` change takes out.
  static func removedPosition(_ path: String) -> String? {
    let parts = path.split(separator: ".").map(String.init)
    return parts.count == 3 && parts[0] == "positions" && parts[2] == "remove" ? parts[1] : nil
  }

  static func yaml(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
  static func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }

  /// The sections of a variant that the changes write, one value a line (block style), and
  /// the change each line came from: what the what-if reads over its scenario and what "save
  /// as variant" writes.
  struct Overlay {
    /// Written lines of `dues:`, `treasury:` and of each entry of `positions:`/`subsidies:`.
    var dues: [(key: String, value: String, change: Int)] = []
    var duesByExercise: [(exercise: String, value: String, change: Int)] = []
    var treasury: [(key: String, value: String, change: Int)] = []
    /// section → id → key → (exercise or nil, value, change).
    var entries: [String: [String: [String: [(exercise: String?, value: String, change: Int)]]]] = [:]
    var removed: [(id: String, change: Int)] = []

    init(_ changes: [(Int, ScenarioChange)], base: Scenario, ruleSet: RuleSet) throws(DiagnosticList) {
      var payments: [String: [(String, Double, Int)]] = [:]
      for (i, c) in changes {
        if let id = removedPosition(c.path) {
          removed.append((id, i))
          continue
        }
        if c.statute != nil { continue }
        if let f = Field(c.path) {
          let value: String
          switch (Field.text.contains(f.key), c.value) {
          case (true, .text(let t)): value = yaml(t)
          case (false, .number(let x)) where x.isFinite && abs(x) <= Limits.amount: value = number(x)
          default:
            throw DiagnosticList([
              .error(
                .scenarioInvalid,
                Phrase(
                  Field.text.contains(f.key) ? "error.change.text" : "error.change.number", ["path": .text(c.path), "n": .integer(i + 1)])
              )
            ])
          }
          if f.section == "dues" {
            dues.append((f.key, value, i))
          } else if f.key.hasPrefix("payment."), case .number(let x) = c.value {
            payments[f.id!, default: []].append((String(f.key.dropFirst(8)), x, i))
          } else {
            entries[f.section, default: [:]][f.id!, default: [:]][f.key, default: []].append((f.exercise, value, i))
          }
          continue
        }
        guard let path = Solver.Path(c.path), case .number(let x) = c.value else {
          throw DiagnosticList([.error(.solveUnknownPath, Phrase("error.change.path", ["path": .text(c.path), "n": .integer(i + 1)]))])
        }
        let v = number(x)
        switch path {
        case .duesRate(nil): dues.append(("rate", v, i))
        case .duesRate(let e?): duesByExercise.append((e, v, i))
        case .duesCap: dues.append(("cap", v, i))
        case .subsidy(let sid, let e): entries["subsidies", default: [:]][sid, default: [:]]["amounts", default: []].append((e, v, i))
        case .gross(let pid, let e): entries["positions", default: [:]][pid, default: [:]]["gross", default: []].append((e, v, i))
        case .openingBalance: treasury.append(("opening_balance", v, i))
        case .overdraftLimit: treasury.append(("overdraft_limit", v, i))
        }
      }
      // Payment terms are written whole: the keys not changed keep the terms in force for the
      // subsidy at the scenario's first month (its own, its funder's, or the rule packs').
      for (sid, given) in payments {
        guard let subsidy = base.subsidies.first(where: { $0.id == sid }), let first = base.exercises.first?.months.first else {
          let i = given[0].2
          throw DiagnosticList([
            .error(
              .solveUnknownPath, Phrase("error.change.path", ["path": .text(changes.first { $0.0 == i }!.1.path), "n": .integer(i + 1)]))
          ])
        }
        var terms = try PaymentTerms.resolve(
          funder: subsidy.funder, subsidy: subsidy, policy: base.treasury, ruleSet: ruleSet, at: first)
        for (key, x, _) in given {
          switch key {
          case "advance": terms.advance = x
          case "advance_month": terms.advanceMonth = Int(exactly: x) ?? -1
          default: terms.balanceDelay = Int(exactly: x) ?? -1
          }
        }
        let text =
          "{advance: \(number(terms.advance)), advance_month: \(terms.advanceMonth), balance_delay: \(terms.balanceDelay)}"
        entries["subsidies", default: [:]][sid, default: [:]]["payment"] = [(nil, text, given[0].2)]
      }
    }

    /// The YAML of these sections and, for each of its lines (from 1), the change it writes.
    func text(header: String) -> (text: String, origin: [Int: Int]) {
      var out = header
      var origin: [Int: Int] = [:]
      var line = header.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } + 1
      func add(_ s: String, _ change: Int? = nil) {
        out += s + "\n"
        if let change { origin[line] = change }
        line += 1
      }
      if !dues.isEmpty || !duesByExercise.isEmpty {
        add("dues:")
        for d in dues { add("  \(d.key): \(d.value)", d.change) }
        if !duesByExercise.isEmpty {
          add("  rate_by_exercise:")
          for d in duesByExercise { add("    \(yaml(d.exercise)): \(d.value)", d.change) }
        }
      }
      if !treasury.isEmpty {
        add("treasury:")
        for t in treasury { add("  \(t.key): \(t.value)", t.change) }
      }
      for section in ["subsidies", "positions"] {
        let ids = entries[section] ?? [:]
        let gone = section == "positions" ? removed : []
        guard !ids.isEmpty || !gone.isEmpty else { continue }
        add("\(section):")
        for id in ids.keys.sorted() {
          let fields = ids[id]!
          add("  - id: \(yaml(id))", fields.values.first?.first?.change)
          for key in fields.keys.sorted() {
            let written = fields[key]!
            if written.first?.exercise == nil {
              add("    \(key): \(written.last!.value)", written.last!.change)
            } else {
              add("    \(key):", written.first!.change)
              for w in written { add("      \(yaml(w.exercise!)): \(w.value)", w.change) }
            }
          }
        }
        for r in gone {
          add("  - id: \(yaml(r.id))", r.change)
          add("    remove: true", r.change)
        }
      }
      return (out, origin)
    }

    /// The scenario with these fields read over it by the scenario reader; an error names the
    /// change whose line it is located on.
    func read(over base: Scenario, changes: [ScenarioChange], ruleSet: RuleSet) throws(DiagnosticList) -> Scenario {
      let (text, origin) = self.text(header: "")
      do {
        let document = try YAMLDocument.parse(text, path: "what-if")
        var reader = ScenarioReader(document)
        var s = try reader.read(base: base, rulesFolder: base.rulesFolder)
        s.files = base.files
        try s.checkCategories(ruleSet)
        return s
      } catch {
        let first = error.diagnostics.first { $0.severity == .error } ?? error.diagnostics.first
        guard let d = first, let phrase = d.phrase else { throw error }
        // The change written on the line the error is located on; an error located in the
        // scenario (a contract's months no longer holding its hours) is the first change
        // that, added to those before it, makes the scenario refused.
        var i = d.location.flatMap { $0.file == "what-if" ? origin[$0.line] : nil }
        if i == nil {
          let written = Set(origin.values).sorted()
          for k in written.indices {
            let prefix = written[...k].map { ($0, changes[$0]) }
            if (try? Overlay(prefix, base: base, ruleSet: ruleSet).read(over: base, changes: changes, ruleSet: ruleSet)) == nil {
              i = written[k]
              break
            }
          }
        }
        guard let i else { throw error }
        throw DiagnosticList([
          .error(
            d.id,
            Phrase("error.change.refused", ["path": .text(changes[i].path), "n": .integer(i + 1), "problem": .phrase(phrase)]))
        ])
      }
    }
  }

  /// A scenario file that extends `extends` with only the changes: valid YAML that `plan
  /// check` reads.
  static func variantYAML(
    id: String, title: String, extends: String, base: Scenario, changes: [ScenarioChange], ruleSet: RuleSet
  ) throws(DiagnosticList) -> String {
    var header = "# Saved from plan serve: \(yaml(extends)) with the changes below only.\n"
    header += "scenario: \(id)\ntitle: \(yaml(title))\nextends: \(yaml(extends))\n"
    var statutes: [(Month, String)]?
    for c in changes {
      if let st = c.statute {
        statutes = (statutes ?? base.organisation.statutes).filter { $0.0 < st.from } + [(st.from, st.statute)]
      }
    }
    if let statutes {
      header += "organisation:\n  statute:\n" + statutes.map { "    - {from: \($0.0), statute: \($0.1)}\n" }.joined()
    }
    return try Overlay(Array(changes.enumerated()).map { ($0.offset, $0.element) }, base: base, ruleSet: ruleSet).text(header: header).text
  }
}
