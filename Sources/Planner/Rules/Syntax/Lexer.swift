/// Splits a formula into tokens.
///
/// A unit right after a number is part of the number's token: `35 h/week` is one token,
/// and so is `1 %`. A `/` is taken into the unit only when a unit name follows it, so
/// `100 EUR / hours` still divides by `hours`.
package struct Lexer {
  let scalars: [Unicode.Scalar]
  var index = 0

  package init(_ text: String) { scalars = Array(text.unicodeScalars) }

  /// All tokens, ending with `.end`.
  package static func tokenize(_ text: String) throws(FormulaError) -> [Token] {
    var lexer = Lexer(text)
    var tokens: [Token] = []
    while true {
      let t = try lexer.next()
      tokens.append(t)
      if t.kind == .end { return tokens }
    }
  }

  mutating func next() throws(FormulaError) -> Token {
    skipSpaces()
    guard index < scalars.count else { return Token(kind: .end, offset: index, length: 0) }
    let start = index
    let c = scalars[index]
    if isDigit(c) || (c == "." && index + 1 < scalars.count && isDigit(scalars[index + 1])) {
      return try number(start)
    }
    if isIdentifierStart(c) {
      let name = identifier()
      let kind: Token.Kind = Token.keywords.contains(name) ? .keyword(name) : .identifier(name)
      return Token(kind: kind, offset: start, length: index - start)
    }
    if c == "\"" || c == "'" {
      index += 1
      var s = ""
      while index < scalars.count, scalars[index] != c {
        s.unicodeScalars.append(scalars[index])
        index += 1
      }
      guard index < scalars.count else {
        throw FormulaError(.unterminatedString, offset: start, length: index - start)
      }
      index += 1
      return Token(kind: .string(s), offset: start, length: index - start)
    }
    for symbol in ["==", "!=", "<=", ">="] where matches(symbol) {
      index += 2
      return Token(kind: .symbol(symbol), offset: start, length: 2)
    }
    if "+-*/(),:<>".unicodeScalars.contains(c) {
      index += 1
      return Token(kind: .symbol(String(c)), offset: start, length: 1)
    }
    if c == "×" || c == "÷" || c == "−" {
      index += 1
      let s = c == "×" ? "*" : c == "÷" ? "/" : "-"
      return Token(kind: .symbol(s), offset: start, length: 1)
    }
    throw FormulaError(.unexpectedCharacter(String(c)), offset: start, length: 1)
  }

  private mutating func number(_ start: Int) throws(FormulaError) -> Token {
    var text = ""
    while index < scalars.count, isDigit(scalars[index]) || scalars[index] == "." || scalars[index] == "_" {
      if scalars[index] != "_" { text.unicodeScalars.append(scalars[index]) }
      index += 1
    }
    if index < scalars.count, scalars[index] == "e" || scalars[index] == "E",
      index + 1 < scalars.count, isDigit(scalars[index + 1]) || scalars[index + 1] == "-"
    {
      text.unicodeScalars.append("e")
      index += 1
      if scalars[index] == "-" {
        text += "-"
        index += 1
      }
      while index < scalars.count, isDigit(scalars[index]) {
        text.unicodeScalars.append(scalars[index])
        index += 1
      }
    }
    guard let value = Double(text), value.isFinite else {
      throw FormulaError(.badNumber(text), offset: start, length: index - start)
    }
    let unit = unitAfterNumber()
    return Token(kind: .number(value, unitText: unit), offset: start, length: index - start)
  }

  /// A unit written after a number: `%`, or unit names joined by `*` and `/`.
  private mutating func unitAfterNumber() -> String? {
    let save = index
    skipSpaces()
    if index < scalars.count, scalars[index] == "%" {
      index += 1
      return "%"
    }
    guard let first = peekUnitName() else {
      index = save
      return nil
    }
    var text = first
    index += first.unicodeScalars.count
    while true {
      let before = index
      skipSpaces()
      guard index < scalars.count, scalars[index] == "/" || scalars[index] == "*" else {
        index = before
        break
      }
      let op = String(scalars[index])
      index += 1
      skipSpaces()
      guard let name = peekUnitName() else {
        index = before
        break
      }
      text += op + name
      index += name.unicodeScalars.count
    }
    return text
  }

  private func peekUnitName() -> String? {
    var i = index
    var name = ""
    while i < scalars.count, isIdentifierPart(scalars[i]), scalars[i] != "." {
      name.unicodeScalars.append(scalars[i])
      i += 1
    }
    return Unit.baseNames.contains(name) || name == "ratio" ? name : nil
  }

  private mutating func identifier() -> String {
    var s = ""
    while index < scalars.count {
      let c = scalars[index]
      if isIdentifierPart(c) {
        s.unicodeScalars.append(c)
        index += 1
      } else if c == ".", index + 1 < scalars.count, isIdentifierStart(scalars[index + 1]) {
        s.unicodeScalars.append(c)
        index += 1
      } else {
        break
      }
    }
    return s
  }

  private func matches(_ symbol: String) -> Bool {
    var i = index
    for s in symbol.unicodeScalars {
      guard i < scalars.count, scalars[i] == s else { return false }
      i += 1
    }
    return true
  }

  private mutating func skipSpaces() {
    while index < scalars.count, Self.isWhitespace(scalars[index]) { index += 1 }
  }

  // ASCII is answered at once (the Unicode properties of a scalar are a table look-up each,
  // a tenth of compiling the rule packs); other scalars by their properties, as before.
  private static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
    c.isASCII ? (c == " " || ("\t"..."\r").contains(c)) : c.properties.isWhitespace
  }
  private func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
  private func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
    c.isASCII ? (c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c)) : c.properties.isAlphabetic
  }
  private func isIdentifierPart(_ c: Unicode.Scalar) -> Bool { isIdentifierStart(c) || isDigit(c) }
}
