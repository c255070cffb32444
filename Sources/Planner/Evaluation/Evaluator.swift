import Foundation

/// Evaluates a compiled rule set over a situation and a batch of variants.
///
/// Each rule is evaluated once per chunk of variants, over all its entities and all months
/// at once: every core node becomes one vector operation on a ``Block``. A batch of B
/// variants therefore costs little more than one run where values do not vary. Rules are
/// taken in dependency order; a rule's values are dropped once no later rule reads them,
/// unless they are to be kept.
public struct Evaluator: Sendable {
  public let ruleSet: RuleSet
  public let situation: Situation
  public let options: EvaluationOptions
  /// Parameter values per month, with `NaN` before the first date.
  let parameterBlocks: [String: Block]
  let warnings: [Diagnostic]
  /// For each rule, the position in `order` after which its value is no longer read.
  let lastUse: [Int]
  let kept: Set<Int>
  /// The rules evaluated, in dependency order.
  let order: [Int]
  /// Rules whose formula can make a value that is not a finite number from finite inputs (a
  /// division, a parameter looked up before its first date, an exercise offset, a huge
  /// constant): only their
  /// values are scanned. Inputs are checked when they enter.
  let scanned: Set<Int>
  /// `kept` and `scanned` by rule index, read for every rule of every chunk (looked up in a
  /// set, their hashing showed in profiles of a million draws).
  let isKept: [Bool], isScanned: [Bool]
  /// Running totals in cents (`round(cumulative(x), d)`, a budget line's `.running`) read
  /// only by their line's `running − previous_month(running, …)`: not evaluated as rules of
  /// their own, but inside the line, in one pass that does not write the running totals
  /// (`ChunkContext.centsLine`); the same operations, the same bits. By the running total's
  /// index: its `x` and its scale. Not when tracing (explanations show
  /// every rule), nor for a rule that is kept, scanned, or of an entity (those can be
  /// tabulated).
  let inlinedRunning: [Int: (total: CoreNode, scale: Double)]
  /// Filtered sums (`sum(entity, x, where …)`, a budget row of a funder) read only once, as a
  /// term of one rule's chain of additions: when they vary, not evaluated as rules of their
  /// own but added inside the chain, row by row of the entity, in the chain's one pass
  /// (`Kernels.additions`); the block of each is not written and read again. The same
  /// operations, the same bits. Not when tracing, nor for a rule that is kept, scanned, or
  /// of an entity. By rule index.
  let inlinedSums: Set<Int>
  /// For each line, the running totals and sums it computes inside (whose reads end with it).
  let inlinedBy: [Int: [Int]]
  /// For each position in `order`, the rules no later rule reads once it is evaluated (with
  /// what its inlined running totals read), not kept: what `drop` gives back. Worked out
  /// once, where each chunk used to walk every rule's dependencies.
  let dropAfter: [[Int]]

