import CSV
import Foundation
import Planner

/// One case of `plan cost` in a batch: the question, where it was written (a row of a file,
/// or a point of a grid of options), and its name.
public struct CostCase: Sendable {
  public var name: String
  public var query: CostQuery
  /// The row of the cases file (`nil` for a case of a grid of options).
  public var location: SourceLocation?

  /// A row of a cases file that could not be read: its name (its `case`, or its number) and
  /// why, at its column.
  public struct Unread: Sendable {
    public var name: String
    public var location: SourceLocation
    public var errors: [Diagnostic]
  }
}

/// The cases of `plan cost --cases FILE`: one position a row of a CSV file whose header
/// names the columns (comma or semicolon separated, UTF-8), or one object of a JSON array,
/// with the options' names (`contract`, `month`, `gross`, `hours`, …). A value that cannot
/// be read is refused at its own row and column with what is allowed; the other rows are
/// read all the same.
public enum CostCases {
  /// The columns, as the options of `plan cost` (`at_rate` and `aid_rate` in percent, as
  /// `--at-rate` and `--aid-rate`; `indemnity` false for `--no-indemnity`).
  public static let columns = [
    "case", "contract", "month", "gross", "hours", "category", "employer", "vat", "headcount", "at_rate", "indemnity", "cdi_follows",
    "duration", "research", "aid", "aid_rate", "market_sector",
  ]
  static let required = ["contract", "month", "gross"]
  /// At most this many cases in one call.
  public static let maximum = 100_000

  /// Reads the cases; the rule packs give the contracts, categories, employers and aids
  /// allowed.
  /// - Returns: the cases read, and the rows that could not be (each error at its row and
  ///   column).
  /// - Throws: a file that cannot be read, has no case, or lacks a required column.
  public static func read(_ path: String, ruleSet: RuleSet) throws(DiagnosticList) -> ([CostCase], unread: [CostCase.Unread]) {
    var text = try YAMLFileLoader.read(path)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let rows: [(fields: [String: (String, SourceLocation)], location: SourceLocation)]
    if path.lowercased().hasSuffix(".json") {
      rows = try json(try YAMLDocument.parse(text, path: path).root)
    } else {
      rows = try csv(text, path: path)
    }
    guard !rows.isEmpty else { throw DiagnosticList([.error(.costCases, Phrase("error.cases.empty", ["path": .text(path)]))]) }
    guard rows.count <= maximum else {
      throw DiagnosticList([
        .error(.costCases, Phrase("error.cases.too_many", ["count": .integer(rows.count), "maximum": .integer(maximum)]))
      ])
    }
    var cases: [CostCase] = [], unread: [CostCase.Unread] = []
    for (i, row) in rows.enumerated() {
      do throws(DiagnosticList) {
        cases.append(try read(row.fields, at: row.location, ordinal: i + 1, ruleSet: ruleSet))
      } catch {
        let name = row.fields["case"].map(\.0).flatMap { $0.isEmpty ? nil : $0 } ?? String(i + 1)
        unread.append(CostCase.Unread(name: name, location: row.location, errors: error.diagnostics))
      }
    }
    return (cases, unread)
  }

