import Dispatch
import Planner

/// `plan cost` for many cases at once: the cases that start in the same month share one
/// situation (the same months as a single case's), and differ as variants of one batch of the
/// engine; each case's report has the same lines and totals as `compute` gives it alone.
extension PositionCost {
  /// One case's answer: its report, or why it has none (a legal limit it breaks, a value the
  /// rule packs refuse).
  public typealias Outcome = Result<CostReport, DiagnosticList>

  /// - Returns: each case's outcome, in order, and the rule packs' warnings (each once).
  public static func computeBatch(_ queries: [CostQuery], ruleSet: RuleSet, strict: Bool = false) throws(DiagnosticList) -> (
    [Outcome], warnings: [Diagnostic]
  ) {
    // Cases that start in the same month: the same timeline, one batch of the engine. The
    // months' batches are independent: they run side by side on the machine's cores, and are
    // put together in the months' order (the same outcomes and warnings as one after another).
    var byMonth: [Month: [Int]] = [:]
    for (i, q) in queries.enumerated() { byMonth[q.month, default: []].append(i) }
    let months = byMonth.keys.sorted(), groups = months.map { byMonth[$0]! }
    let context = BatchContext(
      queries: queries, ruleSet: ruleSet, strict: strict, keep: keptRules(ruleSet), reportRules: ReportRules(ruleSet))
    let parts = Slots<Result<MonthBatch, DiagnosticList>>(count: months.count)
    DispatchQueue.concurrentPerform(iterations: months.count) { k in
      parts.set(k, Result { () throws(DiagnosticList) in try context.run(groups[k]) })
    }
    var outcomes = [Outcome?](repeating: nil, count: queries.count)
    var warnings: [Diagnostic] = []
    var seen = Set<String>()
    for part in parts.values {
      let batch = try part.get()
      for (i, outcome) in batch.outcomes { outcomes[i] = outcome }
      for w in batch.warnings where seen.insert(w.message).inserted { warnings.append(w) }
    }
    return (outcomes.map { $0! }, warnings)
  }

  /// What every month's batch reads.
  private struct BatchContext: Sendable {
    let queries: [CostQuery]
    let ruleSet: RuleSet
    let strict: Bool
    let keep: Set<String>
    let reportRules: ReportRules

    /// The cases `indices` (all of one month) as one batch of the engine: each case's
    /// outcome, and the warnings of the lines shown, in the order met.
    func run(_ indices: [Int]) throws(DiagnosticList) -> MonthBatch {
      var out = MonthBatch()
      var seen = Set<String>()
      // Each case's situation; a case the rule packs refuse (an unknown contract) is answered
      // at once.
      var members: [(index: Int, situation: Situation)] = []
      for i in indices {
        do throws(DiagnosticList) {
          members.append((i, try situation(for: queries[i], ruleSet: ruleSet)))
        } catch {
          out.outcomes.append((i, .failure(error)))
        }
      }
      guard let base = members.first?.situation else { return out }
      // The inputs that differ between the cases vary by variant.
      var variation = Variation(count: members.count)
      for key in base.inputs.keys.sorted() {
        let blocks = members.map { $0.situation.inputs[key] ?? base.inputs[key]! }
        guard blocks.contains(where: { $0 != blocks[0] }) else { continue }
        let rows = blocks.map(\.rows).max()!, months = blocks.map(\.months).max()!
        let full = blocks.map { $0.expanded(rows: rows, months: months, width: 1).data }
        variation.inputs[key] = { (range: Range<Int>) -> Block in
          var data = [Double](repeating: 0, count: rows * months * range.count)
          for (b, v) in range.enumerated() {
            for cell in 0..<(rows * months) { data[cell * range.count + b] = full[v][cell] }
          }
          return Block(rows: rows, months: months, width: range.count, data: data)
        }
      }
      let evaluator = try Evaluator(ruleSet, base, options: EvaluationOptions(strict: strict, keep: keep))
      var done = 0
      do {
        try evaluator.runChunks(variation) { evaluation in
          var shown = Set<String>()
          for v in 0..<evaluation.variants.count {
            let (i, _) = members[done + v]
            let outcome = Result { () throws(DiagnosticList) in try report(queries[i], evaluation, variant: v, reportRules) }
            out.outcomes.append((i, outcome))
            if case .success(let r) = outcome { for l in r.lines { shown.insert(l.id) } }
          }
          // Warnings about parameters that no line shown reads are left out (as for one case).
          let read = parametersRead(by: shown, ruleSet)
          for w in evaluation.warnings where (w.subject.map(read.contains) ?? true) && seen.insert(w.message).inserted {
            out.warnings.append(w)
          }
          done += evaluation.variants.count
        }
      } catch let error as DiagnosticList {
        throw error
      } catch {
        throw DiagnosticList([.error(.costRulesMissing, Phrase("error.cost_rules_missing.1", ["key": .text("\(error)")]))])
      }
      return out
    }
  }

  /// One month's cases: their outcomes (by the case's index) and warnings.
  private struct MonthBatch {
    var outcomes: [(Int, Outcome)] = []
    var warnings: [Diagnostic] = []
  }

  /// The parameters the lines shown read, through the rules they read.
  static func parametersRead(by lines: Set<String>, _ ruleSet: RuleSet) -> Set<String> {
    var names = Set<String>(), seen = Set<Int>()
    var stack = ruleSet.rules.indices.filter { lines.contains(ruleSet.rules[$0].name) }
    while let i = stack.popLast() {
      guard seen.insert(i).inserted else { continue }
      ruleSet.rules[i].root.walk { n in
        switch n.kind {
        case .parameter(let p), .parameterAt(let p, _), .scale(let p, _, _): names.insert(p)
        default: break
        }
      }
      stack += ruleSet.rules[i].dependencies
    }
    return names
  }

  /// The rules a cost report reads: the lines of its groups, their bases and rates, the
  /// totals and the legal limits.
  static func keptRules(_ ruleSet: RuleSet) -> Set<String> {
    var keep: Set<String> = ["employer_contributions", "reductions", "aids", "paid", "end_of_contract_indemnity"]
    if ruleSet.rule(named: "employee_contributions") != nil { keep.insert("employee_contributions") }
    for rule in ruleSet.rules where groups.contains(rule.group ?? "") || rule.group == "legal_limits" {
      keep.insert(rule.name)
      if let (b, r) = rule.line {
        keep.insert(ruleSet.rules[b].name)
        keep.insert(ruleSet.rules[r].name)
      }
    }
    return keep
  }

  /// One variant's report: its lines (without their sources: `plan cost` for one case gives
  /// them) and totals, after the legal limits and the totals' check.
  static func report(_ q: CostQuery, _ evaluation: Evaluation, variant v: Int, _ reportRules: ReportRules) throws(DiagnosticList)
    -> CostReport
  {
    let ruleSet = evaluation.ruleSet
    func value(_ rule: String) -> Double { evaluation.value(rule, month: 0, variant: v) ?? .nan }
    let errors = legalLimitErrors(ruleSet, reportRules, value: value)
    if !errors.isEmpty { throw DiagnosticList(errors) }
    let lines = Self.lines(ruleSet, reportRules, value: value) { _ in nil }
    return try assemble(q, lines: lines, ruleSet: ruleSet, value: value)
  }
}