  /// Prepares an evaluation: checks that every input is given and looks parameters up.
  /// - Throws: missing inputs, inputs of the wrong shape, and (in strict mode) parameters
  ///   used past their last confirmed date.
  public init(_ ruleSet: RuleSet, _ situation: Situation, options: EvaluationOptions = EvaluationOptions())
    throws(DiagnosticList)
  {
    self.ruleSet = ruleSet
    self.situation = situation
    self.options = options
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []
    let months = situation.timeline.months

    // Which inputs and parameters the rules use.
    var usedInputs = Set<Int>()
    var usedParameters = [String: SourceLocation]()
    // The rules are read in place (`ruleSet.rules[r].…`), never copied whole: a rule is a
    // dozen references, and copying each of them for every evaluation was a fifth of a
    // batch of `plan cost`.
    func use(_ n: CoreNode, _ location: SourceLocation) {
      n.walk { node in
        switch node.kind {
        case .input(let i): usedInputs.insert(i)
        case .parameter(let p), .scale(let p, _, _), .parameterAt(let p, _):
          usedParameters[p] = usedParameters[p] ?? location
        default: break
        }
      }
    }
    // Only the rules that the kept ones need are evaluated.
    var needed = Set<Int>()
    if let keep = options.keep {
      var stack = ruleSet.rules.indices.filter { keep.contains(ruleSet.rules[$0].name) }
      while let r = stack.popLast() {
        if needed.insert(r).inserted { stack += ruleSet.rules[r].dependencies }
      }
    } else {
      needed = Set(ruleSet.rules.indices)
    }
    self.order = ruleSet.order.filter { needed.contains($0) }
    for r in order { use(ruleSet.rules[r].root, ruleSet.rules[r].location) }

    for i in usedInputs.sorted() {
      let input = ruleSet.inputs[i]
      let rows = input.entity.map { situation.entities[$0]?.count ?? 0 } ?? 1
      guard let block = situation.inputs[input.key] ?? (rows == 0 ? Block(rows: 0, months: 1, width: 1, data: []) : nil) else {
        errors.append(
          .error(
            .evaluationMissingInput, Phrase("error.evaluation_missing_input.1", ["input_key": .text("\(input.key)")]), at: input.location))
        continue
      }
      if !(block.rows == 1 || block.rows == rows) || !(block.months == 1 || block.months == months.count) || block.width != 1 {
        errors.append(
          .error(
            .evaluationInputShape,
            Phrase(
              "error.evaluation_input_shape.1",
              [
                "input_key": .text("\(input.key)"), "block_rows": .text("\(block.rows)"), "block_months": .text("\(block.months)"),
                "rows": .text("\(rows)"), "months_count": .text("\(months.count)"),
              ]), at: input.location))
      } else if let bad = block.firstNonFinite() {
        errors.append(
          .error(
            .evaluationInputNotFinite,
            Phrase(
              "error.evaluation_input_not_finite.1",
              ["input_key": .text("\(input.key)"), "bad_row": .text("\(bad.row)"), "value": .text("\(months[bad.month])")]),
            at: input.location))
      }
    }

    var parameterBlocks: [String: Block] = [:]
    for (name, usedAt) in usedParameters.sorted(by: { $0.key < $1.key }) {
      guard let p = ruleSet.parameters[name] else { continue }
      if let confirmed = p.lastConfirmed, months.last > confirmed {
        let d = Diagnostic(
          options.strict ? .error : .warning, id: .parametersPastLastConfirmed,
          Phrase(
            "error.parameters_past_last_confirmed.1",
            ["name": .text("\(name)"), "confirmed": .text("\(confirmed)"), "months_last": .text("\(months.last)")]),
          at: p.location, notes: [.init(Phrase("diagnostic.note.used_by_rule"), at: usedAt)])
        if options.strict { errors.append(d) } else { warnings.append(d.about(name)) }
      }
      if case .values(let dated) = p.values {
        let versions = months.map { p.versionIndex(at: $0) }
        parameterBlocks[name] = .monthly(versions.map { i in i.map { dated[$0].value } ?? .nan })
        for i in Set(versions.compactMap { $0 }).sorted() {
          guard let why = dated[i].unconfirmed else { continue }
          let d = Diagnostic(
            options.strict ? .error : .warning, id: .parametersUnconfirmed,
            Phrase("diagnostic.parameter_unconfirmed", ["name": .text(name), "from": .text("\(dated[i].from)"), "why": .text(why)]),
            at: dated[i].location ?? p.location, notes: [.init(Phrase("diagnostic.note.used_by_rule"), at: usedAt)])
          if options.strict { errors.append(d) } else { warnings.append(d.about(name)) }
        }
      }
    }
    if !errors.isEmpty { throw DiagnosticList(errors + warnings) }
    self.parameterBlocks = parameterBlocks
    self.warnings = warnings

    // Liveness: the last position in the order where each rule is read.
    var position = Array(repeating: 0, count: ruleSet.rules.count)
    for (p, r) in order.enumerated() { position[r] = p }
    var lastUse = position
    for r in order { for d in ruleSet.rules[r].dependencies { lastUse[d] = max(lastUse[d], position[r]) } }
    if let keep = options.keep {
      kept = Set(ruleSet.rules.indices.filter { keep.contains(ruleSet.rules[$0].name) })
    } else {
      kept = Set(ruleSet.rules.indices)
    }
    var scanned = Set<Int>()
    for r in order {
      var risky = false
      ruleSet.rules[r].root.walk { n in
        switch n.kind {
        case .binary(.divide, _, _), .parameter, .parameterAt, .scale: risky = true
        // A huge constant can overflow a product of finite values.
        case .constant(let c) where abs(c) >= 1e100: risky = true
        case .exerciseTotal(_, let offset, _) where offset != 0: risky = true
        default: break
        }
      }
      if risky { scanned.insert(r) }
    }
    self.scanned = scanned
    var inlined: [Int: (total: CoreNode, scale: Double)] = [:]
    var inlinedBy: [Int: [Int]] = [:]
    var inlinedSums = Set<Int>()
    if !options.trace {
      // Who reads each rule, and how many times.
      var readers: [Int: [Int: Int]] = [:]
      for r in order {
        ruleSet.rules[r].root.walk { n in if case .rule(let i) = n.kind { readers[i, default: [:]][r, default: 0] += 1 } }
      }
      for i in order where !kept.contains(i) && !scanned.contains(i) && ruleSet.rules[i].entity == nil {
        guard case .unary(.round(let decimals), let inner) = ruleSet.rules[i].root.kind, case .cumulative(let x) = inner.kind,
          let by = readers[i], by.count == 1, let (line, count) = by.first, count == 2, ruleSet.rules[line].entity == nil,
          Self.readsAsMonthlyDifference(ruleSet.rules[line].root, i)
        else { continue }
        inlined[i] = (x, pow(10.0, Double(decimals)))
        inlinedBy[line, default: []].append(i)
        // What the running total reads is read by the line.
        for d in ruleSet.rules[i].dependencies { lastUse[d] = max(lastUse[d], position[line]) }
      }
      for i in order where !kept.contains(i) && !scanned.contains(i) && ruleSet.rules[i].entity == nil && inlined[i] == nil {
        guard case .sum(_, _, .some) = ruleSet.rules[i].root.kind, let by = readers[i], by.count == 1,
          let (line, count) = by.first, count == 1, inlined[line] == nil, Self.readsAsTerm(ruleSet.rules[line].root, i)
        else { continue }
        inlinedSums.insert(i)
        inlinedBy[line, default: []].append(i)
        for d in ruleSet.rules[i].dependencies { lastUse[d] = max(lastUse[d], position[line]) }
      }
    }
    self.inlinedRunning = inlined
    self.inlinedSums = inlinedSums
    self.inlinedBy = inlinedBy
    self.lastUse = lastUse
    let keptRules = kept
    isKept = ruleSet.rules.indices.map { keptRules.contains($0) }
    isScanned = ruleSet.rules.indices.map { scanned.contains($0) }
    var dropAfter: [[Int]] = []
    for (p, index) in order.enumerated() {
      var list: [Int] = []
      func add(_ rule: Int) {
        for d in ruleSet.rules[rule].dependencies where lastUse[d] == p && !keptRules.contains(d) && !options.trace && !list.contains(d) {
          list.append(d)
        }
        for i in inlinedBy[rule] ?? [] { add(i) }
      }
      add(index)
      dropAfter.append(list)
    }
    self.dropAfter = dropAfter
  }

