import Planner

extension ProjectionBuilder {
  /// A row of the layout, from the budget table of the rule packs: its path, label and
  /// column rules.
  struct LayoutRow {
    var path: String
    var label: String
    var labelEN: String? = nil
    var rules: [String: RuleSet.Rule]  // column → rule
    var depth: Int { path.split(separator: "/").count }
    var isTotal: Bool { path.hasSuffix("/total") }
  }

  static let columns = ["fonctionnement", "projets"]

  /// The budget table's rows, in the rule packs' order (read once per projection).
  var layout: [LayoutRow] {
    if let rows = layoutRows { return rows }
    let rows = Self.layout(ruleSet)
    layoutRows = rows
    return rows
  }

  static func layout(_ ruleSet: RuleSet) -> [LayoutRow] {
    var rows: [LayoutRow] = []
    for rule in ruleSet.rules {
      guard rule.table == "budget", let path = rule.path, let column = rule.column, Self.columns.contains(column) else { continue }
      if let i = rows.firstIndex(where: { $0.path == path }) {
        rows[i].rules[column] = rule
      } else {
        rows.append(LayoutRow(path: path, label: rule.label ?? path, labelEN: rule.labelEN, rules: [column: rule]))
      }
    }
    return rows
  }

  /// The rows of a section (its direct children).
  func children(_ path: String, in rows: [LayoutRow]) -> [LayoutRow] {
    rows.filter { $0.path.hasPrefix(path + "/") && $0.depth == path.split(separator: "/").count + 1 }
  }

