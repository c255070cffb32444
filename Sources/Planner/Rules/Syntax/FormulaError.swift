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
    case message(id: DiagnosticID, String)
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
  public static func message(_ id: DiagnosticID, _ text: String, at range: SourceRange, notes: [Diagnostic.Note] = [])
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

  public var message: String {
    switch kind {
    case .unexpectedCharacter(let c): return "unexpected character '\(c)' in formula"
    case .unterminatedString: return "a text in quotes is not closed"
    case .badNumber(let t): return "'\(t)' is not a number"
    case .unknownUnit(let u): return "unknown unit '\(u)'; units are EUR, h, FTE, month, week, count, % and their quotients such as EUR/h"
    case .expected(let what, let found): return "expected \(what), found \(found)"
    case .emptyFormula: return "the formula is empty"
    case .message(_, let text): return text
    }
  }
}
