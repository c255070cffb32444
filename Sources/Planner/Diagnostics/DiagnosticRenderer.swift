/// Renders diagnostics as `path:line:col: error: message`, then the source line and a caret.
///
///     rules.yaml:4:24: error: unknown reference 'tuax'; did you mean 'taux'?
///         formula: salaire * tuax
///                            ^~~~
public struct DiagnosticRenderer: Sendable {
  /// The text of files, by path, to quote the offending line; a file not given here is
  /// taken from the `SourceStore`.
  public var sources: [String: String]
  /// Colour with ANSI escapes (only when writing to a terminal).
  public var colour: Bool
  /// The language of the messages and of the words `error`, `warning`, `note`.
  public var messages: Messages

  public init(sources: [String: String] = [:], colour: Bool = false, messages: Messages = .of(.en)) {
    self.sources = sources
    self.colour = colour
    self.messages = messages
  }

  /// One line: `path:line:col: error: message`, without the quoted source.
  public func line(_ diagnostic: Diagnostic) -> String {
    let prefix = diagnostic.location.map { "\($0): " } ?? ""
    return prefix + messages("diagnostic.\(diagnostic.severity.rawValue)") + ": "
      + diagnostic.message(in: messages).escapingControlCharacters
  }

  public func render(_ diagnostic: Diagnostic) -> String {
    var out = header(diagnostic.location, diagnostic.severity, diagnostic.message(in: messages).escapingControlCharacters)
    if let snippet = snippet(diagnostic.location, length: diagnostic.length) { out += "\n" + snippet }
    for note in diagnostic.notes {
      out += "\n" + header(note.location, .note, note.message(in: messages).escapingControlCharacters)
      if let snippet = snippet(note.location, length: 1) { out += "\n" + snippet }
    }
    return out
  }

  public func render(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map(render).joined(separator: "\n")
  }

  private func header(_ location: SourceLocation?, _ severity: Severity, _ message: String) -> String {
    let prefix = location.map { "\($0): " } ?? ""
    let word = messages("diagnostic.\(severity.rawValue)")
    guard colour else { return "\(prefix)\(word): \(message)" }
    let code: String
    switch severity {
    case .error: code = "\u{1B}[1;31m"
    case .warning: code = "\u{1B}[1;33m"
    case .note: code = "\u{1B}[1;36m"
    }
    return "\u{1B}[1m\(prefix)\u{1B}[0m\(code)\(word):\u{1B}[0m \u{1B}[1m\(message)\u{1B}[0m"
  }

  private func snippet(_ location: SourceLocation?, length: Int) -> String? {
    guard let location, let text = sources[location.file] ?? SourceStore.shared.text(location.file) else { return nil }
    var lineNumber = 1
    var found: Substring?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if lineNumber == location.line {
        found = line
        break
      }
      lineNumber += 1
    }
    guard var line = found else { return nil }
    if line.hasSuffix("\r") { line = line.dropLast() }
    // Tabs are shown as one space so that the caret stays under its column.
    let shown = String(line.unicodeScalars.map { $0 == "\t" ? " " : Character($0) }).escapingControlCharacters
    let pad = String(repeating: " ", count: max(0, location.column - 1))
    let underline = "^" + String(repeating: "~", count: max(0, length - 1))
    var quoted = "    " + shown
    while quoted.last == " " { quoted.removeLast() }
    return quoted + "\n    " + pad + underline
  }
}

extension StringProtocol {
  /// The text with its control characters (but line breaks and tabs) written out as
  /// `\u001B`, so that text read from a file cannot drive a terminal (colours, cursor moves,
  /// erasing lines); JSON reads the same escapes as the characters.
  public var escapingControlCharacters: String {
    var out = String.UnicodeScalarView()
    for s in unicodeScalars {
      if s.properties.generalCategory == .control && s != "\n" && s != "\t" {
        let hex = String(s.value, radix: 16, uppercase: true)
        out.append(contentsOf: "\\u\(String(repeating: "0", count: Swift.max(0, 4 - hex.count)))\(hex)".unicodeScalars)
      } else {
        out.append(s)
      }
    }
    return String(out)
  }
}
