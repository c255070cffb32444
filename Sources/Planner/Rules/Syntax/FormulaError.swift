/// An error inside one formula, located by offset in the formula text; the rule loader
/// maps it back to a file, line and column.
public struct FormulaError: Error, Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case unexpectedCharacter(String)
    case unterminatedString
    case badNumber(String)
    case unknownUnit(String)
    case expected(String, found: String)
    case emptyFormula
    case message(id: DiagnosticID, Phrase)
  }

  public var kind: Kind
  public var offset: Int
  public var length: Int
  public var notes: [Diagnostic.Note]

  public init(_ kind: Kind, offset: Int, length: Int = 1, notes: [Diagnostic.Note] = []) {
    self.kind = kind
    self.offset = offset
    self.length = length
    self.notes = notes
  }

  /// A type or reference error with its own id and message.
  public static func message(_ id: DiagnosticID, _ text: Phrase, at range: SourceRange, notes: [Diagnostic.Note] = [])
    -> FormulaError
  {
    FormulaError(.message(id: id, text), offset: range.offset, length: range.length, notes: notes)
  }

  public var id: DiagnosticID {
    switch kind {
    case .unexpectedCharacter: return .rulesSyntax
    case .unterminatedString: return .rulesSyntax
    case .badNumber: return .rulesSyntax
    case .unknownUnit: return .rulesUnknownUnit
    case .expected: return .rulesSyntax
    case .emptyFormula: return .rulesEmptyFormula
    case .message(let id, _): return id
    }
  }

  /// The message in English.
  public var message: String { Messages.of(.en)(phrase) }

  /// The message as a catalogue phrase, for the reader's language.
  public var phrase: Phrase {
    switch kind {
    case .unexpectedCharacter(let c): Phrase("error.formula.unexpected_character", ["character": .text(c)])
    case .unterminatedString: Phrase("error.formula.unterminated_string")
    case .badNumber(let t): Phrase("error.formula.bad_number", ["text": .text(t)])
    case .unknownUnit(let u): Phrase("error.formula.unknown_unit", ["unit": .text(u)])
    case .expected(let what, let found): Phrase("error.formula.expected", ["what": .what(what), "found": .what(found)])
    case .emptyFormula: Phrase("error.formula.empty")
    case .message(_, let phrase): phrase
    }
  }
}
