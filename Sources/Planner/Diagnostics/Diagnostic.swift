/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable {
  case error, warning, note
}

/// One message for a person: what is wrong, where, and what to do.
///
/// Every failure caused by input (a rule file, a parameter file, a scenario) ends up as a
/// `Diagnostic` with a stable `id` (such as `rules.unknown-reference`), so that tests and
/// programs can recognise it, and a location when one is known.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
  /// A secondary message attached to a diagnostic, such as "first defined here".
  public struct Note: Sendable, Hashable {
    public var message: String
    public var phrase: Phrase?
    public var location: SourceLocation?
    /// A note in the reader's language.
    public init(_ phrase: Phrase, at location: SourceLocation? = nil) {
      self.message = Messages.of(.en)(phrase)
      self.phrase = phrase
      self.location = location
    }
    /// The note in `messages`' language.
    public func message(in messages: Messages) -> String { phrase.map(messages.callAsFunction) ?? message }
  }

  public var severity: Severity
  public var id: DiagnosticID
  /// The message in English (for programs, tests and logs), rendered when asked (a
  /// projection makes hundreds of warnings that nobody reads in English).
  public var message: String { phrase.map { Messages.of(.en)($0) } ?? "" }
  /// The message as a catalogue phrase, to render in the reader's language; `nil` for a
  /// message not yet in the catalogues (it is shown in English).
  public var phrase: Phrase?
  public var location: SourceLocation?
  /// How many columns the caret underlines (1 = a single `^`).
  public var length: Int
  public var notes: [Note]
  /// The parameter or rule the diagnostic is about, when there is one (to filter warnings).
  public var subject: String?

  /// A diagnostic in the reader's language: every diagnostic is a catalogue phrase (there is
  /// no way to write one as an English sentence).
  public init(
    _ severity: Severity, id: DiagnosticID, _ phrase: Phrase, at location: SourceLocation? = nil,
    length: Int = 1, notes: [Note] = []
  ) {
    self.severity = severity
    self.id = id
    self.phrase = phrase
    self.location = location
    self.length = max(1, length)
    self.notes = notes
  }

  /// The message in `messages`' language.
  public func message(in messages: Messages) -> String { phrase.map(messages.callAsFunction) ?? message }

  public static func error(
    _ id: DiagnosticID, _ phrase: Phrase, at location: SourceLocation? = nil, length: Int = 1,
    notes: [Note] = []
  ) -> Diagnostic {
    Diagnostic(.error, id: id, phrase, at: location, length: length, notes: notes)
  }

  public static func warning(
    _ id: DiagnosticID, _ phrase: Phrase, at location: SourceLocation? = nil, length: Int = 1,
    notes: [Note] = []
  ) -> Diagnostic {
    Diagnostic(.warning, id: id, phrase, at: location, length: length, notes: notes)
  }

  /// The same diagnostic, marked as being about `subject`.
  public func about(_ subject: String) -> Diagnostic {
    var d = self
    d.subject = subject
    return d
  }

  /// The first line of the rendering, without source snippet.
  public var description: String {
    let prefix = location.map { "\($0): " } ?? ""
    return "\(prefix)\(severity.rawValue): \(message)"
  }
}

/// Several diagnostics thrown together, so that a user sees every error, not just the first.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
