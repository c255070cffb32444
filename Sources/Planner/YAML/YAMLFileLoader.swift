import Foundation

/// Reads YAML files from disk. The only place of the engine that touches the file system.
public enum YAMLFileLoader {
  /// The largest file read, in bytes.
  public static let maximumBytes = 16 << 20

  /// Why `path` cannot be read as a YAML file (not a regular file, too large), or `nil`.
  public static func problem(reading path: String) -> Phrase? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return Phrase("error.file.missing") }
    guard attributes[.type] as? FileAttributeType == .typeRegular else { return Phrase("error.file.not_a_file") }
    if let size = attributes[.size] as? Int, size > maximumBytes {
      return Phrase("error.file.too_large", ["size": .integer(size), "maximum": .integer(maximumBytes)])
    }
    return nil
  }

  /// Reads and parses the file at `path`.
  public static func load(_ path: String) throws(DiagnosticList) -> YAMLDocument {
    try YAMLDocument.parse(try read(path), path: path)
  }

  /// Reads the text of the file at `path` (a regular file within the size limit, UTF-8; an
  /// error located at the first byte that is not), recorded for messages to quote.
  public static func read(_ path: String) throws(DiagnosticList) -> String {
    if let problem = problem(reading: path) {
      throw DiagnosticList([.error(.fileUnreadable, Phrase("error.file_unreadable.1", ["path": .text(path), "problem": .phrase(problem)]))])
    }
    let text: String
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      guard let decoded = String(data: data, encoding: .utf8) else {
        let (line, column) = firstInvalidUTF8(data)
        throw DiagnosticList([
          .error(
            .fileEncoding, Phrase("error.file_encoding.1"),
            at: SourceLocation(file: path, line: line, column: column))
        ])
      }
      text = decoded
      SourceStore.shared.record(decoded, for: path)
    } catch let error as DiagnosticList {
      throw error
    } catch {
      throw DiagnosticList([.error(.fileUnreadable, Phrase("error.file_unreadable.2", ["path": .text("\(path)")]))])
    }
    return text
  }

  /// The line and column of the first byte that is not valid UTF-8.
  static func firstInvalidUTF8(_ data: Data) -> (line: Int, column: Int) {
    let bytes = [UInt8](data)
    var i = 0, line = 1, column = 1
    while i < bytes.count {
      let b = bytes[i]
      let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
      guard length > 0, i + length <= bytes.count, bytes[(i + 1)..<(i + length)].allSatisfy({ $0 >> 6 == 0b10 }) else {
        return (line, column)
      }
      if b == 0x0A { (line, column) = (line + 1, 1) } else { column += 1 }
      i += length
    }
    return (line, column)
  }

  /// The file's text, if it is a regular file within the size limit and UTF-8 (to quote
  /// lines in messages, to look at a file's kind).
  public static func text(_ path: String) -> String? {
    guard problem(reading: path) == nil, let data = FileManager.default.contents(atPath: path) else { return nil }
    return String(data: data, encoding: .utf8)
  }
}
