import Foundation
import Planner
import Scenarios

/// `plan statutes` and `plan governance` for a terminal.
enum StatutesTable {
  static let indicators = [
    "result", "result_without_conditional", "corporate_tax", "cir", "cice", "taxe_salaires", "reserves", "subsidies_share",
    "lowest_cash",
  ]

  static func render(_ c: StatuteComparison, m: Messages) -> String {
    let pad = ProjectionTable.pad, left = ProjectionTable.left
    // The statutes' short names head the columns (four fit in 100 columns); the group's is
    // explained under the title.
    let names = c.reports.map { m("statute.short.\($0.statute)") }
    let longest = (names.map(\.count).max() ?? 0) + 2
    let column = max(14, longest), narrow = max(13, longest), nameWidth = max(20, longest + 2)
    var out = m("statutes.title", ["title": c.scenario.title, "from": m.month(c.from)]) + "\n"
    if c.reports.contains(where: { $0.statute == "group" }) { out += m("statutes.legend.group") + "\n" }
    let periods = c.reports.first?.projection.periods.map(\.id) ?? []
    // With organisations, the consolidation's figures under each statute too.
    let keys =
      indicators
      + (c.reports.first?.indicators["consolidated_result"] == nil ? [] : StatuteComparison.consolidatedKeys.map { "consolidated_\($0)" })
    let width = keys.map { m("statutes.indicator.\($0)").count + 4 }.max()!
    for period in periods {
      out += "\n\(period)\n" + pad("", width) + names.map { left($0, column) }.joined() + "\n"
      for key in keys {
        out += pad("  " + m("statutes.indicator.\(key)"), width)
        for r in c.reports {
          let v = r.indicators[key]?[period] ?? 0
          out += left(key == "subsidies_share" ? m.percent(v / 100) : m.amount(v), column)
        }
        out += "\n"
      }
    }
    out += "\n" + m("statutes.conditional.note") + "\n"
    // Each credit once: its amounts by statute and exercise, then its conditions.
    let conditional = c.reports.flatMap { r in r.conditional.map { (r.statute, $0) } }
    for credit in StatuteComparison.conditionalItems.map(\.item) {
      let items = conditional.filter { $0.1.item == credit }
      guard let first = items.first?.1 else { continue }
      let years = periods.filter { p in items.contains { $0.1.period == p } }
      out += "\n" + m("statutes.conditional.heading", ["credit": credit.uppercased(), "source": first.source ?? ""]) + "\n"
      out += pad("", nameWidth) + years.map { left($0, 14) }.joined() + "\n"
      for r in c.reports where items.contains(where: { $0.0 == r.statute }) {
        out += pad("  " + m("statute.short.\(r.statute)"), nameWidth)
        out += years.map { y in left(items.first { $0.0 == r.statute && $0.1.period == y }.map { m.amount($0.1.amount) } ?? "", 14) }
          .joined()
        out += "\n"
      }
      out += "  " + m("statutes.conditional.if") + "\n"
      for condition in first.conditions { out += "    - \(condition)\n" }
    }
    let eligibility = c.reports.first?.eligibility ?? []
    let labelWidth = (eligibility.map { $0.label.count }.max() ?? 0) + 4
    out +=
      "\n" + m("statutes.eligibility", ["month": m.month(c.from)]) + "\n" + pad("", labelWidth) + names.map { left($0, narrow) }.joined()
      + "\n"
    for (i, e) in eligibility.enumerated() {
      out += pad("  " + e.label, labelWidth)
      for r in c.reports { out += left(m(r.eligibility[i].eligible ? "statutes.yes" : "statutes.no"), narrow) }
      out += "\n"
    }
    out += "\n" + m("statutes.votes") + "\n"
    var groups: [String] = []
    for r in c.reports { for g in r.voteShares.keys.sorted() where !groups.contains(g) { groups.append(g) } }
    let voterNames = groups.map { id in voters(id, c.scenario.governance?.groups.first { $0.id == id }?.label, m) }
    let voterWidth = max(34, (voterNames.map(\.count).max() ?? 0) + 4)
    out += pad("", voterWidth) + names.map { left($0, column) }.joined() + "\n"
    for (g, name) in zip(groups, voterNames) {
      out += pad("  " + name, voterWidth)
      for r in c.reports { out += left(m.percent(r.voteShares[g] ?? 0), column) }
      out += "\n"
    }
    for r in c.reports {
      out += "\n" + m("statutes.constraints", ["statute": m("statute.\(r.statute)")]) + "\n"
      for k in r.constraints { out += constraint(k, m) }
    }
    return out
  }

