import Foundation
import Planner

/// Projections as an XLSX workbook for analysts: a summary, the budget in the source's
/// layout by exercise (sections and totals as live `SUM` formulas whose cached values are the
/// tool's), the budget by month, staffing, indicators, the cash plan, assumptions, warnings
/// and the rule packs' parameters with their dated values and references. Numbers are stored
/// as numbers with euro, hour and percent formats; headers are frozen.
public enum ProjectionWorkbook {
  /// One scenario: its projection by exercise and by month.
  public struct Input {
    public var byExercise: Projection
    public var byMonth: Projection
    /// Its organisations besides the cluster and their consolidation, when it names some.
    public var organisations: GroupProjection?
    public init(byExercise: Projection, byMonth: Projection, organisations: GroupProjection? = nil) {
      self.byExercise = byExercise
      self.byMonth = byMonth
      self.organisations = organisations
    }
  }

  static let euro = "#,##0.00 \"€\";-#,##0.00 \"€\""
  static let hours = "#,##0"
  static let fte = "0.00"
  static let percent = "0.0%"
  static let count = "0"

  /// Writes the workbook at `path` (the caller renames it into place).
  /// - Returns: the error's text when the file could not be written.
  public static func write(_ inputs: [Input], ruleSet: RuleSet, to path: String, messages m: Messages) -> String? {
    guard let book = Workbook(path: path, title: m("xlsx.title")) else { return m("xlsx.cannot_create") }
    if let s = book.sheet(m("xlsx.sheet.summary")) { summary(s, inputs.map(\.byExercise), m) }
    if let s = book.sheet(m("xlsx.sheet.budget")) { budget(s, inputs.map(\.byExercise), m) }
    if let layout = ruleSet.layouts["cerfa"], let s = book.sheet(m("xlsx.sheet.cerfa")) {
      cerfa(s, inputs.map { LayoutFigures(layout, $0.byExercise) }, inputs.map(\.byExercise), m)
    }
    if let s = book.sheet(m("xlsx.sheet.monthly_budget")) { budget(s, inputs.map(\.byMonth), m, monthly: true) }
    if let s = book.sheet(m("xlsx.sheet.staffing")) { staffing(s, inputs.map(\.byExercise), m) }
    if let s = book.sheet(m("xlsx.sheet.indicators")) { indicators(s, inputs.map(\.byExercise), m) }
    if inputs.contains(where: { $0.byMonth.treasury != nil }), let s = book.sheet(m("xlsx.sheet.cash")) {
      cash(s, inputs.map(\.byMonth), m)
    }
    let groups = inputs.compactMap(\.organisations)
    if !groups.isEmpty, let s = book.sheet(m("xlsx.sheet.consolidation")) { consolidation(s, groups, m) }
    if let s = book.sheet(m("xlsx.sheet.assumptions")) { assumptions(s, inputs.map(\.byExercise), m) }
    if let s = book.sheet(m("xlsx.sheet.warnings")) { warnings(s, inputs.map(\.byExercise), m) }
    if let s = book.sheet(m("xlsx.sheet.sources")) { sources(s, ruleSet, m) }
    return book.close()
  }

  /// A scenario's block starts with its title, in bold.
  static func title(_ s: Workbook.Sheet, _ row: Int, _ p: Projection, _ m: Messages) {
    s.text(row, 0, m("run.title", ["title": p.scenario.title, "id": p.scenario.id]), bold: true)
  }

  /// Per scenario, per exercise: result, reserves, lowest cash, subsidy dependence, FTE.
  static func summary(_ s: Workbook.Sheet, _ ps: [Projection], _ m: Messages) {
    var r = 0
    s.width(0, 0, 34)
    s.width(1, 12, 15)
    for p in ps {
      title(s, r, p, m)
      r += 1
      for (i, period) in p.periods.enumerated() { s.text(r, i + 1, period.id, bold: true) }
      r += 1
      let rows: [(String, String, (String) -> Double?)] = [
        ("indicator.result", euro, { p.indicators["result"]?[$0] }), ("indicator.reserves", euro, { p.indicators["reserves"]?[$0] }),
        ("indicator.lowest_cash", euro, { p.treasury?.periods[$0]?.lowestCash }),
        ("indicator.subsidies_share", percent, { p.indicators["subsidies_share"]?[$0].map { $0 / 100 } }),
        ("indicator.fte", fte, { p.indicators["fte"]?[$0] }),
      ]
      for (key, format, value) in rows {
        s.text(r, 0, m(key))
        for (i, period) in p.periods.enumerated() { if let v = value(period.id) { s.number(r, i + 1, v, format: format) } }
        r += 1
      }
      r += 1
    }
    s.freeze(0, 1)
  }

