/// What a run is about: the months, the entities of each kind, and the inputs' values.
///
/// The domain builds it (from a scenario file); the engine only reads it.
public struct Situation: Sendable {
  public var timeline: Timeline
  /// The entities of each kind, by id, in order (row `i` of a block is entity `i`).
  public var entities: [String: [String]]
  /// The value of each input, by key (`position.hours`, `dues_rate`): rows one per entity
  /// (or 1), months one per month of the timeline (or 1), width 1. Categories are stored as
  /// the index of their value, months as `Month.ordinal`.
  public var inputs: [String: Block]

  public init(timeline: Timeline, entities: [String: [String]] = [:], inputs: [String: Block] = [:]) {
    self.timeline = timeline
    self.entities = entities
    self.inputs = inputs
  }
}

/// How the variants of a batch differ from the situation.
public struct Variation: Sendable {
  /// The number of variants.
  public var count: Int
  /// Inputs that differ by variant: given the variants of a chunk, a block whose width is the
  /// chunk's size (or 1).
  public var inputs: [String: @Sendable (Range<Int>) -> Block]
  /// Parameters that differ by variant: one value per variant, replacing the dated values for
  /// every month.
  public var parameters: [String: [Double]]
  /// Inputs whose maker has made sure that every value is a finite number (checked on the
  /// fewer values it makes them from): not scanned again as they enter each chunk, as every
  /// other input is. A promise, not checked here.
  public var finite: Set<String>

  public init(
    count: Int, inputs: [String: @Sendable (Range<Int>) -> Block] = [:], parameters: [String: [Double]] = [:],
    finite: Set<String> = []
  ) {
    self.count = count
    self.inputs = inputs
    self.parameters = parameters
    self.finite = finite
  }

  /// One variant, the situation as it is.
  public static let single = Variation(count: 1)
}

/// Settings of an evaluation.
public struct EvaluationOptions: Sendable {
  /// Turn "parameter used past its last confirmed date" into an error.
  public var strict: Bool
  /// Record every node's values, for explanations (plain runs).
  public var trace: Bool
  /// At most this many variants are evaluated together.
  public var chunkSize: Int
  /// The rules whose values are kept in the result (`nil`: all).
  public var keep: Set<String>?
  /// Compute the rules that vary only through a few values of their entity's inputs once
  /// for each value (``TabulationPlan``); off, every variant is computed in full. The
  /// figures are the same either way (tests compare them).
  public var tabulate: Bool

  public init(strict: Bool = false, trace: Bool = false, chunkSize: Int = 1024, keep: Set<String>? = nil, tabulate: Bool = true) {
    self.strict = strict
    self.trace = trace
    self.chunkSize = max(1, chunkSize)
    self.keep = keep
    self.tabulate = tabulate
  }
}
