/// A number written by a user, with its unit: `1820`, `-3.5`, `1_000`, `5000 EUR`,
/// `35 h/week`, `1.1 %`, `2e-3`.
///
/// The one grammar for numbers in every file and argument (rule packs, their examples,
/// scenarios, `solve` targets): the formula lexer's number token, with an optional sign in
/// front. `%` scales by 0.01; non-finite values (`nan`, `inf`, `1e999`) are refused.
public struct Literal: Sendable, Equatable {
  /// The value, already scaled (`1 %` is 0.01).
  public var value: Double
  /// The unit written after the number (`%` is dimensionless), if any.
  public var unit: Unit?
  /// The unit as written, if any.
  public var unitText: String?

  /// Why a text is not a literal, in words for a message.
  public enum Problem: Error, Sendable, Equatable {
    case notANumber
    case notFinite
    case unknownUnit(String)
  }

  /// Parses `text` whole; spaces around it, `_` between digits and a non-breaking space
  /// before the unit are allowed.
  public static func parse(_ text: String) -> Result<Literal, Problem> {
    // (Only a text with a non-ASCII byte can hold those spaces: the replacing is slow.)
    let spaced = text.utf8.contains { $0 >= 0x80 } ? text.replacing("\u{a0}", with: " ").replacing("\u{202f}", with: " ") : text
    var t = Substring(spaced)
    while t.first?.isWhitespace == true { t.removeFirst() }
    var sign = 1.0
    if let c = t.first, c == "-" || c == "−" || c == "+" {
      if c != "+" { sign = -1 }
      t.removeFirst()
    }
    guard let tokens = try? Lexer.tokenize(String(t)), tokens.count == 2, case .number(let v, let unitText) = tokens[0].kind,
      tokens[0].offset == 0
    else { return .failure(.notANumber) }
    var unit: Unit?
    var scale = 1.0
    if let unitText {
      guard let (u, s) = Unit.parse(unitText) else { return .failure(.unknownUnit(unitText)) }
      (unit, scale) = (u, s)
    }
    let value = sign * scaled(v, by: scale)
    guard value.isFinite else { return .failure(.notFinite) }
    return .success(Literal(value: value, unit: unit, unitText: unitText))
  }

  /// `v` in a unit `scale` times the base one: for a percentage, the number nearest the
  /// decimal written (`5.4 %` is the double nearest 0.054, as written in the law; `5.4 × 0.01`
  /// is 0.054000000000000006, one step above): the decimal's digits read again with their
  /// exponent moved (`5.4e-2`), correctly rounded once.
  public static func scaled(_ v: Double, by scale: Double) -> Double {
    if scale == 0.01, let exact = Double("\(v)e-2"), exact.isFinite { return exact }
    return v * scale
  }

  /// The value of `text` if it is a literal in `expected` (or without a unit, or in `%` when
  /// a ratio is expected); `nil` otherwise.
  public static func value(_ text: String, expected: Unit? = nil) -> Double? {
    guard case .success(let l) = parse(text) else { return nil }
    if let expected, let u = l.unit, u != expected { return nil }
    return l.value
  }
}
