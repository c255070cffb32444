/// A scale (barème): brackets, each with a threshold and a rate, in force from a date.
public struct Scale: Sendable, Hashable {
  /// A threshold: a number in the scale's unit, or a multiple of another parameter
  /// (`4 * plafond_ss`).
  public enum Threshold: Sendable, Hashable {
    case amount(Double)
    case parameter(String, times: Double)
  }

  public struct Bracket: Sendable, Hashable {
    public var threshold: Threshold
    public var rate: Double
    public init(threshold: Threshold, rate: Double) {
      self.threshold = threshold
      self.rate = rate
    }
  }

  /// The brackets in force from `from`, by increasing threshold.
  public struct Version: Sendable, Hashable {
    public var from: Month
    public var brackets: [Bracket]
    public var reference: String?
    public var location: SourceLocation?
    public init(from: Month, brackets: [Bracket], reference: String?, location: SourceLocation? = nil) {
      self.from = from
      self.brackets = brackets
      self.reference = reference
      self.location = location
    }
  }

  /// How a scale is applied to a base.
  public enum Mode: String, Sendable, Hashable {
    /// Each bracket's rate applies to the part of the base inside the bracket (income-tax style).
    case marginal
    /// The rate of the bracket the whole base falls in.
    case bracketRate
  }
}
