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
    ]
  }
}
