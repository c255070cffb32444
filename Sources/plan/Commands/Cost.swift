import ArgumentParser
import Foundation
import Planner
import Scenarios

extension Plan {
  /// `plan cost`: what one position costs its employer in a month, line by line.
  struct Cost: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: CLI.messages("help.cost"))

    @Option(help: CLI.help("help.cost.contract"))
    var contract: String?
    @Option(help: CLI.help("help.cost.gross"))
    var gross: String?
    @Option(help: CLI.help("help.cost.month"))
    var month: String?
    @Option(help: CLI.help("help.cost.hours"))
    var hours: String?
    @Option(help: CLI.help("help.cost.category"))
    var category = "non-cadre"
    @Option(help: CLI.help("help.cost.employer"))
    var employer = "association"
    @Flag(help: CLI.help("help.cost.vat"))
    var vat = false
    @Option(help: CLI.help("help.cost.headcount"))
    var headcount = "3"
    @Option(name: .customLong("at-rate"), help: CLI.help("help.cost.atRate"))
    var atRate: Double?
    @Flag(name: .customLong("no-indemnity"), help: CLI.help("help.cost.noIndemnity"))
    var noIndemnity = false
    @Flag(
      name: .customLong("cdi-follows"),
      help: CLI.help("help.cost.cdiFollows"))
    var cdiFollows = false
    @Option(
      help: CLI.help("help.cost.duration")
    )
    var duration: Int?
    @Flag(help: CLI.help("help.cost.research"))
    var research = false
    @Option(help: CLI.help("help.cost.aid"))
    var aid = "none"
    @Option(
      name: .customLong("aid-rate"), help: CLI.help("help.cost.aidRate"))
    var aidRate: Double?
    @Flag(
      name: .customLong("market-sector"),
      help: CLI.help("help.cost.marketSector"))
    var marketSector = false
    @Option(help: CLI.help("help.cost.cases"))
    var cases: String?
    @Option(help: CostFormat.help)
    var format = CostFormat.table
    @Option(name: .shortAndLong, help: CLI.help("help.cost.output"))
    var output: String?
    @Option(help: CLI.help("help.cost.explain"))
    var explain: String?
    @OptionGroup var rules: RulesOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var csv: CSVOptions

    func validate() throws {
      if cases != nil {
        for (name, value) in [("--contract", contract), ("--gross", gross), ("--month", month)] where value != nil {
          throw ValidationError(CLI.messages("error.cost.cases_and_option", ["option": name]))
        }
      } else {
        for (name, value) in [("--contract", contract), ("--gross", gross), ("--month", month)] where value == nil {
          throw ValidationError(CLI.messages("error.cost.missing", ["option": name]))
        }
      }
      if let atRate {
        guard atRate.isFinite, (0...100).contains(atRate) else { throw ValidationError(CLI.messages("error.cost.at_rate")) }
      }
      if let duration {
        guard (1...600).contains(duration) else { throw ValidationError(CLI.messages("error.cost.duration")) }
      }
      if let aidRate {
        guard aidRate.isFinite, (0...100).contains(aidRate) else { throw ValidationError(CLI.messages("error.cost.aid_rate")) }
        guard aid == "cui-cae" else {
          throw ValidationError(CLI.messages("error.cost.aid_rate_alone"))
        }
      } else if aid == "cui-cae" && cases == nil {
        throw ValidationError(CLI.messages("error.cost.aid_rate_needed"))
      }
      if format == .xlsx && output == nil { throw ValidationError(CLI.messages("error.cost.xlsx_output")) }
      // The options' values, each refused by its option's name.
      if cases == nil { _ = try grid() }
    }

    /// The cases the options give: every combination of their values (one, a list or a range).
    func grid() throws -> [CostCase] {
      func values<T>(_ body: () throws(CostGrid.Refusal) -> T) throws -> T {
        do { return try body() } catch { throw ValidationError(CLI.messages(error.phrase)) }
      }
      let grosses = try values { () throws(CostGrid.Refusal) in
        try CostGrid.numbers(gross!, option: "--gross", range: 0...Limits.amount)
      }
      let hours: [Double?] =
        try self.hours.map { h in
          try values { () throws(CostGrid.Refusal) in
            try CostGrid.numbers(h, option: "--hours", range: 0...Limits.hoursPerMonth, positive: true)
          }
        } ?? [nil]
      let headcounts = try values { () throws(CostGrid.Refusal) in
        try CostGrid.numbers(headcount, option: "--headcount", range: 0...1_000_000)
      }
      guard headcounts.allSatisfy({ $0 == $0.rounded() }) else { throw ValidationError(CLI.messages("error.cost.headcount")) }
      let months = try values { () throws(CostGrid.Refusal) in try CostGrid.months(month!) }
      let template = CostQuery(
        contract: "", gross: 0, month: months[0], category: category, employer: employer, vatLiable: vat,
        atRate: atRate.map { $0 / 100 }, indemnityDue: !noIndemnity, duration: duration, research: research, aid: aid,
        aidRate: aidRate.map { $0 / 100 }, marketSector: marketSector, cdiFollows: cdiFollows)
      return try values { () throws(CostGrid.Refusal) in
        try CostGrid.cases(
          contracts: CostGrid.list(contract!), categories: CostGrid.list(category), employers: CostGrid.list(employer),
          headcounts: headcounts, hours: hours, grosses: grosses, months: months, template: template, messages: language.messages)
      }
    }

    func run() throws {
      let m = language.messages
      let all = try cases == nil ? grid() : []
      // One case, for a person or a program: its lines with their sources, or one line explained.
      if cases == nil, all.count == 1, output == nil, format == .table || format == .json {
        try single(all[0].query)
        return
      }
      if explain != nil { throw ValidationError(CLI.messages("error.cost.explain_one")) }
      let batch = try diagnosing { () throws(DiagnosticList) -> CostBatch in
        let set = try rules.load()
        var list = all, unread: [CostCase.Unread] = []
        if let cases { (list, unread) = try CostCases.read(cases, ruleSet: set) }
        return try CostBatch.run(list, unread: unread, ruleSet: set, strict: rules.strict)
      }
      let printer = DiagnosticPrinter(compact: true, messages: m)
      printer.print(batch.warnings)
      let data: Data
      switch format {
      case .table: data = Data(CostTable.render(batch, m: m).utf8)
      case .json: data = Data((try JSONOutput.encode(CostBatch.Document(batch, messages: m)) + "\n").utf8)
      case .csv: data = Data(batch.csv(dialect: csv.dialect(for: m.language), messages: m).utf8)
      case .xlsx:
        data = try diagnosing { () throws(DiagnosticList) in try CostWorkbook.bytes(batch, messages: m, output: output!) }
      }
      if let output {
        try diagnosing { () throws(DiagnosticList) in
          try FileWriter.write(data, to: output, argument: "--output", inputs: SourceStore.shared.paths)
        }
        print(m("cost.batch.wrote", ["path": output, "count": m.integer(batch.rows.count)]))
      } else {
        FileHandle.standardOutput.write(data)
      }
      // The rows refused, each at its own row; the others are answered above.
      let errors = batch.errors
      if !errors.isEmpty {
        printer.print(errors)
        throw ExitCode(1)
      }
    }

    /// One case: the table of its lines with their sources (or one line explained).
    func single(_ query: CostQuery) throws {
      if let explain {
        let n = try diagnosing { () throws(DiagnosticList) in
          try PositionCost.explain(explain, query, ruleSet: try rules.load(), messages: language.messages)
        }
        print(format == .json ? try ExplanationRenderer.json(n) : ExplanationRenderer.text(n, messages: language.messages))
        return
      }
      let (report, warnings, set) = try diagnosing { () throws(DiagnosticList) in
        let set = try rules.load()
        let (report, warnings) = try PositionCost.compute(query, ruleSet: set, strict: rules.strict)
        return (report, warnings, set)
      }
      DiagnosticPrinter(compact: true, messages: language.messages).print(warnings)
      print(format == .json ? try JSONOutput.encode(report) : CostTable.render(report, ruleSet: set, m: language.messages))
    }
  }
}

/// `plan cost`'s formats: a table for a person, JSON, CSV or an XLSX workbook (with
/// `--output`) for analysts.
enum CostFormat: String, FormatOption { case table, json, csv, xlsx }
