import Planner

extension ProjectionExplainer {
  /// Why the cash plan's balance at the end of `month` is what it is: the opening balance,
  /// then each kind of receipt and disbursement to that month with its timing rule and the
  /// scenario line that set it, the financing, and the month's own flows.
  public func explainCash(month text: String) throws(DiagnosticList) -> ExplanationNode {
    let words = m
    guard let t = projection.treasury else {
      throw DiagnosticList([.error(.explainUnknownLine, Phrase("error.explain_unknown_line.1"))])
    }
    guard let month = Month(parsing: text), let m = t.months.firstIndex(where: { $0.month == month }) else {
      let range = "\(t.months.first!.month)..\(t.months.last!.month)"
      throw DiagnosticList([
        .error(.explainBadMonth, Phrase("error.explain_bad_month.2", ["text": .text("\(text)"), "range": .text("\(range)")]))
      ])
    }
    let period = "\(month)"
    let upTo = t.months[...m]
    let scenario = projection.scenario
    func origin(_ kind: String) -> String {
      guard kind.hasPrefix("subsidy:") else {
        if kind.hasPrefix("recorded:"), let f = scenario.treasury.fieldLocations["funders.\(kind.dropFirst(9))"] {
          return words("explain.cash.terms_at", ["location": "\(f)"])
        }
        return ""
      }
      let id = String(kind.dropFirst(8))
      guard let s = scenario.subsidies.first(where: { $0.id == id }) else { return "" }
      if s.payment != nil { return words("explain.cash.terms_at", ["location": "\(s.fieldLocations["payment"] ?? s.location)"]) }
      if let f = scenario.treasury.fieldLocations["funders.\(s.funder)"] {
        return words("explain.cash.terms_funder", ["location": "\(f)", "funder": s.funder])
      }
      return words("explain.cash.subsidy_at", ["location": "\(s.location)"])
    }
    func flows(_ label: String, receipt: Bool, _ months: ArraySlice<Treasury.MonthFlows>) -> ExplanationNode {
      var children: [ExplanationNode] = []
      for k in t.kinds where k.receipt == receipt {
        let total = Money.sum(months.map { (receipt ? $0.receipts[k.id] : $0.disbursements[k.id]) ?? 0 })
        guard total != 0 else { continue }
        children.append(
          ExplanationNode(
            kind: .sum, label: "\(k.label) [\(k.id)]", value: total, unit: "EUR", period: period, reference: k.timing + origin(k.id)))
      }
      return ExplanationNode(
        kind: .sum, label: label, value: Money.sum(children.map(\.value)), unit: "EUR", period: period, children: children)
    }
    let opening = ExplanationNode(
      kind: .input, label: words("explain.cash.opening", ["month": "\(t.months.first!.month)"]), value: t.openingBalance, unit: "EUR",
      period: period,
      reference: t.openingGiven
        ? words(
          "explain.cash.opening_given", ["location": scenario.treasury.fieldLocations["opening_balance"].map { "\($0)" } ?? scenario.path])
        : words("explain.cash.opening_assumed"))
    let first = "\(t.months.first!.month)", last = "\(month)"
    let receipts = flows(words("explain.cash.received_from", ["from": first, "to": last]), receipt: true, upTo)
    let paid = flows(words("explain.cash.paid_from", ["from": first, "to": last]), receipt: false, upTo)
    let financing = ExplanationNode(
      kind: .sum, label: words("explain.cash.overdraft", ["month": last]), value: Money.sum(upTo.map(\.financing)), unit: "EUR",
      period: period, reference: words("explain.cash.overdraft_rule"))
    let thisMonth = ExplanationNode(
      kind: .period,
      label: words(
        "explain.cash.this_month",
        ["month": last, "received": words.amount(t.months[m].totalReceipts), "paid": words.amount(t.months[m].totalDisbursements)]),
      value: Money.sum([t.months[m].totalReceipts, -t.months[m].totalDisbursements, t.months[m].financing]), unit: "EUR", period: period,
      children: [
        flows(words("explain.cash.received_in", ["month": last]), receipt: true, t.months[m...m]),
        flows(words("explain.cash.paid_in", ["month": last]), receipt: false, t.months[m...m]),
      ])
    var root = ExplanationNode(
      kind: .rule, label: words("explain.cash.balance", ["month": last]),
      formula: words("explain.cash.formula"), value: t.months[m].closing, unit: "EUR", period: period,
      children: [opening, receipts, paid, financing, thisMonth])
    root.name = "cash"
    return root
  }
}
