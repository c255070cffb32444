import Planner

/// A subsidy from a funder, by exercise, with its renewal probability (`subsidies:`).
public struct Subsidy: Sendable {
  /// Where each field was written (the last file that gave it), for messages.
  public var fieldLocations: [String: SourceLocation] = [:]
  public var id: String
  public var name: String
  public var funder: String
  public var budget: String
  public var amounts: ByExercise
  /// Probability that the subsidy is renewed, by exercise (for simulations).
  public var renewalProbability: ByExercise
  /// How uncertain the amount is, by exercise (for simulations; absent: the amount as given).
  public var amountDistribution: [String: Distribution] = [:]
  /// The subsidy funds the research posts' work (deducted from the CIR's base).
  public var fundsResearch = false
  /// Whether the funder grants it to non-profit bodies only (the scenario says so, from the
  /// funder's rules): a company's statute then loses it (a constraint of `plan statutes`).
  public var nonProfitOnly = false
  /// When it is paid (`nil`: its funder's terms, from the scenario's treasury or the rule packs).
  public var payment: PaymentTerms? = nil
  public var location: SourceLocation
}

// MARK: - Fields, declared once (see `Field`); the JSON Schema is tested against them.

extension Subsidy: ScenarioEntry {
  static let what = "a subsidy"
  static let section = "subsidies"
  static let kind = "subsidy"
  static var fields: [Field<Subsidy>] {
    [
      .text("name", \.name),
      .text("funder", \.funder, required: true, categories: "subsidy.funder"),
      .text("budget", \.budget, required: true, categories: "subsidy.budget"),
      .byExercise("amounts", \.amounts, unit: .euro, .nonNegative),
      .byExercise("renewal_probability", \.renewalProbability, .unitInterval),
      .bool("funds_research", \.fundsResearch),
      .bool("non_profit_only", \.nonProfitOnly),
      Field(
        key: "payment",
        read: { (s, n, _) throws(DiagnosticList) in s.payment = try PaymentTerms.read(n, "the subsidy's payment terms") },
        show: { $0.payment?.shown ?? "–" }),
      Field(
        key: "amount_distribution",
        read: { (s, n, c) throws(DiagnosticList) in
          for (e, keyNode, value) in try n.mapping("amount distributions by exercise") {
            guard c.exercises.contains(where: { $0.id == e }) else {
              throw ScenarioValue.error(Phrase("error.subsidy.1", ["e": .text("\(e)")]), keyNode, id: .scenarioUnknownExercise)
            }
            s.amountDistribution[e] = try ScenarioValue.distribution(value, "an amount distribution", .nonNegative)
          }
        },
        show: { "{" + $0.amountDistribution.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}" }),
    ]
  }

  init(id: String, location: SourceLocation) {
    self.init(id: id, name: "", funder: "", budget: "", amounts: ByExercise(), renewalProbability: ByExercise(), location: location)
  }

  mutating func complete(at node: YAMLNode) throws(DiagnosticList) {
    if name.isEmpty { name = id }
  }
}
