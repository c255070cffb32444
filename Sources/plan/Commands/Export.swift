import ArgumentParser
import Foundation
import Planner
import Scenarios

extension Plan {
  /// `plan export S… [--format csv|json|xlsx] -o PATH`: projections for analysts, written
  /// atomically.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: CLI.messages("help.export"))

    @Argument(help: CLI.help("help.export.scenarios"))
    var scenarios: [String]
    @Option(help: CLI.help("help.export.format"))
    var format: ExportFormat?
    @Option(name: .shortAndLong, help: CLI.help("help.export.output"))
    var output: String
    @Option(help: CLI.help("help.export.by"))
    var by = Period.Kind.exercise
    @Option(help: CLI.help("help.export.layout"))
    var layout = BudgetLayout.source
    @OptionGroup var options: ScenarioOptions
    @OptionGroup var csv: CSVOptions

    /// The format: as given, else the file's extension's; a known extension that says
    /// another format is refused (a workbook named .csv is a trap).
    func resolvedFormat() throws -> ExportFormat {
      let ext = output == "-" ? nil : ExportFormat(rawValue: (output as NSString).pathExtension.lowercased())
      switch (format, ext) {
      case (let f?, let e?) where f != e:
        throw ValidationError(CLI.messages("error.export.extension", ["output": output, "extension": e.rawValue, "format": f.rawValue]))
      case (let f?, _): return f
      case (nil, let e?): return e
      case (nil, nil): return .csv
      }
    }

    func validate() throws {
      if try resolvedFormat() == .xlsx && output == "-" {
        throw ValidationError(CLI.messages("error.export.xlsx_stdout"))
      }
    }

    func run() throws {
      let format = try resolvedFormat()
      let m = options.messages
      let data: Data
      switch format {
      case .csv, .json:
        let projected = try diagnosing { () throws(DiagnosticList) in
          try scenarios.map { (p) throws(DiagnosticList) in try options.projectWithOrganisations(p, by: by) }
        }
        // The organisations and their consolidation are by exercise, whatever the period.
        let organisations = projected.map(\.1)
        let projections = projected.map(\.0)
        let figures = try projections.map { p -> LayoutFigures? in
          guard layout == .cerfa else { return nil }
          guard let l = p.evaluation.ruleSet.layouts["cerfa"] else {
            throw ValidationError(CLI.messages("error.layout_missing"))
          }
          return LayoutFigures(l, p)
        }
        let documents = zip(zip(projections, figures), organisations).map { pf, g in
          var d = ProjectionDocument(pf.0)
          if let g { d.organisations(g, consolidatedBudget: by == .exercise) }
          if let f = pf.1 { d.layout(f) }
          return d
        }
        let text =
          format == .csv
          ? ProjectionCSV.text(
            projections, dialect: csv.dialect(for: m.language), messages: m, layouts: figures.compactMap { $0 },
            organisations: organisations)
          : try JSONOutput.encode(documents) + "\n"
        if output == "-" {
          print(text, terminator: "")
          return
        }
        data = Data(text.utf8)
      case .xlsx:
        data = try diagnosing { () throws(DiagnosticList) in try workbook(m) }
      }
      try diagnosing { () throws(DiagnosticList) in
        try FileWriter.write(data, to: output, argument: "--output", inputs: SourceStore.shared.paths)
      }
      FileHandle.standardError.write(Data((m.count("export.wrote", scenarios.count, ["file": output]) + "\n").utf8))
    }

    /// The workbook's bytes: each scenario by exercise and by month, written by libxlsxwriter
    /// to a private temporary file, read back for the atomic write.
    func workbook(_ m: Messages) throws(DiagnosticList) -> Data {
      var loaded: [Scenario] = []
      var ruleSet: RuleSet?
      for path in scenarios {
        let (s, set) = try options.load(path)
        ruleSet = ruleSet ?? set
        loaded.append(s)
      }
      return try ProjectionWorkbook.bytes(loaded, ruleSet: ruleSet!, strict: options.strict, messages: m, output: output)
    }
  }
}
