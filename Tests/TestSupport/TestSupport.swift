import Foundation

/// What every test target shares: the repository's folders, fixture listing, a tolerance
/// for doubles, and the `plan` executable run as a user would.

/// The repository's root folder.
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// A path below the repository's root.
public func repositoryPath(_ relative: String) -> URL { packageRoot.appendingPathComponent(relative) }

/// The files of a folder whose name ends with `suffix` (`.yaml`), sorted.
public func files(in folder: URL, ending suffix: String = ".yaml") -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(suffix) }.sorted()
}

/// Compares doubles with a relative tolerance, never with `==`.
public func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
  abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

/// Whether golden files and expected messages are to be written instead of compared
/// (`PLAN_UPDATE_SNAPSHOTS=1 swift test`; review the diff).
public var updatingSnapshots: Bool { ProcessInfo.processInfo.environment["PLAN_UPDATE_SNAPSHOTS"] != nil }

/// Runs the `plan` executable as a user would.
public enum PlanBinary {
  public static let packageRoot = TestSupport.packageRoot

  public static var url: URL {
    // The test bundle sits in the build folder next to the executables it depends on.
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("plan")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return packageRoot.appendingPathComponent(".build/debug/plan")
  }

  /// Runs `plan` with `arguments` from the package root; returns status, stdout, stderr.
  /// The language comes from `environment` over an English one (`LANG=C.UTF-8`, no `LC_ALL`
  /// nor `LC_MESSAGES`), so that golden outputs do not depend on the machine's locale.
  public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (
    status: Int32, out: String, err: String
  ) {
    let p = Process()
    p.executableURL = url
    p.arguments = arguments
    p.currentDirectoryURL = packageRoot
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env["LANG"] = "C.UTF-8"
    env["LC_ALL"] = nil
    env["LC_MESSAGES"] = nil
    env.merge(environment) { _, new in new }
    p.environment = env
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    // Standard error is read on another thread, so that a long message cannot block the
    // process while standard output is read.
    nonisolated(unsafe) var e = Data()
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      e = err.fileHandleForReading.readDataToEndOfFile()
      done.signal()
    }
    let o = out.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
  }
}

/// Runs an external tool (python3, pdfinfo, chromium…) and returns its exit status and what it
/// printed on standard output and standard error together.
public func runTool(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: path)
  p.arguments = arguments
  let out = Pipe()
  p.standardOutput = out
  p.standardError = out
  try p.run()
  let data = out.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}
