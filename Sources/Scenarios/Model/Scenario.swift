import Planner

/// A scenario of the cluster, as read from a YAML file (after `extends:` is resolved).
///
/// Amounts are given by exercise in the file (`{2012: 17210}`); the planner spreads them
/// over the months. Every value keeps where it was written, for messages.
public struct Scenario: Sendable {
  public var id: String
  public var title: String
  public var path: String
  /// The scenario files read to make it: those it extends first, its own last (for the
  /// report's fingerprints of its inputs).
  public var files: [String] = []
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
  /// The cash plan's assumptions (`treasury:`).
  public var treasury = TreasuryPolicy()
  /// `legal_limits: warning`: a scenario that breaks the law on purpose (to show what an
  /// unlawful plan costs) has its legal limits reported as warnings, never silently.
  public var legalLimitsAsWarnings = false
  /// Other legal persons the members created (the employers' group), each projected from its
  /// own file and consolidated with the cluster (`Organisations/GroupProjection`).
  public var organisations: [LinkedOrganisation] = []
  /// Whether the organisations' invoices to the cluster are among its items already (the
  /// planner adds them once).
  var invoicesIncluded = false
  public var location: SourceLocation

  public var timeline: Timeline { get throws(DiagnosticList) { try Timeline(exercises: exercises) } }

  /// The scenario as it runs: after a dissolution (`organisation.dissolved`, the last month
  /// of an exercise) no subsidy, item or dues; positions that start later are dropped and the
  /// others end then (a fixed-term contract keeps its agreed term, so that ending it early
  /// costs what the law says). Every command projects this, never the file's scenario.
  public var inForce: Scenario {
    guard let last = organisation.dissolved else { return self }
    var s = self
    let later = Set(exercises.filter { $0.months.first > last }.map(\.id))
    func cut(_ values: inout ByExercise) { for id in later where values.values[id] != nil { values.values[id] = 0 } }
    s.positions = positions.compactMap { p in
      guard p.start <= last else { return nil }
      guard p.end > last else { return p }
      var q = p
      q.end = last
      q.openEnded = false
      q.hours.values = q.hours.values.filter { !later.contains($0.key) }
      q.gross.values = q.gross.values.filter { !later.contains($0.key) }
      if !p.isOpenEndedContract { q.term = p.term ?? p.end }
      return q
    }
    for i in s.subsidies.indices {
      cut(&s.subsidies[i].amounts)
      for id in later { s.subsidies[i].amountDistribution[id] = nil }
    }
    for i in s.items.indices { cut(&s.items[i].amounts) }
    for i in s.members.indices { s.members[i].left = min(members[i].left ?? last, last) }
    return s
  }

  /// The statute in force at a month (the first one before its date).
  public func statute(at month: Month) -> String {
    organisation.statutes.last { $0.from <= month }?.statute ?? organisation.statutes.first?.statute ?? "association"
  }
}

/// A figure by exercise, as the file gives it (`{2010-2011: 2032, 2012: 1820}`).
public struct ByExercise: Sendable {
  public var values: [String: Double]
  public var location: SourceLocation?
  /// Where each exercise's value was written: a variant that writes 2013 only leaves 2012
  /// to the file it extends (explanations cite the line that gave the figure).
  public var locations: [String: SourceLocation] = [:]
  public init(_ values: [String: Double] = [:], location: SourceLocation? = nil) {
    self.values = values
    self.location = location
  }
  public subscript(exercise: String) -> Double? { values[exercise] }
}