  /// Evaluates all variants in one chunk and returns the result (a plain run, or a small batch).
  public func run(_ variation: Variation = .single) throws(DiagnosticList) -> Evaluation {
    try evaluate(variation, variants: 0..<variation.count)
  }

  /// Evaluates the variants chunk by chunk and hands each chunk's result to `body`, in order.
  public func runChunks(_ variation: Variation, body: (Evaluation) throws -> Void) throws {
    var start = 0
    var pool = BufferPool()
    var cache = InvariantCache()
    while start < variation.count {
      let end = min(variation.count, start + options.chunkSize)
      try body(try evaluate(variation, variants: start..<end, pool: &pool, cache: &cache))
      start = end
    }
  }

  /// Evaluates one chunk of variants.
  public func evaluate(_ variation: Variation, variants: Range<Int>) throws(DiagnosticList) -> Evaluation {
    var pool = BufferPool()
    return try evaluate(variation, variants: variants, pool: &pool)
  }

  /// Evaluates one chunk of variants, reusing (and refilling) a pool of vector storage.
  package func evaluate(_ variation: Variation, variants: Range<Int>, pool: inout BufferPool) throws(DiagnosticList) -> Evaluation {
    var cache = InvariantCache()
    return try evaluate(variation, variants: variants, pool: &pool, cache: &cache)
  }

  /// The rules whose values differ between variants: those that read, directly or through
  /// other rules, an input or a parameter the variation changes.
  public func varyingRules(_ variation: Variation) -> Set<Int> {
    let inputs = Set(variation.inputs.keys.compactMap { ruleSet.inputIndex($0) })
    let parameters = Set(variation.parameters.keys)
    var varying = Set<Int>()
    for index in order {
      let rule = ruleSet.rules[index]
      var reads = rule.dependencies.contains { varying.contains($0) }
      if !reads {
        rule.root.walk { n in
          switch n.kind {
          case .input(let i) where inputs.contains(i): reads = true
          case .parameter(let p) where parameters.contains(p): reads = true
          default: break
          }
        }
      }
      if reads { varying.insert(index) }
    }
    return varying
  }

