import Foundation

/// Reads YAML files from disk. The only place of the engine that touches the file system.
public enum YAMLFileLoader {
  /// Reads and parses the file at `path`.
  public static func load(_ path: String) throws(DiagnosticList) -> YAMLDocument {
    let text: String
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      guard let decoded = String(data: data, encoding: .utf8) else {
        throw DiagnosticList([.error(.fileEncoding, "the file is not UTF-8 text", at: SourceLocation(file: path, line: 1, column: 1))])
      }
      text = decoded
      SourceStore.shared.record(decoded, for: path)
    } catch let error as DiagnosticList {
      throw error
    } catch {
      throw DiagnosticList([.error(.fileUnreadable, "cannot read '\(path)': no such file or not readable")])
    }
    return try YAMLDocument.parse(text, path: path)
  }

  /// The file's text, if it can be read as UTF-8 (to quote lines in messages).
  public static func text(_ path: String) -> String? {
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else { return nil }
    return String(data: data, encoding: .utf8)
  }
}
