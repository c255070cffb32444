/// The values computed for a chunk of variants (or a whole plain run).
public struct Evaluation: Sendable {
  public let ruleSet: RuleSet
  public let situation: Situation
  /// The variants this evaluation covers.
  public let variants: Range<Int>
  /// Values of the kept rules, by rule index.
  public let values: [Int: Block]
  /// Values of every core node, by node id, when tracing.
  public let trace: [Int: Block]
  public let warnings: [Diagnostic]
  /// Doubles written by the evaluation's vector operations (a measure of the work done).
  public var elementsWritten = 0

  /// The number of entities a rule is computed for (1 for a rule of the whole organisation).
  public func rowCount(of rule: RuleSet.Rule) -> Int {
    rule.entity.map { situation.entities[$0]?.count ?? 0 } ?? 1
  }

  /// A rule's value for an entity (row), a month (index in the timeline) and a variant
  /// (index inside `variants`).
  public func value(_ rule: String, row: Int = 0, month: Int, variant: Int = 0) -> Double? {
    guard let r = ruleSet.rule(named: rule), let block = values[r.index] else { return nil }
    return block[row, month, variant]
  }

  /// A rule's value summed over the months of an exercise.
  public func total(_ rule: String, row: Int = 0, exercise: String, variant: Int = 0) -> Double? {
    let timeline = situation.timeline
    guard let index = timeline.exercises.firstIndex(where: { $0.id == exercise }) else { return nil }
    var sum = 0.0
    for (m, e) in timeline.exerciseIndex.enumerated() where e == index {
      guard let v = value(rule, row: row, month: m, variant: variant) else { return nil }
      sum += v
    }
    return sum
  }
}