  /// The budget in the source's layout: a block per scenario, a row per line, per period the
  /// columns fonctionnement, projets and total. Sections and totals are `SUM` formulas of
  /// their lines, the total column the sum of the two others, the result the income less
  /// the expenses; each formula carries the tool's value (the same, as the tool's totals are
  /// the sums of its lines).
  static func budget(_ s: Workbook.Sheet, _ ps: [Projection], _ m: Messages, monthly: Bool = false) {
    let columns = ["fonctionnement", "projets", "total"]
    var r = 0
    s.width(0, 0, 42)
    s.width(1, 3 * 80, 13)
    for p in ps {
      title(s, r, p, m)
      r += 1
      for (i, period) in p.periods.enumerated() {
        s.text(r, 1 + 3 * i, monthly ? m.month(period.id) : period.id, bold: true)
      }
      r += 1
      for i in p.periods.indices {
        for (j, c) in columns.enumerated() { s.text(r, 1 + 3 * i + j, m("budget.column.\(c)"), bold: true) }
      }
      r += 1
      var paths: [String] = []
      for row in p.budget where !paths.contains(row.path) { paths.append(row.path) }
      let first = r
      func rowOf(_ path: String) -> Int { first + paths.firstIndex(of: path)! }
      for path in paths {
        let depth = path.split(separator: "/").count
        let isTotal = path.hasSuffix("/total")
        let children = paths.filter { other in
          isTotal
            ? other != path && other.hasPrefix(path.dropLast("total".count)) && other.split(separator: "/").count == 2
            : other.hasPrefix(path + "/") && other.split(separator: "/").count == depth + 1
        }
        let row = rowOf(path)
        s.text(
          row, 0, String(repeating: "  ", count: depth - 1) + (p.budget.first { $0.path == path }?.label(m.language) ?? path), bold: isTotal
        )
        for (i, period) in p.periods.enumerated() {
          for (j, c) in columns.enumerated() {
            let value = p.budget.first { $0.path == path && $0.budget == c }?.values[period.id] ?? 0
            let col = 1 + 3 * i + j
            let parts: [Double]
            let formula: String
            if c == "total" {
              parts = ["fonctionnement", "projets"].map { cc in
                p.budget.first { $0.path == path && $0.budget == cc }?.values[period.id] ?? 0
              }
              formula = "=\(Workbook.cell(row, col - 2))+\(Workbook.cell(row, col - 1))"
            } else if !children.isEmpty {
              parts = children.map { ch in p.budget.first { $0.path == ch && $0.budget == c }?.values[period.id] ?? 0 }
              formula = "=" + children.map { Workbook.cell(rowOf($0), col) }.joined(separator: "+")
            } else {
              s.number(row, col, value, format: euro)
              continue
            }
            // A formula only where it gives the tool's figure to the cent; the figure otherwise.
            if Money.sum(parts) == value {
              s.formula(row, col, formula, value: value, format: euro, bold: isTotal)
            } else {
              s.number(row, col, value, format: euro, bold: isTotal)
            }
          }
        }
      }
      r = first + paths.count
      // The result: income less expenses, where the tool's result is that (an exercise whose
      // recorded result differs shows the recorded figure).
      s.text(r, 0, m("budget.result"), bold: true)
      if let charges = paths.firstIndex(of: "charges/total"), let produits = paths.firstIndex(of: "produits/total") {
        for (i, period) in p.periods.enumerated() {
          let col = 1 + 3 * i + 2
          let result = p.indicators["result"]?[period.id] ?? 0
          let income = p.budget.first { $0.path == "produits/total" && $0.budget == "total" }?.values[period.id] ?? 0
          let expenses = p.budget.first { $0.path == "charges/total" && $0.budget == "total" }?.values[period.id] ?? 0
          if Money.sum([income, -expenses]) == result {
            s.formula(
              r, col, "=\(Workbook.cell(first + produits, col))-\(Workbook.cell(first + charges, col))", value: result, format: euro,
              bold: true)
          } else {
            s.number(r, col, result, format: euro, bold: true)
          }
        }
      }
      r += 2
    }
    s.freeze(3, 1)
  }

