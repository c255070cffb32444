import Planner

/// Reads a scenario from its YAML node, on top of the scenario it extends (if any).
///
/// A variant overrides only what it writes: a field it gives replaces the base's; an entry of
/// a list (members, positions, subsidies, items) with the id of a base entry changes only the
/// fields it gives, `remove: true` removes it, and a new id adds one. Every error is located.
struct ScenarioReader {
  let document: YAMLDocument
  var errors: [Diagnostic] = []

  static let sections: Set<String> = [
    "scenario", "title", "extends", "rules", "exercises", "assumptions", "organisation", "members", "dues",
    "positions", "subsidies", "items", "actuals", "published_staffing", "governance", "uncertainty",
  ]

  init(_ document: YAMLDocument) { self.document = document }

  func error(_ message: String, _ node: YAMLNode, id: String = "scenario.invalid") -> DiagnosticList {
    DiagnosticList([.error(id, message, at: node.location)])
  }

  // MARK: - Scalars

  func text(_ node: YAMLNode, _ what: String) throws(DiagnosticList) -> String { try node.string(what) }

  func number(_ node: YAMLNode, _ what: String) throws(DiagnosticList) -> Double {
    var t = try node.string(what).trimmed.replacing("_", with: "").replacing(" ", with: "")
    var scale = 1.0
    if t.hasSuffix("%") {
      t.removeLast()
      scale = 0.01
    }
    if t.hasSuffix("EUR") { t.removeLast(3) }
    guard let d = Double(t), d.isFinite else { throw error("expected \(what) as a number, found '\(t)'", node, id: "scenario.expected-number") }
    return d * scale
  }

  func month(_ node: YAMLNode, _ what: String) throws(DiagnosticList) -> Month {
    let t = try node.string(what)
    guard let m = Month(parsing: t) else {
      throw DiagnosticList([.error("time.bad-date", "'\(t)' is not a month; write YYYY-MM", at: node.location, length: t.count)])
    }
    return m
  }

  func bool(_ node: YAMLNode, _ what: String) throws(DiagnosticList) -> Bool {
    switch try node.string(what) {
    case "true", "yes": return true
    case "false", "no": return false
    case let t: throw error("expected \(what) as true or false, found '\(t)'", node)
    }
  }

  func oneOf(_ node: YAMLNode, _ what: String, _ allowed: [String]) throws(DiagnosticList) -> String {
    let t = try node.string(what)
    guard allowed.contains(t) else {
      var message = "'\(t)' is not a valid \(what); expected one of \(allowed.joined(separator: ", "))"
      if let s = nearest(t, allowed) { message = "'\(t)' is not a valid \(what); did you mean '\(s)'?" }
      throw DiagnosticList([.error("scenario.unknown-value", message, at: node.location, length: t.count)])
    }
    return t
  }

  func nearest(_ t: String, _ allowed: [String]) -> String? { Suggestion.nearest(to: t, among: allowed) }

  /// `{2010-2011: 2032, 2012: 1820}`: a figure by exercise.
  func byExercise(_ node: YAMLNode, _ what: String, exercises: [Exercise], base: ByExercise? = nil) throws(DiagnosticList) -> ByExercise {
    var out = base ?? ByExercise()
    out.location = node.location
    let ids = exercises.map(\.id)
    for (key, keyNode, value) in try node.mapping(what) {
      guard ids.contains(key) else {
        throw error("'\(key)' is not an exercise of the scenario (\(ids.joined(separator: ", ")))", keyNode, id: "scenario.unknown-exercise")
      }
      out.values[key] = try number(value, what)
    }
    return out
  }

  /// Checks that a mapping has only known keys.
  func known(_ node: YAMLNode, _ keys: Set<String>, _ what: String) throws(DiagnosticList) {
    for (key, keyNode, _) in try node.mapping(what) where !keys.contains(key) {
      var message = "unknown field '\(key)' in \(what)"
      if let s = nearest(key, Array(keys)) { message += "; did you mean '\(s)'?" }
      throw DiagnosticList([.error("scenario.unknown-field", message, at: keyNode.location, length: key.count)])
    }
  }
}
