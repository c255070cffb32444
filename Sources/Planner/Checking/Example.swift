/// A worked example written next to rules in a rule file: a small situation and the values
/// the rules must give for it. `plan check` runs them; the test suite runs every example file.
public struct Example: Sendable {
  /// What one expectation says: a rule's value, for an entity or the whole, in one month or in
  /// every month.
  public struct Expectation: Sendable {
    public var rule: String
    public var entity: String?
    /// `nil`: every month of the timeline.
    public var month: Month?
    /// An exercise id: the rule's total over that exercise.
    public var exercise: String?
    public var value: Double
    public var location: SourceLocation
  }

  public var name: String
  public var situation: Situation
  public var variation: Variation
  public var expectations: [Expectation]
  public var location: SourceLocation
}
