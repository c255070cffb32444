/// A table of a rule pack (`tables:`): rows in a tree and columns, declared once; the engine
/// generates one rule per row and column when it loads the file.
///
///     tables:
///       budget:
///         unit: EUR
///         columns:
///           fonctionnement: {suffix: f, values: {share: share_f}}
///           projets: {suffix: p, values: {share: (1 - share_f)}}
///         rows:
///           charges:
///             total: Total charges
///             rows:
///               achats:
///                 label: Achats
///                 each: sum(item, amount, where line == "{row}" and budget == "{column}")
///                 rows:
///                   fournitures: Fournitures
///               charges_sociales:
///                 label: Charges sociales
///                 formula: sum(position, staff_social * {share})
///
/// A row is written `key: Label` (its formula is its parent's `each`), or as a mapping with
/// `label` and one of `rows` (a section: the sum of its rows), `formula` (a template, or one
/// per column) or nothing (its parent's `each`). A top-level part (`charges`) has no figure
/// of its own; its `total` row is the sum of its rows. The rule of row `a/b` in a column
/// with suffix `f` is `a.b.f`, with path `a/b`, the row's label, and the table and column
/// recorded. Templates may use `{row}` (the row's key), `{column}` (the column's name) and
/// the column's `values`.
///
/// `rounding: cents` makes every line's monthly values whole cents: the line's formula is
/// kept as `a.b.f.exact`, its running total in cents is `a.b.f.running` =
/// `round(cumulative(exact), 2)`, and `a.b.f` is what that total gains each month,
/// `running - previous_month(running, 0 EUR)`. Any run of months
/// then adds up to its running totals' difference, in cents, so that a period's figure is
/// the same whether its lines or its months are summed (the result of `plan run`, `explain`,
/// `solve` and `simulate` agree to the cent).
extension RuleFileReader {
  struct TableColumn {
    var name: String
    var suffix: String
    var values: [String: String]
  }

  struct TableContext {
    var table: String
    var unit: Unit
    var columns: [TableColumn]
    var cents = false
  }

  func readTables(_ node: YAMLNode) {
    attempt { () throws(DiagnosticList) in
      for (table, _, body) in try node.mapping("the tables") {
        attempt { () throws(DiagnosticList) in try readTable(table, body) }
      }
    }
  }

  private func readTable(_ table: String, _ body: YAMLNode) throws(DiagnosticList) {
    try known(body, ["description", "unit", "rounding", "columns", "rows"], "a table")
    guard let unitNode = body.value("unit"), let columnsNode = body.value("columns"), let rowsNode = body.value("rows") else {
      throw DiagnosticList([
        .error(.rulesMissingFormula, Phrase("error.rules_missing_formula.3", ["table": .text("\(table)")]), at: body.location)
      ])
    }
    var columns: [TableColumn] = []
    for (name, _, c) in try columnsNode.mapping("the table's columns") {
      try known(c, ["suffix", "values"], "a column")
      var values: [String: String] = [:]
      for (k, _, v) in try c.value("values")?.mapping("the column's values") ?? [] { values[k] = try v.string("a value") }
      columns.append(TableColumn(name: name, suffix: try c.value("suffix")?.string("a suffix") ?? name, values: values))
    }
    var context = TableContext(table: table, unit: try unit(unitNode), columns: columns)
    if let rounding = body.value("rounding") {
      guard rounding.scalarText == "cents" else {
        throw DiagnosticList([
          .error(.rulesUnknownSection, Phrase("error.rules_unknown_section.1"), at: rounding.location)
        ])
      }
      context.cents = true
    }
    for (part, partKey, partBody) in try rowsNode.mapping("the table's rows") {
      try known(partBody, ["total", "rows"], "a part of a table")
      guard let total = partBody.value("total"), let rows = partBody.value("rows") else {
        throw DiagnosticList([
          .error(.rulesMissingFormula, Phrase("error.rules_missing_formula.4", ["part": .text("\(part)")]), at: partKey.location)
        ])
      }
      var names: [[String]] = Array(repeating: [], count: columns.count)
      for (key, keyNode, row) in try rows.mapping("the rows of '\(part)'") {
        let generated = try readRow([part, key], keyNode, row, each: nil, context)
        for i in columns.indices { names[i].append(generated[i]) }
      }
      for (i, column) in columns.enumerated() {
        let (fr, en) = try Self.label(total)
        add(
          [part, "total"], column: column, label: (fr ?? "", en), formula: names[i].joined(separator: " + "),
          position: FormulaPosition(total), location: total.location, context)
      }
    }
  }

