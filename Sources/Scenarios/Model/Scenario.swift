import Planner

/// A scenario of the cluster, as read from a YAML file (after `extends:` is resolved).
///
/// Amounts are given by exercise in the file (`{2012: 17210}`); the planner spreads them
/// over the months. Every value keeps where it was written, for messages.
public struct Scenario: Sendable {
  public var id: String
  public var title: String
  public var path: String
  /// The folder of rule packs the scenario uses.
  public var rulesFolder: String
  public var exercises: [Exercise]
  public var assumptions: [String]
  public var organisation: Organisation
  public var members: [Member]
  public var dues: DuesPolicy
  public var positions: [Position]
  public var subsidies: [Subsidy]
  public var items: [Item]
  /// Recorded figures of closed exercises, by exercise id.
  public var actuals: [String: Actuals]
  /// Staffing figures as printed in the source document, by exercise id, for checks.
  public var publishedStaffing: [String: [String: PublishedStaffing]]
  /// Stakeholder groups, colleges and capital, for a cooperative statute.
  public var governance: Governance?
  /// What simulations draw besides subsidies and positions.
  public var uncertainty = Uncertainty()
  public var location: SourceLocation

  public var timeline: Timeline { get throws(DiagnosticList) { try Timeline(exercises: exercises) } }

  /// The statute in force at a month (the first one before its date).
  public func statute(at month: Month) -> String {
    organisation.statutes.last { $0.from <= month }?.statute ?? organisation.statutes.first?.statute ?? "association"
  }
}

/// A figure by exercise, as the file gives it (`{2010-2011: 2032, 2012: 1820}`).
public struct ByExercise: Sendable {
  public var values: [String: Double]
  public var location: SourceLocation?
  public init(_ values: [String: Double] = [:], location: SourceLocation? = nil) {
    self.values = values
    self.location = location
  }
  public subscript(exercise: String) -> Double? { values[exercise] }
}
