import Foundation

/// The working state while one chunk of variants is evaluated.
struct ChunkContext {
  let evaluator: Evaluator
  let width: Int
  /// The rules' values in hand, by rule index.
  var rules: RuleValues
  var inputs: [Int: Block] = [:]
  var parameters: [String: Block] = [:]
  var trace: [Int: Block] = [:]
  var pool = BufferPool()
  var tracing: Bool
  let months: Int
  /// Doubles written by all node operations, for the benchmark's bandwidth bound.
  var elementsWritten = 0
  /// The sums of tabulated values (by node id): the values and filters per tuple, and each
  /// variant's tuple.
  var tabulated: [Int: (value: Block, filter: Block?, constant: [Bool], index: TabulationIndex)] = [:]
  /// Tabulated rules read directly by a rule that is not: spread out to every variant when
  /// first read (a branch not taken never reads them).
  var deferred: [Int: (table: Block, index: TabulationIndex)] = [:]
  /// When recorded (a batch's first chunk): the branch each condition took everywhere, by
  /// select node id (`true` the first, `false` the second, `nil` both somewhere). See
  /// ``Evaluator/neededRules(_:branches:)``.
  var branches: [Int: Bool?]?

  init(evaluator: Evaluator, width: Int) {
    self.evaluator = evaluator
    self.width = width
    self.months = evaluator.situation.timeline.monthCount
    self.tracing = evaluator.options.trace
    self.rules = RuleValues(count: evaluator.ruleSet.rules.count)
    for (i, input) in evaluator.ruleSet.inputs.enumerated() {
      if let b = evaluator.situation.inputs[input.key] {
        inputs[i] = b
      } else if let kind = input.entity, (evaluator.situation.entities[kind] ?? []).isEmpty {
        inputs[i] = Block(rows: 0, months: 1, width: 1, data: [])
      }
    }
  }

  var timeline: Timeline { evaluator.situation.timeline }

  func rowCount(_ entity: String?) -> Int {
    entity.map { evaluator.situation.entities[$0]?.count ?? 0 } ?? 1
  }

  mutating func evaluate(_ node: CoreNode, scope: String?) -> Block {
    let block = compute(node, scope: scope)
    elementsWritten += block.data.count
    if tracing { trace[node.id] = block }
    return block
  }

