import Planner

/// Another charge or income on a budget line, by exercise (`items:`).
public struct Item: Sendable {
  /// Where each field was written (the last file that gave it), for messages.
  public var fieldLocations: [String: SourceLocation] = [:]
  public var id: String
  public var line: String
  public var budget: String
  public var amounts: ByExercise
  public var label: String?
  /// Months after it accrues the item is paid or received (`nil`: the line's timing in
  /// treasury.yaml; rent in its month, suppliers and customers at 30 days).
  public var paymentDelay: Int? = nil
  public var location: SourceLocation
}

// MARK: - Fields, declared once (see `Field`); the JSON Schema is tested against them.

extension Item: ScenarioEntry {
  static let what = "an item"
  static let section = "items"
  static let kind = "item"
  static var fields: [Field<Item>] {
    [
      .optionalText("label", \.label),
      .text("line", \.line, required: true, categories: "item.line"),
      .text("budget", \.budget, required: true, categories: "item.budget"),
      .byExercise("amounts", \.amounts, unit: .euro),
      Field(
        key: "payment_delay",
        read: { (i, n, _) throws(DiagnosticList) in
          let m = try ScenarioValue.count(n, "payment_delay")
          guard m <= PaymentTerms.maximumMonths else {
            throw ScenarioValue.error(
              Phrase("error.item.1", ["m": .text("\(m)"), "payment_terms_maximum_months": .text("\(PaymentTerms.maximumMonths)")]), n,
              id: .scenarioOutOfDomain)
          }
          i.paymentDelay = m
        },
        show: { $0.paymentDelay.map(String.init) ?? "–" }),
    ]
  }

  init(id: String, location: SourceLocation) {
    self.init(id: id, line: "", budget: "", amounts: ByExercise(), label: nil, location: location)
  }

  mutating func complete(at node: YAMLNode) throws(DiagnosticList) {}
}
