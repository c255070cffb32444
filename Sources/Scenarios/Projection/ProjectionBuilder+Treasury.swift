import Planner

/// The cash plan: every flow of the budget, month by month, paid when `treasury.yaml` (the
/// law's dates, the funders' practice) or the scenario says. Closed exercises give their
/// recorded lines; open ones their subsidies, positions, items and taxes one by one. Every
/// month's flows add up to the month's result (checked), so nothing is lost: what falls
/// after the last month is shown as still receivable or payable.
extension ProjectionBuilder {
  /// What accrues in month `accrued` and is paid in month `paid` (an index of the timeline;
  /// at or past its end when paid after the horizon).
  struct CashFlow {
    var kind: String
    var amount: Double
    var paid: Int
  }

  /// The plan, or `nil` when the rule packs have no treasury timing (a pack set without
  /// `treasury.yaml`).
  func treasury(_ periods: [Period]) throws(DiagnosticList) -> (Treasury, warnings: [Diagnostic])? {
    guard ruleSet.parameters["tresorerie_cotisations_seuil_mensuel"] != nil else { return nil }
    var kinds: [String: Treasury.Kind] = [:]
    var flows: [CashFlow] = []
    let count = timeline.monthCount
    /// What each kind accrues in the budget, by month (positive amounts).
    var accrued: [String: [Double]] = [:]
    func accrue(_ id: String, _ amount: Double, _ m: Int) {
      accrued[id, default: Array(repeating: 0, count: count)][m] += amount
    }
    let first = timeline.months.first
    func index(_ month: Month) -> Int { first.distance(to: month) }
    func parameter(_ name: String, _ month: Month) throws(DiagnosticList) -> Double {
      guard let p = ruleSet.parameters[name] else {
        throw DiagnosticList([
          .error(.scenarioRulesMissing, Phrase("error.scenario_rules_missing.1", ["name": .text("\(name)")]))
        ])
      }
      return try p.value(at: month).value
    }
    func kind(_ id: String, _ label: String, receipt: Bool, _ timing: String) {
      if kinds[id] == nil { kinds[id] = Treasury.Kind(id: id, label: label, receipt: receipt, timing: timing) }
    }
    func add(_ id: String, _ amount: Double, accrued m: Int, paid: Int) {
      guard amount != 0 else { return }
      accrue(id, amount, m)
      // Paid before it accrues is an advance (dues called at the start of the exercise).
      flows.append(CashFlow(kind: id, amount: amount, paid: paid))
    }
    func pay(_ id: String, _ amount: Double, _ paid: Int) {
      guard amount != 0 else { return }
      flows.append(CashFlow(kind: id, amount: amount, paid: paid))
    }
    let exerciseOf = { (m: Int) in self.timeline.exercises[self.timeline.exerciseIndex[m]] }
    let nextQuarter = { (m: Int) -> Int in
      let month = self.timeline.months[m]
      return index(Month(month.year, ((month.month - 1) / 3 + 1) * 3).adding(months: 1))
    }

    // The funders' terms: the subsidy's own, the scenario's for its funder, or practice.
    var practiceFunders: Set<String> = []
    func terms(funder: String, subsidy: Subsidy?, at month: Month) throws(DiagnosticList) -> PaymentTerms {
      if subsidy?.payment == nil && scenario.treasury.funders[funder] == nil { practiceFunders.insert(funder) }
      return try PaymentTerms.resolve(funder: funder, subsidy: subsidy, policy: scenario.treasury, ruleSet: ruleSet, at: month)
    }
    /// A subsidy's amount for an exercise, accrued month by month, paid in its advance and
    /// its balance.
    func schedule(_ id: String, _ amounts: [Int: Double], _ t: PaymentTerms) {
      var byExercise: [Int: Double] = [:]
      // In month order: the same sums, to the last bit, on every run.
      for (m, v) in amounts.sorted(by: { $0.key < $1.key }) {
        byExercise[timeline.exerciseIndex[m], default: 0] += v
        accrue(id, v, m)
      }
      for (e, total) in byExercise.sorted(by: { $0.key < $1.key }) {
        let months = timeline.exercises[e].months
        let start = index(months.first), end = index(months.last)
        let granted = Money.cents(total)
        let advance = Money.cents(granted * t.advance)
        pay(id, advance, start + t.advanceMonth)
        pay(id, Money.sum([granted, -advance]), end + t.balanceDelay)
      }
    }

    let headcount = planner.scenario.organisation.headcount
    let supplierDelay = { (m: Int) throws(DiagnosticList) -> Int in
      m + Int(try parameter("tresorerie_fournisseurs_delai", self.timeline.months[m]))
    }
    let customerDelay = { (m: Int) throws(DiagnosticList) -> Int in
      m + Int(try parameter("tresorerie_clients_delai", self.timeline.months[m]))
    }
    func socialPaid(_ m: Int) throws(DiagnosticList) -> Int {
      headcount >= (try parameter("tresorerie_cotisations_seuil_mensuel", timeline.months[m])) ? m + 1 : nextQuarter(m)
    }
    func yearEndPlus(_ m: Int, _ months: Int) -> Int { index(Month(timeline.months[m].year + 1, 1)) + months - 1 }
    func exerciseEndPlus(_ m: Int, _ months: Int) -> Int { index(exerciseOf(m).months.last) + months }
    let m = messages
    let social = headcount >= ((try? parameter("tresorerie_cotisations_seuil_mensuel", first)) ?? 10) ? "monthly" : "quarterly"
    for (id, receipt) in [
      ("salaries", false), ("social-contributions", false), ("taxes-on-pay", false), ("taxe-salaires", false), ("corporate-tax", false),
      ("rent", false), ("suppliers", false), ("dues", true), ("anrt", true), ("asp-aids", true), ("tax-credits", true), ("sales", true),
      ("interest", false),
    ] {
      let timing = id == "social-contributions" ? m("cash.kind.social-contributions.timing.\(social)") : m("cash.kind.\(id).timing")
      kind(id, m("cash.kind.\(id)"), receipt: receipt, timing)
    }

    // The taxe sur les salaires: paid by calendar year, by the tax of the year before.
    var tsByYear: [Int: Double] = [:]
    for m in 0..<count where !closed[m] { tsByYear[timeline.months[m].year, default: 0] += value("taxe_salaires_due", m) }
    func taxeSalairesPaid(_ m: Int) throws(DiagnosticList) -> Int {
      let month = timeline.months[m]
      let before = tsByYear[month.year - 1] ?? 0
      if before < (try parameter("tresorerie_ts_seuil_annuel", month)) { return index(Month(month.year + 1, 1)) }
      if before <= (try parameter("tresorerie_ts_seuil_mensuel", month)) { return nextQuarter(m) }
      return m + 1
    }

    var subsidyAmounts: [String: [Int: Double]] = [:]
    var recordedSubsidies: [String: [Int: Double]] = [:]
    var dues: [Int: Double] = [:]
    var nonCash = Array(repeating: 0.0, count: count)
    let subsidyIds = evaluation.situation.entities["subsidy"] ?? []
    let itemIds = evaluation.situation.entities["item"] ?? []
    let positionIds = evaluation.situation.entities["position"] ?? []
    let itemLines = ruleSet.input("item.line")?.categories ?? []
    // The items' own payment delays (the scenario's), looked up once.
    let itemDelays = Dictionary(scenario.items.compactMap { i in i.paymentDelay.map { (i.id, $0) } }, uniquingKeysWith: { a, _ in a })
    let funders = ruleSet.input("subsidy.funder")?.categories ?? []
    func input(_ key: String, _ row: Int, _ m: Int) -> Double { evaluation.situation.inputs[key].map { $0[row, m, 0] } ?? 0 }
    func entityValue(_ rule: String, _ row: Int, _ m: Int) -> Double { evaluation.value(rule, row: row, month: m) ?? 0 }
    let layout = self.layout
    var recordedLines: [Int: [(parts: [String], recorded: Double)]] = [:]

    for m in 0..<count {
      if closed[m], let a = actuals(ofMonth: m) {
        // A recorded month: its lines as the source records them, spread over the exercise.
        let e = timeline.exerciseIndex[m]
        let share = { (v: Double) in
          Money.share(of: v, month: m - self.timeline.firstMonth(ofExercise: e), of: self.timeline.exercises[e].monthCount)
        }
        // The exercise's recorded lines, read once for its months.
        if recordedLines[e] == nil {
          func both(_ cells: [String: Double]?) -> Double { (cells?["fonctionnement"] ?? 0) + (cells?["projets"] ?? 0) }
          var lines: [(parts: [String], recorded: Double)] = []
          for (path, cells) in a.budget.sorted(by: { $0.key < $1.key }) where !path.hasSuffix("/total") {
            // A leaf as recorded; a section recorded above its lines, the part its lines leave out.
            var recorded = both(cells)
            if layout.contains(where: { $0.path.hasPrefix(path + "/") }) {
              let depth = path.split(separator: "/").count
              let detail = a.budget.filter { $0.key.hasPrefix(path + "/") && $0.key.split(separator: "/").count == depth + 1 }
              recorded -= detail.values.reduce(0) { $0 + both($1) }
              guard abs(recorded) >= 0.005 else { continue }
            }
            lines.append((path.split(separator: "/").map(String.init), recorded))
          }
          recordedLines[e] = lines
        }
        for (parts, recorded) in recordedLines[e]! {
          let v = share(recorded)
          switch (parts.first, parts.count > 1 ? parts[1] : "") {
          case ("produits", "subventions"):
            let funder = parts.count > 2 ? parts[2] : "autres"
            recordedSubsidies[funder, default: [:]][m, default: 0] += v
          case ("produits", "autres_produits") where parts.last == "cotisations": dues[m, default: 0] += v
          case ("produits", _): add("sales", v, accrued: m, paid: try customerDelay(m))
          case ("charges", "remunerations"): add("salaries", v, accrued: m, paid: m)
          case ("charges", "charges_sociales"): add("social-contributions", v, accrued: m, paid: try socialPaid(m))
          case ("charges", "impots_taxes"):
            add("taxes-on-pay", v, accrued: m, paid: yearEndPlus(m, Int(try parameter("tresorerie_taxes_paie_mois", timeline.months[m]))))
          case ("charges", "impot_societes"):
            add("corporate-tax", v, accrued: m, paid: exerciseEndPlus(m, Int(try parameter("tresorerie_is_delai", timeline.months[m]))))
          case ("charges", "dotations"): nonCash[m] += v
          case ("charges", "charges_externes") where parts.last == "loyers": add("rent", v, accrued: m, paid: m)
          default: add("suppliers", v, accrued: m, paid: try supplierDelay(m))
          }
        }
        continue
      }
      let month = timeline.months[m]
      for (r, id) in subsidyIds.enumerated() { subsidyAmounts[id, default: [:]][m, default: 0] += input("subsidy.amount", r, m) }
      dues[m, default: 0] += value("dues_total", m)
      for (r, id) in itemIds.enumerated() {
        let v = input("item.amount", r, m)
        let code = Int(input("item.line", r, m))
        let line = itemLines.indices.contains(code) ? itemLines[code] : ""
        // The item's own delay, else its line's.
        let own = itemDelays[id].map { m + $0 }
        switch line {
        case "dotations": nonCash[m] += v
        case "loyers": add("rent", v, accrued: m, paid: own ?? m)
        case "services", "biens", "autres_produits":
          var paid = m
          if let own { paid = own } else { paid = try customerDelay(m) }
          add("sales", v, accrued: m, paid: paid)
        default:
          var paid = m
          if let own { paid = own } else { paid = try supplierDelay(m) }
          add("suppliers", v, accrued: m, paid: paid)
        }
      }
      for (r, _) in positionIds.enumerated() {
        // The net pay at the month's end; what is withheld from it leaves with the employer's
        // contributions (employee-contributions.yaml; nothing withheld without that pack).
        let withheld = entityValue("employee_contributions", r, m)
        add("salaries", entityValue("paid", r, m) + entityValue("termination_pay", r, m) - withheld, accrued: m, paid: m)
        let end = Int(input("position.end", r, m))
        add("salaries", entityValue("end_of_contract_indemnity", r, m), accrued: m, paid: index(Month(ordinal: end)))
        add("social-contributions", entityValue("staff_social", r, m) + withheld, accrued: m, paid: try socialPaid(m))
        add(
          "taxes-on-pay", entityValue("payroll_taxes", r, m), accrued: m,
          paid: yearEndPlus(m, Int(try parameter("tresorerie_taxes_paie_mois", month))))
        add(
          "anrt", entityValue("anrt_subsidy", r, m), accrued: m,
          paid: nextQuarter(m) + Int(try parameter("tresorerie_aides_trimestre_delai", month)) - 1)
        let asp = entityValue("service_civique_aid", r, m) + entityValue("job_aid", r, m)
        add("asp-aids", asp, accrued: m, paid: m + Int(try parameter("tresorerie_asp_delai", month)))
        add(
          "tax-credits", entityValue("cir", r, m), accrued: m,
          paid: exerciseEndPlus(m, Int(try parameter("tresorerie_credits_delai", month))))
      }
      add("taxe-salaires", value("taxe_salaires_due", m), accrued: m, paid: try taxeSalairesPaid(m))
      // The IS row is net of the tax credits; the tax is paid gross, the credits received apart.
      let cice = value("cice_total", m), cir = value("cir_total", m)
      let isNet = value("charges.impot_societes.f", m) + value("charges.impot_societes.p", m)
      add("corporate-tax", isNet + cice + cir, accrued: m, paid: exerciseEndPlus(m, Int(try parameter("tresorerie_is_delai", month))))
      add("tax-credits", cice, accrued: m, paid: exerciseEndPlus(m, Int(try parameter("tresorerie_is_delai", month))))
      add("interest", value("charges.charges_financieres.f", m) + value("charges.charges_financieres.p", m), accrued: m, paid: m + 1)
    }
    // Subsidies: each by its terms; the recorded ones by their funder's.
    for (r, id) in subsidyIds.enumerated() {
      let subsidy = scenario.subsidies.first { $0.id == id }
      let funderIndex = Int(input("subsidy.funder", r, 0))
      let funder = funders.indices.contains(funderIndex) ? funders[funderIndex] : "autres"
      guard let amounts = subsidyAmounts[id], amounts.values.contains(where: { $0 != 0 }) else { continue }
      let t = try terms(funder: funder, subsidy: subsidy, at: timeline.months[amounts.keys.min()!])
      let origin =
        subsidy?.payment != nil
        ? m("cash.terms.origin.subsidy")
        : scenario.treasury.funders[funder] != nil
          ? m("cash.terms.origin.scenario", ["funder": funder]) : m("cash.terms.origin.practice", ["funder": funder])
      kind("subsidy:\(id)", subsidy?.name ?? id, receipt: true, m("cash.terms.with_origin", ["terms": describe(t), "origin": origin]))
      schedule("subsidy:\(id)", amounts, t)
    }
    for (funder, amounts) in recordedSubsidies.sorted(by: { $0.key < $1.key }) {
      let t = try terms(funder: funder, subsidy: nil, at: timeline.months[amounts.keys.min()!])
      kind(
        "recorded:\(funder)", m("cash.kind.recorded", ["funder": funder]), receipt: true,
        m("cash.terms.with_origin", ["terms": describe(t), "origin": m("cash.terms.origin.funder")]))
      schedule("recorded:\(funder)", amounts, t)
    }
    // Dues: the exercise's dues, paid some months after it starts.
    for (m, v) in dues.sorted(by: { $0.key < $1.key }) where v != 0 {
      let e = exerciseOf(m)
      let paid = index(e.months.first) + Int(try parameter("tresorerie_cotisations_membres_mois", e.months.first))
      add("dues", v, accrued: m, paid: paid)
    }

    // The budget's lines are whole cents each month (`rounding: cents`): what that moves
    // between months is no cash (an écart d'arrondi, a few cents, which the running totals
    // bring back), counted with the charges that have no cash flow.
    // The corporate tax and the interest are paid as the budget books them, cents included.
    let paidAsBooked: Set<String> = ["charges/impot_societes", "charges/charges_financieres"]
    let rounded = ruleSet.rules.filter {
      $0.table == "budget" && $0.centsOf != nil && !paidAsBooked.contains($0.path ?? "")
    }
    for m in 0..<count where !closed[m] {
      var residue = 0.0
      for r in rounded {
        let sign = r.path?.hasPrefix("charges/") == true ? -1.0 : 1.0
        residue += sign * (value(r.name, m) - value(r.centsOf!, m))
      }
      nonCash[m] -= residue
    }

    // Every open month's flows add up to its result: nothing of the budget is left out.
    for m in 0..<count where !closed[m] {
      var net = -nonCash[m]
      for (id, values) in accrued { net += (kinds[id]?.receipt ?? false) ? values[m] : -values[m] }
      let result = value("projected_result", m)
      guard abs(net - result) < 0.005 else {
        throw DiagnosticList([
          .error(
            .scenarioSectionMismatch,
            Phrase(
              "error.scenario_section_mismatch.2",
              [
                "value": .text("\(timeline.months[m])"), "value2": .text("\(Money.format(net))"),
                "value3": .text("\(Money.format(result))"),
              ])
          )
        ])
      }
    }
    return try assemble(
      flows: flows, accrued: accrued, kinds: kinds, nonCash: nonCash, periods: periods, practice: practiceFunders)
  }

