/// A legal constraint of a statute, checked on a scenario.
public struct ConstraintResult: Sendable, Encodable {
  public enum Status: String, Sendable, Encodable {
    case met, violated
    case notApplicable = "not_applicable"
  }

  public var rule: String
  public var status: Status
  public var message: String
  public var source: String?
}
