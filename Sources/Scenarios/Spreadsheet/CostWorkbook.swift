import Foundation
import Planner

/// `plan cost` for many cases as an XLSX workbook: one row a case, its description, its
/// totals and every line's amount as numbers in euros, the reason a case was refused, the
/// rule packs' warnings on a second sheet.
public enum CostWorkbook {
  /// The workbook's bytes, written by libxlsxwriter to a private temporary file and read back.
  public static func bytes(_ b: CostBatch, messages m: Messages, output: String) throws(DiagnosticList) -> Data {
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).xlsx").path
    defer { try? FileManager.default.removeItem(atPath: tmp) }
    func failed(_ error: String) -> DiagnosticList {
      DiagnosticList([.error(.fileWrite, Phrase("error.file_write.3", ["output": .text(output), "error": .text(error)]))])
    }
    guard let book = Workbook(path: tmp, title: m("cost.xlsx.title")) else { throw failed(m("xlsx.cannot_create")) }
    if let s = book.sheet(m("cost.xlsx.sheet.cases")) {
      let header = b.header(m)
      for (i, h) in header.enumerated() { s.text(0, i, h, bold: true) }
      s.width(0, 0, 24)
      s.width(1, header.count - 1, 14)
      for (r, row) in b.rows.enumerated() {
        let (texts, numbers, error) = b.cells(row, m)
        for (i, t) in texts.enumerated() { s.text(r + 1, i, t) }
        for (i, x) in numbers.enumerated() {
          if let x { s.number(r + 1, texts.count + i, x, format: ProjectionWorkbook.euro) }
        }
        if !error.isEmpty { s.text(r + 1, texts.count + numbers.count, error) }
      }
      s.freeze(1, 1)
    }
    if !b.warnings.isEmpty, let s = book.sheet(m("xlsx.sheet.warnings")) {
      s.width(0, 0, 120)
      for (i, w) in b.warnings.enumerated() { s.text(i, 0, w.message(in: m)) }
    }
    if let error = book.close() { throw failed(error) }
    guard let data = FileManager.default.contents(atPath: tmp) else { throw failed(m("xlsx.cannot_create")) }
    return data
  }
}