  /// The budget in the CERFA's layout: per scenario its headings and lines with their
  /// accounts, per exercise the three columns; each part's total and each heading with lines
  /// a formula of them carrying the tool's figure.
  static func cerfa(_ s: Workbook.Sheet, _ layouts: [LayoutFigures], _ ps: [Projection], _ m: Messages) {
    let columns = ["fonctionnement", "projets", "total"]
    var r = 0
    s.width(0, 0, 8)
    s.width(1, 1, 64)
    s.width(2, 2 + 3 * 80, 13)
    for (f, p) in zip(layouts, ps) {
      title(s, r, p, m)
      r += 1
      for (i, period) in p.periods.enumerated() { s.text(r, 2 + 3 * i, period.id, bold: true) }
      r += 1
      s.text(r, 0, m("xlsx.column.account"), bold: true)
      for i in p.periods.indices {
        for (j, c) in columns.enumerated() { s.text(r, 2 + 3 * i + j, m("budget.column.\(c)"), bold: true) }
      }
      r += 1
      var paths: [String] = []
      for row in f.rows where !paths.contains(row.path) { paths.append(row.path) }
      let first = r
      for (k, path) in paths.enumerated() {
        let cells = f.rows.filter { $0.path == path }
        let row = cells[0]
        s.text(first + k, 0, row.account, bold: row.depth < 2)
        s.text(first + k, 1, row.label, bold: row.depth < 2)
        // The lines a heading adds up (its children), the headings a part's total adds up.
        let part = String(path.split(separator: "/")[0])
        let parts =
          row.depth == 0
          ? paths.indices.filter {
            paths[$0].hasPrefix(part + "/") && paths[$0].split(separator: "/").count == 2 && !paths[$0].hasSuffix("/total")
          }
          : paths.indices.filter { paths[$0].hasPrefix(path + "/") }
        for (i, period) in p.periods.enumerated() {
          for (j, c) in columns.enumerated() {
            let col = 2 + 3 * i + j
            let value = cells.first { $0.budget == c }?.values[period.id] ?? 0
            let sum = Money.sum(parts.map { q in f.rows.first { $0.path == paths[q] && $0.budget == c }?.values[period.id] ?? 0 })
            if !parts.isEmpty && sum == value {
              s.formula(
                first + k, col, "=" + parts.map { Workbook.cell(first + $0, col) }.joined(separator: "+"), value: value, format: euro,
                bold: true)
            } else {
              s.number(first + k, col, value, format: euro, bold: row.depth < 2)
            }
          }
        }
      }
      r = first + paths.count
      if let note = f.note { s.text(r, 1, note, wrap: true) }
      r += 2
    }
    s.freeze(3, 2)
  }

  static func staffing(_ s: Workbook.Sheet, _ ps: [Projection], _ m: Messages) {
    var r = 0
    s.width(0, 0, 42)
    s.width(1, 40, 12)
    for p in ps {
      title(s, r, p, m)
      r += 1
      for (i, period) in p.periods.enumerated() {
        s.text(r, 1 + 2 * i, period.id + " (" + m("unit.h") + ")", bold: true)
        s.text(r, 2 + 2 * i, period.id + " (" + m("unit.FTE") + ")", bold: true)
      }
      r += 1
      for row in p.staffing {
        s.text(r, 0, row.label(m.language), bold: row.id == "total")
        for (i, period) in p.periods.enumerated() {
          s.number(r, 1 + 2 * i, row.hours[period.id] ?? 0, format: hours)
          s.number(r, 2 + 2 * i, row.fte[period.id] ?? 0, format: fte)
        }
        r += 1
      }
      r += 1
    }
    s.freeze(0, 1)
  }

  static func indicators(_ s: Workbook.Sheet, _ ps: [Projection], _ m: Messages) {
    var r = 0
    s.width(0, 0, 42)
    s.width(1, 1, 8)
    s.width(2, 40, 14)
    for p in ps {
      title(s, r, p, m)
      r += 1
      s.text(r, 1, m("csv.column.unit"), bold: true)
      for (i, period) in p.periods.enumerated() { s.text(r, 2 + i, period.id, bold: true) }
      r += 1
      for (key, unit) in ProjectionCSV.indicatorUnits {
        guard let values = p.indicators[key] else { continue }
        s.text(r, 0, m("indicator.\(key)"))
        s.text(r, 1, m("unit.\(unit)"))
        let format = unit == "EUR" ? euro : unit == "%" ? "0.00" : unit == "months" ? count : fte
        for (i, period) in p.periods.enumerated() { s.number(r, 2 + i, values[period.id] ?? 0, format: format) }
        r += 1
      }
      s.text(r, 0, m("indicator.in_kind"))
      s.text(r, 1, m("unit.EUR"))
      for (i, period) in p.periods.enumerated() { s.number(r, 2 + i, p.inKind[period.id] ?? 0, format: euro) }
      r += 2
    }
    s.freeze(0, 1)
  }

