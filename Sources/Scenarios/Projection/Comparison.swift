import Planner

/// Scenarios side by side: figures by exercise with deltas against the first scenario, and
/// what differs between their inputs.
public struct Comparison: Sendable {
  public struct Row: Sendable, Encodable {
    public var key: String
    public var label: String
    /// `scenario id → period id → value`.
    public var values: [String: [String: Double]]
  }

  public var projections: [Projection]
  public var periods: [String]
  public var rows: [Row]
  /// What each scenario changes against the first, one sentence each.
  public var differences: [String: [String]]

  /// The rows compared: sections and totals of the budget, and the indicators.
  public static let budgetPaths = [
    "charges/charges_externes", "charges/remunerations", "charges/charges_sociales", "charges/impots_taxes", "charges/total",
    "produits/subventions", "produits/autres_produits/cotisations", "produits/total",
  ]
  public static let indicatorKeys: [(String, String)] = [
    ("result", "Résultat"), ("reserves", "Réserves cumulées (end)"), ("subsidies_share", "Subventions / produits (%)"),
    ("fte", "FTE paid (ETP)"), ("cost_per_fte", "Charges par ETP"), ("dues_per_member", "Cotisations par membre"),
  ]

  public init(_ projections: [Projection]) {
    self.projections = projections
    var periods: [String] = []
    for p in projections { for period in p.periods where !periods.contains(period.id) { periods.append(period.id) } }
    self.periods = periods
    var rows: [Row] = []
    for path in Self.budgetPaths {
      guard let label = projections.first?.budget.first(where: { $0.path == path })?.label else { continue }
      var values: [String: [String: Double]] = [:]
      for p in projections { values[p.scenario.id] = p.budget.first { $0.path == path && $0.budget == "total" }?.values }
      rows.append(Row(key: path, label: label, values: values))
    }
    for (key, label) in Self.indicatorKeys {
      var values: [String: [String: Double]] = [:]
      for p in projections { values[p.scenario.id] = p.indicators[key] }
      rows.append(Row(key: key, label: label, values: values))
    }
    self.rows = rows
    var differences: [String: [String]] = [:]
    if let base = projections.first?.scenario {
      for p in projections.dropFirst() { differences[p.scenario.id] = ScenarioDiff.differences(base, p.scenario) }
    }
    self.differences = differences
  }
}

/// What differs between two scenarios' inputs.
public enum ScenarioDiff {
  public static func differences(_ a: Scenario, _ b: Scenario) -> [String] {
    var out: [String] = []
    if a.rulesFolder != b.rulesFolder { out.append("rule packs: \(a.rulesFolder) → \(b.rulesFolder)") }
    if a.exercises != b.exercises { out.append("exercises: \(a.exercises.map(\.id)) → \(b.exercises.map(\.id))") }
    let sa = a.organisation.statutes.map { "\($0.statute) from \($0.from)" }, sb = b.organisation.statutes.map { "\($0.statute) from \($0.from)" }
    if sa != sb { out.append("statute: \(sa.joined(separator: ", ")) → \(sb.joined(separator: ", "))") }
    out += compare("organisation", describe(a.organisation), describe(b.organisation))
    out += compare("dues", describe(a.dues), describe(b.dues))
    out += list("member", a.members, b.members)
    out += list("position", a.positions, b.positions)
    out += list("subsidy", a.subsidies, b.subsidies)
    out += list("item", a.items, b.items)
    return out
  }

  static func compare(_ what: String, _ x: [String: String], _ y: [String: String]) -> [String] {
    var out: [String] = []
    for key in Set(x.keys).union(y.keys).sorted() where key != "location" && key != "fieldLocations" && x[key] != y[key] {
      out.append("\(what) \(key): \(x[key] ?? "–") → \(y[key] ?? "–")")
    }
    return out
  }

  static func list<T>(_ what: String, _ a: [T], _ b: [T]) -> [String] {
    func id(_ t: T) -> String { describe(t)["id"] ?? "" }
    var out: [String] = []
    for x in a where !b.contains(where: { id($0) == id(x) }) { out.append("\(what) '\(id(x))' removed") }
    for y in b {
      guard let x = a.first(where: { id($0) == id(y) }) else {
        out.append("\(what) '\(id(y))' added")
        continue
      }
      out += compare("\(what) '\(id(y))'", describe(x), describe(y)).map { $0.replacing("\(what) '\(id(y))' ", with: "\(what) '\(id(y))': ") }
    }
    return out
  }

  /// A value's fields as text, by name (locations left out).
  static func describe<T>(_ t: T) -> [String: String] {
    var out: [String: String] = [:]
    for child in Mirror(reflecting: t).children {
      guard let label = child.label, label != "location", label != "fieldLocations" else { continue }
      if let e = child.value as? ByExercise {
        out[label] = e.values.sorted { $0.key < $1.key }.map { "\($0.key): \(Money.format($0.value))" }.joined(separator: ", ")
      } else {
        out[label] = "\(child.value)"
      }
    }
    return out
  }
}
