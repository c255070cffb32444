import Dispatch

/// One slot per index, each written once by one thread of a `concurrentPerform`, read after it.
package final class Slots<T>: @unchecked Sendable {
  private let buffer: UnsafeMutableBufferPointer<T?>
  package init(count: Int) {
    buffer = .allocate(capacity: count)
    buffer.initialize(repeating: nil)
  }
  deinit {
    buffer.deinitialize()
    buffer.deallocate()
  }
  package func set(_ i: Int, _ value: T) { buffer[i] = value }
  package var values: [T] { buffer.map { $0! } }
}

/// `body` for each of `count` indices side by side (`concurrentPerform`), then in index order:
/// the values, and the diagnostics of the indices that threw.
package func sideBySide<T>(_ count: Int, _ body: @Sendable (Int) throws(DiagnosticList) -> T) -> (
  values: [T], diagnostics: [Diagnostic]
) {
  let slots = Slots<Result<T, DiagnosticList>>(count: count)
  DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, Result { () throws(DiagnosticList) in try body(i) }) }
  var values: [T] = [], diagnostics: [Diagnostic] = []
  for r in slots.values {
    switch r {
    case .success(let v): values.append(v)
    case .failure(let error): diagnostics += error.diagnostics
    }
  }
  return (values, diagnostics)
}