  /// Who holds a share of the votes: the association's members by the catalogue, a group of
  /// associates by its label.
  static func voters(_ id: String, _ label: String?, _ m: Messages) -> String {
    m.lookup("governance.voters.\(id)") ?? label ?? id
  }

  /// One constraint: its status, rule, message and source.
  static func constraint(_ k: ConstraintResult, _ m: Messages) -> String {
    let status = m("constraint.status.\(k.status.rawValue)")
    return "  [" + status + "] " + k.rule + (m.language == .fr ? " : " : ": ") + m(k.phrase) + (k.source.map { " — " + $0 } ?? "") + "\n"
  }
}

enum GovernanceTable {
  static func render(_ r: GovernanceReport, m: Messages) -> String {
    var out =
      m("governance.title", ["scenario": r.scenario, "month": m.month(r.at), "statute": m("statute.\(r.statute)")]) + "\n\n"
      + m("governance.members", ["count": m.integer(r.members.reduce(0) { $0 + $1.count })]) + "\n"
    for mb in r.members {
      let kind = m.lookup("governance.kind.\(mb.kind)") ?? mb.kind
      out += "  " + mb.name + " (" + kind + (mb.count > 1 ? ", " + m.integer(mb.count) : "") + ")\n"
    }
    if !r.groups.isEmpty {
      out += "\n" + m("governance.groups") + "\n"
      let labelWidth = r.groups.map { $0.label.count }.max()! + 2
      let categoryWidth = r.groups.map { (m.lookup("governance.category.\($0.category)") ?? $0.category).count }.max()! + 2
      for g in r.groups {
        var line = m("governance.group.associates", ["n": m.integer(g.associates)])
        if r.statute != "association" { line += m("governance.group.capital", ["capital": m.euros(g.capital)]) }
        if let c = g.college { line += m("governance.group.college", ["college": c]) }
        out +=
          "  \(ProjectionTable.pad(g.label, labelWidth))\(ProjectionTable.pad(m.lookup("governance.category.\(g.category)") ?? g.category, categoryWidth))"
          + line + "\n"
      }
    }
    if !r.colleges.isEmpty {
      out += "\n" + m("governance.colleges") + "\n" + r.colleges.map { "  \($0.label): \(m.percent($0.weight))\n" }.joined()
    }
    out +=
      "\n" + m("statutes.votes") + "\n"
      + r.voteShares.sorted { $0.key < $1.key }.map { (key, share) in
        let label = StatutesTable.voters(key, r.groups.first { $0.id == key }?.label, m)
        return "  " + ProjectionTable.pad(label, 52) + " " + ProjectionTable.left(m.percent(share), 8) + "\n"
      }.joined()
    out += "\n" + m("governance.constraints") + "\n"
    for k in r.constraints { out += StatutesTable.constraint(k, m) }
    return out
  }
}

/// The JSON of `plan statutes`.
struct StatutesDocument: Encodable {
  struct Entry: Encodable {
    var statute: String
    var indicators: [String: [String: Double]]
    var conditional: [StatuteComparison.ConditionalItem]
    var eligibility: [String: Bool]
    var governance: [String: [String: Double]]
    var constraints: [ConstraintResult]
  }
  var formatVersion = 1
  var scenario: String
  var from: String
  var statutes: [Entry]

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version"
    case scenario, from, statutes
  }

  init(_ c: StatuteComparison) {
    scenario = c.scenario.id
    from = "\(c.from)"
    statutes = c.reports.map { r in
      Entry(
        statute: r.statute, indicators: r.indicators, conditional: r.conditional,
        eligibility: Dictionary(uniqueKeysWithValues: r.eligibility.map { ($0.id, $0.eligible) }),
        governance: ["vote_shares": r.voteShares], constraints: r.constraints)
    }
  }
}
