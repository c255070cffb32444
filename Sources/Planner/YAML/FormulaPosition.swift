import Yams

/// Where a formula (a YAML scalar) sits in its file, so that an offset inside the formula
/// maps back to a file, line and column: plain and quoted scalars on one line, and literal
/// (`|`) or folded (`>`) blocks over several.
public struct FormulaPosition: Sendable, Hashable {
  public var file: String
  /// For each line of the formula's text: the file line and column where it starts.
  var lineStarts: [(line: Int, column: Int)]
  var lineLengths: [Int]

  public static func == (a: FormulaPosition, b: FormulaPosition) -> Bool {
    a.file == b.file && a.lineLengths == b.lineLengths && a.lineStarts.map(\.line) == b.lineStarts.map(\.line)
      && a.lineStarts.map(\.column) == b.lineStarts.map(\.column)
  }

  public func hash(into h: inout Hasher) {
    h.combine(file)
    h.combine(lineLengths)
  }

  public init(_ node: YAMLNode) {
    file = node.file
    let start = node.location
    guard let scalar = node.node.scalar else {
      lineStarts = [(start.line, start.column)]
      lineLengths = [Int.max]
      return
    }
    let contentLines = scalar.string.split(separator: "\n", omittingEmptySubsequences: false)
    lineLengths = contentLines.map { $0.unicodeScalars.count }
    switch scalar.style {
    case .literal, .folded:
      // Content starts on the line after the indicator, at the block's indentation.
      let fileLines = node.source.lines
      var starts: [(Int, Int)] = []
      var index = start.line  // 0-based index of the line after the indicator
      for content in contentLines {
        while !content.isEmpty, index < fileLines.count, fileLines[index].allSatisfy({ $0 == " " }) { index += 1 }
        let indent = index < fileLines.count ? fileLines[index].prefix(while: { $0 == " " }).count : 0
        starts.append((index + 1, indent + 1))
        index += 1
      }
      lineStarts = starts
    case .singleQuoted, .doubleQuoted:
      lineStarts = [(start.line, start.column + 1)]
      lineLengths = [Int.max]
    default:
      lineStarts = [(start.line, start.column)]
      lineLengths = [Int.max]
    }
  }

  /// The file position of an offset (in Unicode scalars) in the formula's text.
  public func location(ofOffset offset: Int) -> SourceLocation {
    var remaining = offset
    for (i, start) in lineStarts.enumerated() {
      if remaining <= lineLengths[i] || i == lineStarts.count - 1 {
        return SourceLocation(file: file, line: start.line, column: start.column + remaining)
      }
      remaining -= lineLengths[i] + 1
    }
    return SourceLocation(file: file, line: lineStarts.first?.line ?? 1, column: lineStarts.first?.column ?? 1)
  }
}
