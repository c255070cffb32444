/// Another layout of a table's figures (`layouts:` in a rule pack): a tree of rows, each
/// line summing rows of the table (`from`), with an account and labels in French and English.
/// A funder's form (the CERFA n° 12156 budget) is one: every line of the table goes to
/// exactly one of its lines, so that its totals are the table's.
///
///     layouts:
///       cerfa:
///         table: budget
///         title: {fr: "Budget (CERFA n° 12156)", en: "Budget (CERFA form 12156)"}
///         parts:
///           charges:
///             total: {fr: Total des charges, en: Total expenses}
///             rows:
///               - {account: "60", label: {fr: 60 – Achats, en: 60 – Purchases}, rows: [
///                   {account: "604", label: …, from: [charges/charges_externes/prestataires_externes]}]}
public struct Layout: Sendable {
  public struct Row: Sendable {
    /// The account (`60`, `604`, `74`), as the form prints it.
    public var account: String
    public var label: String
    public var labelEN: String?
    /// The table's rows this line sums (a heading: empty, it sums its rows).
    public var from: [String]
    public var rows: [Row]
    public var location: SourceLocation

    public func label(in language: String) -> String { language == "en" ? (labelEN ?? label) : label }
  }

  public struct Part: Sendable {
    /// `charges` or `produits`: the table's part whose rows it lays out.
    public var name: String
    /// The part's total's label; none for a part whose rows are not added up (86 and 87 are
    /// the two sides of the same contributions).
    public var total: String?
    public var totalEN: String?
    public var rows: [Row]
  }

  public var name: String
  public var table: String
  public var title: String
  public var titleEN: String?
  public var parts: [Part]
  /// A note printed with the layout (how a figure was placed, what is valued how).
  public var note: String?
  public var noteEN: String?
  public var location: SourceLocation
}

extension RuleFileReader {
  func readLayouts(_ node: YAMLNode) {
    attempt { () throws(DiagnosticList) in
      for (name, keyNode, body) in try node.mapping("the layouts") {
        attempt { () throws(DiagnosticList) in
          try known(body, ["table", "title", "note", "parts"], "a layout")
          guard let table = body.value("table"), let parts = body.value("parts"), let title = body.value("title") else {
            throw DiagnosticList([
              .error(.rulesMissingFormula, Phrase("error.rules_missing_formula.1", ["name": .text("\(name)")]), at: keyNode.location)
            ]
            )
          }
          let (t, tEN) = try Self.label(title)
          let (n, nEN) = try Self.label(body.value("note"))
          var layout = Layout(
            name: name, table: try table.string("a table's name"), title: t ?? name, titleEN: tEN, parts: [], note: n, noteEN: nEN,
            location: keyNode.location)
          for (part, _, partBody) in try parts.mapping("the layout's parts") {
            try known(partBody, ["total", "rows"], "a part of a layout")
            let (total, totalEN) = try Self.label(partBody.value("total"))
            layout.parts.append(
              Layout.Part(
                name: part, total: total, totalEN: totalEN,
                rows: try (partBody.value("rows")?.sequence("the rows of a layout") ?? []).map(readLayoutRow)))
          }
          out.layouts.append(layout)
        }
      }
    }
  }

  private func readLayoutRow(_ node: YAMLNode) throws(DiagnosticList) -> Layout.Row {
    try known(node, ["account", "label", "from", "rows"], "a row of a layout")
    guard let account = node.value("account") else {
      throw DiagnosticList([.error(.rulesMissingFormula, Phrase("error.rules_missing_formula.2"), at: node.location)])
    }
    let (label, labelEN) = try Self.label(node.value("label"))
    let from = try (node.value("from")?.sequence("the table's rows it sums") ?? []).map { (n) throws(DiagnosticList) in
      try n.string("a row's path")
    }
    let rows = try (node.value("rows")?.sequence("the rows of a layout") ?? []).map(readLayoutRow)
    return Layout.Row(
      account: try account.string("an account"), label: label ?? "", labelEN: labelEN, from: from, rows: rows, location: node.location)
  }
}
