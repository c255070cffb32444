import Planner

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
