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
      throw DiagnosticList([.error(.parametersNotAValue, "'\(name)' is a scale; apply it with scale(\(name), base)", at: location)])
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
    let first = p.firstMonth.map { "\($0)" } ?? "(no value)"
    let who = rule.map { "rule '\($0)' looks up" } ?? "looked up"
    return .error(
      .parametersBeforeFirstValue,
      "parameter '\(p.name)' has no value before \(first); \(who) its value for \(month). Add a dated value in force at \(month) or guard the lookup with 'if'",
      at: at ?? p.location,
      notes: p.location.map { [Note("'\(p.name)' is defined here", at: $0)] } ?? [])
  }
}