  /// The cash plan by month; the closing balance a formula of the month's flows.
  static func cash(_ s: Workbook.Sheet, _ ps: [Projection], _ m: Messages) {
    var r = 0
    s.width(0, 0, 14)
    s.width(1, 8, 15)
    let headers = ["month", "opening", "receipts", "disbursements", "financing", "closing", "overdraft", "advances"]
    for p in ps {
      guard let t = p.treasury else { continue }
      title(s, r, p, m)
      r += 1
      for (i, h) in headers.enumerated() { s.text(r, i, m("cash.column.\(h)"), bold: true) }
      r += 1
      for f in t.months {
        s.text(r, 0, m.month(f.month))
        let values = [f.opening, f.totalReceipts, f.totalDisbursements, f.financing]
        for (i, v) in values.enumerated() { s.number(r, 1 + i, v, format: euro) }
        if Money.sum([f.opening, f.totalReceipts, -f.totalDisbursements, f.financing]) == f.closing {
          s.formula(r, 5, "=B\(r + 1)+C\(r + 1)-D\(r + 1)+E\(r + 1)", value: f.closing, format: euro, bold: true)
        } else {
          s.number(r, 5, f.closing, format: euro, bold: true)
        }
        s.number(r, 6, f.overdraft, format: euro)
        s.number(r, 7, f.advances, format: euro)
        r += 1
      }
      r += 1
    }
    s.freeze(0, 1)
  }

