/// The limits a user can meet, each documented in README.md ("Limits"): beyond them the
/// tool refuses the input with a located message rather than run out of time or memory.
public enum Limits {
  /// The longest exercise, in months (the cluster's first one has 14).
  public static let exerciseMonths = 24
  /// The most months a scenario covers (twenty years).
  public static let horizonMonths = 240
  /// The most entries of one list (members, positions, subsidies, items) of a scenario.
  public static let entries = 20_000
  /// The deepest chain of `extends:`.
  public static let extendsDepth = 32
  /// The largest amount in euros a value may have (a thousand billion).
  public static let amount = 1e12
  /// The most hours a month of a position may hold: 48 h a week, the legal maximum of a
  /// week (art. L3121-20 C. trav.), over the 52/12 weeks of a month.
  public static let hoursPerMonth = 48.0 * 52 / 12
  /// The most draws of a simulation, and the memory it may take.
  public static let draws = 10_000_000
  public static let simulationBytes = 8 << 30
}
