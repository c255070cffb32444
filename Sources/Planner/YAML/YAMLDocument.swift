import Foundation
import Yams

/// A YAML file parsed into Yams' node tree, with positions kept on every node.
public struct YAMLDocument {
  public var path: String
  public var text: String
  public var root: YAMLNode

  /// Parses `text`; every problem (malformed YAML, a tab in indentation, an empty file, a
  /// duplicated key) becomes a located diagnostic.
  public static func parse(_ text: String, path: String) throws(DiagnosticList) -> YAMLDocument {
    if isBlank(text) {
      throw DiagnosticList([.emptyFile(path)])
    }
    let source = SourceText(text)
    if let problem = aliasProblem(source, path: path) { throw DiagnosticList([problem]) }
    do {
      // No type resolution (the basic resolver): the engine reads every scalar's text itself
      // (numbers with units, months, words); resolving each against Yams' regular expressions,
      // to hash the keys of every mapping, took a third of the parse.
      // UTF-8 named: Yams' default encoding reads the whole environment at each call.
      guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else {
        throw DiagnosticList([.emptyFile(path)])
      }
      return YAMLDocument(path: path, text: text, root: YAMLNode(node, file: path, source: source))
    } catch let error as DiagnosticList {
      throw error
    } catch let error as YamlError {
      throw DiagnosticList([Self.diagnostic(for: error, path: path, text: text)])
    } catch {
      throw DiagnosticList([
        .error(
          .yamlInvalid, Phrase("error.yaml_invalid.1", ["error": .text("\(error)")]), at: SourceLocation(file: path, line: 1, column: 1))
      ])
    }
  }

