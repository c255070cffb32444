import Foundation

/// Folders that a suite shares between its tests (made once, in a static), removed when the
/// test process exits: no test owns them, so none can remove them, and each run left its own
/// behind (a report suite's Chromium profile, 5 MB a run).
public enum TemporaryFolders {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var folders: [URL] = []
  nonisolated(unsafe) private static var registered = false

  /// A new folder under the system's temporary folder, removed at exit.
  public static func make(_ prefix: String) -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    lock.lock()
    defer { lock.unlock() }
    folders.append(url)
    if !registered {
      registered = true
      atexit {
        TemporaryFolders.lock.lock()
        for folder in TemporaryFolders.folders { try? FileManager.default.removeItem(at: folder) }
        TemporaryFolders.lock.unlock()
      }
    }
    return url
  }
}
