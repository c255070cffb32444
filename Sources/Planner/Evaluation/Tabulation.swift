/// Rules that vary between variants only through a few inputs of their own entity, whose
/// values for each entity are few: a position's drawn start month (a start delay of 0 to 4
/// months gives five), a member's leaving month. Such a rule's value for an entity, a month
/// and a variant depends only on that entity's inputs in that variant, so it is computed
/// once for each entity's distinct values (its *support*) and looked up for each variant,
/// instead of being computed for every variant.
///
/// A rule of the entity kind is *tabulated* when every input or rule it reads that varies is
/// one of these inputs or another tabulated rule, and it adds up no varying value over
/// entities. A sum over the entities of a tabulated value (`sum(position, staff_social *
/// share_f)`) is computed from the tables, row by row in the rows' order, as every sum of
/// the engine: the figures are the same to the last bit as those of the full evaluation.
/// Where the values of a chunk are too many (a continuous input), the chunk is evaluated
/// in full.
struct TabulationPlan: Sendable {
  struct Kind: Sendable {
    var entity: String
    /// The inputs of the entity kind that the variation changes, in index order.
    var inputs: [Int]
    /// The tabulated rules, in evaluation order.
    var rules: [Int]
    /// Tabulated rules read by rules that are not (outside a tabulated sum), or kept: their
    /// values are spread out to every variant.
    var gathered: Set<Int>
  }

  /// A sum over the entities of a kind of a tabulated value (and filter).
  struct Sum: Sendable {
    var kind: Int
    var value: CoreNode
    var filter: CoreNode?
  }

  var kinds: [Kind]
  /// The kind of each tabulated rule.
  var ruleKind: [Int: Int]
  /// Tabulated sums, by node id.
  var sums: [Int: Sum]
  /// For each rule that is not tabulated, the ids of the tabulated sums in its formula.
  var sumsInRule: [Int: [Int]]
  /// Rules of no entity that vary only through the tabulated sums of one kind and other such
  /// rules (the charges' lines, the employer's taxe sur les salaires, when only positions'
  /// starts are drawn): the kind, by rule index. Where a chunk's variants share few
  /// combinations of the kind's tuples, they are computed once per combination.
  var combined: [Int: Int]

  /// At most this many distinct values of an entity's inputs are tabulated.
  static let largestSupport = 16

  var isEmpty: Bool { kinds.isEmpty }

