import Foundation
import Planner

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes every file the tool produces, whole or not at all: a temporary file in the
/// target's folder, `fsync`, then POSIX `rename(2)` over the target (never
/// Foundation's replace-item call, which deletes the target on Linux when it fails).
///
/// It refuses an empty path, a folder, `.`/`..`, a symbolic link and any file the command
/// reads (a scenario, a rule pack); it removes its temporary file on every error and on
/// SIGINT/SIGTERM, and removes the temporaries that a killed earlier run left beside the
/// target.
public enum FileWriter {
  /// Writes `text` to `path`.
  /// - Parameters:
  ///   - argument: how the user named the path (`--output`), for messages.
  ///   - inputs: files the command read, which must not be overwritten.
  public static func write(_ text: String, to path: String, argument: String, inputs: [String] = []) throws(DiagnosticList) {
    try write(Data(text.utf8), to: path, argument: argument, inputs: inputs)
  }

  public static func write(_ data: Data, to path: String, argument: String, inputs: [String] = []) throws(DiagnosticList) {
    func fail(_ message: Phrase) -> DiagnosticList {
      DiagnosticList([
        .error(.fileWrite, Phrase("error.file_write.1", ["argument": .text(argument), "path": .text(path), "message": .phrase(message)]))
      ])
    }
    let name = (path as NSString).lastPathComponent
    guard !path.isEmpty else {
      throw DiagnosticList([.error(.fileWrite, Phrase("error.file_write.2", ["argument": .text("\(argument)")]))])
    }
    guard !path.hasSuffix("/"), name != ".", name != "..", !name.isEmpty else { throw fail(Phrase("error.file_writer.1")) }
    var st = stat()
    if lstat(path, &st) == 0 {
      switch st.st_mode & S_IFMT {
      case S_IFDIR: throw fail(Phrase("error.file_writer.2"))
      case S_IFLNK: throw fail(Phrase("error.file_writer.3"))
      case S_IFREG: break
      default: throw fail(Phrase("error.file_writer.4"))
      }
      let target = canonical(path)
      if inputs.contains(where: { canonical($0) == target }) { throw fail(Phrase("error.file_writer.5")) }
      if ScenarioCheck.isScenario(path) { throw fail(Phrase("error.file_writer.6")) }
    }
    let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
    var folderStat = stat()
    guard stat(folder, &folderStat) == 0, folderStat.st_mode & S_IFMT == S_IFDIR else {
      throw fail(Phrase("error.file_writer.7", ["folder": .text("\(folder)")]))
    }
    removeStale(in: folder, name: name)

    let prefix = "\(folder)/.\(name).plan-\(getpid())-"
    var template = Array((prefix + "XXXXXX").utf8CString)
    // The temporary is created and registered for removal with the interrupting signals
    // held back, so that no signal can leave it behind between the two.
    var blocked = sigset_t(), previous = sigset_t()
    sigemptyset(&blocked)
    for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&blocked, sig) }
    pthread_sigmask(SIG_BLOCK, &blocked, &previous)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    if fd >= 0 { Cleanup.register(temporary) }
    pthread_sigmask(SIG_SETMASK, &previous, nil)
    guard fd >= 0 else {
      throw fail(Phrase("error.file_writer.8", ["folder": .text("\(folder)"), "value": .text("\(String(cString: strerror(errno)))")]))
    }
    defer { Cleanup.unregister() }
    func abandon(_ message: Phrase) -> DiagnosticList {
      close(fd)
      unlink(temporary)
      return fail(message)
    }
    // Keep the permissions of the file replaced, or the usual ones for a new file.
    let mode: mode_t = lstat(path, &st) == 0 ? st.st_mode & 0o777 : 0o644 & ~currentUmask()
    fchmod(fd, mode)
    let written = data.withUnsafeBytes { buffer -> Bool in
      var offset = 0
      while offset < buffer.count {
        let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += n
      }
      return true
    }
    guard written else { throw abandon(Phrase("error.file_writer.9", ["value": .text("\(String(cString: strerror(errno)))")])) }
    guard fsync(fd) == 0 else { throw abandon(Phrase("error.file_writer.10", ["value": .text("\(String(cString: strerror(errno)))")])) }
    guard close(fd) == 0 else {
      unlink(temporary)
      throw fail(Phrase("error.file_writer.11", ["value": .text("\(String(cString: strerror(errno)))")]))
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw fail(Phrase("error.file_writer.12", ["reason": .text("\(reason)")]))
    }
    // Make the rename itself durable.
    let dir = open(folder, O_RDONLY)
    if dir >= 0 {
      fsync(dir)
      close(dir)
    }
  }

  static func canonical(_ path: String) -> String {
    guard let r = realpath(path, nil) else { return (path as NSString).standardizingPath }
    defer { free(r) }
    return String(cString: r)
  }

  static func currentUmask() -> mode_t {
    let m = umask(0o022)
    umask(m)
    return m
  }

  /// Removes the temporaries of `name` left by runs that no longer exist (killed before
  /// they could clean up).
  static func removeStale(in folder: String, name: String) {
    let start = ".\(name).plan-"
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where entry.hasPrefix(start) {
      let rest = entry.dropFirst(start.count)
      guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]) else { continue }
      if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH { unlink("\(folder)/\(entry)") }
    }
  }
}

#if canImport(Glibc)
  private let systemWrite = Glibc.write
#else
  private let systemWrite = Darwin.write
#endif

/// The temporary file being written, removed if the process is interrupted.
enum Cleanup {
  /// The path as a C string, read by the signal handler (which may only call
  /// async-signal-safe functions).
  nonisolated(unsafe) static var pending: UnsafeMutablePointer<CChar>?
  nonisolated(unsafe) static var installed = false

  static func register(_ path: String) {
    if !installed {
      installed = true
      for s in [SIGINT, SIGTERM, SIGHUP] {
        signal(s) { sig in
          if let p = Cleanup.pending { unlink(p) }
          signal(sig, SIG_DFL)
          raise(sig)
        }
      }
    }
    pending = strdup(path)
  }

  static func unregister() {
    let p = pending
    pending = nil
    free(p)
  }
}
