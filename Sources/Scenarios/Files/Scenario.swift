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

public struct Organisation: Sendable {
  /// Where each field was written (the last file that gave it), for messages.
  public var fieldLocations: [String: SourceLocation] = [:]
  public var name: String
  public var statutes: [(from: Month, statute: String)]
  public var vatLiable: Bool
  /// Share of receipts subject to VAT when the cluster is a company (SCIC, UES).
  public var vatShareAsCompany: Double
  /// Headcount for contribution thresholds (10, 20 employees).
  public var headcount: Double
  /// Accidents-du-travail rate, if known.
  public var atRate: Double?
  public var initialReserves: Double
}

public struct Member: Sendable {
  /// Where each field was written (the last file that gave it), for messages.
  public var fieldLocations: [String: SourceLocation] = [:]
  public var id: String
  public var name: String
  public var activity: String?
  public var legalForm: String?
  public var kind: String
  /// Gross payroll by calendar year (`{2010: 300000}`).
  public var payroll: [Int: Double]
  public var estimate: Bool
  public var joined: Month
  public var left: Month?
  public var count: Int
  public var location: SourceLocation
}

public struct DuesPolicy: Sendable {
  /// Where each field was written (the last file that gave it), for messages.
  public var fieldLocations: [String: SourceLocation] = [:]
  public var rate: Double = 0
  public var cap: Double = 0
  public var individual: Double = 0
  public var shareFonctionnement: Double = 1
  /// Share of the dues called that are collected.
  public var collectionRate: Double = 1
}

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
  public var location: SourceLocation
}

public struct Item: Sendable {
  /// Where each field was written (the last file that gave it), for messages.
  public var fieldLocations: [String: SourceLocation] = [:]
  public var id: String
  public var line: String
  public var budget: String
  public var amounts: ByExercise
  public var label: String?
  public var location: SourceLocation
}

/// What was recorded for a closed exercise: budget rows by path and column, as printed.
public struct Actuals: Sendable {
  /// `path → column → amount`; columns are `fonctionnement`, `projets`, `total`.
  public var budget: [String: [String: Double]]
  /// Shares printed, in percent: `path → column → share`.
  public var shares: [String: [String: Double]]
  public var location: SourceLocation
  /// Where each row of `budget` and of `shares` was written, by path.
  public var budgetLocations: [String: SourceLocation] = [:]
  public var shareLocations: [String: SourceLocation] = [:]

  /// Where the row `path` of the budget (or of the shares) was written.
  public func location(of path: String, shares: Bool = false) -> SourceLocation {
    (shares ? shareLocations[path] : budgetLocations[path]) ?? location
  }
}

public struct PublishedStaffing: Sendable {
  public var hours: Double
  public var fte: Double
  public var location: SourceLocation
}

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