  /// A CSV file: its header, then one case a row; a row's location is its first field, a
  /// value's its own field.
  static func csv(_ text: String, path: String) throws(DiagnosticList) -> [(
    fields: [String: (String, SourceLocation)], location: SourceLocation
  )] {
    let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
    // The separator: a semicolon when the header has more of them than commas (a French
    // spreadsheet's export).
    let delimiter: UnicodeScalar = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
    let reader: CSVReader
    do {
      reader = try CSVReader(string: text, hasHeaderRow: true, delimiter: delimiter)
    } catch {
      throw DiagnosticList([
        .error(.costCases, Phrase("error.cases.csv", ["detail": .text("\(error)")]), at: SourceLocation(file: path, line: 1, column: 1))
      ])
    }
    let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    try checkColumns(header, at: { SourceLocation(file: path, line: 1, column: fieldColumn(lines[0], $0, delimiter)) })
    var out: [(fields: [String: (String, SourceLocation)], location: SourceLocation)] = []
    // The line a row starts on: after the header, one a row plus the line breaks inside its
    // quoted fields.
    var line = 2
    while let row = reader.next() {
      defer { line += 1 + row.reduce(0) { $0 + $1.filter { $0 == "\n" }.count } }
      if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
      let raw = line - 1 < lines.count ? lines[line - 1] : ""
      var fields: [String: (String, SourceLocation)] = [:]
      for (k, value) in row.enumerated() where k < header.count && !header[k].isEmpty {
        fields[header[k]] = (
          value.trimmingCharacters(in: .whitespaces), SourceLocation(file: path, line: line, column: fieldColumn(raw, k, delimiter))
        )
      }
      out.append((fields, SourceLocation(file: path, line: line, column: 1)))
    }
    if let error = reader.error {
      throw DiagnosticList([
        .error(.costCases, Phrase("error.cases.csv", ["detail": .text("\(error)")]), at: SourceLocation(file: path, line: line, column: 1))
      ])
    }
    return out
  }

  /// The column (1-based, in characters) where field `k` of a CSV line starts.
  static func fieldColumn(_ line: String, _ k: Int, _ delimiter: UnicodeScalar) -> Int {
    var field = 0, quoted = false, column = 1
    for c in line {
      if field == k { return column }
      if c == "\"" { quoted.toggle() } else if !quoted && c.unicodeScalars.first == delimiter { field += 1 }
      column += 1
    }
    return field == k ? column : 1
  }

  /// A JSON array of objects, located through the YAML reader (JSON is YAML).
  static func json(_ root: YAMLNode) throws(DiagnosticList) -> [(fields: [String: (String, SourceLocation)], location: SourceLocation)] {
    guard root.isSequence else { throw DiagnosticList([.error(.costCases, Phrase("error.cases.json_array"), at: root.location)]) }
    var out: [(fields: [String: (String, SourceLocation)], location: SourceLocation)] = []
    for e in try root.sequence("the cases") {
      guard e.isMapping else { throw DiagnosticList([.error(.costCases, Phrase("error.cases.json_array"), at: e.location)]) }
      let entries = try e.mapping("a case")
      try checkColumns(entries.map(\.key), at: { entries.indices.contains($0) ? entries[$0].keyNode.location : e.location })
      var fields: [String: (String, SourceLocation)] = [:]
      for entry in entries { fields[entry.key] = (entry.value.scalarText ?? "", entry.value.location) }
      out.append((fields, e.location))
    }
    return out
  }

  static func checkColumns(_ header: [String], at location: (Int) -> SourceLocation) throws(DiagnosticList) {
    for (k, name) in header.enumerated() where !name.isEmpty && !columns.contains(name) {
      throw DiagnosticList([
        .error(
          .costCases,
          Phrase(
            "error.cases.unknown_column",
            ["column": .text(name), "list": .list(columns), "near": Phrase.suggestion(Suggestion.nearest(to: name, among: columns))]),
          at: location(k))
      ])
    }
    for name in required where !header.contains(name) {
      throw DiagnosticList([
        .error(.costCases, Phrase("error.cases.missing_column", ["column": .text(name), "list": .list(required)]), at: location(0))
      ])
    }
  }

