import Foundation
import Planner
import Synchronization

/// A progress bar on standard error, only when it is a terminal (nothing when piped).
final class ProgressBar: Sendable {
  // A class: one bar is updated from the simulation's threads.
  let total: Int
  let label: String
  let enabled: Bool
  let shown = Mutex(-1)

  init(total: Int, label: String) {
    self.total = total
    self.label = label
    enabled = isatty(STDERR_FILENO) == 1 && total >= 20_000
  }

  @Sendable func update(_ done: Int) {
    guard enabled else { return }
    let percent = done * 100 / max(1, total)
    let changed = shown.withLock { (p: inout Int) -> Bool in
      if p == percent { return false }
      p = percent
      return true
    }
    guard changed else { return }
    let width = 30, filled = percent * width / 100
    let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
    FileHandle.standardError.write(Data("\r\(label) \(bar) \(percent) %".utf8))
  }

  func finish() {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
  }
}
