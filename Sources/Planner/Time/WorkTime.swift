/// Conversions between hours, weeks, months and full-time equivalents.
///
/// Two conventions, both documented in README.md:
/// - a week is 12/52 of a month (52 weeks in 12 months), so `h/week × 52 / 12 = h/month`;
/// - one full-time equivalent (FTE, ETP) works `hoursPerYear` hours in 12 months (the seed
///   document uses 1820 h = 35 h × 52), pro rata for an exercise of another length.
public enum WorkTime {
  /// Weeks in a month by the 52/12 convention.
  public static let weeksPerMonth: Double = 52.0 / 12.0

  /// Hours a month from hours a week.
  public static func monthlyHours(weekly: Double) -> Double { weekly * 52.0 / 12.0 }

  /// The hours of one FTE over `months` months.
  public static func fullTimeHours(months: Int, hoursPerYear: Double) -> Double {
    hoursPerYear * Double(months) / 12.0
  }

  /// The FTE that `hours` worked over `months` months represent.
  public static func fte(hours: Double, months: Int, hoursPerYear: Double) -> Double {
    hours / fullTimeHours(months: months, hoursPerYear: hoursPerYear)
  }
}
