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