  /// Reads a row and its children; returns the name of its rule in each column.
  private func readRow(_ path: [String], _ keyNode: YAMLNode, _ row: YAMLNode, each: YAMLNode?, _ context: TableContext)
    throws(DiagnosticList) -> [String]
  {
    var context = context
    let label: (String, String?)
    var formula: YAMLNode? = each
    var children: YAMLNode?
    var childEach: YAMLNode?
    if let text = row.scalarText {
      label = (text, nil)
    } else {
      try known(row, ["label", "formula", "each", "rows", "rounding"], "a row of a table")
      // `rounding: none`: the row's months are whole cents already (amounts spread in cents),
      // for it and its rows.
      if let r = row.value("rounding") {
        guard r.scalarText == "none" || r.scalarText == "cents" else {
          throw DiagnosticList([
            .error(.rulesUnknownSection, Phrase("error.rules_unknown_section.2"), at: r.location)
          ])
        }
        context.cents = r.scalarText == "cents"
      }
      let (fr, en) = try Self.label(row.value("label"))
      label = (fr ?? path.last!, en)
      children = row.value("rows")
      childEach = row.value("each")
      if let f = row.value("formula") { formula = f }
      if children != nil && row.value("formula") != nil {
        throw DiagnosticList([
          .error(
            .rulesExpectedMapping, Phrase("error.rules_expected_mapping.1", ["value": .text("\(path.joined(separator: "/"))")]),
            at: keyNode.location)
        ])
      }
    }
    if let children {
      var names: [[String]] = Array(repeating: [], count: context.columns.count)
      var childNodes: [(String, YAMLNode, YAMLNode)] = []
      for (key, childKey, child) in try children.mapping("the rows of '\(path.joined(separator: "/"))'") {
        childNodes.append((key, childKey, child))
      }
      // Each column: the rows, then the section (the order of the declarations in a file).
      var out: [String] = []
      for (i, column) in context.columns.enumerated() {
        for (key, childKey, child) in childNodes {
          names[i].append(
            try readRow(
              path + [key], childKey, child, each: childEach,
              TableContext(table: context.table, unit: context.unit, columns: [column], cents: context.cents))[0])
        }
        out.append(
          add(
            path, column: column, label: label, formula: names[i].joined(separator: " + "), position: FormulaPosition(keyNode),
            location: keyNode.location, context))
      }
      return out
    }
    guard let formula else {
      throw DiagnosticList([
        .error(
          .rulesMissingFormula, Phrase("error.rules_missing_formula.5", ["value": .text("\(path.joined(separator: "/"))")]),
          at: keyNode.location)
      ])
    }
    var out: [String] = []
    for column in context.columns {
      let template: YAMLNode
      if formula.isMapping {
        guard let f = formula.value(column.name) else {
          throw DiagnosticList([
            .error(
              .rulesMissingFormula,
              Phrase(
                "error.rules_missing_formula.6", ["value": .text("\(path.joined(separator: "/"))"), "column_name": .text("\(column.name)")]),
              at: formula.location)
          ])
        }
        template = f
      } else {
        template = formula
      }
      var text = try substitute(try template.string("a formula"), row: path.last!, column: column, at: template)
      if context.cents {
        // The line's exact formula, then its months in whole cents (see the type's comment).
        let exact = (path + (column.suffix.isEmpty ? [] : [column.suffix])).joined(separator: ".") + ".exact"
        self.out.rules.append(
          .init(
            name: exact, entity: nil, entityLocation: nil, type: .number(context.unit),
            description: "The line's exact amount, before its months are made whole cents.", formula: text,
            formulaPosition: FormulaPosition(template), location: keyNode.location))
        // Its running total in cents, and the line the cents that total gains each month.
        let running = (path + (column.suffix.isEmpty ? [] : [column.suffix])).joined(separator: ".") + ".running"
        self.out.rules.append(
          .init(
            name: running, entity: nil, entityLocation: nil, type: .number(context.unit),
            description: "The line's running total, rounded to the cent.", formula: "round(cumulative(\(exact)), 2)",
            formulaPosition: FormulaPosition(keyNode), location: keyNode.location))
        text = "\(running) - previous_month(\(running), 0 \(context.unit))"
        out.append(
          add(path, column: column, label: label, formula: text, position: FormulaPosition(keyNode), location: keyNode.location, context))
        self.out.rules[self.out.rules.count - 1].centsOf = exact
        continue
      }
      out.append(
        add(path, column: column, label: label, formula: text, position: FormulaPosition(template), location: keyNode.location, context))
    }
    return out
  }

  /// Replaces `{row}`, `{column}` and the column's values in a template.
  private func substitute(_ template: String, row: String, column: TableColumn, at node: YAMLNode) throws(DiagnosticList) -> String {
    var values = column.values
    values["row"] = row
    values["column"] = column.name
    var out = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      guard let close = rest[open...].firstIndex(of: "}") else { break }
      let name = String(rest[rest.index(after: open)..<close])
      guard let value = values[name] else {
        let near = Phrase.suggestion(Suggestion.nearest(to: name, among: Array(values.keys)).map { "{" + $0 + "}" })
        let known = values.keys.sorted().map { "{" + $0 + "}" }
        throw DiagnosticList([
          .error(
            .rulesUnknownReference,
            Phrase("error.rules.unknown_placeholder", ["name": .text("{" + name + "}"), "known": .list(known), "near": near]),
            at: node.location)
        ])
      }
      out += value
      rest = rest[rest.index(after: close)...]
    }
    return out + rest
  }

  @discardableResult
  private func add(
    _ path: [String], column: TableColumn, label: (String, String?), formula: String, position: FormulaPosition,
    location: SourceLocation, _ context: TableContext
  ) -> String {
    let name = (path + (column.suffix.isEmpty ? [] : [column.suffix])).joined(separator: ".")
    out.rules.append(
      .init(
        name: name, entity: nil, entityLocation: nil, type: .number(context.unit), description: nil, formula: formula,
        formulaPosition: position, location: location, label: label.0, group: nil, source: nil, path: path.joined(separator: "/"),
        table: context.table, column: column.name))
    out.rules[out.rules.count - 1].labelEN = label.1
    return name
  }

  func known(_ node: YAMLNode, _ keys: [String], _ what: String) throws(DiagnosticList) {
    for (key, keyNode, _) in try node.mapping(what) where !keys.contains(key) {
      let near = Phrase.suggestion(Suggestion.nearest(to: key, among: keys))
      throw DiagnosticList([
        .error(
          .rulesUnknownSection,
          Phrase("error.rules.unknown_field", ["key": .text(key), "what": .what(what), "keys": .list(keys), "near": near]),
          at: keyNode.location, length: key.count)
      ])
    }
  }
}