  init(evaluator: Evaluator, variation: Variation, varying: Set<Int>) {
    let ruleSet = evaluator.ruleSet
    let variedInputs = Set(variation.inputs.keys.compactMap { ruleSet.inputIndex($0) })
    let variedParameters = Set(variation.parameters.keys)
    // The candidate inputs: varied, of an entity kind with more than one entity.
    var inputsOf: [String: [Int]] = [:]
    for i in variedInputs.sorted() {
      guard let e = ruleSet.inputs[i].entity, (evaluator.situation.entities[e]?.count ?? 0) > 1 else { continue }
      inputsOf[e, default: []].append(i)
    }
    var tabulated: [String: Set<Int>] = [:]

    enum Class { case invariant, tabulable, other }
    /// How a node varies, in the scope of entity kind `e`.
    func classify(_ n: CoreNode, _ e: String) -> Class {
      switch n.kind {
      case .input(let i):
        guard variedInputs.contains(i) else { return .invariant }
        return inputsOf[e]?.contains(i) == true ? .tabulable : .other
      case .rule(let r):
        guard varying.contains(r) else { return .invariant }
        return tabulated[e]?.contains(r) == true ? .tabulable : .other
      case .parameter(let p), .scale(let p, _, _), .parameterAt(let p, _):
        if variedParameters.contains(p) { return .other }
      case .sum:
        // Adds up other entities: varying, it is not the entity's own value.
        return n.children.allSatisfy { classify($0, e) == .invariant } ? .invariant : .other
      default: break
      }
      var result = Class.invariant
      for c in n.children {
        switch classify(c, e) {
        case .other: return .other
        case .tabulable: result = .tabulable
        case .invariant: break
        }
      }
      return result
    }

    var kinds: [Kind] = []
    var ruleKind: [Int: Int] = [:]
    for (e, inputs) in inputsOf.sorted(by: { $0.key < $1.key }) {
      var rules: [Int] = []
      for r in evaluator.order where varying.contains(r) && ruleSet.rules[r].entity == e {
        if classify(ruleSet.rules[r].root, e) == .tabulable {
          tabulated[e, default: []].insert(r)
          rules.append(r)
        }
      }
      ruleKind.merge(rules.map { ($0, kinds.count) }) { a, _ in a }
      kinds.append(Kind(entity: e, inputs: inputs, rules: rules, gathered: []))
    }
    let kindIndex = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1.entity, $0) })

    // The sums of tabulated values, and the tabulated rules read elsewhere.
    var sums: [Int: Sum] = [:]
    var sumsInRule: [Int: [Int]] = [:]
    func visit(_ n: CoreNode, rule: Int) {
      switch n.kind {
      case .sum(let e, let value, let filter):
        if let k = kindIndex[e] {
          let classes = [classify(value, e)] + (filter.map { [classify($0, e)] } ?? [])
          if !classes.contains(.other) && classes.contains(.tabulable) {
            sums[n.id] = Sum(kind: k, value: value, filter: filter)
            sumsInRule[rule, default: []].append(n.id)
            return
          }
        }
      case .rule(let d):
        if let k = ruleKind[d] { kinds[k].gathered.insert(d) }
      default: break
      }
      for c in n.children { visit(c, rule: rule) }
    }
    for r in evaluator.order where varying.contains(r) && ruleKind[r] == nil { visit(ruleSet.rules[r].root, rule: r) }
    for r in evaluator.kept { if let k = ruleKind[r] { kinds[k].gathered.insert(r) } }
    var combined: [Int: Int] = [:]
    for r in evaluator.order where varying.contains(r) && ruleKind[r] == nil && ruleSet.rules[r].entity == nil {
      var kind: Int?
      var ok = true
      /// Whether `n` varies only through tabulated sums of one kind and combined rules.
      func scan(_ n: CoreNode) {
        guard ok else { return }
        if let sum = sums[n.id] {
          if kind == nil || kind == sum.kind { kind = sum.kind } else { ok = false }
          return
        }
        switch n.kind {
        case .input(let i):
          if variedInputs.contains(i) { ok = false }
          return
        case .rule(let d):
          guard varying.contains(d) else { return }
          if let k = combined[d], kind == nil || kind == k { kind = k } else { ok = false }
          return
        case .parameter(let p), .scale(let p, _, _), .parameterAt(let p, _):
          if variedParameters.contains(p) { ok = false }
        default: break
        }
        for c in n.children { scan(c) }
      }
      scan(ruleSet.rules[r].root)
      if ok, let kind { combined[r] = kind }
    }
    // A kind with nothing tabulated is left out.
    self.kinds = kinds
    self.ruleKind = ruleKind
    self.sums = sums
    self.sumsInRule = sumsInRule
    self.combined = combined
    if ruleKind.isEmpty {
      self.kinds = []
      self.combined = [:]
    }
  }
}

/// The tables of a tabulation, kept from chunk to chunk: each entity's distinct input values
/// seen so far, and the tabulated rules and sums' values computed for them.
struct TabulationState: Sendable {
  struct Kind: Sendable {
    /// For each entity, its distinct tuples of input values, in the order first seen.
    var support: [[[Double]]] = []
    /// The width of the tables: the most tuples of an entity.
    var width = 0
    /// Values for each tuple (`(row, month, tuple)`), by rule index.
    var rules: [Int: Block] = [:]
    /// Values and filters of the tabulated sums, by node id, and for each entity whether its
    /// term is the same for all its tuples (a position whose pay does not move the line).
    var sums: [Int: (value: Block, filter: Block?, constant: [Bool])] = [:]
    /// Too many distinct values were seen: this kind is evaluated in full.
    var off = false
  }

  var kinds: [Kind]

  init(_ plan: TabulationPlan) { kinds = plan.kinds.map { _ in Kind() } }
}

/// One chunk's place in the tables: for each entity and variant, the tuple of its inputs.
struct TabulationIndex {
  /// `[row * width + variant]`.
  var tuple: [Int32]
  /// For each entity, whether all the chunk's variants have the same tuple (the first).
  var single: [Bool]
  var width: Int
  /// Each variant's combination of tuples over the entities that vary, and for each
  /// combination a variant that has it (empty when not worked out: too many entities vary).
  var combination: [Int32] = []
  var representative: [Int] = []
}

