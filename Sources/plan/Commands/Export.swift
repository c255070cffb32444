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
    @Option(help: "csv or json.")
    var format = ExportFormat.csv
    @Option(name: .shortAndLong, help: "The file to write (- for the standard output).")
    var output: String
    @Option(help: "exercise, year or month.")
    var by = Period.Kind.exercise
    @OptionGroup var options: ScenarioOptions

    func run() throws {
      var projections: [Projection] = []
      var read: [String] = []
      for path in scenarios {
        let (projection, printer) = try options.project(path, by: by)
        projections.append(projection)
        read += printer.sources.keys
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
      do throws(DiagnosticList) { try FileWriter.write(text, to: output, argument: "--output", inputs: read) } catch {
        DiagnosticPrinter(sources: [:]).print(error.diagnostics)
        throw ExitCode.failure
      }
      FileHandle.standardError.write(Data("wrote \(output) (\(projections.count) scenarios)\n".utf8))
    }
  }
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
  case csv, json
}
