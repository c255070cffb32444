import Foundation
import Planner

/// The rule packs of a folder, compiled, kept between runs (`CompiledForms`): a command whose
/// rule packs have not changed since the last one reads their compiled form
/// (`RuleSetCodec`) instead of parsing and compiling the YAML again (about a third of a short
/// command's time). The key names the format's version and each file's path and bytes, in
/// order (and, as every key, the tool's build); a compile with errors is never kept.
public enum RulePackCache {
  static let kind = "rules"

  /// The folder of the kept forms, or nil (`CompiledForms.folder`).
  public static func folder() -> String? { CompiledForms.folder() }

  /// The key of `paths` as they are now: nil when a file cannot be read (the compile says why)
  /// or the tool has no build identity. Reading records each file's text for messages to
  /// quote, as parsing does.
  static func key(_ paths: [String]) -> String? {
    var parts = [Array("plan rule packs \(RuleSetCodec.version)".utf8)]
    for path in paths {
      guard let text = try? YAMLFileLoader.read(path) else { return nil }
      parts += [Array(path.utf8), Array(text.utf8)]
    }
    return CompiledForms.key(parts)
  }

  static func file(_ key: String, in folder: String) -> String { CompiledForms.file(kind, key, in: folder) }

  /// The rule set kept under `key`, if there is one whose bytes check.
  static func read(_ key: String, in folder: String) -> RuleSet? {
    CompiledForms.read(kind, key, in: folder).flatMap { try? RuleSetCodec.decode($0) }
  }

  static func write(_ set: RuleSet, _ key: String, in folder: String) {
    CompiledForms.write(kind, key, RuleSetCodec.encode(set), in: folder)
  }
}
