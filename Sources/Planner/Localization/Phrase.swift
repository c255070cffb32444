/// Words to say in the reader's language: a catalogue key and its arguments, kept typed so
/// that each language writes its numbers, money and months its own way
/// (`Messages.callAsFunction(_:)` renders one). Diagnostics carry one, so that an error
/// found by the engine reads in French for a French user.
public struct Phrase: Sendable, Hashable {
  /// One argument of a phrase, written by the language at rendering time.
  public enum Argument: Sendable, Hashable {
    /// A text as it is (an id, a file's path, a name read from a file).
    case text(String)
    /// An amount of euros with its unit (`1 234,56 €` / `€1,234.56`).
    case euros(Double)
    /// A number with `digits` decimals, grouped (`1 234,5`).
    case number(Double, digits: Int)
    /// A whole number, grouped.
    case integer(Int)
    /// A share as a percentage (`12,3 %`).
    case percent(Double)
    /// A month (`janv. 2012`).
    case month(Month)
    /// A count of months (`13 mois`), never a date.
    case months(Int)
    /// Another phrase, rendered in the same language.
    indirect case phrase(Phrase)
    /// Texts joined with commas.
    case list([String])
    /// A text that a rule pack gives in both languages (a rule's label): `fr`, `en`.
    case bilingual(fr: String, en: String)
    /// What a file reader expected (`a formula`, `the rules`): the catalogue's `what.…`
    /// entry in the language, or the English text when it has none.
    case what(String)
  }

  public var key: String
  public var arguments: [String: Argument]

  public init(_ key: String, _ arguments: [String: Argument] = [:]) {
    self.key = key
    self.arguments = arguments
  }

  /// `; did you mean 'x'?` when there is a nearest name, nothing otherwise: an argument to
  /// end a message with (`{near}`).
  public static func suggestion(_ near: String?) -> Argument {
    near.map { .phrase(Phrase("diagnostic.did_you_mean", ["name": .text($0)])) } ?? .text("")
  }
}

extension Messages {
  /// A phrase in this language.
  public func callAsFunction(_ phrase: Phrase) -> String {
    self(phrase.key, phrase.arguments.mapValues(render))
  }

  /// One argument in this language.
  public func render(_ argument: Phrase.Argument) -> String {
    switch argument {
    case .text(let s): s
    case .euros(let x): euros(x)
    case .number(let x, let digits): number(x, digits: digits)
    case .integer(let n): integer(n)
    case .percent(let p): percent(p)
    case .month(let m): month(m)
    case .months(let n): months(n)
    case .phrase(let p): self(p)
    case .list(let items): items.joined(separator: ", ")
    case .bilingual(let fr, let en): language == .fr ? fr : en
    case .what(let text): lookup("what.\(text)") ?? text
    }
  }
}
