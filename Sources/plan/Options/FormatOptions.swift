import ArgumentParser
import Planner

/// The `--format` options: each command accepts the formats of one of these, and its help
/// lists exactly those.
protocol FormatOption: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension FormatOption {
  /// "table or json", "table, csv or json".
  static var help: ArgumentHelp {
    let names = allCases.map(\.rawValue)
    return ArgumentHelp(names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + CLI.messages("list.or") + names.last!)
  }
}

/// A table for a person, or JSON for programs.
enum OutputFormat: String, FormatOption { case table, json }

/// A table, CSV for spreadsheets, or JSON.
enum ReportFormat: String, FormatOption { case table, csv, json }

/// Files for analysts.
enum ExportFormat: String, FormatOption { case csv, json, xlsx }

/// An explanation: an indented tree for a person, or JSON.
enum TreeFormat: String, FormatOption { case text, json }

/// The budget's layout: the seed's, or the funders' form (CERFA n° 12156) of the rule packs.
enum BudgetLayout: String, FormatOption { case source, cerfa }
