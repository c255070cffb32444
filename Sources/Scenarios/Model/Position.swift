import Planner

/// A staff position: its contract, dates, hours and pay by exercise (`positions:`).
public struct Position: Sendable {
  /// Where each field was written (the last file that gave it), for messages.
  public var fieldLocations: [String: SourceLocation] = [:]
  public var id: String
  public var label: String
  public var line: String
  public var contract: String
  public var category: String
  public var start: Month
  public var end: Month
  public var hours: ByExercise
  public var gross: ByExercise
  public var shareFonctionnement: Double
  public var indemnityDue: Bool
  /// A delay of the start, in months (for simulations).
  public var startDelay: Distribution? = nil
  public var location: SourceLocation
}

// MARK: - Fields, declared once (see `Field`); the JSON Schema is tested against them.

extension Position: ScenarioEntry {
  static let what = "a position"
  static let section = "positions"
  static let kind = "position"
  static var fields: [Field<Position>] {
    [
      .text("label", \.label),
      .text("line", \.line, required: true, categories: "position.line"),
      .text("contract", \.contract, required: true, categories: "position.contract"),
      .text("category", \.category, categories: "position.category"),
      .month("start", \.start, required: true),
      .month("end", \.end, required: true),
      .byExercise("hours", \.hours, unit: .hour, .nonNegative),
      .byExercise("gross", \.gross, unit: .euro, .nonNegative),
      .number("share_fonctionnement", \.shareFonctionnement, .unitInterval),
      .bool("indemnity_due", \.indemnityDue),
      .distribution("start_delay", \.startDelay, "a start delay in months", .nonNegative),
    ]
  }

  init(id: String, location: SourceLocation) {
    self.init(
      id: id, label: "", line: "", contract: "", category: "non-cadre", start: Month(2000, 1), end: Month(2000, 1),
      hours: ByExercise(), gross: ByExercise(), shareFonctionnement: 1, indemnityDue: true, location: location)
  }

  mutating func complete(at node: YAMLNode) throws(DiagnosticList) {
    if label.isEmpty { label = id }
    guard start <= end else { throw ScenarioValue.error("position '\(id)' ends (\(end)) before it starts (\(start))", node) }
  }
}