extension TabulationState.Kind {
  /// Finds each variant's tuple among the support, adding the new ones; `nil` when an
  /// entity has too many (the kind is then turned off) or an input is not one value per
  /// entity. When the support grows, the tables are dropped, to be made again.
  mutating func index(_ inputs: [Block], rows: Int, width w: Int) -> TabulationIndex? {
    guard inputs.allSatisfy({ ($0.rows == rows || $0.rows == 1) && $0.months == 1 && ($0.width == w || $0.width == 1) })
    else {
      off = true
      return nil
    }
    if support.isEmpty { support = Array(repeating: [], count: rows) }
    var tuple = [Int32](repeating: 0, count: rows * w)
    var single = [Bool](repeating: true, count: rows)
    var grown = false
    var key = [Double](repeating: 0, count: inputs.count)
    rowsLoop: for r in 0..<rows {
      // Most entities keep their first tuple in every variant (a position whose start is not
      // drawn): checked on the inputs' rows directly.
      if let first = support[r].first {
        var same = true
        for (i, block) in inputs.enumerated() where same {
          let from = (block.rows == 1 ? 0 : r) * block.width, value = first[i]
          // Every variant compared, without a branch on each (the loop vectorises).
          var differs: UInt8 = 0
          block.data.withUnsafeBufferPointer { p in
            let row = p.baseAddress! + from
            for b in 0..<block.width { differs |= row[b] != value ? 1 : 0 }
          }
          same = differs == 0
        }
        if same { continue rowsLoop }
      }
      if inputs.count == 1 {
        // One input (a start, a leaving month): its values compared as numbers, without a
        // key array built and compared for each variant.
        let block = inputs[0], from = (block.rows == 1 ? 0 : r) * block.width, step = block.width == 1 ? 0 : 1
        var values = support[r].map { $0[0] }
        let ok = block.data.withUnsafeBufferPointer { p in
          tuple.withUnsafeMutableBufferPointer { t in
            let row = t.baseAddress! + r * w, x = p.baseAddress! + from
            // Each known value's variants marked in one pass per value, without a branch on
            // each variant (vectorised); the values are distinct, so at most one marks each.
            for v in 0..<w { row[v] = -1 }
            for (k, value) in values.enumerated() {
              let id = Int32(k)
              for v in 0..<w { row[v] = x[v * step] == value ? id : row[v] }
            }
            var unknown: Int32 = 0, other: Int32 = 0
            for v in 0..<w {
              unknown = min(unknown, row[v])
              other = max(other, row[v])
            }
            if other != 0 { single[r] = false }
            guard unknown < 0 else { return true }
            // Values not seen before: taken in the order of the variants, as the support grows.
            for v in 0..<w where row[v] < 0 {
              let value = x[v * step]
              var found = -1
              for (k, known) in values.enumerated() where known == value {
                found = k
                break
              }
              if found < 0 {
                guard values.count < TabulationPlan.largestSupport else { return false }
                found = values.count
                values.append(value)
                support[r].append([value])
                grown = true
              }
              row[v] = Int32(found)
              if found != 0 { single[r] = false }
            }
            return true
          }
        }
        guard ok else {
          off = true
          return nil
        }
        continue rowsLoop
      }
      // Several inputs (a start, and the seniority and follower that come with it): the
      // row's values laid side by side, then each known tuple's variants marked in one pass
      // per input (vectorised), as for one input; the others looked up one variant at a time.
      let count = inputs.count
      var values = [Double](repeating: 0, count: count * w)
      for (i, block) in inputs.enumerated() {
        let from = (block.rows == 1 ? 0 : r) * block.width, step = block.width == 1 ? 0 : 1
        for v in 0..<w { values[i * w + v] = block.data[from + v * step] }
      }
      var matches = [UInt8](repeating: 0, count: w)
      var unknown = false
      values.withUnsafeBufferPointer { x in
        matches.withUnsafeMutableBufferPointer { match in
          tuple.withUnsafeMutableBufferPointer { t in
            let row = t.baseAddress! + r * w, same = match.baseAddress!
            for v in 0..<w { row[v] = -1 }
            for (k, known) in support[r].enumerated() {
              for v in 0..<w { same[v] = 1 }
              for i in 0..<count {
                let at = x.baseAddress! + i * w, value = known[i]
                for v in 0..<w { same[v] &= at[v] == value ? 1 : 0 }
              }
              let id = Int32(k)
              for v in 0..<w { row[v] = same[v] != 0 ? id : row[v] }
            }
            var lowest: Int32 = 0, highest: Int32 = 0
            for v in 0..<w {
              lowest = min(lowest, row[v])
              highest = max(highest, row[v])
            }
            if highest != 0 { single[r] = false }
            unknown = lowest < 0
          }
        }
      }
      guard unknown else { continue rowsLoop }
      for b in 0..<w where tuple[r * w + b] < 0 {
        for i in 0..<count { key[i] = values[i * w + b] }
        var found = -1
        for (k, s) in support[r].enumerated() where s == key {
          found = k
          break
        }
        if found < 0 {
          guard support[r].count < TabulationPlan.largestSupport else {
            off = true
            return nil
          }
          found = support[r].count
          support[r].append(key)
          grown = true
        }
        tuple[r * w + b] = Int32(found)
        if found != 0 { single[r] = false }
      }
    }
    if grown {
      width = support.map(\.count).max() ?? 0
      rules = [:]
      sums = [:]
    }
    var index = TabulationIndex(tuple: tuple, single: single, width: w)
    // The combinations: a tuple takes 4 bits (the support has at most 16), so up to 16
    // entities that vary make one 64-bit key. They serve only when the variants share few:
    // half the chunk or fewer (`Kernels.tabulatedSum`), a quarter (`TabulationPlan.combined`).
    // Past half, the search stops and none is recorded (members that each may leave: nearly
    // every variant its own combination, a key looked up for each variant for nothing).
    let varying = (0..<rows).filter { !single[$0] }
    if !varying.isEmpty && varying.count <= 16 {
      var ids: [UInt64: Int32] = [:]
      var combination = [Int32](repeating: 0, count: w), representative: [Int] = []
      let most = w / 2
      var few = true
      for b in 0..<w {
        var key: UInt64 = 0
        for r in varying { key = key << 4 | UInt64(tuple[r * w + b]) }
        if let id = ids[key] {
          combination[b] = id
        } else {
          guard representative.count < most else {
            few = false
            break
          }
          let id = Int32(representative.count)
          ids[key] = id
          representative.append(b)
          combination[b] = id
        }
      }
      if few { (index.combination, index.representative) = (combination, representative) }
    }
    return index
  }

