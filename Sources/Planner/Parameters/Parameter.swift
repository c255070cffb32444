/// A legal or economic parameter: a history of dated values with their references.
///
/// A value holds from its date until the next one. Looking a parameter up before its first
/// date is an error (never zero). Looking it up after `lastConfirmed` (a projection past the
/// law known to the rule pack) works but is reported.
public struct Parameter: Sendable, Hashable {
  public enum Values: Sendable, Hashable {
    case values([DatedValue])
    case scale([Scale.Version])
  }

  public var name: String
  public var unit: Unit
  public var description: String?
  public var values: Values
  public var lastConfirmed: Month?
  public var location: SourceLocation?

  public init(
    name: String, unit: Unit, description: String? = nil, values: Values, lastConfirmed: Month? = nil,
    location: SourceLocation? = nil
  ) {
    self.name = name
    self.unit = unit
    self.description = description
    self.values = values
    self.lastConfirmed = lastConfirmed
    self.location = location
  }

  public var isScale: Bool {
    if case .scale = values { return true }
    return false
  }

  /// The first month with a value.
  public var firstMonth: Month? {
    switch values {
    case .values(let v): return v.first?.from
    case .scale(let v): return v.first?.from
    }
  }

  /// The index of the value in force at `month`, or `nil` before the first date.
  public func versionIndex(at month: Month) -> Int? {
    let dates: [Month]
    switch values {
    case .values(let v): dates = v.map(\.from)
    case .scale(let v): dates = v.map(\.from)
    }
    var found: Int?
    for (i, d) in dates.enumerated() where d <= month { found = i }
    return found
  }

  /// The value in force at `month`.
  /// - Throws: `parameters.before-first-value` when `month` precedes every date.
  public func value(at month: Month) throws(DiagnosticList) -> DatedValue {
    guard case .values(let v) = values else {
      throw DiagnosticList([.error(.parametersNotAValue, Phrase("error.parameters_not_avalue.1", ["name": .text("\(name)")]), at: location)]
      )
    }
    guard let i = versionIndex(at: month) else {
      throw DiagnosticList([Diagnostic.beforeFirstValue(self, month: month)])
    }
    return v[i]
  }
}

extension Diagnostic {
  static func beforeFirstValue(_ p: Parameter, month: Month, by rule: String? = nil, at: SourceLocation? = nil)
    -> Diagnostic
  {
    let first: Phrase.Argument = p.firstMonth.map { .text("\($0)") } ?? .phrase(Phrase("error.parameters.no_value"))
    let who = rule.map { Phrase("error.parameters.rule_looks_up", ["rule": .text($0)]) } ?? Phrase("error.parameters.looked_up")
    return .error(
      .parametersBeforeFirstValue,
      Phrase(
        "error.parameters_before_first_value.1",
        ["p_name": .text("\(p.name)"), "first": first, "who": .phrase(who), "month": .text("\(month)")]),
      at: at ?? p.location,
      notes: p.location.map { [Note(Phrase("diagnostic.note.defined_here", ["name": .text(p.name)]), at: $0)] } ?? [])
  }
}
