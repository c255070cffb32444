import Planner

/// What the cluster and its employers' group cost each member, in the report and on the web
/// app's members' page.
extension BoardReport {
  /// A scenario with organisations: each member's net payment with the group and what the
  /// group saves it, by exercise (totals the sums of the lines shown), the consolidation in
  /// brief, and what the members answer for jointly.
  func membersChapter(_ p: Projection) -> String {
    let m = messages
    guard let view = members[p.scenario.id], let g = organisations[p.scenario.id] else { return "" }
    let periods = view.periods.filter { period in view.members.contains { $0.periods[period]?.costAlone != nil } }
    var out = "<section class=\"chapter\" id=\"membres-\(e(p.scenario.id))\">\n"
    out += "<h1>\(e(m("report.members", ["title": p.scenario.title])))</h1>\n"
    out += "<p>\(e(m("members.title")))</p>\n<p class=\"note\">\(e(m("members.alone_note")))</p>\n"
    out += "<table class=\"figures members\"><thead><tr><th></th>"
    out += periods.map { "<th scope=\"colgroup\" colspan=\"2\">\(e($0))</th>" }.joined() + "</tr>\n<tr><th></th>"
    out += periods.map { _ in "<th scope=\"col\">\(e(m("report.members.net")))</th><th scope=\"col\">\(e(m("report.members.saving")))</th>"
    }
    .joined()
    out += "</tr></thead><tbody>\n"
    for row in view.members {
      out += "<tr><th scope=\"row\">\(e(row.name))</th>"
      for period in periods {
        let f = row.periods[period]
        out += Self.cell(f?.netWithGroup, m) + Self.cell(f?.saving, m)
      }
      out += "</tr>\n"
    }
    out += "<tr class=\"total\"><th scope=\"row\">\(e(m("report.members.total")))</th>"
    for period in periods {
      out += Self.cell(Money.sum(view.members.compactMap { $0.periods[period]?.netWithGroup }), m)
      out += Self.cell(Money.sum(view.members.compactMap { $0.periods[period]?.saving }), m)
    }
    out += "</tr>\n</tbody></table>\n"
    // Who gains, who loses.
    let totals = view.members.map { r in (r.name, Money.sum(r.periods.values.compactMap(\.saving))) }
    let gain = totals.filter { $0.1 >= 0 }.map(\.0), lose = totals.filter { $0.1 < 0 }.map(\.0)
    out +=
      "<p>\(e(m("report.members.who", ["gain": gain.isEmpty ? "–" : gain.joined(separator: ", "), "lose": lose.isEmpty ? "–" : lose.joined(separator: ", ")])))</p>\n"
    // The organisations: their members' joint liability and the consolidated result.
    for group in g.groups {
      let figures = periods.map { m.euros(group.jointLiability[$0] ?? 0) + " (" + $0 + ")" }.joined(separator: ", ")
      out += "<p>\(e(m("report.members.liability", ["name": group.organisation.name, "figures": figures])))</p>\n"
    }
    let consolidated = g.indicators["result"] ?? [:]
    out +=
      "<p>\(e(m("report.members.consolidated", ["figures": periods.map { m.euros(consolidated[$0] ?? 0) + " (" + $0 + ")" }.joined(separator: ", ")])))</p>\n"
    out += "<p class=\"note\">\(e(m("members.joint_liability_note")))</p>\n"
    return out + "</section>\n"
  }

  static func cell(_ v: Double?, _ m: Messages) -> String {
    "<td\((v ?? 0) < 0 ? " class=\"negative\"" : "")>\(SVGChart.escape(v.map(m.amount) ?? "–"))</td>"
  }

  /// One member's figures by exercise (the web app's members' page): what it pays, alone,
  /// the saving, what it answers for jointly.
  public static func memberTable(_ row: MemberView.Row, periods: [String], messages m: Messages) -> String {
    var out =
      "<table class=\"figures\"><thead><tr><th></th>" + periods.map { "<th scope=\"col\">\(SVGChart.escape($0))</th>" }.joined()
      + "</tr></thead><tbody>\n"
    let lines: [(String, (MemberView.Figures) -> Double?)] = [
      ("members.dues", { $0.pays["dues"] }), ("members.invoices", { $0.pays["invoices"] ?? 0 }), ("members.vat", { $0.pays["vat"] }),
      ("members.net", { $0.netWithGroup }), ("members.alone", { $0.costAlone }), ("members.saving", { $0.saving }),
      ("members.joint_liability", { $0.jointLiability }), ("members.joint_liability_by_use", { $0.jointLiabilityByUse }),
    ]
    for (key, value) in lines {
      guard row.periods.values.contains(where: { value($0) != nil && (key != "members.vat" || $0.pays["vat"] != nil) }) else { continue }
      out += "<tr><th scope=\"row\">\(SVGChart.escape(m(key)))</th>"
      for p in periods { out += cell(row.periods[p].flatMap(value), m) }
      out += "</tr>\n"
    }
    return out + "</tbody></table>\n"
  }
}
