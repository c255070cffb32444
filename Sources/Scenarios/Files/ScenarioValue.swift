import Planner

/// Reads and shows the values of scenario fields: every typed read of a scenario file goes
/// through here and fails with a diagnostic located at the value, saying what is allowed.
enum ScenarioValue {
  /// The largest whole number a count may be.
  static let maximumCount = 1_000_000

  static func error(_ message: Phrase, _ node: YAMLNode, id: DiagnosticID = .scenarioInvalid) -> DiagnosticList {
    DiagnosticList([.error(id, message, at: node.location)])
  }

  /// A number in the literal grammar (`1820`, `5000 EUR`, `1.1 %`), in `unit` if one is written.
  static func number(_ node: YAMLNode, _ what: String, unit: Unit? = nil, _ domain: Domain = .any) throws(DiagnosticList) -> Double {
    // A share, a rate or a probability has no unit (`%` is a number).
    let x = try node.number(what, unit: unit ?? (domain == .unitInterval ? .dimensionless : nil))
    guard domain.contains(x) else {
      throw error(
        Phrase("error.scenario_value.1", ["what": .what(what), "value": .text("\(show(x))"), "domain_text": .text("\(domain.text)")]), node,
        id: .scenarioOutOfDomain)
    }
    guard abs(x) <= Limits.amount else {
      throw error(
        Phrase("error.scenario_value.2", ["what": .what(what), "value": .text("\(show(x))"), "value2": .text("\(show(Limits.amount))")]),
        node, id: .scenarioOutOfDomain)
    }
    return x
  }

  /// A whole number from `minimum` to `maximumCount`.
  static func count(_ node: YAMLNode, _ what: String, minimum: Int = 0) throws(DiagnosticList) -> Int {
    let x = try node.number(what, unit: .count)
    guard x == x.rounded(), x >= Double(minimum), x <= Double(maximumCount) else {
      throw error(
        Phrase(
          "error.scenario_value.3",
          ["what": .what(what), "value": .text("\(show(x))"), "minimum": .text("\(minimum)"), "maximum_count": .text("\(maximumCount)")]),
        node, id: .scenarioOutOfDomain)
    }
    return Int(x)
  }

  static func bool(_ node: YAMLNode, _ what: String) throws(DiagnosticList) -> Bool {
    switch try node.string(what) {
    case "true", "yes": return true
    case "false", "no": return false
    case let t: throw error(Phrase("error.scenario_value.4", ["what": .what(what), "t": .text("\(t)")]), node)
    }
  }

  static func month(_ node: YAMLNode) throws(DiagnosticList) -> Month {
    let t = try node.string("a month")
    guard let m = Month(parsing: t) else {
      throw DiagnosticList([.error(.timeBadDate, Phrase("error.time_bad_date.2", ["t": .text("\(t)")]), at: node.location, length: t.count)]
      )
    }
    return m
  }

  /// `{2010-2011: 2032, 2012: 1820}` over `base`: the exercises written replace the base's.
  static func byExercise(
    _ node: YAMLNode, _ what: String, base: ByExercise, exercises: [Exercise], unit: Unit? = nil, _ domain: Domain = .any
  ) throws(DiagnosticList) -> ByExercise {
    var out = base
    out.location = node.location
    let ids = exercises.map(\.id)
    for (key, keyNode, value) in try node.mapping("\(what) by exercise") {
      guard ids.contains(key) else {
        throw error(
          Phrase("error.scenario_value.5", ["key": .text("\(key)"), "value": .text("\(ids.joined(separator: ", "))")]), keyNode,
          id: .scenarioUnknownExercise)
      }
      out.values[key] = try number(value, "\(what) in \(key)", unit: unit, domain)
      out.locations[key] = keyNode.location
    }
    return out
  }

  /// Checks that a mapping has only known keys, suggesting the nearest.
  static func known(_ node: YAMLNode, _ keys: [String], _ what: String) throws(DiagnosticList) {
    for (key, keyNode, _) in try node.mapping(what) where !keys.contains(key) {
      let near = Suggestion.nearest(to: key, among: keys).map { Phrase("diagnostic.did_you_mean", ["name": .text($0)]) }
      throw DiagnosticList([
        .error(
          .scenarioUnknownField,
          Phrase("error.scenario.unknown_field", ["key": .text(key), "what": .what(what), "near": near.map { .phrase($0) } ?? .text("")]),
          at: keyNode.location, length: key.count)
      ])
    }
  }

