import ArgumentParser
import Foundation
import Planner
import Scenarios

extension Plan {
  /// `plan members S`: each member's cost with the employers' group, and alone.
  struct Members: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: CLI.messages("help.members"))

    @Argument(help: CLI.help("help.scenario"))
    var scenario: String
    @Option(help: CLI.help("help.members.member"))
    var member: String?
    @Option(help: OutputFormat.help)
    var format = OutputFormat.table
    @OptionGroup var options: ScenarioOptions

    func run() throws {
      let m = options.messages
      let view = try diagnosing { () throws(DiagnosticList) in
        let (s, set) = try options.load(scenario)
        guard !s.organisations.isEmpty else {
          throw DiagnosticList([.error(.scenarioMissingField, Phrase("error.members.no_organisation", ["path": .text(scenario)]))])
        }
        var view = try MemberView.run(try GroupProjection.run(s, ruleSet: set, messages: m), ruleSet: set, messages: m)
        if let member {
          guard view.members.contains(where: { $0.id == member }) else {
            throw DiagnosticList([
              .error(
                .scenarioUnknownValue,
                Phrase(
                  "error.members.unknown",
                  ["member": .text(member), "near": Phrase.suggestion(Suggestion.nearest(to: member, among: view.members.map(\.id)))]))
            ])
          }
          view.members = view.members.filter { $0.id == member }
        }
        return view
      }
      switch format {
      case .json: print(try JSONOutput.encode(MembersDocument(view, m)))
      case .table: print(MembersTable.render(view, m: m), terminator: "")
      }
    }
  }
}

/// The JSON of `plan members`: `members`, each `{id, name, periods: {period: {pays,
/// receives, net_with_group, cost_alone, saving}}}`.
struct MembersDocument: Encodable {
  struct Member: Encodable {
    var id: String
    var name: String
    var employer: String
    var headcount: Double
    var periods: [String: MemberView.Figures]
    var warnings: [String]
  }
  var formatVersion = 1
  var language: String
  var periods: [String]
  var members: [Member]

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version"
    case language, periods, members
  }

  init(_ v: MemberView, _ m: Messages) {
    language = m.language.rawValue
    periods = v.periods
    members = v.members.map {
      Member(
        id: $0.id, name: $0.name, employer: $0.employer, headcount: $0.headcount, periods: $0.periods,
        warnings: $0.warnings.map { $0.message(in: m) })
    }
  }
}

/// `plan members` for a terminal: per member, per exercise, what it pays with the group and
/// what the same hours would cost it alone; then who gains and who loses.
enum MembersTable {
  static func render(_ v: MemberView, m: Messages) -> String {
    let pad = ProjectionTable.pad, left = ProjectionTable.left
    let width = 40
    let periods = v.periods.filter { p in v.members.contains { $0.periods[p] != nil } }
    var out = m("members.title") + "\n" + m("members.alone_note") + "\n"
    if v.members.contains(where: { r in r.periods.values.contains { $0.jointLiability != nil } }) {
      out += m("members.joint_liability_note") + "\n"
    }
    for row in v.members {
      out += "\n" + m("members.member", ["name": row.name, "id": row.id, "employer": m("statute.\(row.employer)")]) + "\n"
      out += pad("", width) + periods.map { left($0, 13) }.joined() + "\n"
      func values(_ label: String, _ value: (MemberView.Figures) -> Double?) {
        out += pad("  " + label, width)
        for p in periods { out += left(row.periods[p].flatMap(value).map(m.amount) ?? "–", 13) }
        out += "\n"
      }
      values(m("members.dues")) { $0.pays["dues"] }
      values(m("members.invoices")) { $0.pays["invoices"] ?? 0 }
      if row.periods.values.contains(where: { $0.pays["vat"] != nil }) { values(m("members.vat")) { $0.pays["vat"] ?? 0 } }
      values(m("members.net")) { $0.netWithGroup }
      values(m("members.alone")) { $0.costAlone }
      values(m("members.saving")) { $0.saving }
      if row.periods.values.contains(where: { $0.jointLiability != nil }) {
        values(m("members.joint_liability")) { $0.jointLiability }
        values(m("members.joint_liability_by_use")) { $0.jointLiabilityByUse }
      }
      if !row.headcountGiven { out += "  " + m("members.headcount_default", ["n": m.number(row.headcount, digits: 0)]) + "\n" }
      for w in row.warnings { out += "  " + m("members.warning", ["message": w.message(in: m)]) + "\n" }
    }
    // Who gains, who loses, over the exercises where the group serves them.
    let totals = v.members.map { r in (r, Money.sum(r.periods.values.compactMap(\.saving))) }.filter { r in
      r.0.periods.values.contains { $0.saving != nil }
    }
    if !totals.isEmpty {
      out += "\n" + m("members.summary") + "\n"
      for (r, t) in totals.sorted(by: { $0.1 > $1.1 }) {
        out += "  " + pad(r.name, width - 2) + left(m.amount(t), 13) + "  " + m(t >= 0 ? "members.gains" : "members.loses") + "\n"
      }
    }
    return out
  }
}
