import Foundation
import Planner

/// How a CSV file is written for a spreadsheet: a French one (semicolons, decimal comma,
/// UTF-8 with a byte-order mark, which LibreOffice and Excel read as UTF-8) or an English one
/// (commas, decimal point, no mark).
public enum CSVDialect: String, CaseIterable, Sendable {
  case fr, en

  /// The dialect of a language's spreadsheets.
  public init(_ language: Language) { self = language == .fr ? .fr : .en }

  public var separator: String { self == .fr ? ";" : "," }
  public var decimal: String { self == .fr ? "," : "." }
  public var byteOrderMark: String { self == .fr ? "\u{FEFF}" : "" }

  /// A number with `digits` decimals and no grouping (a spreadsheet reads it as a number).
  public func number(_ x: Double, digits: Int = 2) -> String {
    var s = String(format: "%.\(digits)f", Kernels.roundHalfAwayFromZero(x, scale: pow(10, Double(digits))))
    if s.hasPrefix("-") && s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { s.removeFirst() }
    return self == .fr ? s.replacingOccurrences(of: ".", with: ",") : s
  }

  /// A field, quoted when it holds the separator, a quote or a line break (RFC 4180).
  public func field(_ s: String) -> String {
    guard s.contains(separator) || s.contains("\"") || s.contains("\n") || s.contains("\r") else { return s }
    return "\"" + s.replacing("\"", with: "\"\"") + "\""
  }
}

/// The tidy table of projections: one figure a line, with its scenario, period, section,
/// budget column, line id, label (in the projection's language), unit and value; then the
/// assumptions and warnings, one a line, their text as the label.
public enum ProjectionCSV {
  /// One line: texts, and the value (a number, or none).
  public struct Record: Sendable {
    public var scenario: String
    public var period: String
    public var section: String
    public var budget: String
    public var line: String
    public var label: String
    /// `EUR`, `h`, `FTE`, `%`, `months`: the key of its name in the catalogues (`unit.<unit>`).
    public var unit: String
    public var value: Double?
    public var digits: Int = 2
  }

  /// The indicators a projection exports, with their units.
  public static let indicatorUnits: [(String, String)] = [
    ("produits", "EUR"), ("charges", "EUR"), ("result", "EUR"), ("reserves", "EUR"), ("subsidies_share", "%"),
    ("dues_per_member", "EUR"), ("fte", "FTE"), ("cost_per_fte", "EUR"), ("lowest_cash", "EUR"), ("months_below_zero", "months"),
    ("months_in_overdraft", "months"), ("financing_cost", "EUR"),
  ]

  public static func records(_ p: Projection) -> [Record] {
    let m = Messages.of(p.language)
    let id = p.scenario.id
    var out: [Record] = []
    for period in p.periods {
      for row in p.budget {
        let parts = row.path.split(separator: "/").map(String.init)
        let section = parts.first ?? ""
        let line = parts.dropFirst().joined(separator: "/")
        out.append(
          Record(
            scenario: id, period: period.id, section: section, budget: row.budget, line: line.isEmpty ? section : line,
            label: row.label(p.language), unit: "EUR", value: row.values[period.id] ?? 0))
      }
      for row in p.staffing {
        out.append(
          Record(
            scenario: id, period: period.id, section: "staffing", budget: "", line: row.id, label: row.label(p.language), unit: "h",
            value: row.hours[period.id] ?? 0))
        out.append(
          Record(
            scenario: id, period: period.id, section: "staffing", budget: "", line: row.id, label: row.label(p.language), unit: "FTE",
            value: row.fte[period.id] ?? 0, digits: 4))
      }
      for (key, unit) in indicatorUnits {
        guard let values = p.indicators[key] else { continue }
        out.append(
          Record(
            scenario: id, period: period.id, section: "indicators", budget: "", line: key, label: m("indicator.\(key)"), unit: unit,
            value: values[period.id] ?? 0, digits: unit == "months" ? 0 : 2))
      }
      out.append(
        Record(
          scenario: id, period: period.id, section: "in_kind", budget: "", line: "benevolat", label: m("indicator.in_kind"), unit: "EUR",
          value: p.inKind[period.id] ?? 0))
    }
    for (i, text) in p.scenario.assumptions.enumerated() {
      out.append(Record(scenario: id, period: "", section: "assumptions", budget: "", line: "\(i + 1)", label: text, unit: "", value: nil))
    }
    for w in p.warnings {
      out.append(
        Record(
          scenario: id, period: "", section: "warnings", budget: "", line: w.id.rawValue, label: w.message(in: m), unit: "", value: nil))
    }
    return out
  }