  private mutating func compute(_ node: CoreNode, scope: String?) -> Block {
    switch node.kind {
    case .constant(let v):
      return .scalar(v)
    case .rule(let i):
      if let block = rules[i] { return block }
      // A sum to add inside its reader's chain, read elsewhere: computed here.
      if evaluator.inlinedSums.contains(i) { return compute(evaluator.ruleSet.rules[i].root, scope: nil) }
      let (table, index) = deferred[i]!
      let block = Kernels.gather(table, index, pool: &pool)
      elementsWritten += block.data.count
      rules[i] = block
      return block
    case .input(let i):
      return inputs[i]!
    case .parameter(let name):
      return parameters[name] ?? evaluator.parameterBlocks[name]!
    case .calendar(let q):
      return calendar(q)
    case .parameterAt(let name, let month):
      let m = evaluate(month, scope: scope)
      defer { recycle(m, month) }
      return parameter(name, at: m)
    case .unary(.round(let decimals), let inner) where !tracing:
      // `round(cumulative(x), d)`: the running total rounded as it is written.
      if case .cumulative(let a) = inner.kind {
        let x = evaluate(a, scope: scope)
        defer { recycle(x, a) }
        return cumulative(x, round: pow(10.0, Double(decimals)))
      }
      let x = evaluate(inner, scope: scope)
      defer { recycle(x, inner) }
      return Kernels.unary(.round(decimals: decimals), x, pool: &pool)
    case .binary(.subtract, let a, let b) where !tracing && Self.isPreviousMonth(of: a, b):
      // `x − previous_month(x, initial)`: one pass.
      guard case .previousMonth(_, let initial) = b.kind else { fatalError("checked by isPreviousMonth") }
      if case .rule(let r) = a.kind, rules[r] == nil, let running = evaluator.inlinedRunning[r] {
        // A running total in cents not evaluated as a rule: made and differenced in one pass.
        let x = evaluate(running.total, scope: nil), i = evaluate(initial, scope: scope)
        defer {
          recycle(x, running.total)
          recycle(i, initial)
        }
        return centsLine(x, i, scale: running.scale)
      }
      let x = evaluate(a, scope: scope), i = evaluate(initial, scope: scope)
      defer {
        recycle(x, a)
        recycle(i, initial)
      }
      return monthlyDifference(x, i)
    case .binary(.add, _, _) where !tracing, .binary(.subtract, _, _) where !tracing:
      // `a ± b ± c …`: the terms read once and added in the order written, in one pass per
      // run of variants (not one block written per operator).
      let chain = Self.additions(node)
      guard chain.terms.count > 2 else { return binary(node, scope: scope) }
      var blocks: [Block] = []
      blocks.reserveCapacity(chain.terms.count)
      // The sums added inside the pass (`Evaluator.inlinedSums`): their values by row, the
      // mask, and the nodes they came from.
      var masks: [Block?] = []
      var inside: [(value: (Block, CoreNode), mask: (Block, CoreNode))] = []
      // Values of one row computed once per combination (`TabulationPlan.combined`), looked
      // up inside the pass: each variant's place.
      var places: [[Int32]?] = []
      for term in chain.terms {
        if case .rule(let r) = term.kind, rules[r] == nil, let (table, index) = deferred[r], table.rows == 1,
          index.single.count == 1, index.tuple.count == width
        {
          if places.isEmpty { places = Array(repeating: nil, count: chain.terms.count) }
          places[blocks.count] = index.tuple
          blocks.append(table)
          continue
        }
        if case .rule(let r) = term.kind, rules[r] == nil, evaluator.inlinedSums.contains(r),
          case let root = evaluator.ruleSet.rules[r].root, tabulated[root.id] == nil,
          case .sum(let entity, let value, let filter?) = root.kind
        {
          let (v, f) = (evaluate(value, scope: entity), evaluate(filter, scope: entity))
          if f.width == 1 && v.rows == rowCount(entity) && v.rows > 1 && v.months == months && v.width == width
            && f.data.contains(where: { $0 != 0 })
          {
            if masks.isEmpty { masks = Array(repeating: nil, count: chain.terms.count) }
            masks[blocks.count] = f
            blocks.append(v)
            inside.append(((v, value), (f, filter)))
          } else {
            blocks.append(filteredSum(v, f, value: value, filter: filter, entity: entity))
          }
          continue
        }
        blocks.append(evaluate(term, scope: scope))
      }
      let result = Kernels.additions(blocks, subtract: chain.subtract, masks: masks, places: places, pool: &pool)
      for (k, (block, term)) in zip(blocks, chain.terms).enumerated() where masks.isEmpty || masks[k] == nil { recycle(block, term) }
      for (v, f) in inside {
        recycle(v.0, v.1)
        recycle(f.0, f.1)
      }
      return result
    case .binary:
      return binary(node, scope: scope)
    case .unary(let op, let a):
      let x = evaluate(a, scope: scope)
      defer { recycle(x, a) }
      return Kernels.unary(op, x, pool: &pool)
    case .select(let c, let a, let b):
      let x = evaluate(c, scope: scope)
      // A condition that is the same everywhere (true for every entity, month and variant, or
      // false for all) needs only the branch it takes: the other is not computed at all.
      if x.allSatisfy({ $0 != 0 && !$0.isNaN }) {
        recycle(x, c)
        took(node.id, true)
        return evaluate(a, scope: scope)
      }
      if x.allSatisfy({ $0 == 0 }) {
        recycle(x, c)
        took(node.id, false)
        return evaluate(b, scope: scope)
      }
      took(node.id, nil)
      let (y, z) = (evaluate(a, scope: scope), evaluate(b, scope: scope))
      let result = Kernels.select(x, y, z, pool: &pool)
      recycle(x, c)
      // A scalar condition returns one of the branches itself: that one is not recycled.
      if x.data.count > 1 {
        recycle(y, a)
        recycle(z, b)
      }
      return result
    case .scale(let name, let mode, let base):
      return scale(name, mode, evaluate(base, scope: scope))
    case .sum(let entity, let value, let filter):
      if let t = tabulated[node.id] {
        return Kernels.tabulatedSum(
          t.value, filter: t.filter, constant: t.constant, t.index, months: max(t.value.months, t.filter?.months ?? 1), pool: &pool)
      }
      let v = evaluate(value, scope: entity)
      if let filter { return filteredSum(v, evaluate(filter, scope: entity), value: value, filter: filter, entity: entity) }
      return sum(v, rows: rowCount(entity))
    case .previousMonth(let x, let initial):
      let (a, b) = (evaluate(x, scope: scope), evaluate(initial, scope: scope))
      defer {
        recycle(a, x)
        recycle(b, initial)
      }
      return previousMonth(a, b)
    case .exerciseTotal(let x, let offset, let initial):
      return exerciseTotal(evaluate(x, scope: scope), offset: offset, initial: initial.map { evaluate($0, scope: scope) })
    case .yearTotal(let x):
      let a = evaluate(x, scope: scope)
      defer { recycle(a, x) }
      return yearTotal(a)
    case .cumulative(let x):
      let a = evaluate(x, scope: scope)
      defer { recycle(a, x) }
      return cumulative(a)
    }
  }