  /// Evaluates one chunk of variants; the rules that are the same for every variant are
  /// computed for the first chunk only and kept in `cache` for the next ones, and the rules
  /// that vary only through a few values of their entity's inputs are computed once for
  /// each value (``TabulationPlan``).
  package func evaluate(_ variation: Variation, variants: Range<Int>, pool: inout BufferPool, cache: inout InvariantCache)
    throws(DiagnosticList) -> Evaluation
  {
    if cache.blocks.count != ruleSet.rules.count { cache.blocks = Array(repeating: nil, count: ruleSet.rules.count) }
    if cache.varying == nil {
      cache.varying = varyingRules(variation)
      cache.isVarying = ruleSet.rules.indices.map { cache.varying!.contains($0) }
    }
    if !options.trace && options.tabulate && cache.tabulationPlan == nil {
      let plan = TabulationPlan(evaluator: self, variation: variation, varying: cache.varying!)
      cache.tabulationPlan = plan
      cache.tabulation = TabulationState(plan)
    }
    while true {
      if let evaluation = try evaluateOnce(variation, variants: variants, pool: &pool, cache: &cache) { return evaluation }
    }
  }

  /// One evaluation of a chunk; `nil` when a tabulated rule made a value that is not a
  /// finite number: its kind is then turned off, and the chunk evaluated again in full (where
  /// the error is found and explained as usual).
  private func evaluateOnce(_ variation: Variation, variants: Range<Int>, pool: inout BufferPool, cache: inout InvariantCache)
    throws(DiagnosticList) -> Evaluation?
  {
    let varying = cache.isVarying
    let useCache = !options.trace
    var context = ChunkContext(evaluator: self, width: variants.count)
    // The pool moved into the context, not copied: a copy left the caller's reference to each
    // stored array, and the context's first write to each was a copy of it (a tenth of a
    // second on a million draws).
    swap(&context.pool, &pool)
    defer { swap(&context.pool, &pool) }
    // The first chunk records the branches its conditions take, for the next to skip the
    // rules that only untaken branches read.
    if useCache && cache.isNeeded == nil { context.branches = [:] }
    for (key, generate) in variation.inputs.sorted(by: { $0.key < $1.key }) {
      guard let i = ruleSet.inputIndex(key) else { continue }
      let block = generate(variants)
      if !variation.finite.contains(key), let bad = block.firstNonFinite() {
        throw DiagnosticList([
          .error(
            .evaluationInputNotFinite,
            Phrase(
              "error.evaluation_input_not_finite.2",
              [
                "key": .text("\(key)"), "value": .text("\(variants.lowerBound + bad.variant)"),
                "value2": .text("\(situation.timeline.months[min(bad.month, situation.timeline.monthCount - 1)])"),
              ]),
            at: ruleSet.inputs[i].location)
        ])
      }
      context.inputs[i] = block
    }
    for (name, values) in variation.parameters {
      precondition(values.count == variation.count, "one value per variant")
      context.parameters[name] = Block(rows: 1, months: 1, width: variants.count, data: Array(values[variants]))
    }
    // The kinds tabulated in this chunk: each variant's place in the tables.
    let plan = useCache && options.tabulate ? cache.tabulationPlan : nil
    var active: [Int: TabulationIndex] = [:]
    var tables: [Int: ChunkContext] = [:]
    if let plan, !plan.isEmpty {
      for (k, kind) in plan.kinds.enumerated() where !cache.tabulation!.kinds[k].off {
        let rows = situation.entities[kind.entity]?.count ?? 0
        let blocks = kind.inputs.compactMap { context.inputs[$0] }
        guard blocks.count == kind.inputs.count,
          let index = cache.tabulation!.kinds[k].index(blocks, rows: rows, width: variants.count),
          // Worth it only when the tables are much narrower than the chunk.
          cache.tabulation!.kinds[k].width * 4 <= variants.count
        else { continue }
        active[k] = index
      }
    }
    /// The context that computes a kind's tables: its inputs over their support.
    func tableContext(_ k: Int) -> ChunkContext {
      if let c = tables[k] { return c }
      let state = cache.tabulation!.kinds[k]
      var c = ChunkContext(evaluator: self, width: state.width)
      for (i, block) in zip(plan!.kinds[k].inputs, state.supportBlocks(count: plan!.kinds[k].inputs.count)) { c.inputs[i] = block }
      return c
    }
    /// A kind's combinations of tuples in this chunk, when the variants share few (a quarter
    /// of the chunk or fewer) and not in the first chunk (which records the branches taken):
    /// the context that computes the combined rules once per combination, each combination's
    /// tuples (`compact`), and each variant's combination (`wide`, to spread a value out).
    /// By kind, in arrays (a dictionary of them copied the contexts and indexes, with their
    /// references, for every rule).
    let kindCount = plan?.kinds.count ?? 0
    var combinationState = [UInt8](repeating: 0, count: kindCount)  // 0: not looked at, 1: made, 2: not worth it
    var combinationContexts = [ChunkContext?](repeating: nil, count: kindCount)
    var compactIndexes = [TabulationIndex?](repeating: nil, count: kindCount)
    var wideIndexes = [TabulationIndex?](repeating: nil, count: kindCount)
    /// The combined rules' values in this chunk, one per combination.
    var combinedTables: [Int: Block] = [:]
    func combinationReady(_ k: Int) -> Bool {
      if combinationState[k] == 0 {
        combinationState[k] = 2
        if cache.isNeeded != nil, !cache.combinationsOff, let index = active[k], case let count = index.representative.count,
          count > 0, count * 4 <= index.width
        {
          let rows = index.single.count
          var tuple = [Int32](repeating: 0, count: rows * count)
          for r in 0..<rows {
            for j in 0..<count { tuple[r * count + j] = index.tuple[r * index.width + index.representative[j]] }
          }
          combinationContexts[k] = ChunkContext(evaluator: self, width: count)
          compactIndexes[k] = TabulationIndex(tuple: tuple, single: index.single, width: count)
          wideIndexes[k] = TabulationIndex(tuple: index.combination, single: [false], width: index.width)
          combinationState[k] = 1
        }
      }
      return combinationState[k] == 1
    }
    /// The tabulated sums `rule` computes, with those of the running totals and sums it
    /// computes inside.
    func sumsRead(_ rule: Int) -> [Int] { (sumsInRule?[rule] ?? []) + (inlinedBy[rule] ?? []).flatMap { sumsRead($0) } }
    /// What `rule` reads, with what the running totals and sums it computes inside read.
    func reads(_ rule: Int) -> [Int] { ruleSet.rules[rule].dependencies + (inlinedBy[rule] ?? []).flatMap { reads($0) } }
    /// Makes the rules that `rule` reads available to a table context.
    func provide(_ rule: Int, to c: inout ChunkContext, kind k: Int) {
      for d in ruleSet.rules[rule].dependencies {
        if let t = cache.tabulation!.kinds[k].rules[d] { c.rules[d] = t } else if let b = context.rules[d] { c.rules[d] = b }
      }
    }
    var values: [Int: Block] = [:]
    // The plan's look-ups, taken out once: read through the optional plan, they copied it
    // (a dozen references) for every rule.
    let (ruleKind, sumsInRule, combined) = (plan?.ruleKind, plan?.sumsInRule, plan?.combined)
    for (position, index) in order.enumerated() {
      // The rule's parts read in place (copying a rule, a dozen references, for each rule of
      // each chunk showed in profiles).
      let root = ruleSet.rules[index].root, entity = ruleSet.rules[index].entity
      if let needed = cache.isNeeded, !needed[index] {
        drop(at: position, &context, cache)
        continue
      }
      // A sum that is the same in every variant is computed once, as a rule, and cached.
      let inlined = inlinedRunning[index] != nil || (useCache && varying[index] && inlinedSums.contains(index))
      if !inlined, let k = ruleKind?[index], let tableIndex = active[k] {
        // A tabulated rule: computed for each tuple when the support has grown, spread out to
        // the variants only where a rule reads it directly.
        var table = cache.tabulation!.kinds[k].rules[index]
        if table == nil {
          var c = tableContext(k)
          provide(index, to: &c, kind: k)
          let t = c.evaluate(root, scope: entity)
          context.elementsWritten += t.data.count
          if isScanned[index], t.firstNonFinite() != nil {
            cache.tabulation!.kinds[k].off = true
            return nil
          }
          cache.tabulation!.kinds[k].rules[index] = t
          c.rules.removeAll()
          tables[k] = c
          table = t
        }
        if isKept[index] {
          let block = Kernels.gather(table!, tableIndex, pool: &context.pool)
          context.rules[index] = block
          values[index] = block
        } else if plan!.kinds[k].gathered.contains(index) {
          context.deferred[index] = (table!, tableIndex)
        }
      } else {
        // The sums of tabulated values this rule makes: their values and filters per tuple.
        for id in sumsInRule?[index] ?? [] {
          let sum = plan!.sums[id]!
          guard let tableIndex = active[sum.kind] else { continue }
          if cache.tabulation!.kinds[sum.kind].sums[id] == nil {
            var c = tableContext(sum.kind)
            provide(index, to: &c, kind: sum.kind)
            let entity = plan!.kinds[sum.kind].entity
            let value = c.evaluate(sum.value, scope: entity), filter = sum.filter.map { c.evaluate($0, scope: entity) }
            let constant = Kernels.constantRows(
              value, filter: filter, rows: situation.entities[entity]?.count ?? 0, months: situation.timeline.monthCount)
            cache.tabulation!.kinds[sum.kind].sums[id] = (value, filter, constant)
            c.rules.removeAll()
            tables[sum.kind] = c
          }
          let t = cache.tabulation!.kinds[sum.kind].sums[id]!
          context.tabulated[id] = (t.value, t.filter, t.constant, tableIndex)
        }
        // A running total or a sum computed inside its line (its sums made ready above).
        if inlined {
          drop(at: position, &context, cache)
          continue
        }
        if let k = combined?[index], combinationReady(k) {
          // Computed once per combination of the kind's tuples, then spread out to the
          // variants where a rule that is not combined reads it (or kept).
          for d in reads(index) {
            if let t = combinedTables[d] {
              combinationContexts[k]!.rules[d] = t
            } else if let b = context.rules[d] {
              combinationContexts[k]!.rules[d] = b
            }
          }
          for id in sumsRead(index) where combinationContexts[k]!.tabulated[id] == nil {
            if let t = context.tabulated[id] { combinationContexts[k]!.tabulated[id] = (t.value, t.filter, t.constant, compactIndexes[k]!) }
          }
          swap(&combinationContexts[k]!.pool, &context.pool)
          let table = combinationContexts[k]!.evaluate(root, scope: nil)
          swap(&combinationContexts[k]!.pool, &context.pool)
          // What the rule read is let go of (the blocks may go back to the pool).
          combinationContexts[k]!.rules.removeAll()
          if isScanned[index], table.firstNonFinite() != nil {
            // Evaluated again in full, where the error is found and explained as usual.
            cache.combinationsOff = true
            return nil
          }
          combinedTables[index] = table
          if isKept[index] {
            let block = Kernels.gather(table, wideIndexes[k]!, pool: &context.pool)
            context.rules[index] = block
            values[index] = block
          } else {
            context.deferred[index] = (table, wideIndexes[k]!)
          }
          drop(at: position, &context, cache)
          continue
        }
        let block: Block
        if useCache, !varying[index], let cached = cache.blocks[index] {
          block = cached
        } else {
          block = context.evaluate(root, scope: entity)
          if isScanned[index], let bad = block.firstNonFinite() {
            throw DiagnosticList([context.nonFinite(ruleSet.rules[index], block: block, at: bad, firstVariant: variants.lowerBound)])
          }
          if useCache && !varying[index] { cache.blocks[index] = block }
        }
        context.rules[index] = block
        if isKept[index] { values[index] = block }
      }
      drop(at: position, &context, cache)
    }
    for c in combinationContexts { context.elementsWritten += c?.elementsWritten ?? 0 }
    if let branches = context.branches { cache.isNeeded = neededRules(variation, branches: branches, varying: varying) }
    // What is not kept goes back to the pool for the next chunk.
    for index in 0..<context.rules.count where !isKept[index] {
      if let block = context.rules[index], cache.blocks[index] == nil { context.pool.give(block.data) }
    }
    context.rules.removeAll()
    var evaluation = Evaluation(
      ruleSet: ruleSet, situation: situation, variants: variants, values: values, trace: context.trace, warnings: warnings)
    evaluation.elementsWritten = context.elementsWritten
    return evaluation
  }
}

