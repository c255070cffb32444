import Foundation
import Synchronization

/// The text of every file read, kept once for the whole process, so that any diagnostic —
/// from a rule pack, a scenario or the base a scenario extends — can quote its line.
///
/// `YAMLFileLoader` records each file it reads; `DiagnosticRenderer` asks here for the text of
/// a location's file (reading it then if it was never loaded).
public final class SourceStore: Sendable {
  public static let shared = SourceStore()
  private let texts = Mutex<[String: String]>([:])

  /// Records the text of `path`, as it was read.
  public func record(_ text: String, for path: String) {
    texts.withLock { $0[path] = text }
  }

  /// The files read so far.
  public var paths: [String] { texts.withLock { Array($0.keys) } }

  /// The text of `path`: as recorded, or read now (nil when it cannot be read as UTF-8).
  public func text(_ path: String) -> String? {
    if let t = texts.withLock({ $0[path] }) { return t }
    guard let t = YAMLFileLoader.text(path) else { return nil }
    record(t, for: path)
    return t
  }
}