  func describe(_ t: PaymentTerms) -> String {
    let m = messages
    if t.advance >= 1 { return m("cash.terms.at_start", ["months": m.months(t.advanceMonth)]) }
    if t.advance <= 0 { return m("cash.terms.after_end", ["months": m.months(t.balanceDelay)]) }
    return m(
      "cash.terms.advance_and_balance",
      ["share": m.percent(t.advance, digits: 0), "advance": m.months(t.advanceMonth), "balance": m.months(t.balanceDelay)])
  }
}

extension ProjectionBuilder {
  /// The months of the plan from its flows: the balance, the overdraft drawn below the floor
  /// and repaid above it, its interest (paid the month after), receivables and payables.
  func assemble(
    flows: [CashFlow], accrued: [String: [Double]], kinds: [String: Treasury.Kind], nonCash: [Double], periods: [Period],
    practice: Set<String>
  ) throws(DiagnosticList) -> (Treasury, warnings: [Diagnostic]) {
    var warnings: [Diagnostic] = []
    let count = timeline.monthCount
    var receipts = Array(repeating: [String: Double](), count: count)
    var disbursements = Array(repeating: [String: Double](), count: count)
    var receivableAfter: [String: Double] = [:]
    var payableAfter: [String: Double] = [:]
    for f in flows {
      let receipt = kinds[f.kind]?.receipt ?? false
      if f.paid >= count {
        if receipt { receivableAfter[f.kind, default: 0] += f.amount } else { payableAfter[f.kind, default: 0] += f.amount }
      } else if receipt {
        receipts[f.paid][f.kind, default: 0] += f.amount
      } else {
        disbursements[f.paid][f.kind, default: 0] += f.amount
      }
    }
    let policy = scenario.treasury
    let opening = policy.openingBalance ?? planner.scenario.organisation.initialReserves
    if policy.openingBalance == nil {
      warnings.append(
        .warning(
          .treasuryAssumedOpening,
          Phrase("diagnostic.treasury.assumed_opening", ["month": .month(timeline.months.first), "opening": .euros(opening)]),
          at: scenario.location))
    }
    if !practice.isEmpty {
      warnings.append(
        .warning(
          .treasuryPracticeTerms,
          Phrase("diagnostic.treasury.practice_terms", ["list": .list(practice.sorted())]),
          at: scenario.location))
    }
    var months: [Treasury.MonthFlows] = []
    var cash = opening, drawn = 0.0, advanced = 0.0
    var accruedIn = 0.0, receivedIn = 0.0, accruedOut = 0.0, paidOut = 0.0
    let payroll = ["salaries", "social-contributions"]
    var payrollAccrued = 0.0, payrollPaid = 0.0
    var subsidiesAccrued = 0.0, subsidiesReceived = 0.0
    var implied = Array(repeating: 0.0, count: count)
    func isSubsidy(_ kind: String) -> Bool { kind.hasPrefix("subsidy:") || kind.hasPrefix("recorded:") }
    for m in 0..<count {
      let r = receipts[m].mapValues(Money.cents).filter { $0.value != 0 }
      let d = disbursements[m].mapValues(Money.cents).filter { $0.value != 0 }
      let before = Money.cents(cash + Money.sum(Array(r.values)) - Money.sum(Array(d.values)))
      for (id, values) in accrued.sorted(by: { $0.key < $1.key }) where isSubsidy(id) { subsidiesAccrued += values[m] }
      subsidiesReceived += Money.sum(r.filter { isSubsidy($0.key) }.map(\.value))
      let capacity = Money.cents(max(0, subsidiesAccrued - subsidiesReceived) * policy.advanceShare)
      let next = policy.finance(balance: before, capacity: capacity, overdraft: drawn, advances: advanced)
      let financing = Money.cents(next.overdraft + next.advances - drawn - advanced)
      (drawn, advanced) = next
      let closing = Money.cents(before + financing)
      // The interest the balances drawn imply; the budget books it as Charges financières
      // (Projection.run iterates until both agree). A recorded month's charges are the record's.
      implied[m] = closed[m] ? 0 : Money.cents(drawn * policy.overdraftRate / 12 + advanced * policy.advanceRate / 12)
      for (id, values) in accrued.sorted(by: { $0.key < $1.key }) {
        if kinds[id]?.receipt ?? false { accruedIn += values[m] } else { accruedOut += values[m] }
      }
      receivedIn += Money.sum(Array(r.values))
      paidOut += Money.sum(Array(d.values))
      for kind in payroll {
        payrollAccrued += accrued[kind]?[m] ?? 0
        payrollPaid += d[kind] ?? 0
      }
      months.append(
        Treasury.MonthFlows(
          month: timeline.months[m], opening: cash, receipts: r, disbursements: d, financing: financing, closing: closing,
          overdraft: drawn, advances: advanced, receivables: Money.cents(accruedIn - receivedIn),
          payables: Money.cents(accruedOut - paidOut)))
      months[months.count - 1].subsidiesToCome = Money.cents(subsidiesAccrued - subsidiesReceived)
      months[months.count - 1].payrollPayables = Money.cents(payrollAccrued - payrollPaid)
      cash = closing
    }
    var figures: [String: Treasury.PeriodFigures] = [:]
    for p in periods {
      let ms = p.monthIndices
      guard let low = ms.min(by: { months[$0].closing < months[$1].closing }), let last = ms.last else { continue }
      figures[p.id] = Treasury.PeriodFigures(
        lowestCash: months[low].closing, lowestCashMonth: "\(months[low].month)",
        monthsBelowZero: ms.filter { months[$0].closing < 0 }.count,
        monthsInOverdraft: ms.filter { months[$0].overdraft > 0 }.count, receivablesEnd: months[last].receivables,
        payablesEnd: months[last].payables, financingCost: Money.sum(ms.map { Money.cents(accrued["interest"]?[$0] ?? 0) }))
    }
    let used = Set(months.flatMap { Array($0.receipts.keys) + Array($0.disbursements.keys) })
      .union(receivableAfter.keys).union(payableAfter.keys)
    let plan = Treasury(
      kinds: kinds.values.filter { used.contains($0.id) }.sorted { ($0.receipt ? 0 : 1, $0.id) < ($1.receipt ? 0 : 1, $1.id) },
      months: months, periods: figures, receivableAfterHorizon: receivableAfter.mapValues(Money.cents),
      payableAfterHorizon: payableAfter.mapValues(Money.cents), openingBalance: opening, openingGiven: policy.openingBalance != nil,
      floor: policy.floor, nonCash: nonCash, impliedInterest: implied)
    return (plan, warnings)
  }
}
