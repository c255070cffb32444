import ArgumentParser
import Foundation
import Planner
import Scenarios

extension Plan {
  /// `plan export S… --format csv|json -o PATH`: projections for analysts, written atomically.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write projections for analysts: tidy CSV or JSON, to a temporary file then renamed.")

    @Argument(help: "Scenario files (YAML).")
    var scenarios: [String]
    @Option(help: ExportFormat.help)
    var format = ExportFormat.csv
    @Option(name: .shortAndLong, help: "The file to write (- for the standard output).")
    var output: String
    @Option(help: "exercise, year or month.")
    var by = Period.Kind.exercise
    @OptionGroup var options: ScenarioOptions

    func run() throws {
      let projections = try diagnosing { () throws(DiagnosticList) in
        try scenarios.map { (p) throws(DiagnosticList) in try options.project(p, by: by) }
      }
      let text: String
      switch format {
      case .csv: text = ([ProjectionCSV.header] + projections.flatMap(ProjectionCSV.rows)).joined(separator: "\n") + "\n"
      case .json: text = try JSONOutput.encode(projections.map(ProjectionDocument.init)) + "\n"
      }
      if output == "-" {
        print(text, terminator: "")
        return
      }
      try diagnosing { () throws(DiagnosticList) in
        try FileWriter.write(text, to: output, argument: "--output", inputs: SourceStore.shared.paths)
      }
      FileHandle.standardError.write(Data("wrote \(output) (\(projections.count) scenarios)\n".utf8))
    }
  }
}
