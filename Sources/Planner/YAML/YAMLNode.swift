import Foundation
import Yams

/// A YAML node with its file, so that every typed read can fail with a located diagnostic.
public struct YAMLNode {
  package let node: Node
  public let file: String
  /// The whole file's text and lines, to map positions inside multi-line scalars (split
  /// once per file, shared by its nodes).
  let source: SourceText
  var text: String { source.text }

  init(_ node: Node, file: String, source: SourceText) {
    self.node = node
    self.file = file
    self.source = source
  }

  /// Where this node starts.
  public var location: SourceLocation {
    let mark = node.mark
    return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  /// The scalar's text, or `nil` when the node is not a scalar.
  public var scalarText: String? { node.scalar?.string }

  public var isMapping: Bool { node.mapping != nil }
  public var isSequence: Bool { node.sequence != nil }
  public var isNull: Bool {
    // The tag by its name: `Tag(.null)` would build Yams' default resolver (its regular
    // expressions compiled by ICU, milliseconds at each start).
    node.scalar.map { scalar in
      scalar.tag.rawValue == Tag.Name.null.rawValue
        || (scalar.style == .plain && ["~", "", "null", "Null", "NULL"].contains { $0.utf8.elementsEqual(scalar.string.utf8) })
    } ?? false
  }

  /// The entries of a mapping, in file order, keys as strings.
  public func mapping(_ what: String) throws(DiagnosticList) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
    guard let mapping = node.mapping else {
      throw DiagnosticList([.error(.yamlExpectedMapping, Phrase("error.yaml_expected_mapping.1", ["what": .what(what)]), at: location)])
    }
    var out: [(String, YAMLNode, YAMLNode)] = []
    out.reserveCapacity(mapping.count)
    for i in mapping.indices {
      let (k, v) = mapping[i]
      let keyNode = YAMLNode(k, file: file, source: source)
      guard let key = k.scalar?.string else {
        throw DiagnosticList([
          .error(.yamlExpectedScalar, Phrase("error.yaml_expected_scalar.1", ["what": .what(what)]), at: keyNode.location)
        ])
      }
      out.append((key, keyNode, YAMLNode(v, file: file, source: source)))
    }
    return out
  }

  /// The items of a sequence.
  public func sequence(_ what: String) throws(DiagnosticList) -> [YAMLNode] {
    guard let sequence = node.sequence else {
      throw DiagnosticList([.error(.yamlExpectedSequence, Phrase("error.yaml_expected_sequence.1", ["what": .what(what)]), at: location)])
    }
    return sequence.map { YAMLNode($0, file: file, source: source) }
  }

  /// A scalar, as text.
  public func string(_ what: String) throws(DiagnosticList) -> String {
    guard let s = node.scalar?.string else {
      throw DiagnosticList([.error(.yamlExpectedScalar, Phrase("error.yaml_expected_scalar.2", ["what": .what(what)]), at: location)])
    }
    return s
  }

  /// A scalar read as a number with the one literal grammar (`1820`, `0.5`, `1_000`,
  /// `5000 EUR`, `1.1 %`); with `unit`, a unit written must be that one.
  public func number(_ what: String, unit: Unit? = nil, id: DiagnosticID = .yamlExpectedNumber) throws(DiagnosticList) -> Double {
    let s = try string(what)
    switch Literal.parse(s) {
    case .success(let l):
      if let unit, let u = l.unit, u != unit {
        throw DiagnosticList([
          .error(
            id, Phrase("error.yaml.wrong_unit", ["what": .what(what), "unit": .text("\(unit)"), "found": .text(s), "in": .text("\(u)")]),
            at: location)
        ])
      }
      return l.value
    case .failure(.unknownUnit(let u)):
      throw DiagnosticList([
        .error(
          id, Phrase("error.yaml.unknown_unit", ["unit": .text(u), "found": .text(s), "units": .list(Unit.baseNames)]), at: location)
      ])
    case .failure:
      throw DiagnosticList([
        .error(id, Phrase("error.yaml.not_a_number", ["what": .what(what), "found": .text(s.replacing("_", with: ""))]), at: location)
      ])
    }
  }

  /// The value of `key` in a mapping, if present.
  public func value(_ key: String) -> YAMLNode? {
    guard case .mapping(let mapping) = node else { return nil }
    // By index: iterating a Yams mapping copies all its pairs into a new array first.
    for i in mapping.indices {
      if case .scalar(let k) = mapping[i].key, k.string == key { return YAMLNode(mapping[i].value, file: file, source: source) }
    }
    return nil
  }
}

/// A file's text and its lines, split once (on line feeds, byte by byte).
final class SourceText: Sendable {
  let text: String
  let lines: [Substring]

  init(_ text: String) {
    self.text = text
    var lines: [Substring] = []
    let utf8 = text.utf8
    var start = utf8.startIndex
    var i = start
    while i < utf8.endIndex {
      if utf8[i] == UInt8(ascii: "\n") {
        lines.append(text[start..<i])
        start = utf8.index(after: i)
      }
      i = utf8.index(after: i)
    }
    lines.append(text[start..<utf8.endIndex])
    self.lines = lines
  }
}
