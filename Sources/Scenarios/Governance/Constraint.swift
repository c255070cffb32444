import Planner

/// A legal constraint of a statute, checked on a scenario.
public struct ConstraintResult: Sendable, Encodable {
  public enum Status: String, Sendable, Encodable {
    case met, violated
    case notApplicable = "not_applicable"
  }

  public var rule: String
  public var status: Status
  /// The message in English (in the JSON, for programs).
  public var message: String
  /// The message as a catalogue phrase, for the reader's language.
  public var phrase: Phrase
  public var source: String?
  /// Where the scenario writes what the constraint is about, when that is one value (a
  /// subsidy's `non_profit_only`); otherwise the statute's or the governance's place.
  public var location: SourceLocation?

  init(rule: String, status: Status, _ phrase: Phrase, source: String?, location: SourceLocation? = nil) {
    self.rule = rule
    self.status = status
    self.phrase = phrase
    self.message = Messages.of(.en)(phrase)
    self.source = source
    self.location = location
  }

  enum CodingKeys: String, CodingKey { case rule, status, message, source }
}