extension Evaluator {
  /// Drops what no rule after the one at `position` in the order reads (`dropAfter`);
  /// cached values stay with the cache.
  fileprivate func drop(at position: Int, _ context: inout ChunkContext, _ cache: InvariantCache) {
    let list = dropAfter[position]
    // By index: iterating the list would retain and release it for every rule of every chunk.
    for j in 0..<list.count {
      let d = list[j]
      if let dropped = context.rules.removeValue(forKey: d), cache.blocks[d] == nil { context.pool.give(dropped.data) }
      context.deferred[d] = nil
    }
  }

  /// Whether `root` holds `rule − previous_month(rule, …)`, the one-pass difference
  /// (`ChunkContext`), for the rule `rule`.
  static func readsAsMonthlyDifference(_ root: CoreNode, _ rule: Int) -> Bool {
    var found = false
    root.walk { n in
      if case .binary(.subtract, let a, let b) = n.kind, case .rule(let i) = a.kind, i == rule, ChunkContext.isPreviousMonth(of: a, b) {
        found = true
      }
    }
    return found
  }

  /// Whether `rule` is read by `root` as a term of a chain of more than two additions and
  /// subtractions (`ChunkContext`'s one-pass chain).
  static func readsAsTerm(_ root: CoreNode, _ rule: Int) -> Bool {
    var found = false
    root.walk { n in
      guard case .binary(let op, let a, let b) = n.kind, op == .add || (op == .subtract && !ChunkContext.isPreviousMonth(of: a, b)),
        case let chain = ChunkContext.additions(n), chain.terms.count > 2
      else { return }
      if chain.terms.contains(where: { if case .rule(let i) = $0.kind { i == rule } else { false } }) { found = true }
    }
    return found
  }

