import Foundation
import Scenarios

/// `plan statutes` and `plan governance` for a terminal.
enum StatutesTable {
  static let labels: [(String, String)] = [
    ("result", "Résultat (after taxes)"), ("result_without_conditional", "  without conditional credits *"),
    ("corporate_tax", "Impôt sur les sociétés"), ("cir", "Crédit d'impôt recherche *"), ("cice", "CICE *"),
    ("taxe_salaires", "Taxe sur les salaires due"), ("reserves", "Réserves cumulées (end)"),
    ("subsidies_share", "Subventions / produits (%)"), ("lowest_cash", "Trésorerie, point bas"),
  ]

  static func render(_ c: StatuteComparison) -> String {
    let names = c.reports.map(\.statute)
    var out = "\(c.scenario.title): under each statute from \(c.from)\n"
    let periods = c.reports.first?.projection.periods.map(\.id) ?? []
    for period in periods {
      out += "\n\(period)\n" + ProjectionTable.pad("", 34) + names.map { ProjectionTable.left($0.uppercased(), 16) }.joined() + "\n"
      for (key, label) in labels {
        out += ProjectionTable.pad("  " + label, 34)
        for r in c.reports { out += ProjectionTable.left(Money.format(r.indicators[key]?[period] ?? 0), 16) }
        out += "\n"
      }
    }
    let conditional = c.reports.flatMap { r in r.conditional.map { (r.statute, $0) } }
    out += "\n* Conditional credits: counted in the result only if their conditions hold.\n"
    if !conditional.isEmpty {
      out += "\nConditional credits\n"
      for (statute, item) in conditional {
        out +=
          "  \(statute.uppercased()) \(item.period) \(item.item.uppercased()) \(Money.format(item.amount))\(item.source.map { " — \($0)" } ?? "")\n"
        for condition in item.conditions { out += "    - \(condition)\n" }
      }
    }
    out +=
      "\nEligibility at \(c.from)\n" + ProjectionTable.pad("", 60) + names.map { ProjectionTable.left($0.uppercased(), 13) }.joined() + "\n"
    for (i, e) in (c.reports.first?.eligibility ?? []).enumerated() {
      out += ProjectionTable.pad("  " + e.label, 60)
      for r in c.reports { out += ProjectionTable.left(r.eligibility[i].eligible ? "yes" : "no", 13) }
      out += "\n"
    }
    out += "\nShare of the votes\n"
    var groups: [String] = []
    for r in c.reports { for g in r.voteShares.keys.sorted() where !groups.contains(g) { groups.append(g) } }
    out += ProjectionTable.pad("", 34) + names.map { ProjectionTable.left($0.uppercased(), 16) }.joined() + "\n"
    for g in groups {
      out += ProjectionTable.pad("  " + g, 34)
      for r in c.reports { out += ProjectionTable.left(String(format: "%.1f %%", (r.voteShares[g] ?? 0) * 100), 16) }
      out += "\n"
    }
    for r in c.reports {
      out += "\nConstraints, \(r.statute.uppercased())\n"
      for k in r.constraints { out += "  [\(k.status.rawValue)] \(k.rule): \(k.message)\(k.source.map { " — \($0)" } ?? "")\n" }
    }
    return out
  }
}

enum GovernanceTable {
  static func render(_ r: GovernanceReport) -> String {
    var out = "Governance of \(r.scenario) at \(r.at): \(r.statute)\n\nMembers (\(r.members.reduce(0) { $0 + $1.count }))\n"
    for m in r.members { out += "  \(m.name) (\(m.kind)\(m.count > 1 ? ", \(m.count)" : ""))\n" }
    if !r.groups.isEmpty {
      out += "\nStakeholder groups\n"
      for g in r.groups {
        out +=
          "  \(ProjectionTable.pad(g.label, 40)) \(ProjectionTable.pad(g.category, 16)) \(ProjectionTable.left(String(g.associates), 5)) associates"
        if r.statute != "association" { out += ", capital \(Money.format(g.capital))" }
        if let c = g.college { out += ", college \(c)" }
        out += "\n"
      }
    }
    if !r.colleges.isEmpty {
      out += "\nColleges\n" + r.colleges.map { "  \($0.label): \(String(format: "%.1f %%", $0.weight * 100))\n" }.joined()
    }
    out +=
      "\nShare of the votes\n"
      + r.voteShares.sorted { $0.key < $1.key }.map {
        "  \(ProjectionTable.pad($0.key, 32)) \(String(format: "%5.1f %%", $0.value * 100))\n"
      }.joined()
    out += "\nConstraints\n"
    for k in r.constraints { out += "  [\(k.status.rawValue)] \(k.rule): \(k.message)\(k.source.map { " — \($0)" } ?? "")\n" }
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
