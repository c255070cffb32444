import Planner

/// Scenarios side by side: figures by exercise with deltas against the first scenario, and
/// what differs between their inputs.
public struct Comparison: Sendable {
  public struct Row: Sendable, Encodable {
    public var key: String
    public var label: String
    /// `scenario id → period id → value`.
    public var values: [String: [String: Double]]
    /// A row compared in every period; otherwise a line of the budget shown where its values
    /// differ between the scenarios.
    public var always = true

    /// Whether the scenarios' values differ in a period.
    public func differs(in period: String) -> Bool { Set(values.values.map { $0[period] ?? 0 }).count > 1 }

    enum CodingKeys: String, CodingKey { case key, label, values }
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
  /// The indicators compared (their names: `indicator.<key>` in the message catalogues).
  public static let indicatorKeys = [
    "result", "reserves", "subsidies_share", "fte", "cost_per_fte", "dues_per_member", "lowest_cash", "financing_cost",
  ]

  /// The consolidated figures compared when a scenario names organisations besides the
  /// cluster (the cluster alone for a scenario that names none: it is its own consolidation).
  public static let consolidatedKeys = ["charges", "income", "result", "reserves", "lowest_cash"]

  /// A scenario's consolidated figures by key and period: of the cluster and its
  /// organisations (`g`), or of the cluster alone.
  public static func consolidated(_ p: Projection, _ g: GroupProjection?) -> [String: [String: Double]] {
    func total(_ path: String) -> [String: Double] {
      if let g { return g.consolidation.first { $0.path == path }?.consolidated ?? [:] }
      return p.budget.first { $0.path == path && $0.budget == "total" }?.values ?? [:]
    }
    let indicators = g?.indicators ?? p.indicators
    return [
      "charges": total("charges/total"), "income": total("produits/total"), "result": indicators["result"] ?? [:],
      "reserves": indicators["reserves"] ?? [:], "lowest_cash": indicators["lowest_cash"] ?? [:],
    ]
  }

  /// `consolidated`: by scenario id, its consolidated figures (`consolidated(_:_:)`), given
  /// when one of the scenarios names organisations; compared after the cluster's own rows.
  public init(_ projections: [Projection], consolidated: [String: [String: [String: Double]]] = [:]) {
    self.projections = projections
    var periods: [String] = []
    for p in projections { for period in p.periods where !periods.contains(period.id) { periods.append(period.id) } }
    self.periods = periods
    var rows: [Row] = []
    let m = Messages.of(projections.first?.language ?? .en)
    // The sections and totals compared always, and any other line of the budget whose values
    // differ between the scenarios (the European grant that stops, zero or not), in the
    // budget's order.
    var paths: [String] = []
    for row in projections.first?.budget ?? [] where !paths.contains(row.path) { paths.append(row.path) }
    func differs(_ path: String) -> Bool {
      let values = projections.map { p in p.budget.first { $0.path == path && $0.budget == "total" }?.values ?? [:] }
      return periods.contains { period in Set(values.map { $0[period] ?? 0 }).count > 1 }
    }
    for path in paths where Self.budgetPaths.contains(path) || differs(path) {
      guard let label = projections.first?.budget.first(where: { $0.path == path })?.label(m.language) else { continue }
      var values: [String: [String: Double]] = [:]
      for p in projections { values[p.scenario.id] = p.budget.first { $0.path == path && $0.budget == "total" }?.values }
      rows.append(Row(key: path, label: label, values: values, always: Self.budgetPaths.contains(path)))
    }
    for key in Self.indicatorKeys {
      var values: [String: [String: Double]] = [:]
      for p in projections { values[p.scenario.id] = p.indicators[key] }
      rows.append(Row(key: key, label: m("indicator.\(key)"), values: values))
    }
    if !consolidated.isEmpty {
      for key in Self.consolidatedKeys {
        var values: [String: [String: Double]] = [:]
        for p in projections { values[p.scenario.id] = consolidated[p.scenario.id]?[key] }
        rows.append(Row(key: "consolidated.\(key)", label: m("compare.consolidated.\(key)"), values: values))
      }
    }
    self.rows = rows
    var differences: [String: [String]] = [:]
    if let base = projections.first?.scenario {
      for p in projections.dropFirst() { differences[p.scenario.id] = ScenarioDiff.differences(base, p.scenario) }
    }
    self.differences = differences
  }
}

/// What differs between two scenarios' inputs, in the keys and values a user writes.
public enum ScenarioDiff {
  public static func differences(_ a: Scenario, _ b: Scenario) -> [String] {
    var out: [String] = []
    if a.rulesFolder != b.rulesFolder { out.append("rules: \(a.rulesFolder) → \(b.rulesFolder)") }
    if a.exercises != b.exercises { out.append("exercises: \(a.exercises.map(\.id)) → \(b.exercises.map(\.id))") }
    out += fields("organisation", a.organisation, b.organisation)
    out += fields("dues", a.dues, b.dues)
    out += fields("uncertainty", a.uncertainty, b.uncertainty)
    out += list(a.members, b.members)
    out += list(a.positions, b.positions)
    out += list(a.subsidies, b.subsidies)
    out += list(a.items, b.items)
    out += list(a.organisations, b.organisations)
    return out
  }

  /// `what key: before → after` for each declared field that differs.
  static func fields<S: DeclaredSection>(_ what: String, _ a: S, _ b: S) -> [String] {
    S.fields.flatMap { f -> [String] in
      let (x, y) = (f.show(a), f.show(b))
      guard x != y else { return [] }
      if let parts = f.parts {
        let (p, q) = (parts(a), parts(b))
        return Set(p.keys).union(q.keys).sorted().compactMap { k in
          p[k] == q[k] ? nil : "\(what) \(f.key) \(k): \(p[k] ?? "–") → \(q[k] ?? "–")"
        }
      }
      return ["\(what) \(f.key): \(x) → \(y)"]
    }
  }

  static func list<E: ScenarioEntry>(_ a: [E], _ b: [E]) -> [String] {
    var out: [String] = []
    let before = Dictionary(a.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
    let after = Set(b.map(\.id))
    for x in a where !after.contains(x.id) { out.append("\(E.kind) '\(x.id)' removed") }
    for y in b {
      guard let x = before[y.id] else {
        out.append("\(E.kind) '\(y.id)' added")
        continue
      }
      out += fields("\(E.kind) '\(y.id)':", x, y)
    }
    return out
  }
}