  /// One row as a question; every value checked as the option of the same name is.
  static func read(_ fields: [String: (String, SourceLocation)], at location: SourceLocation, ordinal: Int, ruleSet: RuleSet)
    throws(DiagnosticList) -> CostCase
  {
    func refuse(_ column: String, _ phrase: Phrase) -> DiagnosticList {
      DiagnosticList([.error(.costCases, phrase, at: fields[column]?.1 ?? location)])
    }
    func text(_ column: String) -> String? {
      guard let v = fields[column]?.0, !v.isEmpty else { return nil }
      return v
    }
    func required(_ column: String) throws(DiagnosticList) -> String {
      guard let v = text(column) else {
        throw refuse(column, Phrase("error.cases.required", ["column": .text(column), "list": .list(Self.required)]))
      }
      return v
    }
    func number(_ column: String, _ range: ClosedRange<Double>, positive: Bool = false) throws(DiagnosticList) -> Double? {
      guard let raw = text(column) else { return nil }
      guard let x = parseNumber(raw), x.isFinite, range.contains(x), !positive || x > 0 else {
        throw refuse(
          column,
          Phrase(
            "error.cases.number",
            [
              "column": .text(column), "value": .text(raw), "from": .number(range.lowerBound, digits: 0),
              "to": .number(range.upperBound, digits: 0),
            ]))
      }
      return x
    }
    func flag(_ column: String) throws(DiagnosticList) -> Bool? {
      guard let raw = text(column) else { return nil }
      switch raw.lowercased() {
      case "true", "yes", "oui", "1", "vrai": return true
      case "false", "no", "non", "0", "faux": return false
      default: throw refuse(column, Phrase("error.cases.flag", ["column": .text(column), "value": .text(raw)]))
      }
    }
    func category(_ column: String, _ input: String, default value: String) throws(DiagnosticList) -> String {
      let v = text(column) ?? value
      guard let allowed = ruleSet.input(input)?.categories else { return v }
      guard allowed.contains(v) else {
        throw refuse(
          column,
          Phrase(
            "error.cases.category",
            [
              "column": .text(column), "value": .text(v), "list": .list(allowed),
              "near": Phrase.suggestion(Suggestion.nearest(to: v, among: allowed)),
            ]))
      }
      return v
    }
    let contract = try category("contract", "position.contract", default: try required("contract"))
    let monthText = try required("month")
    guard let month = Month(parsing: monthText) else {
      throw refuse("month", Phrase("error.cases.month", ["column": .text("month"), "value": .text(monthText)]))
    }
    _ = try required("gross")
    let gross = try number("gross", 0...Limits.amount)!
    let hours = try number("hours", 0...Limits.hoursPerMonth, positive: true)
    let headcount = try number("headcount", 0...1_000_000)
    if let h = headcount, h != h.rounded() {
      throw refuse(
        "headcount",
        Phrase(
          "error.cases.number",
          [
            "column": .text("headcount"), "value": .text(text("headcount")!), "from": .number(0, digits: 0),
            "to": .number(1_000_000, digits: 0),
          ]))
    }
    let duration = try number("duration", 1...600)
    let aid = try category("aid", "position.aid", default: "none")
    let aidRate = try number("aid_rate", 0...100)
    if aidRate != nil && aid != "cui-cae" { throw refuse("aid_rate", Phrase("error.cost.aid_rate_alone")) }
    if aidRate == nil && aid == "cui-cae" { throw refuse("aid", Phrase("error.cost.aid_rate_needed")) }
    let query = CostQuery(
      contract: contract, gross: gross, month: month, hours: hours,
      category: try category("category", "position.category", default: "non-cadre"),
      employer: try category("employer", "employer", default: "association"), vatLiable: try flag("vat") ?? false,
      headcount: Int(headcount ?? 3), atRate: try number("at_rate", 0...100).map { $0 / 100 }, indemnityDue: try flag("indemnity") ?? true,
      duration: duration.map { Int($0) }, research: try flag("research") ?? false, aid: aid, aidRate: aidRate.map { $0 / 100 },
      marketSector: try flag("market_sector") ?? false, cdiFollows: try flag("cdi_follows") ?? false)
    return CostCase(name: text("case") ?? String(ordinal), query: query, location: location)
  }

  /// A number as a spreadsheet writes it: `2400.50`, `2 400,50`, `2400,5`, with an optional
  /// `%` (the percentages are in percent already).
  public static func parseNumber(_ raw: String) -> Double? {
    var s = raw.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" && $0 != "€" && $0 != "%" }
    if s.contains(",") && !s.contains(".") { s = s.replacingOccurrences(of: ",", with: ".") }
    return Double(s)
  }
}
