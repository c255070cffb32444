import Foundation
import Planner

/// A folder of scenarios the web app serves: only its own files are read or written. A
/// scenario is named by its file's name without `.yaml` (letters, digits, `-` and `_`): no
/// path, no `..`, and a file whose real path leaves the folder (a symbolic link) is refused.
public struct Workspace: Sendable {
  public let folder: String

  public init(_ folder: String) throws(DiagnosticList) {
    let real = (folder as NSString).resolvingSymlinksInPath
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), isFolder.boolValue else {
      throw DiagnosticList([.error(.fileUnreadable, Phrase("error.workspace.not_a_folder", ["folder": .text(folder)]))])
    }
    self.folder = real
  }

  /// A scenario's entry: its id, title and file (relative to the workspace).
  public struct Entry: Sendable, Encodable {
    public var id: String
    public var title: String
    public var file: String
  }

  /// Whether `name` can name a scenario of the workspace.
  public static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 100 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
  }

  /// The scenarios of the folder (its `.yaml` files that are scenarios), sorted by id.
  public func entries() -> [Entry] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    return names.compactMap { name in
      let id = String(name.dropLast(5))
      guard Self.isValidName(id), let path = try? path(of: id), ScenarioCheck.isScenario(path),
        let s = try? ScenarioLoader.load(path)
      else { return nil }
      return Entry(id: id, title: s.title, file: name)
    }
  }

  /// The file of scenario `id`, inside the workspace.
  public func path(of id: String) throws(DiagnosticList) -> String {
    guard Self.isValidName(id) else {
      throw DiagnosticList([.error(.fileUnreadable, Phrase("error.workspace.bad_name", ["name": .text(id)]))])
    }
    let path = (folder as NSString).appendingPathComponent(id + ".yaml")
    let real = (path as NSString).resolvingSymlinksInPath
    guard (real as NSString).deletingLastPathComponent == folder else {
      throw DiagnosticList([.error(.fileUnreadable, Phrase("error.workspace.outside", ["name": .text(id)]))])
    }
    guard FileManager.default.fileExists(atPath: real) else {
      throw DiagnosticList([.error(.fileUnreadable, Phrase("error.workspace.no_scenario", ["name": .text(id)]))])
    }
    return real
  }

  /// Writes a new scenario `name` that extends `base` with only `changes`, atomically; an
  /// existing file is replaced only when `overwrite`. The file is read back and checked as
  /// `plan check` would before it stays.
  public func saveVariant(
    name: String, base: String, title: String?, changes: [ScenarioChange], overwrite: Bool, ruleSet: RuleSet
  ) throws(DiagnosticList) -> Entry {
    guard Self.isValidName(name), name != base else {
      throw DiagnosticList([.error(.fileWrite, Phrase("error.workspace.bad_name", ["name": .text(name)]))])
    }
    let basePath = try path(of: base)
    let target = (folder as NSString).appendingPathComponent(name + ".yaml")
    if FileManager.default.fileExists(atPath: target) && !overwrite {
      throw DiagnosticList([.error(.fileWrite, Phrase("error.workspace.exists", ["name": .text(name)]))])
    }
    let scenario = try ScenarioLoader.load(basePath)
    let text = try ScenarioChange.variantYAML(
      id: name, title: title ?? "\(scenario.title) (\(name))", extends: base + ".yaml", base: scenario, changes: changes, ruleSet: ruleSet)
    // Checked from a temporary file in the folder before it takes the name.
    let probe = (folder as NSString).appendingPathComponent(".\(name).check-\(getpid()).yaml")
    try FileWriter.write(text, to: probe, argument: "name")
    defer { try? FileManager.default.removeItem(atPath: probe) }
    let errors = ScenarioCheck.check(probe).diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty { throw DiagnosticList(errors) }
    try FileWriter.write(text, to: target, argument: "name")
    return Entry(id: name, title: title ?? "\(scenario.title) (\(name))", file: name + ".yaml")
  }
}