  /// A scenario's organisations besides the cluster and their consolidation, by exercise:
  /// each organisation's budget lines (section `<id>/charges`, `<id>/produits`, budget
  /// `total`), its result and reserves (`<id>/indicators`), its invoices by member
  /// (`<id>/invoices`, `<id>/vat`) and the debts its members answer for jointly
  /// (`<id>/joint_liability`); then each line of the consolidation (section `consolidation`,
  /// budget `cluster`, `organisations`, `eliminated` or `consolidated`).
  public static func records(_ g: GroupProjection, messages m: Messages) -> [Record] {
    let id = g.scenario.id
    var out: [Record] = []
    let names = Dictionary(g.scenario.members.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    func name(_ member: String) -> String {
      member == LinkedOrganisation.cluster ? m("organisations.the_cluster") : names[member] ?? member
    }
    for period in g.periods {
      for group in g.groups {
        let o = group.organisation.id
        for row in group.projection.budget where row.budget == "total" {
          let parts = row.path.split(separator: "/").map(String.init)
          let line = parts.dropFirst().joined(separator: "/")
          out.append(
            Record(
              scenario: id, period: period, section: "\(o)/\(parts.first ?? "")", budget: "total",
              line: line.isEmpty ? parts.first ?? "" : line, label: row.label(m.language), unit: "EUR", value: row.values[period] ?? 0))
        }
        for key in ["result", "reserves"] {
          out.append(
            Record(
              scenario: id, period: period, section: "\(o)/indicators", budget: "", line: key, label: m("indicator.\(key)"), unit: "EUR",
              value: group.projection.indicators[key]?[period] ?? 0))
        }
        for (kind, amounts) in [("invoices", group.invoices), ("vat", group.vat)] {
          for member in amounts.keys.sorted() {
            out.append(
              Record(
                scenario: id, period: period, section: "\(o)/\(kind)", budget: "", line: member, label: name(member), unit: "EUR",
                value: amounts[member]?[period] ?? 0))
          }
        }
        out.append(
          Record(
            scenario: id, period: period, section: "\(o)/joint_liability", budget: "", line: "payroll_debts",
            label: m("organisations.joint_liability"), unit: "EUR", value: group.jointLiability[period] ?? 0))
      }
      for line in g.consolidation {
        let parts = line.path.split(separator: "/").map(String.init)
        let path = parts.dropFirst().joined(separator: "/")
        for (column, values) in [
          ("cluster", line.cluster), ("organisations", line.organisations), ("eliminated", line.eliminated),
          ("consolidated", line.consolidated),
        ] {
          out.append(
            Record(
              scenario: id, period: period, section: "consolidation/\(parts.first ?? "")", budget: column,
              line: path.isEmpty ? parts.first ?? "" : path, label: line.label, unit: "EUR", value: values[period] ?? 0))
        }
      }
      for (key, values) in g.indicators.sorted(by: { $0.key < $1.key }) {
        let unit = key == "fte" ? "FTE" : key == "subsidies_share" ? "%" : "EUR"
        out.append(
          Record(
            scenario: id, period: period, section: "consolidation/indicators", budget: "", line: key, label: m("indicator.\(key)"),
            unit: unit, value: values[period] ?? 0))
      }
    }
    return out
  }

  /// The header, in the language.
  public static func header(_ m: Messages) -> [String] {
    ["scenario", "period", "section", "budget", "line", "label", "unit", "value"].map { m("csv.column.\($0)") }
  }

  /// The file: header and records in a dialect, ending with a line break.
  /// `organisations`: by projection, its organisations and their consolidation (or none).
  public static func text(
    _ projections: [Projection], dialect: CSVDialect, messages m: Messages, layouts: [LayoutFigures] = [],
    organisations: [GroupProjection?] = []
  ) -> String {
    var lines = [header(m).map(dialect.field).joined(separator: dialect.separator)]
    for (i, p) in projections.enumerated() {
      var all = records(p)
      if i < organisations.count, let g = organisations[i] { all += records(g, messages: m) }
      // Another layout of the budget: its rows in place of the budget's, the account as the line.
      if i < layouts.count {
        let layout = layouts[i]
        all.removeAll { $0.section == "charges" || $0.section == "produits" }
        let rows = p.periods.flatMap { period in
          layout.rows.map { r in
            Record(
              scenario: p.scenario.id, period: period.id, section: layout.layout + "/" + String(r.path.split(separator: "/")[0]),
              budget: r.budget, line: r.account.isEmpty ? "total" : r.account, label: r.label, unit: "EUR", value: r.values[period.id] ?? 0)
          }
        }
        all = rows + all
      }
      for r in all {
        let cells = [
          r.scenario, r.period, r.section, r.budget, r.line, r.label, r.unit.isEmpty ? "" : m("unit.\(r.unit)"),
          r.value.map { dialect.number($0, digits: r.digits) } ?? "",
        ]
        lines.append(cells.map(dialect.field).joined(separator: dialect.separator))
      }
    }
    return dialect.byteOrderMark + lines.joined(separator: "\n") + "\n"
  }
}
