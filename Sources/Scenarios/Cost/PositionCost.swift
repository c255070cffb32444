import Planner

/// Computes `plan cost`: one position, one month, through the employment rule packs.
public enum PositionCost {
  /// The groups of lines a cost report shows, in order.
  static let groups = ["indemnity", "employer_contributions", "reductions", "employee_contributions", "aids", "information", "in_kind"]

  /// - Returns: the report and the rule pack's warnings (unconfirmed values, …).
  /// - Throws: a legal limit the position breaks, an unknown contract or category, or a
  ///   rule pack whose totals do not add up.
  /// Why a line of the position's cost has its value: the explanation tree of its rule.
  public static func explain(_ line: String, _ q: CostQuery, ruleSet: RuleSet, messages: Messages = .of(.en)) throws(DiagnosticList)
    -> ExplanationNode
  {
    guard let rule = ruleSet.rule(named: line), rule.entity == "position" || rule.entity == nil else {
      let near = Phrase.suggestion(Suggestion.nearest(to: line, among: ruleSet.rules.filter { $0.entity == "position" }.map(\.name)))
      throw DiagnosticList([.error(.costUnknownLine, Phrase("error.cost.unknown_line", ["line": .text(line), "near": near]))])
    }
    let situation = try situation(for: q, ruleSet: ruleSet)
    let evaluation = try Evaluator(ruleSet, situation, options: EvaluationOptions(trace: true, keep: [line])).run()
    return try Explainer(evaluation, pruneZeros: true, messages: messages).explain(rule: line, month: monthIndex(q))
  }

  public static func compute(_ q: CostQuery, ruleSet: RuleSet, strict: Bool = false) throws(DiagnosticList)
    -> (CostReport, warnings: [Diagnostic])
  {
    let situation = try situation(for: q, ruleSet: ruleSet)
    // Only the cost lines, their totals and the legal limits are evaluated (and what they read).
    let keep = keptRules(ruleSet)
    let evaluator = try Evaluator(ruleSet, situation, options: EvaluationOptions(strict: strict, trace: true, keep: keep))
    let evaluation = try evaluator.run()
    try checkLegalLimits(evaluation, month: monthIndex(q))
    let explainer = Explainer(evaluation)

    let m = monthIndex(q)
    func value(_ rule: String) -> Double { evaluation.value(rule, month: m) ?? .nan }
    let lines = Self.lines(ruleSet, value: value) { rule in
      if let source = rule.source { return source }
      return sources(of: rule.line.map { ruleSet.rules[$0.1].name } ?? rule.name, explainer, month: m)
    }
    let report = try assemble(q, lines: lines, ruleSet: ruleSet, value: value)
    // Warnings about parameters that no displayed line reads are left out.
    var read = Set<String>()
    for line in lines { for p in parameters(of: line.id, explainer, month: m) { read.insert(p.name) } }
    for line in lines {
      if let r = ruleSet.rule(named: line.id), let (b, _) = r.line {
        for p in parameters(of: ruleSet.rules[b].name, explainer, month: m) { read.insert(p.name) }
      }
    }
    return (report, evaluation.warnings.filter { $0.subject.map(read.contains) ?? true })
  }

  /// The report from its lines: the groups' totals (the sums of the lines shown, which must
  /// be the rule packs' own totals: a line left out of a total is a rule-pack error, not a
  /// figure to print), the pay, the indemnity, the employer's cost and the net pay.
  static func assemble(_ q: CostQuery, lines: [CostReport.Line], ruleSet: RuleSet, value: (String) -> Double) throws(DiagnosticList)
    -> CostReport
  {
    func total(_ group: String) -> Double { Money.sum(lines.filter { $0.group == group }.map(\.amount)) }
    let contributions = total("employer_contributions"), reductions = total("reductions"), aids = total("aids")
    // The rule pack's totals must be the sums of their lines: a line left out of a total is a
    // rule-pack error, not a figure to print.
    let withheld = total("employee_contributions")
    var totals = [("employer_contributions", contributions), ("reductions", reductions), ("aids", aids)]
    if ruleSet.rule(named: "employee_contributions") != nil { totals.append(("employee_contributions", withheld)) }
    for (rule, shown) in totals {
      let computed = value(rule)
      if abs(computed - shown) > 0.005 {
        throw DiagnosticList([
          .error(
            .costTotalMismatch,
            Phrase(
              "error.cost_total_mismatch.1", ["rule": .text("\(rule)"), "computed": .text("\(computed)"), "shown": .text("\(shown)")]),
            at: ruleSet.rule(named: rule)?.location)
        ])
      }
    }
    let gross = Money.cents(value("paid"))
    let indemnity = Money.cents(value("end_of_contract_indemnity"))
    let report = CostReport(
      month: "\(q.month)", contract: q.contract, category: q.category, employer: q.employer, headcount: q.headcount,
      gross: gross, employerContributions: contributions, reductions: reductions,
      taxeSalaires: lines.first { $0.id == "taxe_salaires" }?.amount ?? 0,
      versementTransport: lines.first { $0.id == "versement_transport" }?.amount ?? 0,
      endOfContractIndemnity: indemnity, aids: aids,
      employerCost: Money.sum([gross, indemnity, contributions, -reductions]),
      inKindValuation: total("in_kind"), employeeContributions: withheld,
      netPay: Money.sum([gross, indemnity, -withheld]), lines: lines)
    return report
  }

