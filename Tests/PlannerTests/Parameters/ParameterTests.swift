import TestSupport
import Testing

@testable import Planner

@Suite struct ParameterTests {
  let smic = Parameter(
    name: "smic_horaire", unit: Unit.euro / Unit.hour,
    values: .values([
      DatedValue(from: Month(2011, 1), value: 9.00, reference: "Décret 2010-1583"),
      DatedValue(from: Month(2012, 1), value: 9.22, reference: "Décret 2011-2043"),
    ]))

  @Test func valueInForceAtAMonth() throws {
    #expect(try smic.value(at: Month(2011, 6)).value == 9.00)
    #expect(try smic.value(at: Month(2012, 1)).value == 9.22)
    #expect(try smic.value(at: Month(2015, 1)).reference == "Décret 2011-2043")
  }

  @Test func beforeTheFirstDateIsAnError() {
    #expect(throws: DiagnosticList.self) { try smic.value(at: Month(2010, 12)) }
  }

  @Test func readFromYAMLWithPercentAndReferences() throws {
    let set = try Fixtures.compile(
      """
      parameters:
        taux:
          unit: ratio
          last_confirmed: 2013-12
          values:
            2011-01: {value: 4.25 %, reference: "CGI art. 231"}
            2013-01-01: {value: 0.05, reference: "LFI 2013"}
      """)
    let p = try #require(set.parameters["taux"])
    #expect(isClose(try p.value(at: Month(2012, 6)).value, 0.0425))
    #expect(try p.value(at: Month(2013, 1)).value == 0.05)
    #expect(p.lastConfirmed == Month(2013, 12))
  }

  @Test func aValueWithoutReferenceIsAWarning() throws {
    let document = try YAMLDocument.parse(
      """
      parameters:
        rate:
          unit: ratio
          values:
            2011-01: 0.1
      """, path: "p.yaml")
    let (_, warnings) = try Compiler.compile([document])
    #expect(warnings.map(\.description) == ["p.yaml:5:7: warning: the value of 'rate' from 2011-01 has no reference (legal text or URL)"])
  }
}
