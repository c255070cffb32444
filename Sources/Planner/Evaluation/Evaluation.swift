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
    guard let r = ruleSet.ruleIndex(named: rule), let block = values[r] else { return nil }
    return block[row, month, variant]
  }

  /// A rule's value summed over months (indices in the timeline): the one way every
  /// command sums a rule back over a period. `nil` when the rule was not kept.
  public func total<Months: Sequence<Int>>(_ rule: String, row: Int = 0, months: Months, variant: Int = 0) -> Double? {
    guard let r = ruleSet.ruleIndex(named: rule), let block = values[r] else { return nil }
    var sum = 0.0
    for m in months { sum += block[row, m, variant] }
    return sum
  }

  /// A global rule's value summed over months, for every variant of the evaluation (the
  /// vectorised form of `total`, for batches).
  public func totals<Months: Sequence<Int>>(_ rule: String, months: Months) -> [Double]? {
    guard let r = ruleSet.ruleIndex(named: rule), let block = values[r] else { return nil }
    let w = variants.count
    var out = [Double](repeating: 0, count: w)
    // Through pointers: no checked index arithmetic in the loop over the variants (vectorised).
    out.withUnsafeMutableBufferPointer { out in
      block.data.withUnsafeBufferPointer { p in
        guard w > 0, let o = out.baseAddress, let p = p.baseAddress else { return }
        for m in months {
          if block.width == 1 {
            let v = p[block.months == 1 ? 0 : m]
            for b in 0..<w { o[b] += v }
          } else {
            let row = p + (block.months == 1 ? 0 : m) * w
            for b in 0..<w { o[b] += row[b] }
          }
        }
      }
    }
    return out
  }

  /// A rule's value summed over the months of an exercise.
  public func total(_ rule: String, row: Int = 0, exercise: String, variant: Int = 0) -> Double? {
    let timeline = situation.timeline
    guard let index = timeline.exercises.firstIndex(where: { $0.id == exercise }) else { return nil }
    return total(rule, row: row, months: timeline.months(ofExercise: index), variant: variant)
  }
}
