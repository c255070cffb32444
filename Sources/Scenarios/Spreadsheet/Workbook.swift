import CXLSXWriter
import Foundation

/// An XLSX workbook written by libxlsxwriter: sheets of texts, numbers and formulas with
/// their cached values, number formats, frozen headers and column widths. The document's
/// properties are fixed, so that the same content gives the same bytes.
final class Workbook {
  private let book: UnsafeMutablePointer<lxw_workbook>
  private var formats: [String: UnsafeMutablePointer<lxw_format>] = [:]
  private var sheetNames: Set<String> = []
  let path: String

  /// A workbook to be written at `path` when closed.
  init?(path: String, title: String) {
    self.path = path
    guard let b = workbook_new(path) else { return nil }
    book = b
    var properties = lxw_doc_properties()
    let strings = [strdup(title), strdup("plan")]
    defer { for s in strings { free(s) } }
    properties.title = strings[0]
    properties.author = strings[1]
    // A fixed date: the same inputs give the same bytes (2013-12-31 00:00 UTC, the end of the experiment).
    properties.created = 1_388_448_000
    workbook_set_properties(book, &properties)
  }

  /// A number format (`# ##0,00 €`…), bold or not, made once.
  func format(_ numberFormat: String?, bold: Bool = false, wrap: Bool = false) -> UnsafeMutablePointer<lxw_format>? {
    let key = "\(numberFormat ?? "")|\(bold)|\(wrap)"
    if let f = formats[key] { return f }
    guard let f = workbook_add_format(book) else { return nil }
    if let numberFormat { format_set_num_format(f, numberFormat) }
    if bold { format_set_bold(f) }
    if wrap {
      format_set_text_wrap(f)
      format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
    }
    formats[key] = f
    return f
  }

  /// A sheet; its name is cut to Excel's 31 characters.
  func sheet(_ name: String) -> Sheet? {
    var n = String(name.prefix(31))
    var i = 2
    while sheetNames.contains(n) {
      n = String(name.prefix(28)) + " \(i)"
      i += 1
    }
    sheetNames.insert(n)
    guard let s = workbook_add_worksheet(book, n) else { return nil }
    return Sheet(sheet: s, workbook: self)
  }

  /// Writes the file; the error's text when libxlsxwriter could not.
  func close() -> String? {
    let error = workbook_close(book)
    guard error != LXW_NO_ERROR else { return nil }
    return String(cString: lxw_strerror(error))
  }

  /// One worksheet.
  struct Sheet {
    let sheet: UnsafeMutablePointer<lxw_worksheet>
    unowned let workbook: Workbook

    func text(_ row: Int, _ column: Int, _ s: String, bold: Bool = false, wrap: Bool = false) {
      worksheet_write_string(sheet, UInt32(row), UInt16(column), s, bold || wrap ? workbook.format(nil, bold: bold, wrap: wrap) : nil)
    }

    func number(_ row: Int, _ column: Int, _ x: Double, format: String, bold: Bool = false) {
      worksheet_write_number(sheet, UInt32(row), UInt16(column), x, workbook.format(format, bold: bold))
    }

    /// A formula with its cached value (what a reader shows before recalculating).
    func formula(_ row: Int, _ column: Int, _ f: String, value: Double, format: String, bold: Bool = false) {
      worksheet_write_formula_num(sheet, UInt32(row), UInt16(column), f, workbook.format(format, bold: bold), value)
    }

    func width(_ first: Int, _ last: Int, _ w: Double) { worksheet_set_column(sheet, UInt16(first), UInt16(last), w, nil) }

    /// Rows above `row` and columns left of `column` stay in view.
    func freeze(_ row: Int, _ column: Int) { worksheet_freeze_panes(sheet, UInt32(row), UInt16(column)) }
  }

  /// `A1`-style name of a cell (row and column from 0).
  static func cell(_ row: Int, _ column: Int) -> String {
    var c = column
    var letters = ""
    repeat {
      letters = String(UnicodeScalar(UInt8(65 + c % 26))) + letters
      c = c / 26 - 1
    } while c >= 0
    return letters + String(row + 1)
  }
}