  static func diagnostic(for error: YamlError, path: String, text: String) -> Diagnostic {
    func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: path, line: mark.line, column: mark.column) }
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      if problem.contains("cannot start any token"), Self.hasTab(in: text, line: mark.line) {
        return .error(.yamlTabIndentation, Phrase("error.yaml.tab"), at: at(mark))
      }
      // The YAML library's own words (in English) are quoted as they are.
      let detail = problem + (context.map { " (\($0.text) at line \($0.mark.line))" } ?? "")
      return .error(.yamlMalformed, Phrase("error.yaml_malformed.1", ["error": .text(detail)]), at: at(mark))
    case .duplicatedKeysInMapping(let duplicates, let context):
      return .error(
        .yamlDuplicateKey,
        Phrase("error.yaml_duplicate_key.1", ["value": .text("\(duplicates.map { "'\($0)'" }.joined(separator: ", "))")]),
        at: secondKey(duplicates.first ?? "", in: text, mapping: context.mark).map {
          SourceLocation(file: path, line: $0.line, column: $0.column)
        }
          ?? at(context.mark))
    case .reader(let problem, let offset, _, _):
      // The offset counts characters from the start of the text: the problem's line and column.
      var line = 1, column = 1
      if let offset {
        for c in text.prefix(offset) {
          if c == "\n" || c == "\r\n" { (line, column) = (line + 1, 1) } else { column += 1 }
        }
      }
      return .error(
        .yamlUnreadable, Phrase("error.yaml_unreadable.1", ["problem": .text("\(problem)")]),
        at: SourceLocation(file: path, line: line, column: column))
    default:
      return .error(
        .yamlMalformed, Phrase("error.yaml_malformed.1", ["error": .text("\(error)")]), at: SourceLocation(file: path, line: 1, column: 1))
    }
  }

  /// Whether a text holds nothing but white space; decided at its first byte that is not
  /// ASCII white space (Foundation's trimming copied every file through NSString).
  static func isBlank(_ text: String) -> Bool {
    for byte in text.utf8 {
      switch byte {
      case 9...13, 32: continue
      case 0x80...: return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
      default: return false
      }
    }
    return true
  }

  /// The most aliases (`*name`) a file may use: files of plan need none; a budget keeps a
  /// small file from expanding into an enormous tree (the "billion laughs").
  public static let maximumAliases = 100

  /// An alias used as a mapping key, or more aliases than the budget: a located error.
  static func aliasProblem(_ source: SourceText, path: String) -> Diagnostic? {
    var count = 0
    // One regex for the file, built at the first line that may hold an alias (building it
    // was a twentieth of a short command's time, and plan's own files have none).
    var regex: AliasPattern? = nil
    for (i, line) in source.lines.enumerated() {
      // A `*` after a word is a multiplication in a formula, not an alias: the regex (slow)
      // only sees lines with a `*` that starts a node.
      guard Self.mayStartAlias(line) else { continue }
      let alias = regex ?? aliasPattern()
      regex = alias
      for match in line.matches(of: alias) {
        count += 1
        let column = line.distance(from: line.startIndex, to: match.range.lowerBound) + 1
        let at = SourceLocation(file: path, line: i + 1, column: column)
        if match.output.2 != nil {
          return .error(.yamlMalformed, Phrase("error.yaml_malformed.2"), at: at)
        }
        if count > maximumAliases {
          return .error(.yamlMalformed, Phrase("error.yaml_malformed.3", ["maximum_aliases": .text("\(maximumAliases)")]), at: at)
        }
      }
    }
    return nil
  }

  typealias AliasPattern = Regex<(Substring, Substring, Substring?, Substring?)>

  /// An alias starting a node (at the start of the line or after ':', '-', '[', '{', ',' or
  /// '?'), and whether a ':' follows it (a key).
  static func aliasPattern() -> AliasPattern { /(^|[:\-\[\{,?])\s*\*[^\s,\]\}]+(\s*:(\s|$))?/ }

  /// Whether the line may hold an alias: a `*` at its start or after `:`, `-`, `[`, `{`, `,`
  /// or `?` (blanks between), followed by something other than a blank, `,`, `]` or `}` (the
  /// continued line of a formula, `* rate`, is not one). A filter before the regex, read
  /// byte by byte: a byte beyond ASCII counts as a possible blank, so that it never leaves
  /// out a line the regex would match.
  static func mayStartAlias(_ line: Substring) -> Bool {
    var previous: UInt8 = UInt8(ascii: ":")  // the start of the line
    var afterStar = false
    for b in line.utf8 {
      if afterStar {
        switch b {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C,
          UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"):
          break
        default: return true
        }
        afterStar = false
      }
      if b == UInt8(ascii: "*")
        && (previous == UInt8(ascii: ":") || previous == UInt8(ascii: "-") || previous == UInt8(ascii: "[")
          || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",") || previous == UInt8(ascii: "?"))
      {
        afterStar = true
      }
      switch b {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C, 0x80...: break
      default: previous = b
      }
    }
    return false
  }

  /// Where `key` is written a second time in the block mapping that starts at `mark`.
  static func secondKey(_ key: String, in text: String, mapping mark: Mark) -> (line: Int, column: Int)? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var seen = 0
    for i in min(max(0, mark.line - 1), lines.count)..<lines.count {
      let line = lines[i]
      let indent = line.prefix { $0 == " " }.count
      guard indent == mark.column - 1 else { continue }
      let rest = line.dropFirst(indent)
      if rest.hasPrefix("\(key):") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
        seen += 1
        if seen == 2 { return (i + 1, indent + 1) }
      }
    }
    return nil
  }

  private static func hasTab(in text: String, line: Int) -> Bool {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard line >= 1, line <= lines.count else { return text.contains("\t") }
    return lines[line - 1].prefix(while: { $0 == " " || $0 == "\t" }).contains("\t")
  }
}

extension Diagnostic {
  static func emptyFile(_ path: String) -> Diagnostic {
    .error(.yamlEmptyFile, Phrase("error.yaml_empty_file.1"), at: SourceLocation(file: path, line: 1, column: 1))
  }
}