  /// `sum(entity, value, where filter)` from the values and the filter, which it recycles.
  private mutating func filteredSum(_ v: Block, _ f: Block, value: CoreNode, filter: CoreNode, entity: String) -> Block {
    // A filter the same for every variant selects rows: add them up without building the
    // filtered block.
    if f.width == 1 && v.rows == rowCount(entity) && v.rows > 1 {
      let summed = maskedSum(v, mask: f)
      recycle(f, filter)
      recycle(v, value)
      return summed
    }
    let selected = Kernels.select(f, v, .scalar(0), pool: &pool)
    recycle(f, filter)
    if f.data.count > 1 { recycle(v, value) }
    return sum(selected, rows: rowCount(entity))
  }

  /// Records the branch a select took (`nil`: both) when branches are recorded; a select
  /// seen taking different branches took both.
  private mutating func took(_ id: Int, _ branch: Bool?) {
    guard branches != nil else { return }
    if let seen = branches![id], seen != branch { branches![id] = .some(nil) } else { branches![id] = .some(branch) }
  }

  /// A binary node, one operator at a time.
  private mutating func binary(_ node: CoreNode, scope: String?) -> Block {
    guard case .binary(let op, let a, let b) = node.kind else { fatalError("a binary node") }
    let x = evaluate(a, scope: scope), y = evaluate(b, scope: scope)
    defer {
      recycle(x, a)
      recycle(y, b)
    }
    return Kernels.binary(op, x, y, pool: &pool)
  }

  /// The terms of a chain of additions and subtractions as written, `((t₀ ± t₁) ± t₂) …`:
  /// down the left operands while they are additions or subtractions (not the one-pass
  /// `x − previous_month(x, …)`), and whether each term after the first is taken away.
  static func additions(_ node: CoreNode) -> (terms: [CoreNode], subtract: [Bool]) {
    var terms: [CoreNode] = [], subtract: [Bool] = []
    var current = node
    while case .binary(let op, let a, let b) = current.kind, op == .add || op == .subtract,
      op == .add || !isPreviousMonth(of: a, b)
    {
      terms.append(b)
      subtract.append(op == .subtract)
      current = a
    }
    terms.append(current)
    return (terms.reversed(), [false] + subtract.reversed())
  }

  /// Whether `b` is `previous_month(a, …)` of the very same rule or input as `a`.
  static func isPreviousMonth(of a: CoreNode, _ b: CoreNode) -> Bool {
    guard case .previousMonth(let x, _) = b.kind else { return false }
    switch (a.kind, x.kind) {
    case (.rule(let i), .rule(let j)): return i == j
    case (.input(let i), .input(let j)): return i == j
    default: return false
    }
  }

  /// Gives an intermediate result's storage back to the pool once it has been used; values
  /// that are held elsewhere (rules, inputs, parameters) or recorded for explanations are not.
  mutating func recycle(_ block: Block, _ node: CoreNode) {
    guard !tracing else { return }
    switch node.kind {
    case .constant, .rule, .input, .parameter, .calendar: return
    default: pool.give(block.data)
    }
  }
}

/// The rules' values of a chunk by rule index, in an array: a dictionary hashed the index at
/// every read, write and drop of every rule of every chunk.
struct RuleValues {
  private var slots: [Block?]
  /// The slots written since the last `removeAll` (some perhaps emptied since, or twice).
  private var written: [Int] = []

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  var count: Int { slots.count }

  subscript(_ rule: Int) -> Block? {
    get { slots[rule] }
    set {
      if slots[rule] == nil && newValue != nil { written.append(rule) }
      slots[rule] = newValue
    }
  }

  @discardableResult
  mutating func removeValue(forKey rule: Int) -> Block? {
    guard let block = slots[rule] else { return nil }
    slots[rule] = nil
    return block
  }

  /// Empties every slot, in the time of those written.
  mutating func removeAll() {
    for rule in written { slots[rule] = nil }
    written.removeAll(keepingCapacity: true)
  }
}