  /// The inputs' blocks over the support: `(row, 1, tuple)`, an entity's missing tuples
  /// filled with its first.
  func supportBlocks(count: Int) -> [Block] {
    let rows = support.count
    return (0..<count).map { i in
      var data = [Double](repeating: 0, count: rows * width)
      for r in 0..<rows {
        for k in 0..<width { data[r * width + k] = support[r][k < support[r].count ? k : 0][i] }
      }
      return Block(rows: rows, months: 1, width: width, data: data)
    }
  }
}

extension Kernels {
  /// For each entity, whether the terms of a tabulated sum (value, where the filter holds)
  /// are the same for all its tuples, month by month.
  static func constantRows(_ value: Block, filter: Block?, rows: Int, months: Int) -> [Bool] {
    let sv = Strides(value), sf = filter.map(Strides.init)
    let width = max(value.width, filter?.width ?? 1)
    return (0..<rows).map { r in
      for m in 0..<months {
        let v0 = value.data[r * sv.row + m * sv.month]
        let f0 = filter.map { $0.data[r * sf!.row + m * sf!.month] }
        for k in 1..<max(width, 1) {
          let v = value.data[r * sv.row + m * sv.month + k * sv.variant]
          if let filter, let sf {
            let f = filter.data[r * sf.row + m * sf.month + k * sf.variant]
            if f.bitPattern != f0!.bitPattern { return false }
            if f != 0 && v.bitPattern != v0.bitPattern { return false }
          } else if v.bitPattern != v0.bitPattern {
            return false
          }
        }
      }
      return true
    }
  }