  func budgetRows(_ periods: [Period]) throws(DiagnosticList) -> [BudgetRow] {
    var rows = layout
    try checkRecordedPaths(rows)
    guard !rows.isEmpty else {
      throw DiagnosticList([
        .error(.scenarioRulesMissing, Phrase("error.scenario_rules_missing.3"))
      ])
    }
    // Sections recorded above their detail get an explicit "not detailed" row.
    for (id, a) in scenario.actuals.sorted(by: { $0.key < $1.key }) {
      for section in rows where section.depth == 2 && !section.isTotal {
        let kids = children(section.path, in: rows)
        guard !kids.isEmpty, a.budget[section.path] != nil else { continue }
        for column in Self.columns {
          let printed = a.budget[section.path]?[column] ?? 0
          let detail = kids.reduce(0) { $0 + (a.budget[$1.path]?[column] ?? 0) }
          guard abs(printed - detail) >= 0.005 else { continue }
          warnings.append(
            .warning(
              .sourceSectionNotDetailed,
              Phrase(
                "diagnostic.source_section_not_detailed",
                [
                  "period": .text(id), "section": .bilingual(fr: section.label, en: section.labelEN ?? section.label),
                  "column": .text(column),
                  "printed": .euros(printed), "detail": .euros(detail), "difference": .euros(printed - detail),
                ]),
              at: a.location(of: section.path)))
          let path = section.path + "/non_detaille"
          if !rows.contains(where: { $0.path == path }) {
            let at = rows.lastIndex { $0.path.hasPrefix(section.path + "/") }! + 1
            rows.insert(
              LayoutRow(path: path, label: "Non détaillé dans la source", labelEN: "Not detailed in the source", rules: [:]), at: at)
          }
        }
      }
    }
    // Each row's direct children, once (the rows' order kept).
    var kidsOf: [String: [LayoutRow]] = [:]
    for r in rows {
      if let slash = r.path.lastIndex(of: "/") { kidsOf[String(r.path[..<slash]), default: []].append(r) }
    }
    // Cells: leaves first (recorded or projected), then sections and totals as sums.
    var cells: [String: [String: [String: Double]]] = [:]  // path → column → period → value
    func leafValue(_ row: LayoutRow, _ column: String, _ p: Period) -> Double {
      var sum = 0.0
      for m in p.monthIndices {
        if let a = actuals(ofMonth: m) {
          var recorded = a.budget[row.path]?[column] ?? 0
          if row.path.hasSuffix("/non_detaille") {
            let section = String(row.path.dropLast("/non_detaille".count))
            recorded =
              (a.budget[section]?[column] ?? 0)
              - (kidsOf[section] ?? []).filter { $0.path != row.path }.reduce(0) { $0 + (a.budget[$1.path]?[column] ?? 0) }
          }
          let e = timeline.exerciseIndex[m]
          sum += Money.share(of: recorded, month: m - timeline.firstMonth(ofExercise: e), of: timeline.exercises[e].monthCount)
        } else if let rule = row.rules[column] {
          sum += value(rule.name, m)
        }
      }
      return Money.cents(sum)
    }
    for row in rows where kidsOf[row.path] == nil && !row.isTotal {
      for column in Self.columns {
        for p in periods { cells[row.path, default: [:]][column, default: [:]][p.id] = leafValue(row, column, p) }
      }
    }
    for row in rows {
      guard let kids = kidsOf[row.path] else { continue }
      for column in Self.columns {
        for p in periods {
          let shown = Money.sum(kids.map { cells[$0.path]?[column]?[p.id] ?? 0 })
          cells[row.path, default: [:]][column, default: [:]][p.id] = shown
          try checkSum(row, column, p, shown, rows: kids.count)
        }
      }
    }
    for top in ["charges", "produits"] {
      guard let total = rows.first(where: { $0.path == "\(top)/total" }) else { continue }
      let sections = rows.filter { $0.depth == 2 && $0.path.hasPrefix(top + "/") && !$0.isTotal }
      for column in Self.columns {
        for p in periods {
          let shown = Money.sum(sections.map { cells[$0.path]?[column]?[p.id] ?? 0 })
          cells[total.path, default: [:]][column, default: [:]][p.id] = shown
          try checkSum(total, column, p, shown, rows: kidsOf[total.path]?.count ?? 0)
        }
      }
      checkPrintedTotals(total, cells: cells)
    }
    // Display order: each section, then its rows; the totals last of their side.
    var ordered: [LayoutRow] = []
    for top in ["charges", "produits"] {
      for section in rows where section.depth == 2 && !section.isTotal && section.path.hasPrefix(top + "/") {
        ordered.append(section)
        ordered += kidsOf[section.path] ?? []
      }
      if let total = rows.first(where: { $0.path == "\(top)/total" }) { ordered.append(total) }
    }
    // Rows by column, with the total column and shares of the section's total.
    var out: [BudgetRow] = []
    for row in ordered {
      let top = String(row.path.split(separator: "/").first!)
      for column in Self.columns + ["total"] {
        var values: [String: Double] = [:]
        var shares: [String: Double] = [:]
        for p in periods {
          let v =
            column == "total"
            ? Money.sum(Self.columns.map { cells[row.path]?[$0]?[p.id] ?? 0 })
            : cells[row.path]?[column]?[p.id] ?? 0
          values[p.id] = v
          let grand = Money.sum(Self.columns.map { cells["\(top)/total"]?[$0]?[p.id] ?? 0 })
          shares[p.id] = grand == 0 ? 0 : Money.cents(v / grand * 100)
        }
        out.append(BudgetRow(path: row.path, label: row.label, labelEN: row.labelEN, budget: column, values: values, shares: shares))
      }
    }
    checkPrintedShares(out)
    return out
  }

  /// A section's rule must give the sum of its displayed rows: a row left out of a section
  /// formula is a rule-pack error, not a figure to print.
  /// `rows`: how many rows the section sums (a cent of rounding each).
  func checkSum(_ row: LayoutRow, _ column: String, _ p: Period, _ shown: Double, rows: Int) throws(DiagnosticList) {
    guard let rule = row.rules[column] else { return }
    let projected = p.monthIndices.filter { !closed[$0] }
    guard projected.count == p.monthIndices.count else { return }
    let computed = total(rule.name, projected)
    if abs(computed - shown) > 0.01 * Double(max(1, rows)) + 0.005 {
      throw DiagnosticList([
        .error(
          .scenarioSectionMismatch,
          Phrase(
            "error.scenario_section_mismatch.1",
            [
              "rule_name": .text("\(rule.name)"), "value": .text("\(Money.format(computed))"), "p_id": .text("\(p.id)"),
              "row_path": .text("\(row.path)"), "value2": .text("\(Money.format(shown))"),
            ]),
          at: rule.location)
      ])
    }
  }

