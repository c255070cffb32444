/// One value of a parameter, in force from `from` until the next value's date.
public struct DatedValue: Sendable, Hashable {
  public var from: Month
  public var value: Double
  /// The legal text or URL the value comes from.
  public var reference: String?
  /// Why the value is not confirmed by a dated source, if it is not: using it is reported.
  public var unconfirmed: String?
  public var location: SourceLocation?

  public init(from: Month, value: Double, reference: String?, unconfirmed: String? = nil, location: SourceLocation? = nil) {
    self.from = from
    self.value = value
    self.reference = reference
    self.unconfirmed = unconfirmed
    self.location = location
  }
}
