extension BoardReport {
  /// The report's style: fonts every system has, sizes a projector can show, A4 portrait for
  /// print with page numbers, a page break before each chapter and table headers repeated on
  /// each page.
  static let css = """
    @page { size: A4 portrait; margin: 14mm 13mm 16mm 13mm;
      @bottom-center { content: counter(page) " / " counter(pages); font: 8pt "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #444; } }
    html { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; color: #111; background: #fff; }
    body { margin: 0 auto; max-width: 1100px; padding: 1.5rem; font-size: 16px; line-height: 1.4; }
    h1 { font-size: 1.7rem; margin: 0 0 .6rem; border-bottom: 3px solid #0072B2; padding-bottom: .2rem; }
    h2 { font-size: 1.2rem; margin: 1.1rem 0 .4rem; }
    h3 { font-size: 1.05rem; margin: .9rem 0 .3rem; }
    p.question { font-size: 1.15rem; font-weight: bold; }
    p.note { font-size: .85rem; color: #333; }
    table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; font-variant-numeric: tabular-nums; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    th, td { padding: .18rem .4rem; border-bottom: 1px solid #ccc; vertical-align: top; }
    td { text-align: right; white-space: nowrap; }
    th[scope=row] { text-align: left; font-weight: normal; }
    thead th { text-align: right; border-bottom: 2px solid #111; }
    tr.group th { text-align: left; font-weight: bold; background: #eef4fa; border-bottom: 1px solid #0072B2; }
    tr.total th, tr.total td { font-weight: bold; border-top: 1.5px solid #111; }
    tr.section th, tr.section td { font-weight: bold; }
    th.d3, th.d4 { padding-left: 1.4rem; }
    td.negative { color: #a8250d; }
    section.synthesis { overflow-x: auto; }
    table.options.many { font-size: .82rem; }
    table.options.many th, table.options.many td { padding: .15rem .25rem; }
    table.parameters td, table.inputs td { text-align: left; white-space: normal; font-size: .8rem; }
    td.hash { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .7rem; }
    ul.constraints li.violated strong { color: #a8250d; }
    figure { margin: .8rem 0 1.2rem; break-inside: avoid; }
    figcaption { font-size: .9rem; color: #333; margin-top: .2rem; }
    svg.chart { max-width: 100%; height: auto; font-family: inherit; }
    svg .chart-title { font-size: 15px; font-weight: bold; }
    svg .axis-label { font-size: 12px; fill: #333; }
    svg .tick, svg .legend { font-size: 11px; fill: #222; }
    svg .grid { stroke: #ddd; stroke-width: 1; }
    svg .zero { stroke: #111; stroke-width: 1.2; }
    @media print {
      body { max-width: none; padding: 0; font-size: 9.5pt; }
      h1 { font-size: 15pt; }
      h2 { font-size: 11.5pt; }
      h3 { font-size: 10.5pt; }
      p.question { font-size: 10.5pt; }
      section.synthesis { font-size: 8.6pt; }
      section.synthesis th, section.synthesis td { padding: .5pt 3pt; }
      section.synthesis th[scope=row] { white-space: nowrap; }
      section.synthesis p.legend, section.synthesis p.note { font-size: 8pt; margin: 2pt 0; }
      section.synthesis h2 { margin: 5pt 0 2pt; }
      section.synthesis ul, section.synthesis ol { margin: 2pt 0; }
      section.chapter { break-before: page; }
      figure { margin: 4pt 0 10pt; }
    }
    """
}