  /// Per scenario with organisations, by exercise: the budget's lines of the cluster, of its
  /// organisations, the internal invoices eliminated, and the consolidation as live sums of
  /// the three; then each organisation's invoices by member (their total a live sum) and the
  /// debts its members answer for jointly.
  static func consolidation(_ s: Workbook.Sheet, _ gs: [GroupProjection], _ m: Messages) {
    var r = 0
    s.width(0, 0, 52)
    s.width(1, 40, 14)
    for g in gs {
      title(s, r, g.clusterByExercise, m)
      r += 1
      let lines = g.consolidation
      var firstRow: [String: Int] = [:]
      for column in ["cluster", "organisations", "eliminated", "consolidated"] {
        s.text(r, 0, m("organisations.\(column)"), bold: true)
        for (i, period) in g.periods.enumerated() { s.text(r, 1 + i, period, bold: true) }
        r += 1
        firstRow[column] = r
        for (k, line) in lines.enumerated() {
          let indent = String(repeating: "  ", count: max(0, line.path.split(separator: "/").count - 1))
          s.text(r, 0, indent + line.label, bold: line.path.hasSuffix("/total"))
          for (i, period) in g.periods.enumerated() {
            switch column {
            case "cluster": s.number(r, 1 + i, line.cluster[period] ?? 0, format: euro)
            case "organisations": s.number(r, 1 + i, line.organisations[period] ?? 0, format: euro)
            case "eliminated": s.number(r, 1 + i, line.eliminated[period] ?? 0, format: euro)
            default:
              let cells = ["cluster", "organisations", "eliminated"].map { Workbook.cell(firstRow[$0]! + k, 1 + i) }
              s.formula(r, 1 + i, "=" + cells.joined(separator: "+"), value: line.consolidated[period] ?? 0, format: euro)
            }
          }
          r += 1
        }
        r += 1
      }
      let names = Dictionary(g.scenario.members.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
      for group in g.groups {
        s.text(
          r, 0, m("organisations.invoices", ["name": group.organisation.name, "vat": m("organisations.vat.\(group.organisation.vat)")]),
          bold: true)
        for (i, period) in g.periods.enumerated() { s.text(r, 1 + i, period, bold: true) }
        r += 1
        let members = group.invoices.keys.sorted { a, b in
          a == LinkedOrganisation.cluster || (b != LinkedOrganisation.cluster && (names[a] ?? a) < (names[b] ?? b))
        }
        let first = r
        for member in members {
          s.text(r, 0, member == LinkedOrganisation.cluster ? m("organisations.the_cluster") : names[member] ?? member)
          for (i, period) in g.periods.enumerated() { s.number(r, 1 + i, group.invoices[member]?[period] ?? 0, format: euro) }
          r += 1
        }
        s.text(r, 0, m("organisations.invoices.total"), bold: true)
        for (i, period) in g.periods.enumerated() {
          let total = Money.sum(group.invoices.values.map { $0[period] ?? 0 })
          s.formula(
            r, 1 + i, "=" + (first..<r).map { Workbook.cell($0, 1 + i) }.joined(separator: "+"), value: total, format: euro, bold: true)
        }
        r += 1
        s.text(r, 0, m("organisations.joint_liability"))
        for (i, period) in g.periods.enumerated() { s.number(r, 1 + i, group.jointLiability[period] ?? 0, format: euro) }
        r += 2
      }
    }
    s.freeze(0, 1)
  }

  static func assumptions(_ s: Workbook.Sheet, _ ps: [Projection], _ m: Messages) {
    s.width(0, 0, 22)
    s.width(1, 1, 120)
    s.text(0, 0, m("csv.column.scenario"), bold: true)
    s.text(0, 1, m("run.assumptions"), bold: true)
    var r = 1
    for p in ps {
      for a in p.scenario.assumptions {
        s.text(r, 0, p.scenario.id)
        s.text(r, 1, a, wrap: true)
        r += 1
      }
    }
    s.freeze(1, 0)
  }

  static func warnings(_ s: Workbook.Sheet, _ ps: [Projection], _ m: Messages) {
    s.width(0, 0, 22)
    s.width(1, 1, 30)
    s.width(2, 2, 120)
    for (i, h) in ["csv.column.scenario", "xlsx.column.code", "run.warnings"].enumerated() { s.text(0, i, m(h), bold: true) }
    var r = 1
    for p in ps {
      for w in p.warnings {
        s.text(r, 0, p.scenario.id)
        s.text(r, 1, w.id.rawValue)
        s.text(r, 2, w.message(in: m), wrap: true)
        r += 1
      }
    }
    s.freeze(1, 0)
  }

  /// The rule packs' parameters: each dated value with its unit, reference and, when the
  /// source does not confirm it, why.
  static func sources(_ s: Workbook.Sheet, _ ruleSet: RuleSet, _ m: Messages) {
    let headers = ["parameter", "from", "value", "unit", "reference", "unconfirmed"]
    for (i, h) in headers.enumerated() { s.text(0, i, m("xlsx.column.\(h)"), bold: true) }
    s.width(0, 0, 40)
    s.width(1, 1, 10)
    s.width(2, 3, 12)
    s.width(4, 5, 70)
    var r = 1
    for parameter in ruleSet.parameters.values.sorted(by: { $0.name < $1.name }) {
      switch parameter.values {
      case .values(let values):
        for v in values {
          s.text(r, 0, parameter.name)
          s.text(r, 1, "\(v.from)")
          s.number(r, 2, v.value, format: "General")
          s.text(r, 3, "\(parameter.unit)")
          s.text(r, 4, v.reference ?? "")
          s.text(r, 5, v.unconfirmed ?? "")
          r += 1
        }
      case .scale(let versions):
        for v in versions {
          s.text(r, 0, parameter.name)
          s.text(r, 1, "\(v.from)")
          s.text(r, 2, m("xlsx.scale", ["brackets": m.integer(v.brackets.count)]))
          s.text(r, 3, "\(parameter.unit)")
          s.text(r, 4, v.reference ?? "")
          r += 1
        }
      }
    }
    s.freeze(1, 1)
  }
}

extension ProjectionWorkbook {
  /// The workbook's bytes for scenarios: each by exercise and by month, written by
  /// libxlsxwriter to a private temporary file and read back (for an atomic write, or an
  /// HTTP response). `output` names what is written, in messages.
  public static func bytes(_ scenarios: [Scenario], ruleSet: RuleSet, strict: Bool, messages m: Messages, output: String)
    throws(DiagnosticList) -> Data
  {
    var inputs: [Input] = []
    for s in scenarios {
      let g = s.organisations.isEmpty ? nil : try GroupProjection.run(s, ruleSet: ruleSet, strict: strict, messages: m)
      let byExercise: Projection
      if let g {
        byExercise = g.cluster
      } else {
        byExercise = try Projection.run(s, ruleSet: ruleSet, by: .exercise, strict: strict, messages: m)
      }
      inputs.append(
        .init(
          byExercise: byExercise,
          byMonth: try Projection.run(s, ruleSet: ruleSet, by: .month, strict: strict, messages: m), organisations: g))
    }
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).xlsx").path
    defer { try? FileManager.default.removeItem(atPath: tmp) }
    if let error = write(inputs, ruleSet: ruleSet, to: tmp, messages: m) {
      throw DiagnosticList([.error(.fileWrite, Phrase("error.file_write.3", ["output": .text(output), "error": .text("\(error)")]))])
    }
    guard let data = FileManager.default.contents(atPath: tmp) else {
      throw DiagnosticList([
        .error(.fileWrite, Phrase("error.file_write.4", ["output": .text(output), "value": .text(m("xlsx.cannot_create"))]))
      ])
    }
    return data
  }
}