  static func required(_ node: YAMLNode, _ key: String, _ what: String) throws(DiagnosticList) -> YAMLNode {
    guard let v = node.value(key) else {
      throw error(Phrase("error.scenario_value.6", ["what": .what(what), "key": .text("\(key)")]), node, id: .scenarioMissingField)
    }
    return v
  }

  /// A distribution: a number (fixed), `a to b` (a 90 % interval), or
  /// `{type: uniform|triangular|normal|fixed, low, mode, high, mean, sd, value}`.
  static func distribution(_ node: YAMLNode, _ what: String, _ domain: Domain) throws(DiagnosticList) -> Distribution {
    let d = try distribution(node, what)
    // Every value the distribution can draw must be in the domain; a share is drawn from a
    // bounded law (a normal law is only truncated at zero).
    let bounds: (Double, Double)?
    switch d {
    case .fixed(let v): bounds = (v, v)
    case .uniform(let a, let b), .triangular(let a, _, let b): bounds = (a, b)
    case .normal(let m, _): bounds = domain == .unitInterval ? nil : (max(0, m), max(0, m))
    }
    guard let (low, high) = bounds, domain.contains(low), domain.contains(high) else {
      let bounded = domain == .unitInterval ? "; use fixed, uniform or triangular between 0 and 1" : ""
      throw error(
        Phrase("error.scenario_value.7", ["what": .what(what), "domain_text": .text("\(domain.text)"), "bounded": .text("\(bounded)")]),
        node, id: .scenarioOutOfDomain)
    }
    return d
  }

  static func distribution(_ node: YAMLNode, _ what: String) throws(DiagnosticList) -> Distribution {
    if let text = node.scalarText {
      let parts = text.components(separatedBy: " to ")
      if parts.count == 2 {
        guard let a = Literal.value(parts[0]), let b = Literal.value(parts[1]), abs(a) <= Limits.amount, abs(b) <= Limits.amount else {
          throw error(Phrase("error.scenario_value.8", ["what": .what(what), "text": .text("\(text)")]), node)
        }
        guard a <= b else {
          throw error(Phrase("error.scenario_value.9", ["text": .text("\(text)")]), node, id: .scenarioOutOfDomain)
        }
        return .range90(a, b)
      }
      return .fixed(try number(node, what))
    }
    try known(node, ["type", "low", "mode", "high", "mean", "sd", "value"], what)
    func field(_ k: String) throws(DiagnosticList) -> Double { try number(try required(node, k, what), k) }
    switch try required(node, "type", what).string("a distribution type") {
    case "fixed": return .fixed(try field("value"))
    case "uniform":
      let (a, b) = (try field("low"), try field("high"))
      guard a <= b else { throw error(Phrase("error.scenario_value.10"), node) }
      return .uniform(low: a, high: b)
    case "triangular":
      let (a, c, b) = (try field("low"), try field("mode"), try field("high"))
      guard a <= c && c <= b && a < b else { throw error(Phrase("error.scenario_value.11"), node) }
      return .triangular(low: a, mode: c, high: b)
    case "normal":
      let (m, sd) = (try field("mean"), try field("sd"))
      guard sd >= 0 else { throw error(Phrase("error.scenario_value.12"), node) }
      return .normal(mean: m, sd: sd)
    case let t:
      throw error(Phrase("error.scenario_value.13", ["t": .text("\(t)")]), node, id: .scenarioUnknownValue)
    }
  }

  // MARK: - Shown as written

  /// A number as a user writes it in YAML: `40000`, `0.01`.
  static func show(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return "\(x)"
  }

  /// `{2012: 40000, 2013: 0}`.
  static func show(_ e: ByExercise) -> String {
    "{" + e.values.sorted { $0.key < $1.key }.map { "\($0.key): \(show($0.value))" }.joined(separator: ", ") + "}"
  }
}