  /// The rules a batch's chunks must evaluate, by index: the kept ones and what they read,
  /// where a condition that is the same in every variant (it reads no input, parameter or
  /// rule the variation changes) and took one branch everywhere in the first chunk is
  /// followed down that branch only. Such a condition takes the same branch in every chunk,
  /// and the other branch is never computed (`ChunkContext`'s select): a rule read only
  /// there (a company's profit before tax, for an association that owes no corporate tax)
  /// would be computed for nothing.
  package func neededRules(_ variation: Variation, branches: [Int: Bool?], varying: [Bool]) -> [Bool] {
    let inputs = Set(variation.inputs.keys.compactMap { ruleSet.inputIndex($0) })
    let parameters = Set(variation.parameters.keys)
    func isInvariant(_ condition: CoreNode) -> Bool {
      var invariant = true
      condition.walk { n in
        switch n.kind {
        case .rule(let i) where varying[i]: invariant = false
        case .input(let i) where inputs.contains(i): invariant = false
        case .parameter(let p) where parameters.contains(p), .scale(let p, _, _) where parameters.contains(p),
          .parameterAt(let p, _) where parameters.contains(p):
          invariant = false
        default: break
        }
      }
      return invariant
    }
    var needed = isKept
    var stack = ruleSet.rules.indices.filter { isKept[$0] }
    func visit(_ n: CoreNode) {
      switch n.kind {
      case .rule(let i):
        if !needed[i] {
          needed[i] = true
          stack.append(i)
        }
      case .select(let c, let a, let b):
        visit(c)
        switch branches[n.id] {
        case .some(.some(true)) where isInvariant(c): visit(a)
        case .some(.some(false)) where isInvariant(c): visit(b)
        default:
          visit(a)
          visit(b)
        }
      default:
        for child in n.children { visit(child) }
      }
    }
    while let r = stack.popLast() { visit(ruleSet.rules[r].root) }
    return needed
  }
}

/// Values of the rules that do not vary between variants, computed once for all the chunks
/// of a batch.
package struct InvariantCache: Sendable {
  /// By rule index (`nil`: not cached); sized at the first chunk.
  var blocks: [Block?] = []
  var varying: Set<Int>?
  /// `varying` by rule index.
  var isVarying: [Bool] = []
  var tabulationPlan: TabulationPlan?
  var tabulation: TabulationState?
  /// The rules the chunks after the first evaluate (``Evaluator/neededRules(_:branches:varying:)``).
  var isNeeded: [Bool]?
  /// A rule computed once per combination made a value that is not a finite number: the
  /// chunks are evaluated without combinations (see `TabulationPlan.combined`).
  var combinationsOff = false
  package init() {}
}
