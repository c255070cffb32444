import ArgumentParser
import Scenarios

/// `--lang`: the language of what a command prints and writes; without it, the
/// environment's (`LC_ALL`, `LC_MESSAGES`, `LANG`: French for `fr…`, English otherwise).
struct LanguageOptions: ParsableArguments {
  @Option(name: .customLong("lang"), help: "fr or en (default: from LC_ALL, LC_MESSAGES or LANG).")
  var language: Language?

  /// The words of the chosen language.
  var messages: Messages { Messages.of(language ?? Language.fromEnvironment()) }
}

extension Language: ExpressibleByArgument {}

/// `--csv fr|en`: the CSV dialect (French: semicolons, decimal comma, UTF-8 with a
/// byte-order mark; English: commas, decimal point); default, the language's.
struct CSVOptions: ParsableArguments {
  @Option(
    name: .customLong("csv"), help: "fr (semicolons, decimal comma, UTF-8 with BOM) or en (commas, decimal point); default: the language's."
  )
  var dialect: CSVDialect?

  func dialect(for language: Language) -> CSVDialect { dialect ?? CSVDialect(language) }
}

extension CSVDialect: ExpressibleByArgument {}