  /// The references of the parameters a rate reads, directly or through other rates (not
  /// through the amounts it is applied to), in order.
  static func sources(of rule: String, _ explainer: Explainer, month: Int) -> String? {
    let names = parameters(of: rule, explainer, month: month)
    let references = names.compactMap(\.reference)
    var out: [String] = []
    for r in references where !out.contains(r) { out.append(r) }
    if out.isEmpty, let node = try? explainer.explain(rule: rule, month: month), readsInput(node) { return "given" }
    return out.isEmpty ? nil : out.joined(separator: "; ")
  }

  /// The parameters (with their references) behind a rule's value, descending into the
  /// rules it reads that are rates or conditions, not into amounts.
  static func parameters(of rule: String, _ explainer: Explainer, month: Int) -> [(name: String, reference: String?)] {
    guard let node = try? explainer.explain(rule: rule, month: month) else { return [] }
    var out: [(String, String?)] = []
    func walk(_ n: ExplanationNode, top: Bool) {
      if n.kind == .parameter, let name = n.name, !out.contains(where: { $0.0 == name }) { out.append((name, n.reference)) }
      if n.kind == .rule && !top && n.unit != "ratio" && n.unit != "condition" { return }
      for c in n.children { walk(c, top: false) }
    }
    walk(node, top: true)
    return out
  }

  static func readsInput(_ n: ExplanationNode) -> Bool {
    n.kind == .input || n.children.contains(where: readsInput)
  }

  static func checkLegalLimits(_ evaluation: Evaluation, month: Int) throws(DiagnosticList) {
    let errors = legalLimitErrors(evaluation.ruleSet) { evaluation.value($0, month: month) ?? 0 }
    if !errors.isEmpty { throw DiagnosticList(errors) }
  }

  /// The legal limits a position breaks (each rule of `legal_limits` true), at the rule.
  static func legalLimitErrors(_ ruleSet: RuleSet, value: (String) -> Double) -> [Diagnostic] {
    legalLimitErrors(ruleSet, ReportRules(ruleSet), value: value)
  }

  /// The rules a report reads, found once for a batch: the legal limits and each group's
  /// lines, in the rule packs' order (reading every rule's group for every case took about
  /// 4 ms of the 55 of `plan cost` on 45 cases).
  struct ReportRules: Sendable {
    let limits: [Int]
    let groups: [(name: String, rules: [Int])]
    init(_ ruleSet: RuleSet) {
      let indices = ruleSet.rules.indices
      limits = indices.filter { ruleSet.rules[$0].group == "legal_limits" }
      groups = PositionCost.groups.map { g in (g, indices.filter { ruleSet.rules[$0].group == g }) }
    }
  }

  static func legalLimitErrors(_ ruleSet: RuleSet, _ report: ReportRules, value: (String) -> Double) -> [Diagnostic] {
    report.limits.filter { value(ruleSet.rules[$0].name) == 1 }.map {
      let rule = ruleSet.rules[$0]
      let source = rule.source.map { " (\($0))" } ?? ""
      let limit = Phrase.Argument.bilingual(
        fr: (rule.label(in: "fr") ?? rule.name) + source, en: (rule.label(in: "en") ?? rule.name) + source)
      return .error(.costLegalLimit, Phrase("diagnostic.cost.limit", ["limit": limit]), at: rule.location, length: rule.name.count)
    }
  }

