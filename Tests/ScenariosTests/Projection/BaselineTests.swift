import Foundation
import Planner
import TestSupport
import Testing

@testable import Scenarios

/// The baseline reproduces the source document: its staffing table and its budget réalisé
/// 2011, through the engine. Expected figures are read from the scenario file (the seed's
/// printed values are data there), never typed here; so a test fails if a rule, a parameter
/// or a recorded line changes.
@Suite struct BaselineTests {
  static let path = ShippedRules.folder.deletingLastPathComponent().appendingPathComponent("baseline.yaml").path
  static let loaded = try! ScenarioLoader.load(path)
  static let projection = try! Projection.run(loaded, ruleSet: ShippedRules.ruleSet)
  var scenario: Scenario { Self.loaded }
  var projection: Projection { Self.projection }

  func cell(_ path: String, _ column: String, _ period: String) -> Double? {
    projection.budget.first { $0.path == path && $0.budget == column }?.values[period]
  }

  @Test func staffingHoursAreThoseOfTheSourceExactly() throws {
    for (exercise, lines) in scenario.publishedStaffing {
      for (line, printed) in lines {
        let row = try #require(projection.staffing.first { $0.id == line }, "\(line)")
        #expect(row.hours[exercise] == printed.hours, "\(exercise) \(line)")
      }
    }
  }

  /// FTE are computed from hours (1820 h a year, pro rata for the 14-month exercise); where
  /// the printed figure is not the computed one rounded, a warning says so.
  @Test func fteAreComputedAndPrintedDifferencesReported() throws {
    let base = ShippedRules.parameter("full_time_hours_per_year", "2012-01")
    for (exercise, lines) in scenario.publishedStaffing {
      let months = scenario.exercises.first { $0.id == exercise }!.monthCount
      for (line, printed) in lines {
        let row = try #require(projection.staffing.first { $0.id == line })
        let fte = try #require(row.fte[exercise])
        #expect(isClose(fte, printed.hours / (base * Double(months) / 12)))
        let rounded = (fte * 100).rounded() / 100
        let warned = projection.warnings.contains {
          $0.id == .sourceFteRounding && $0.message(in: .of(.fr)).hasPrefix("\(exercise) : \(row.label) :")
        }
        #expect(warned == (abs(rounded - printed.fte) >= 0.005), "\(exercise) \(line)")
      }
    }
    // The two the design names: 2032 h in 14 months and 1050 h in 2012.
    #expect(projection.warnings.contains { $0.message.contains("2,032 h is 0.957 FTE") })
    #expect(projection.warnings.contains { $0.message.contains("1,050 h is 0.577 FTE") })
  }

  @Test func budget2011EveryRecordedLine() throws {
    let actuals = try #require(scenario.actuals["2010-2011"])
    for (path, columns) in actuals.budget where !path.hasSuffix("/total") {
      for (column, recorded) in columns {
        #expect(cell(path, column, "2010-2011") == recorded, "\(path) \(column)")
      }
    }
  }

  /// The Rémunérations projets detail adds up to less than the printed section: shown as an
  /// explicit row and reported.
  @Test func theRemunerationsDetailGapIsShownAndReported() throws {
    let a = try #require(scenario.actuals["2010-2011"])
    let detail = a.budget.filter { $0.key.hasPrefix("charges/remunerations/") }.values.reduce(0) { $0 + ($1["projets"] ?? 0) }
    let section = try #require(a.budget["charges/remunerations"]?["projets"])
    #expect(cell("charges/remunerations/non_detaille", "projets", "2010-2011") == section - detail)
    #expect(projection.warnings.contains { $0.id == .sourceSectionNotDetailed && $0.message.contains(Money.format(detail)) })
  }

  /// The charges add up to one euro less than the printed total: the table shows the sum of
  /// its lines, and the printed total is reported.
  @Test func totalsAreSumsOfLinesAndThePrintedTotalIsReported() throws {
    let a = try #require(scenario.actuals["2010-2011"])
    for top in ["charges", "produits"] {
      let sections = a.budget.filter {
        $0.key.hasPrefix(top + "/") && $0.key.split(separator: "/").count == 2 && !$0.key.hasSuffix("/total")
      }
      let sum = sections.values.reduce(0) { $0 + ($1["fonctionnement"] ?? 0) + ($1["projets"] ?? 0) }
      #expect(cell("\(top)/total", "total", "2010-2011") == sum)
      let printed = try #require(a.budget["\(top)/total"]?["total"])
      let reported = projection.warnings.contains {
        $0.id == .sourceTotalMismatch && $0.message(in: .of(.fr)).contains("Total \(top) est imprimé à \(Messages.of(.fr).euros(printed))")
      }
      #expect(reported == (printed != sum), "\(top)")
    }
  }

