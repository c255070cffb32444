import Planner

/// A scenario projected through the rules: the budget in the seed's layout, the staffing,
/// indicators and warnings, by period. Recorded figures of closed exercises win over the
/// projection; where the rules project something else, a warning says so.
public struct Projection: Sendable {
  public var scenario: Scenario
  public var periods: [Period]
  public var budget: [BudgetRow]
  public var staffing: [StaffingRow]
  /// `name → period id → value`.
  public var indicators: [String: [String: Double]]
  public var inKind: [String: Double]
  /// The cash plan, month by month (`nil` when the rule packs give no treasury timing).
  public var treasury: Treasury?
  public var warnings: [Diagnostic]
  /// The traced evaluation behind the figures, for explanations.
  public var evaluation: Evaluation
  public var planner: ScenarioPlanner
  /// The language of its labels and texts.
  public var language: Language = .en
}
