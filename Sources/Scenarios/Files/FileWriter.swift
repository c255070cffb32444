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
    func fail(_ message: String) -> DiagnosticList { DiagnosticList([.error(.fileWrite, "\(argument) '\(path)': \(message)")]) }
    let name = (path as NSString).lastPathComponent
    guard !path.isEmpty else { throw DiagnosticList([.error(.fileWrite, "\(argument) is empty; give the name of a file to write")]) }
    guard !path.hasSuffix("/"), name != ".", name != "..", !name.isEmpty else { throw fail("is a folder; give the name of a file in it") }
    var st = stat()
    if lstat(path, &st) == 0 {
      switch st.st_mode & S_IFMT {
      case S_IFDIR: throw fail("is a folder; give the name of a file in it")
      case S_IFLNK: throw fail("is a symbolic link; give the file it points to")
      case S_IFREG: break
      default: throw fail("is not a regular file")
      }
      let target = canonical(path)
      if inputs.contains(where: { canonical($0) == target }) { throw fail("is a file this command reads; write to another file") }
      if ScenarioCheck.isScenario(path) { throw fail("is a scenario file, which plan never overwrites; write to another file") }
    }
    let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
    var folderStat = stat()
    guard stat(folder, &folderStat) == 0, folderStat.st_mode & S_IFMT == S_IFDIR else {
      throw fail("its folder '\(folder)' does not exist")
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
    guard fd >= 0 else { throw fail("cannot create a file in '\(folder)' (\(String(cString: strerror(errno))))") }
    defer { Cleanup.unregister() }
    func abandon(_ message: String) -> DiagnosticList {
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
    guard written else { throw abandon("cannot write (\(String(cString: strerror(errno))))") }
    guard fsync(fd) == 0 else { throw abandon("cannot write to disk (\(String(cString: strerror(errno))))") }
    guard close(fd) == 0 else {
      unlink(temporary)
      throw fail("cannot write (\(String(cString: strerror(errno))))")
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw fail("cannot replace the file (\(reason))")
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