  /// A tabulated block spread out to every variant: each entity's value for its tuple. Where
  /// an entity's month has the same value for every tuple (a month before every drawn
  /// start), that value is written to every variant without looking each one up.
  static func gather(_ table: Block, _ index: TabulationIndex, pool: inout BufferPool) -> Block {
    let w = index.width, rows = index.single.count, months = table.months
    let s = Strides(table)
    var out = pool.take(rows * months * w)
    out.withUnsafeMutableBufferPointer { po in
      table.data.withUnsafeBufferPointer { pt in
        index.tuple.withUnsafeBufferPointer { pi in
          for r in 0..<rows {
            for m in 0..<months {
              let from = r * s.row + m * s.month, to = (r * months + m) * w
              var same = index.single[r] || s.variant == 0
              if !same {
                let first = pt[from].bitPattern
                var differs = false
                for k in 1..<table.width { differs = differs || pt[from + k].bitPattern != first }
                same = !differs
              }
              if same {
                let x = pt[from]
                for b in 0..<w { po[to + b] = x }
              } else {
                for b in 0..<w { po[to + b] = pt[from + Int(pi[r * w + b])] }
              }
            }
          }
        }
      }
    }
    return Block(rows: rows, months: months, width: w, data: out)
  }

  /// The sum over entities of a tabulated value, where a filter (tabulated or not) is true:
  /// rows added in their order to zero, as `ChunkContext.sum` and `maskedSum` do; a `NaN`
  /// filter makes the sum `NaN`. Rows that are the same for every variant, before the first
  /// that is not, are added once per month; a zero is not added (adding it changes nothing,
  /// the sum starting from +0).
  static func tabulatedSum(
    _ value: Block, filter: Block?, constant: [Bool], _ index: TabulationIndex, months: Int, pool: inout BufferPool
  ) -> Block {
    let rows = index.single.count
    // Every entity's term the same for all the chunk's variants: the sum is too, held once.
    let same = (0..<rows).allSatisfy { index.single[$0] || constant[$0] }
    let combinations = index.representative.count
    if !same && combinations > 0 && combinations * 2 <= index.width {
      // Fewer combinations of tuples than variants: each combination's sum computed once (by
      // the very additions of a variant that has it), then given to every variant that has it.
      var tuple = [Int32](repeating: 0, count: rows * combinations)
      for r in 0..<rows {
        for k in 0..<combinations { tuple[r * combinations + k] = index.tuple[r * index.width + index.representative[k]] }
      }
      let compact = TabulationIndex(tuple: tuple, single: index.single, width: combinations)
      let sums = tabulatedSum(value, filter: filter, constant: constant, compact, months: months, pool: &pool)
      let w = index.width
      var out = pool.take(months * w)
      out.withUnsafeMutableBufferPointer { po in
        sums.data.withUnsafeBufferPointer { ps in
          index.combination.withUnsafeBufferPointer { pc in
            for m in 0..<months {
              let from = ps.baseAddress! + m * combinations, to = po.baseAddress! + m * w
              // A month where every combination has the same sum (before the drawn starts):
              // that sum written to every variant, without looking each one up.
              let first = from[0]
              if (1..<combinations).allSatisfy({ from[$0].bitPattern == first.bitPattern }) {
                for b in 0..<w { to[b] = first }
              } else {
                for b in 0..<w { to[b] = from[Int(pc[b])] }
              }
            }
          }
        }
      }
      pool.give(sums.data)
      return Block(rows: 1, months: months, width: w, data: out)
    }
    let w = same ? 1 : index.width
    let sv = Strides(value)
    let sf = filter.map(Strides.init) ?? Strides(row: 0, month: 0, variant: 0)
    let filtered = filter != nil
    var out = pool.take(months * w)
    var head = [Double](repeating: 0, count: months)
    let firstVarying = same ? rows : index.single.firstIndex(of: false) ?? rows
    let one: [Double] = [1]
    // The tables' width: how many tuples an entity has at most (`TabulationPlan.largestSupport`,
    // 16: a tuple's bit fits a 32-bit mask); and room for each variant's chosen value.
    let tupleCount = value.width
    precondition(tupleCount <= 32, "a tuple's bit in a 32-bit mask")
    var choice = [Double](repeating: 0, count: w)
    choice.withUnsafeMutableBufferPointer { chosen in
      out.withUnsafeMutableBufferPointer { po in
        value.data.withUnsafeBufferPointer { pv in
          (filter?.data ?? one).withUnsafeBufferPointer { pf in
            index.tuple.withUnsafeBufferPointer { pi in
              /// The value of (row, month) for the tuple `k`, filtered.
              @inline(__always) func term(_ r: Int, _ m: Int, _ k: Int) -> Double {
                let v = pv[r * sv.row + m * sv.month + k * sv.variant]
                guard filtered else { return v }
                let c = pf[r * sf.row + m * sf.month + k * sf.variant]
                return c.isNaN ? .nan : (c != 0 ? v : 0)
              }
              for r in 0..<firstVarying {
                for m in 0..<months {
                  let x = term(r, m, 0)
                  if x != 0 { head[m] += x }
                }
              }
              // Month by month, the rows in their order: a month's sums (one row of the chunk's
              // variants) stay in the nearest cache while every entity's terms are added. While
              // every term so far is the same for all the variants (the months before any drawn
              // start or leaving), the sum is carried as one number, and written out to the
              // variants at the first term that differs between them (or at the month's end):
              // the same additions in the same order for each variant, one pass instead of one
              // per entity.
              var otherValues = [Double](repeating: 0, count: 32), otherMasks = [Int32](repeating: 0, count: 32)
              for m in 0..<months {
                let o = po.baseAddress! + m * w
                var pending = true, carried = head[m]
                /// `x` added to every variant.
                @inline(__always) func addToAll(_ x: Double) {
                  if pending {
                    carried += x
                  } else {
                    for b in 0..<w { o[b] += x }
                  }
                }
                /// The carried sum written to every variant, before a term that differs.
                @inline(__always) func writeOut() {
                  guard pending else { return }
                  pending = false
                  let x = carried
                  for b in 0..<w { o[b] = x }
                }
                for r in firstVarying..<rows {
                  let tuples = index.single[r] ? 0 : 1
                  let valueVaries = sv.variant * tuples == 1, filterVaries = sf.variant * tuples == 1
                  let at = pi.baseAddress! + r * w
                  if !valueVaries && !filterVaries {
                    let x = term(r, m, 0)
                    if x != 0 { addToAll(x) }
                    continue
                  }
                  if filtered && !filterVaries {
                    // One filter for every variant: skip the row, or add its values.
                    let c = pf[r * sf.row + m * sf.month]
                    if c == 0 { continue }
                    if c.isNaN {
                      addToAll(.nan)
                      continue
                    }
                  }
                  if filterVaries {
                    writeOut()
                    for b in 0..<w { o[b] += term(r, m, Int(at[b])) }
                  } else {
                    // A few tuples: each variant's value chosen by its tuple's bit in the mask
                    // of the tuples that have that value, one pass over the chunk for each
                    // value that differs from the first tuple's (vectorised), rather than
                    // looked up one variant at a time; the same value added.
                    let v = pv.baseAddress! + r * sv.row + m * sv.month, c = chosen.baseAddress!
                    let first = v[0]
                    var others = 0
                    for k in 1..<max(1, tupleCount) where v[k].bitPattern != first.bitPattern {
                      var i = 0
                      while i < others && otherValues[i].bitPattern != v[k].bitPattern { i += 1 }
                      if i < others {
                        otherMasks[i] |= 1 << Int32(k)
                      } else {
                        (otherValues[others], otherMasks[others]) = (v[k], 1 << Int32(k))
                        others += 1
                      }
                    }
                    if others == 0 {
                      // Every tuple the same this month (before any drawn start or leaving).
                      addToAll(first)
                      continue
                    }
                    writeOut()
                    if others == 1 {
                      // Two values (a member present or gone): chosen and added in one pass.
                      let (x, mask) = (otherValues[0], otherMasks[0])
                      for b in 0..<w { o[b] += (mask &>> at[b]) & 1 != 0 ? x : first }
                    } else {
                      for b in 0..<w { c[b] = first }
                      for j in 0..<others {
                        let (x, mask) = (otherValues[j], otherMasks[j])
                        for b in 0..<w { c[b] = (mask &>> at[b]) & 1 != 0 ? x : c[b] }
                      }
                      for b in 0..<w { o[b] += c[b] }
                    }
                  }
                }
                writeOut()
              }
            }
          }
        }
      }
    }
    return Block(rows: 1, months: months, width: w, data: out)
  }
}

extension Evaluator {
  /// At most this many distinct values of an entity's varied inputs are tabulated (a rule of
  /// the entity then makes no block per variant): what a batch's caller sizes its chunks by.
  package static var largestTabulatedSupport: Int { TabulationPlan.largestSupport }
}
