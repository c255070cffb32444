import Foundation

/// The language of what the tool prints and writes: French for French users, English for
/// others. JSON keys, ids and paths never follow it (they are a contract); labels do.
public enum Language: String, CaseIterable, Sendable {
  case fr, en

  /// The language of the environment, as POSIX orders it: `LC_ALL`, then `LC_MESSAGES`, then
  /// `LANG` (the first one set and not empty); French for `fr…`, English otherwise.
  public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[key], !value.isEmpty { return value.lowercased().hasPrefix("fr") ? .fr : .en }
    }
    return .en
  }
}
