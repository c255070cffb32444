/// The working state while one chunk of variants is evaluated.
struct ChunkContext {
  let evaluator: Evaluator
  let width: Int
  var rules: [Int: Block] = [:]
  var inputs: [Int: Block] = [:]
  var parameters: [String: Block] = [:]
  var trace: [Int: Block] = [:]
  var pool = BufferPool()
  var tracing: Bool
  let months: Int
  /// Doubles written by all node operations, for the benchmark's bandwidth bound.
  var elementsWritten = 0

  init(evaluator: Evaluator, width: Int) {
    self.evaluator = evaluator
    self.width = width
    self.months = evaluator.situation.timeline.monthCount
    self.tracing = evaluator.options.trace
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
      return rules[i]!
    case .input(let i):
      return inputs[i]!
    case .parameter(let name):
      return parameters[name] ?? evaluator.parameterBlocks[name]!
    case .calendar(let q):
      return calendar(q)
    case .unary(let op, let a):
      let x = evaluate(a, scope: scope)
      defer { recycle(x, a) }
      return Kernels.unary(op, x, pool: &pool)
    case .binary(let op, let a, let b):
      let x = evaluate(a, scope: scope), y = evaluate(b, scope: scope)
      defer {
        recycle(x, a)
        recycle(y, b)
      }
      return Kernels.binary(op, x, y, pool: &pool)
    case .select(let c, let a, let b):
      let (x, y, z) = (evaluate(c, scope: scope), evaluate(a, scope: scope), evaluate(b, scope: scope))
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
      var v = evaluate(value, scope: entity)
      if let filter {
        let f = evaluate(filter, scope: entity)
        let selected = Kernels.select(f, v, .scalar(0), pool: &pool)
        recycle(f, filter)
        if f.data.count > 1 { recycle(v, value) }
        v = selected
      }
      return sum(v, rows: rowCount(entity))
    case .previousMonth(let x, let initial):
      return previousMonth(evaluate(x, scope: scope), evaluate(initial, scope: scope))
    case .exerciseTotal(let x, let offset, let initial):
      return exerciseTotal(evaluate(x, scope: scope), offset: offset, initial: initial.map { evaluate($0, scope: scope) })
    case .cumulative(let x):
      return cumulative(evaluate(x, scope: scope))
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

  // MARK: - Mechanisms over time and entities

  private func calendar(_ q: CalendarQuantity) -> Block {
    let t = timeline
    switch q {
    case .currentMonth:
      return .monthly(t.months.map { Double($0.ordinal) })
    case .monthsInExercise:
      return .monthly(t.exerciseIndex.map { Double(t.exercises[$0].monthCount) })
    case .monthOfExercise:
      return .monthly((0..<t.monthCount).map { m in
        Double(t.months[m].ordinal - t.exercises[t.exerciseIndex[m]].months.first.ordinal + 1)
      })
    }
  }

  /// Sums a block over its rows (entities), with BLAS; a block that does not depend on the
  /// entity counts once per entity.
  private mutating func sum(_ v: Block, rows: Int) -> Block {
    if v.rows == 1 {
      return Kernels.unary(v, &pool) { $0 * Double(rows) }
    }
    let m = Matrix(rows: v.rows, columns: v.months * v.width, data: v.data)
    return Block(rows: 1, months: v.months, width: v.width, data: m.columnSums())
  }

  private func previousMonth(_ x: Block, _ initial: Block) -> Block {
    let (rows, _, w) = Kernels.shape(x, initial)
    var out = [Double](repeating: 0, count: rows * months * w)
    for r in 0..<rows {
      for m in 0..<months {
        for v in 0..<w { out[(r * months + m) * w + v] = m == 0 ? initial[r, 0, v] : x[r, m - 1, v] }
      }
    }
    return Block(rows: rows, months: months, width: w, data: out)
  }

  private func exerciseTotal(_ x: Block, offset: Int, initial: Block?) -> Block {
    let t = timeline
    let w = initial.map { Kernels.shape(x, $0).width } ?? x.width
    let rows = initial.map { Kernels.shape(x, $0).rows } ?? x.rows
    var totals = [Double](repeating: 0, count: rows * t.exercises.count * w)
    for r in 0..<rows {
      for m in 0..<months {
        let e = t.exerciseIndex[m]
        for v in 0..<w { totals[(r * t.exercises.count + e) * w + v] += x[r, m, v] }
      }
    }
    var out = [Double](repeating: 0, count: rows * months * w)
    for r in 0..<rows {
      for m in 0..<months {
        let e = t.exerciseIndex[m] + offset
        for v in 0..<w {
          out[(r * months + m) * w + v] =
            e >= 0 && e < t.exercises.count ? totals[(r * t.exercises.count + e) * w + v] : (initial?[r, m, v] ?? .nan)
        }
      }
    }
    return Block(rows: rows, months: months, width: w, data: out)
  }

  private func cumulative(_ x: Block) -> Block {
    var out = [Double](repeating: 0, count: x.rows * months * x.width)
    for r in 0..<x.rows {
      for v in 0..<x.width {
        var acc = 0.0
        for m in 0..<months {
          acc += x[r, m, v]
          out[(r * months + m) * x.width + v] = acc
        }
      }
    }
    return Block(rows: x.rows, months: months, width: x.width, data: out)
  }

  private func scale(_ name: String, _ mode: Scale.Mode, _ base: Block) -> Block {
    let p = evaluator.ruleSet.parameters[name]!
    guard case .scale(let versions) = p.values else { return .scalar(.nan) }
    // Thresholds and rates of each month.
    var table: [[(Double, Double)]?] = []
    for month in timeline.months {
      guard let i = p.versionIndex(at: month) else {
        table.append(nil)
        continue
      }
      table.append(versions[i].brackets.map { b in
        switch b.threshold {
        case .amount(let a): return (a, b.rate)
        case .parameter(let t, let times):
          let tp = evaluator.ruleSet.parameters[t]
          let value = tp.flatMap { try? $0.value(at: month).value } ?? .nan
          return (value * times, b.rate)
        }
      })
    }
    var out = [Double](repeating: 0, count: base.rows * months * base.width)
    for r in 0..<base.rows {
      for m in 0..<months {
        for v in 0..<base.width {
          let x = base[r, m, v]
          guard let brackets = table[m] else {
            out[(r * months + m) * base.width + v] = .nan
            continue
          }
          var result = 0.0
          switch mode {
          case .marginal:
            for (k, (t, rate)) in brackets.enumerated() where x > t {
              let upper = k + 1 < brackets.count ? brackets[k + 1].0 : .infinity
              result += rate * (min(x, upper) - t)
            }
          case .bracketRate:
            for (t, rate) in brackets where x >= t { result = rate }
          }
          out[(r * months + m) * base.width + v] = result
        }
      }
    }
    return Block(rows: base.rows, months: months, width: base.width, data: out)
  }
}