  /// Every printed share is reproduced (to the hundredth of a point), with each side's total.
  @Test func printedSharesAreReproduced() throws {
    let a = try #require(scenario.actuals["2010-2011"])
    #expect(!a.shares.isEmpty)
    for (path, columns) in a.shares {
      for (column, printed) in columns {
        let row = try #require(projection.budget.first { $0.path == path && $0.budget == column })
        #expect(row.shares["2010-2011"] == printed, "\(path) \(column)")
      }
    }
    #expect(!projection.warnings.contains { $0.id == .sourceShareMismatch })
  }

  @Test func dues2011AddUpToTheRecordedFigure() throws {
    // The members' payroll estimates under the 2011 rule (1 %, capped) give the recorded dues.
    let recorded = try #require(scenario.actuals["2010-2011"]?.budget["produits/autres_produits/cotisations"])
    let months = (0..<14)
    let projected = months.reduce(0) { $0 + (projection.evaluation.value("dues_total", month: $1) ?? 0) }
    #expect(isClose(projected, (recorded["fonctionnement"] ?? 0) + (recorded["projets"] ?? 0), tolerance: 1e-9))
  }

  @Test func impliedPayUnderTheSmicIsReported() {
    #expect(projection.warnings.contains { $0.id == .implausiblePayUnderSmic && $0.message(in: .of(.fr)).contains("Coordinateur") })
  }

  @Test func projectedExercisesAreComplete() throws {
    for period in ["2012", "2013"] {
      for path in ["charges/remunerations", "charges/charges_sociales", "produits/subventions", "produits/autres_produits/cotisations"] {
        #expect((cell(path, "total", period) ?? 0) > 0, "\(period) \(path)")
      }
      let produits = try #require(cell("produits/total", "total", period))
      let charges = try #require(cell("charges/total", "total", period))
      #expect(projection.indicators["result"]?[period] == Money.sum([produits, -charges]))
    }
  }

  /// Salaries of projected exercises come from the employment rules: the coordinator's 2012
  /// pay is twelve months of the scenario's gross (no indemnity: a CDI follows).
  @Test func projectedSalariesComeFromThePositions() throws {
    let coordinator = try #require(scenario.positions.first { $0.id == "coordinateur" })
    let gross = try #require(coordinator.gross["2012"])
    #expect(cell("charges/remunerations/coordinateur", "total", "2012") == Money.cents(gross * 12))
  }

  /// `plan explain` gives the same figure as `plan run`, down to rates and their sources.
  @Test func explainMatchesRun() throws {
    let explainer = ProjectionExplainer(projection)
    for path in ["charges/charges_sociales", "charges/remunerations/coordinateur", "produits/autres_produits/cotisations"] {
      let node = try explainer.explain(line: path, period: "2012")
      #expect(node.value == cell(path, "total", "2012"), "\(path)")
      #expect(isClose(node.children.reduce(0) { $0 + $1.value }, node.value, tolerance: 1e-6))
    }
    let social = try explainer.explain(line: "charges/charges_sociales", period: "2012")
    let text = ExplanationRenderer.text(social)
    #expect(text.contains("maladie_employeur = 0.128  [in force from 1998-01; OF parameters/prelevements_sociaux"))
  }

  /// An input in an explanation names the scenario entry that gives it.
  @Test func explainedInputsPointAtTheScenario() throws {
    let node = try ProjectionExplainer(projection).explain(line: "charges/charges_externes/loyers", period: "2012")
    let item = try #require(scenario.items.first { $0.id == "loyers_f" })
    // The amount of 2012 is cited at the line that writes it, inside the entry.
    let written = try #require(item.amounts.locations["2012"])
    #expect(written.file == item.location.file && written.line == item.location.line && written.column > item.location.column)
    #expect(ExplanationRenderer.text(node).contains("(item 'loyers_f')  [scenario \(written)]"))
  }

  @Test func byYearAndMonthAddUp() throws {
    let byYear = try Projection.run(scenario, ruleSet: ShippedRules.ruleSet, by: .year)
    let y2012 = byYear.budget.first { $0.path == "charges/total" && $0.budget == "total" }?.values["2012"]
    #expect(y2012 == cell("charges/total", "total", "2012"))
    let byMonth = try Projection.run(scenario, ruleSet: ShippedRules.ruleSet, by: .month)
    let months = byMonth.budget.first { $0.path == "produits/subventions/europe" && $0.budget == "total" }!
    let sum = (1...12).reduce(0.0) { $0 + (months.values[String(format: "2012-%02d", $1)] ?? 0) }
    #expect(Money.cents(sum) == cell("produits/subventions/europe", "total", "2012"))
  }
}
