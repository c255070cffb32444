import ArgumentParser
import Planner
import Scenarios

/// `--lang`: the language of what a command prints and writes; without it, the
/// environment's (`LC_ALL`, `LC_MESSAGES`, `LANG`: French for `fr…`, English otherwise).
struct LanguageOptions: ParsableArguments {
  @Option(name: .customLong("lang"), help: CLI.help("help.languageoptions.language"))
  var language: Language?

  /// The words of the chosen language.
  var messages: Messages { language.map(Messages.of) ?? CLI.messages }
}

/// The language of this run, known before the arguments are parsed, for the help texts and
/// the errors of parsing: `--lang X` (or `--lang=X`) among the arguments, else the
/// environment's.
enum CLI {
  static let messages = Messages.of(language(in: CommandLine.arguments) ?? Language.fromEnvironment())

  static func language(in arguments: [String]) -> Language? {
    for (i, a) in arguments.enumerated() {
      if a == "--lang", i + 1 < arguments.count { return Language(rawValue: arguments[i + 1]) }
      if a.hasPrefix("--lang=") { return Language(rawValue: String(a.dropFirst(7))) }
    }
    return nil
  }

  /// A help text from the catalogue, in this run's language.
  static func help(_ key: String) -> ArgumentHelp { ArgumentHelp(stringLiteral: messages(key)) }
}

extension Language: ExpressibleByArgument {}

/// `--csv fr|en`: the CSV dialect (French: semicolons, decimal comma, UTF-8 with a
/// byte-order mark; English: commas, decimal point); default, the language's.
struct CSVOptions: ParsableArguments {
  @Option(
    name: .customLong("csv"), help: CLI.help("help.languageoptions.dialect")
  )
  var dialect: CSVDialect?

  func dialect(for language: Language) -> CSVDialect { dialect ?? CSVDialect(language) }
}

extension CSVDialect: ExpressibleByArgument {}