  /// The lines of a cost report, group by group, each not zero, with its base and rate when
  /// it is one; `source` gives its legal references.
  static func lines(_ ruleSet: RuleSet, value: (String) -> Double, source: (RuleSet.Rule) -> String?) -> [CostReport.Line] {
    lines(ruleSet, ReportRules(ruleSet), value: value, source: source)
  }

  static func lines(_ ruleSet: RuleSet, _ report: ReportRules, value: (String) -> Double, source: (RuleSet.Rule) -> String?)
    -> [CostReport.Line]
  {
    var lines: [CostReport.Line] = []
    for (group, indices) in report.groups {
      for i in indices {
        let amount = value(ruleSet.rules[i].name)
        guard amount != 0 else { continue }
        let rule = ruleSet.rules[i]
        var line = CostReport.Line(
          id: rule.name, label: rule.label ?? rule.name, group: group, base: nil, rate: nil, amount: Money.cents(amount),
          source: source(rule))
        if let (b, r) = rule.line {
          line.base = value(ruleSet.rules[b].name)
          line.rate = value(ruleSet.rules[r].name)
        }
        lines.append(line)
      }
    }
    return lines
  }

  /// One position and its employer, for the month asked and the months of the contract.
  static func situation(for q: CostQuery, ruleSet: RuleSet) throws(DiagnosticList) -> Situation {
    func category(_ key: String, _ value: String, option: String) throws(DiagnosticList) -> Double {
      guard let input = ruleSet.input(key) else {
        throw DiagnosticList([.error(.costRulesMissing, Phrase("error.cost_rules_missing.1", ["key": .text("\(key)")]))])
      }
      guard let i = input.categories.firstIndex(of: value) else {
        throw DiagnosticList([
          .error(
            .costBadOption,
            Phrase(
              "error.cost_bad_option.1",
              ["option": .text("\(option)"), "value": .text("\(value)"), "value2": .text("\(input.categories.joined(separator: ", "))")]))
        ])
      }
      return Double(i)
    }
    let hours: Double
    if let h = q.hours {
      hours = h
    } else {
      guard let p = ruleSet.parameters["full_time_hours_per_month"] else {
        throw DiagnosticList([.error(.costRulesMissing, Phrase("error.cost_rules_missing.2"))])
      }
      hours = try p.value(at: q.month).value
    }
    let duration = q.duration ?? CostQuery.defaultDuration(for: q.contract)
    guard duration >= 1 else { throw DiagnosticList([.error(.costBadOption, Phrase("error.cost_bad_option.2"))]) }
    // From the month to the end of its calendar year: the taxe sur les salaires reckons the
    // year's actual pay (the contract starts at the month, so nothing is paid before it).
    let year = MonthRange(q.month, Month(q.month.year, 12))
    let n = year.count
    var builder = SituationBuilder(ruleSet: ruleSet, timeline: Timeline(months: year))
    _ = try category("position.contract", q.contract, option: "--contract")
    _ = try category("position.category", q.category, option: "--category")
    _ = try category("employer", q.employer, option: "--employer")
    if ruleSet.input("position.aid") != nil || q.aid != "none" { _ = try category("position.aid", q.aid, option: "--aid") }
    // The position alone in its employer's budget: no item, subsidy or member (so no
    // subsidy funding research is deducted from the CIR's base); its line the first.
    builder.position(
      id: "position", contract: q.contract, category: q.category, line: ruleSet.input("position.line")?.categories.first,
      hours: Array(repeating: hours, count: n), gross: Array(repeating: q.gross, count: n), indemnityDue: q.indemnityDue && !q.cdiFollows,
      start: q.month,
      end: q.month.adding(months: duration - 1),
      shareFonctionnement: 1, cirQualifies: q.research ? 1 : 0, aid: q.aid, aidRate: q.aidRate ?? 0, cdiFollows: q.cdiFollows)
    for kind in ["item", "subsidy", "member"] { builder.declare(kind) }
    builder.employer(
      statutes: Array(repeating: q.employer, count: n), vatShare: Array(repeating: q.vatLiable ? 1 : 0, count: n),
      headcount: Double(q.headcount), atRate: q.atRate)
    builder.set("emploi_avenir_secteur_marchand", q.marketSector ? 1 : 0)
    return builder.situation()
  }

  /// The month asked for, the first of the months the cost is computed over.
  static func monthIndex(_ q: CostQuery) -> Int { 0 }
}
