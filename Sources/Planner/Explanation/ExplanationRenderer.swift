import Foundation

/// Renders an explanation as indented text for a terminal, or as JSON for programs.
public enum ExplanationRenderer {
  /// The version of the JSON layout; bumped when a field changes meaning.
  public static let formatVersion = 1

  public static func text(_ node: ExplanationNode, messages: Messages = .of(.en)) -> String {
    var lines: [String] = []
    write(node, prefix: "", childPrefix: "", into: &lines, top: true, m: messages)
    return lines.joined(separator: "\n")
  }

  /// Text on one line: line breaks and runs of spaces of a formula folded into one space.
  static func oneLine(_ s: String) -> String {
    s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
  }

  private static func write(
    _ n: ExplanationNode, prefix: String, childPrefix: String, into lines: inout [String], top: Bool, m: Messages
  ) {
    var n = n
    n.label = oneLine(n.label)
    var line = prefix
    switch n.kind {
    case .rule, .period:
      line += "\(n.label) = \(format(n.value, n.unit, display: n.display, m))"
    case .parameter:
      line += n.unit == "scale" ? m("explain.scale", ["name": n.label]) : "\(n.label) = \(format(n.value, n.unit, display: n.display, m))"
    case .input:
      line += "\(n.label) = \(format(n.value, n.unit, display: n.display, m))  " + m("explain.input")
    case .constant, .calendar, .operation, .sum:
      line += "\(n.label) = \(format(n.value, n.unit, display: n.display, m))"
    }
    var context: [String] = []
    if let e = n.entity, top || n.kind == .rule || n.kind == .input { context.append(e) }
    if top || n.kind == .rule || n.kind == .period { context.append(n.period) }
    if !context.isEmpty { line += "  (\(context.joined(separator: ", ")))" }
    if n.kind == .input || n.kind == .sum, let r = n.reference { line += "  [\(r)]" }
    if n.kind == .parameter {
      var source: [String] = []
      if let f = n.inForceFrom { source.append(m("explain.in_force_from", ["date": f])) }
      if let r = n.reference { source.append(r) }
      if !source.isEmpty { line += "  [\(source.joined(separator: "; "))]" }
    }
    lines.append(line)
    if let f = n.formula, n.kind == .rule || n.kind == .period {
      lines.append(childPrefix + (n.children.isEmpty ? "   " : "│  ") + m("explain.formula") + oneLine(f))
    }
    for (i, c) in n.children.enumerated() {
      let last = i == n.children.count - 1
      write(
        c, prefix: childPrefix + (last ? "└─ " : "├─ "), childPrefix: childPrefix + (last ? "   " : "│  "), into: &lines, top: false, m: m)
    }
  }

  /// A figure with its unit: euros to the cent, other amounts to at most six decimals, in the
  /// language's way of writing numbers (`1234.56 EUR` in English keeps no grouping, as the
  /// formulas write them; `1 234,56 €` in French).
  public static func format(_ value: Double, _ unit: String, display: String? = nil, _ m: Messages = .of(.en)) -> String {
    if let display { return display }
    if value.isNaN { return m("explain.not_computed") }
    let french = m.language == .fr
    // Rounded by the one rule of every figure shown (half away from zero, `Messages.number`),
    // in English without the groups of thousands; C's `%f` rounds the binary value half to
    // even, and showed 88.065 € (stored 88.06499…) as 88.06 beside its rounded 88.07. A figure
    // that rounds to zero is shown without its sign, as in French.
    func plain(_ x: Double, _ digits: Int) -> String {
      if french { return m.number(x, digits: digits) }
      let rounded = x.isFinite ? Kernels.roundHalfAwayFromZero(x, scale: pow(10, Double(digits))) : x
      return String(format: "%.\(digits)f", rounded == 0 ? 0 : rounded)
    }
    switch unit {
    case "condition": return m(value != 0 ? "explain.true" : "explain.false")
    // A date (a month of the calendar) as such; a number of months as a count, never a date.
    case "date": return french ? m.month(Month(ordinal: Int(value))) : "\(Month(ordinal: Int(value)))"
    case "month":
      let n = trimmed(plain(value, 6), m.decimalSeparator)
      return m(abs(value) == 1 ? "explain.unit.one_month" : "explain.unit.months", ["n": n])
    case "category": return value.isFinite && abs(value) < 1e9 ? "#\(Int(value))" : "#?"
    case "EUR": return french ? m.euros(value) : plain(value, 2) + " EUR"
    case "ratio":
      return trimmed(plain(value, 6), m.decimalSeparator)
    default:
      // A product or quotient of units (`EUR*month`) in the usual notation: `EUR·month`.
      return trimmed(plain(value, 6), m.decimalSeparator) + " " + unit.replacingOccurrences(of: "*", with: "·")
    }
  }

  private static func trimmed(_ s: String, _ separator: String = ".") -> String {
    guard s.contains(separator) else { return s }
    var t = s
    while t.hasSuffix("0") { t.removeLast() }
    if t.hasSuffix(separator) { t.removeLast(separator.count) }
    return t
  }

  /// `{"format_version": 1, "explanation": {…}}`, keys sorted, for programs.
  public static func json(_ node: ExplanationNode) throws -> String {
    struct Document: Encodable {
      let formatVersion: Int
      let explanation: ExplanationNode
      enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case explanation
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: try encoder.encode(Document(formatVersion: formatVersion, explanation: node)), as: UTF8.self)
  }
}
