/// An accounting exercise (exercice comptable): a named run of consecutive months.
///
/// Exercises may be longer or shorter than a year: the cluster's first one runs 14 months,
/// from 2010-11 to 2011-12.
public struct Exercise: Sendable, Hashable {
  public var id: String
  public var months: MonthRange

  public init(id: String, months: MonthRange) {
    self.id = id
    self.months = months
  }

  public var monthCount: Int { months.count }
}