  /// Every row recorded in the actuals is a row of the budget table: a path that is not
  /// would silently count as zero.
  func checkRecordedPaths(_ rows: [LayoutRow]) throws(DiagnosticList) {
    let paths = rows.map(\.path)
    var errors: [Diagnostic] = []
    for (_, a) in scenario.actuals.sorted(by: { $0.key < $1.key }) {
      for (path, shares) in a.budget.keys.map({ ($0, false) }) + a.shares.keys.map({ ($0, true) }) where !paths.contains(path) {
        let near = Phrase.suggestion(Suggestion.nearest(to: path, among: paths))
        errors.append(
          .error(
            .scenarioUnknownValue, Phrase("error.budget.unknown_row", ["path": .text(path), "near": near]),
            at: a.location(of: path, shares: shares), length: path.count))
      }
    }
    if !errors.isEmpty {
      throw DiagnosticList(
        errors.sorted {
          ($0.location!.file, $0.location!.line, $0.location!.column) < ($1.location!.file, $1.location!.line, $1.location!.column)
        })
    }
  }

  func checkPrintedTotals(_ total: LayoutRow, cells: [String: [String: [String: Double]]]) {
    for (id, a) in scenario.actuals.sorted(by: { $0.key < $1.key }) {
      guard let printed = a.budget[total.path]?["total"] else { continue }
      let sections = layout.filter { $0.depth == 2 && $0.path.hasPrefix(total.path.split(separator: "/")[0] + "/") && !$0.isTotal }
      // A section recorded without its own figure counts as the sum of its recorded lines.
      func recorded(_ s: LayoutRow, _ column: String) -> Double {
        a.budget[s.path]?[column] ?? Money.sum(children(s.path, in: layout).map { a.budget[$0.path]?[column] ?? 0 })
      }
      let sum = Money.sum(sections.flatMap { s in Self.columns.map { recorded(s, $0) } })
      if abs(printed - sum) >= 0.005 {
        warnings.append(
          .warning(
            .sourceTotalMismatch,
            Phrase(
              "diagnostic.source_total_mismatch",
              [
                "period": .text(id), "total": .bilingual(fr: total.label, en: total.labelEN ?? total.label), "printed": .euros(printed),
                "sum": .euros(sum), "difference": .euros(sum - printed),
              ]),
            at: a.location(of: total.path)))
      }
    }
  }

  func checkPrintedShares(_ rows: [BudgetRow]) {
    guard kind == .exercise else { return }
    for (id, a) in scenario.actuals.sorted(by: { $0.key < $1.key }) {
      for (path, columns) in a.shares.sorted(by: { $0.key < $1.key }) {
        for (column, printed) in columns.sorted(by: { $0.key < $1.key }) {
          guard let row = rows.first(where: { $0.path == path && $0.budget == column }), let computed = row.shares[id] else { continue }
          if abs(computed - printed) > 0.005 {
            warnings.append(
              .warning(
                .sourceShareMismatch,
                Phrase(
                  "error.source_share_mismatch.1",
                  [
                    "id": .text("\(id)"), "row_label": .text("\(row.label)"), "column": .text("\(column)"), "printed": .text("\(printed)"),
                    "computed": .text("\(computed)"),
                  ]),
                at: a.location(of: path, shares: true)))
          }
        }
      }
    }
  }

  /// For a closed exercise, where the rules project a row differently from what was recorded.
  func checkRecorded(_ rows: [BudgetRow]) {
    for (e, exercise) in timeline.exercises.enumerated() {
      guard let a = scenario.actuals[exercise.id] else { continue }
      let months = (0..<timeline.monthCount).filter { timeline.exerciseIndex[$0] == e }
      for row in layout where children(row.path, in: layout).isEmpty && !row.isTotal {
        for column in Self.columns {
          guard let rule = row.rules[column] else { continue }
          let projected = Money.cents(total(rule.name, months))
          let recorded = a.budget[row.path]?[column] ?? 0
          if projected != 0 && abs(projected - recorded) >= 0.5 {
            warnings.append(
              .warning(
                .recordedDiffersFromRules,
                Phrase(
                  "diagnostic.recorded_differs",
                  [
                    "period": .text(exercise.id), "path": .text(row.path), "label": .bilingual(fr: row.label, en: row.labelEN ?? row.label),
                    "column": .text(column), "recorded": .euros(recorded), "projected": .euros(projected),
                  ]),
                at: a.location(of: row.path)))
          }
        }
      }
    }
  }
}
