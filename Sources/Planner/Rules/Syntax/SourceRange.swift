/// A span of a formula's text, in Unicode scalars.
public struct SourceRange: Sendable, Hashable {
  public var offset: Int
  public var length: Int
  public init(offset: Int, length: Int) {
    self.offset = offset
    self.length = length
  }

  /// The smallest range covering both.
  public func union(_ other: SourceRange) -> SourceRange {
    let start = min(offset, other.offset)
    let end = max(offset + length, other.offset + other.length)
    return SourceRange(offset: start, length: end - start)
  }
}
