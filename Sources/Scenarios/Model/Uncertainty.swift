import Planner

/// Uncertainty of a scenario as a whole, for `plan simulate`.
public struct Uncertainty: Sendable {
  /// Where each field was written (the last file that gave it), for messages.
  public var fieldLocations: [String: SourceLocation] = [:]
  /// Correlation of the funders' renewals through a common "public budgets" factor (0: independent).
  public var publicBudgetsCorrelation: Double = 0
  /// Probability that a member organisation leaves, each year of a projected exercise.
  public var memberLeavingProbability: Double = 0
  /// The share of dues collected, when uncertain.
  public var duesCollection: Distribution? = nil
  /// How many months after an exercise ends each funder pays its subsidies' balance, when
  /// uncertain (for the cash plan's draws), by funder.
  public var paymentDelays: [String: Distribution] = [:]
  public init() {}
}

// MARK: - Fields, declared once (see `Field`); the JSON Schema is tested against them.

extension Uncertainty: DeclaredSection {
  static let what = "the uncertainty"
  static var fields: [Field<Uncertainty>] {
    [
      .number("public_budgets_correlation", \.publicBudgetsCorrelation, .unitInterval),
      .number("member_leaving_probability", \.memberLeavingProbability, .unitInterval),
      .distribution("dues_collection", \.duesCollection, "the dues collection rate", .unitInterval),
      Field(
        key: "payment_delays", categories: "subsidy.funder",
        read: { (u, n, _) throws(DiagnosticList) in
          for (funder, keyNode, value) in try n.mapping("payment delays by funder") {
            u.paymentDelays[funder] = try ScenarioValue.distribution(value, "the balance's delay in months of \(funder)", .nonNegative)
            u.fieldLocations["payment_delays.\(funder)"] = keyNode.location
          }
        },
        show: { u in "{" + u.paymentDelays.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}" },
        category: { u in u.paymentDelays.keys.sorted().map { ($0, u.fieldLocations["payment_delays.\($0)"]) } }),
    ]
  }
}
