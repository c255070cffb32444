import Foundation
import Planner
import Scenarios

/// `plan run` of a scenario with organisations besides the cluster: each organisation's
/// budget in brief, its invoices to the members and to the cluster, and the consolidation.
enum OrganisationsTable {
  static func render(_ g: GroupProjection, m: Messages) -> String {
    let pad = ProjectionTable.pad, left = ProjectionTable.left
    let periods = g.periods
    let width = 50
    func header() -> String { pad("", width) + periods.map { left($0, 13) }.joined() + "\n" }
    func line(_ label: String, _ values: [String: Double]) -> String {
      pad("  " + label, width) + periods.map { left(m.amount(values[$0] ?? 0), 13) }.joined() + "\n"
    }
    func row(_ p: Projection, _ path: String) -> [String: Double] {
      p.budget.first { $0.path == path && $0.budget == "total" }?.values ?? [:]
    }
    var out = ""
    for group in g.groups {
      let o = group.organisation
      let p = group.projection
      let statute = m("statute.\(p.scenario.statute(at: p.scenario.exercises.last!.months.last))")
      out += "\n" + m("organisations.title", ["name": o.name, "id": o.id, "statute": statute, "file": o.file]) + "\n" + header()
      out += line(m("organisations.charges"), row(p, "charges/total"))
      out += line(m("organisations.income"), row(p, "produits/total"))
      out += line(m("organisations.result"), p.indicators["result"] ?? [:])
      out += line(m("organisations.reserves"), p.indicators["reserves"] ?? [:])
      out += line(m("organisations.fte"), p.indicators["fte"] ?? [:]).replacingOccurrences(of: "€", with: "")
      out += "\n" + m("organisations.invoices", ["name": o.name, "vat": m("organisations.vat.\(o.vat)")]) + "\n" + header()
      let names = Dictionary(uniqueKeysWithValues: g.cluster.scenario.members.map { ($0.id, $0.name) })
      for member in group.invoices.keys.sorted(by: { a, b in
        a == LinkedOrganisation.cluster || (b != LinkedOrganisation.cluster && (names[a] ?? a) < (names[b] ?? b))
      }) {
        let name = member == LinkedOrganisation.cluster ? m("organisations.the_cluster") : names[member] ?? member
        out += line(name, group.invoices[member] ?? [:])
      }
      var total: [String: Double] = [:]
      for p in periods { total[p] = Money.sum(group.invoices.values.map { $0[p] ?? 0 }) }
      out += line(m("organisations.invoices.total"), total)
      if !group.vat.isEmpty {
        var vat: [String: Double] = [:]
        for p in periods { vat[p] = Money.sum(group.vat.values.map { $0[p] ?? 0 }) }
        out += line(m("organisations.invoices.vat"), vat)
      }
      out += line(m("organisations.basis"), group.basis.mapValues(Money.cents))
      out += line(m("organisations.unassigned"), group.unassigned.mapValues(Money.cents))
      if o.feeRate > 0 { out += "  " + m("organisations.fee", ["rate": m.percent(o.feeRate)]) + "\n" }
      out += "  " + m("organisations.vat_source", ["source": o.vatSource]) + "\n"
      // Who its members are, their votes, and what they answer for.
      let last = p.scenario.exercises.last!.months.last
      let votes = group.votes(at: last)
      let equal = Set(votes.map(\.votes)).count <= 1
      let listed = votes.map { v in
        let name = v.member == LinkedOrganisation.cluster ? m("organisations.the_cluster") : names[v.member] ?? v.member
        return equal ? name : m("organisations.member_votes", ["name": name, "votes": m.number(v.votes, digits: 0)])
      }
      out +=
        "\n"
        + m(
          o.membersGiven ? (equal ? "organisations.members.equal" : "organisations.members.weighted") : "organisations.members.default",
          ["month": m.month(last), "count": m.integer(votes.count), "list": listed.joined(separator: ", ")]) + "\n" + header()
      out += line(m("organisations.joint_liability"), group.jointLiability)
      out += "  " + m("organisations.joint_liability.note") + "\n"
    }
    out += "\n" + m("organisations.consolidation") + "\n" + header()
    for path in ["charges/total", "produits/total"] {
      guard let l = g.consolidation.first(where: { $0.path == path }) else { continue }
      out += "  " + l.label + "\n"
      out += line("  " + m("organisations.cluster"), l.cluster)
      out += line("  " + m("organisations.others"), l.organisations)
      out += line("  " + m("organisations.eliminated"), l.eliminated)
      out += line("  " + m("organisations.consolidated"), l.consolidated)
    }
    // The result: the internal invoices cancel out.
    var others: [String: Double] = [:]
    for p in periods { others[p] = Money.sum(g.groups.map { $0.projection.indicators["result"]?[p] ?? 0 }) }
    let consolidated = g.indicators
    out += "  " + m("organisations.result") + "\n"
    out += line("  " + m("organisations.cluster"), g.clusterByExercise.indicators["result"] ?? [:])
    out += line("  " + m("organisations.others"), others)
    out += line("  " + m("organisations.consolidated"), consolidated["result"] ?? [:])
    out += line(m("organisations.reserves"), consolidated["reserves"] ?? [:])
    out += line(m("organisations.lowest_cash"), consolidated["lowest_cash"] ?? [:])
    return out
  }
}
