/**
 * The briefing report as a Word document laid out by Decree 30/2020/NĐ-CP, Appendix I: A4, margins 20/20/30/15 mm,
 * Times New Roman, the two-column header (boxes 1–4), the secrecy mark (box 10a), title and trích yếu (5a), body
 * (6), signature (7a, 7b) and "Nơi nhận" (9b), page numbers in the top margin from page 2, then the appendices.
 * The trend charts are native Word charts, so they stay editable and need no image fallback.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  type IBorderOptions,
  type IParagraphOptions,
  type IRunOptions,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ChartRun } from 'docx/charts';
import JSZip from 'jszip';
import type { BriefingReport, TrendSeries } from './model.ts';
import { type ComposedBriefing, composeBriefing } from './narrative.ts';
import { type Appendix, type AppendixTable, buildAppendices, type CellAlign } from './tables.ts';

const FONT = 'Times New Roman';
/** docx sizes are half-points. */
const pt = (points: number) => points * 2;
/** Millimetres to twips, rounded (docx's own helper truncates: 20 mm would be 1133, not 1134). */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

export const PAGE = {
  width: 11906,
  height: 16838,
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
  /** Distance of the page-number header from the top edge, inside the top margin. */
  header: mm(10),
} as const;

/** Text width: 210 − 30 − 15 mm. */
const TEXT_WIDTH_MM = 165;
/** Header columns: the left fits an issuer name of about 21 capitals, the right the Quốc hiệu at 13 pt bold (95 mm). */
const LEFT_MM = 64;
const RIGHT_MM = TEXT_WIDTH_MM - LEFT_MM;
/** Width of the Tiêu ngữ at 14 pt bold, measured with Times New Roman metrics; its line is as long. */
const MOTTO_WIDTH_MM = 60.5;
/** Average width of a bold capital at 13 pt and of a bold lower-case letter at 14 pt (Times New Roman). */
const CAPITAL_13_MM = 2.85;
const LOWER_14_MM = 2.35;
/** Stamp widths of TT 24/2020/TT-BCA (MẬT by pattern). */
const STAMP_WIDTH_MM: Record<string, number> = { MẬT: 20, 'TỐI MẬT': 30, 'TUYỆT MẬT': 40 };

const RED = 'FF0000';
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
const STAMP_BORDER: IBorderOptions = { style: BorderStyle.DOUBLE, size: 6, color: RED, space: 1 };

type RunStyle = Pick<IRunOptions, 'bold' | 'italics' | 'color'> & { size?: number };

function run(text: string, style: RunStyle = {}): TextRun {
  const { size = 14, ...rest } = style;
  return new TextRun({ text, font: FONT, size: pt(size), ...rest });
}

function para(
  text: string,
  style: RunStyle,
  options: Omit<IParagraphOptions, 'children' | 'text'> = {},
): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 240 },
    ...options,
    children: [run(text, style)],
  });
}

/** A solid line of `widthMm`, centred in a column of `columnMm`: an empty paragraph with a top border. */
function centredLine(widthMm: number, columnMm: number): Paragraph {
  const side = Math.max(0, (columnMm - widthMm) / 2);
  return new Paragraph({
    indent: { left: mm(side), right: mm(side) },
    spacing: { before: 20, after: 0, line: 240 },
    border: { top: LINE },
    children: [run('', { size: 1 })],
  });
}

function cell(children: Paragraph[], widthMm: number, extra: { columnSpan?: number } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: mm(widthMm), type: WidthType.DXA },
    margins: { top: 0, bottom: 0, left: mm(0.5), right: mm(0.5) },
    ...extra,
  });
}

function secrecyStamp(mark: string, columnMm: number): Paragraph {
  const width = STAMP_WIDTH_MM[mark] ?? 30;
  const side = Math.max(0, (columnMm - width) / 2);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: mm(side), right: mm(side) },
    spacing: { before: 120, after: 0, line: 240 },
    border: { top: STAMP_BORDER, bottom: STAMP_BORDER, left: STAMP_BORDER, right: STAMP_BORDER },
    children: [run(mark, { bold: true, size: 13, color: RED })],
  });
}

/** Boxes 1–4 and 10a: a borderless table, so Số and the date line share a row as the decree places them. */
function headerTable(c: ComposedBriefing): Table {
  const left: Paragraph[] = [];
  if (c.parentLine) left.push(para(c.parentLine, { size: 13 }, { alignment: AlignmentType.CENTER }));
  left.push(para(c.issuerLine, { size: 13, bold: true }, { alignment: AlignmentType.CENTER }));
  // The line under the issuer is 1/3 to 1/2 of the name's width.
  const issuerWidth = Math.min(LEFT_MM - 2, c.issuerLine.length * CAPITAL_13_MM);
  left.push(centredLine(Math.max(12, issuerWidth * 0.45), LEFT_MM));

  const right = [
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 13, bold: true }, { alignment: AlignmentType.CENTER }),
    para('Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true }, { alignment: AlignmentType.CENTER }),
    centredLine(MOTTO_WIDTH_MM, RIGHT_MM),
  ];

  const rows = [
    new TableRow({ children: [cell(left, LEFT_MM), cell(right, RIGHT_MM)] }),
    new TableRow({
      children: [
        cell(
          [
            para(
              c.numberLine,
              { size: 13 },
              { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 0 } },
            ),
          ],
          LEFT_MM,
        ),
        cell(
          [
            para(
              c.placeDateLine,
              { size: 14, italics: true },
              { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 0 } },
            ),
          ],
          RIGHT_MM,
        ),
      ],
    }),
  ];
  if (c.secrecyMark) {
    rows.push(
      new TableRow({
        children: [cell([secrecyStamp(c.secrecyMark, LEFT_MM)], LEFT_MM), cell([para('', {})], RIGHT_MM)],
      }),
    );
  }
  return new Table({
    rows,
    width: { size: mm(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [mm(LEFT_MM), mm(RIGHT_MM)],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

function titleBlock(c: ComposedBriefing): Paragraph[] {
  const out = [
    para(c.typeName, { bold: true }, { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 0 } }),
    para(c.summary, { bold: true }, { alignment: AlignmentType.CENTER }),
    centredLine(Math.min(TEXT_WIDTH_MM, c.summary.length * LOWER_14_MM) / 3, TEXT_WIDTH_MM),
  ];
  if (c.addressees.length === 1) {
    out.push(
      para(
        `Kính gửi: ${c.addressees[0]}.`,
        {},
        { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 } },
      ),
    );
  } else if (c.addressees.length > 1) {
    // The dashes line up under the colon: a hanging indent as wide as "Kính gửi: ".
    const children: TextRun[] = [run('Kính gửi:')];
    c.addressees.forEach((a, i) => {
      const end = i === c.addressees.length - 1 ? '.' : ';';
      children.push(new TextRun({ text: `\t- ${a}${end}`, font: FONT, size: pt(14), break: i > 0 ? 1 : 0 }));
    });
    out.push(
      new Paragraph({
        indent: { left: mm(50), hanging: mm(22) },
        tabStops: [{ type: 'left', position: mm(50) }],
        spacing: { before: 240, after: 120 },
        children,
      }),
    );
  } else {
    out.push(para('', {}, { spacing: { before: 120, after: 0 } }));
  }
  return out;
}

/** Body: 6 pt after each paragraph, line spacing 1.15 (the decree allows single to 1.5). */
const BODY_SPACING = { before: 0, after: 120, line: 276 } as const;

function bodyParagraphs(c: ComposedBriefing): Paragraph[] {
  const last = c.body.length - 1;
  return c.body.map((block, index) => {
    if (block.kind === 'heading') {
      return para(
        block.text,
        { bold: block.level < 3 },
        {
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: 720 },
          spacing: { ...BODY_SPACING, before: block.level === 1 ? 120 : 0 },
          keepNext: true,
        },
      );
    }
    // The closing paragraph stays on the page of the signature block, which never stands alone.
    return para(
      block.text,
      {},
      {
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: 720 },
        spacing: BODY_SPACING,
        ...(index === last ? { keepNext: true, keepLines: true } : {}),
      },
    );
  });
}

/** Boxes 7a, 7b and 9b: recipients on the left, level with the signer's title on the right. */
function signatureTable(c: ComposedBriefing): Table {
  const leftMm = 75;
  const rightMm = TEXT_WIDTH_MM - leftMm;
  const left = [
    para('Nơi nhận:', { size: 12, bold: true, italics: true }),
    ...c.recipientLines.map((r) => para(r, { size: 11 })),
  ];
  const right = [
    ...c.signerTitleLines.map((t) => para(t, { bold: true }, { alignment: AlignmentType.CENTER })),
    // Room for the handwritten or digital signature and the seal.
    ...Array.from({ length: 4 }, () => para('', {})),
    para(c.signerName, { bold: true }, { alignment: AlignmentType.CENTER }),
  ];
  return new Table({
    // The signature never starts on one page and ends on the next.
    rows: [new TableRow({ cantSplit: true, children: [cell(left, leftMm), cell(right, rightMm)] })],
    width: { size: mm(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [mm(leftMm), mm(rightMm)],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

/** Whether XML 1.0 allows a character below U+0020 (tab, line feed, carriage return). */
const allowedControl = (code: number) => code === 9 || code === 10 || code === 13;

/** Text for WordprocessingML: the three markup characters escaped, characters XML forbids dropped. */
function escapeXml(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 32 && !allowedControl(code)) continue;
    out += ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch;
  }
  return out;
}

const TABLE_BORDER =
  '<w:top w:val="single" w:color="000000" w:sz="4"/><w:left w:val="single" w:color="000000" w:sz="4"/><w:bottom w:val="single" w:color="000000" w:sz="4"/><w:right w:val="single" w:color="000000" w:sz="4"/><w:insideH w:val="single" w:color="000000" w:sz="4"/><w:insideV w:val="single" w:color="000000" w:sz="4"/>';
const CELL_FONT = `<w:rFonts w:ascii="${FONT}" w:cs="${FONT}" w:eastAsia="${FONT}" w:hAnsi="${FONT}"/>`;

/**
 * An appendix table written straight as WordprocessingML: a bordered fixed-layout table at 12 pt, the header row
 * repeated on every page, no row split across pages. The appendices hold thousands of cells, and building each as
 * docx objects (cell, paragraph, run and their properties, each formatted to XML on packing) cost seconds per
 * report; the XML is the same, written in one pass.
 */
export function dataTableXml(table: AppendixTable): string {
  const widths = table.widths.map((w) => mm(w));
  // The opening of a cell for each column, alignment and weight: built once per table.
  const openings = new Map<string, string>();
  const opening = (i: number, align: CellAlign, bold: boolean) => {
    const key = `${i}|${align}|${bold}`;
    let found = openings.get(key);
    if (!found) {
      found = `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[i] ?? mm(20)}"/><w:tcMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="${mm(1)}"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="${mm(1)}"/></w:tcMar><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:spacing w:after="30" w:before="30"/><w:jc w:val="${align}"/></w:pPr><w:r><w:rPr>${CELL_FONT}${bold ? '<w:b/><w:bCs/>' : ''}<w:sz w:val="${pt(12)}"/><w:szCs w:val="${pt(12)}"/></w:rPr><w:t xml:space="preserve">`;
      openings.set(key, found);
    }
    return found;
  };
  const CLOSE = '</w:t></w:r></w:p></w:tc>';
  const parts: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${widths.reduce((a, b) => a + b, 0)}"/><w:tblBorders>${TABLE_BORDER}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`,
    ...widths.map((w) => `<w:gridCol w:w="${w}"/>`),
    `</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/><w:trHeight w:val="${mm(8)}" w:hRule="atLeast"/></w:trPr>`,
  ];
  table.headers.forEach((h, i) => {
    parts.push(opening(i, 'center', true), escapeXml(h), CLOSE);
  });
  parts.push('</w:tr>');
  for (const row of table.rows) {
    parts.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
    row.forEach((c, i) => {
      parts.push(opening(i, c.align, c.bold), escapeXml(c.text), CLOSE);
    });
    parts.push('</w:tr>');
  }
  parts.push('</w:tbl>');
  return parts.join('');
}

/** The paragraph standing in for appendix table `n` until the packed document gets the table's XML. */
const TABLE_MARK = (n: number) => `GIAOBAN-APPENDIX-TABLE-${n}`;
const markParagraph = (n: number) => new Paragraph({ children: [new TextRun(TABLE_MARK(n))] });

/** A native Word line chart: the last 24 months against the same months a year earlier. */
function trendChart(series: TrendSeries): Paragraph {
  const labels = series.points.map((p) => p.label);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
    keepLines: true,
    children: [
      new ChartRun({
        type: 'line',
        title: { text: `${series.title} (${series.unit})` },
        categories: labels,
        series: [
          {
            name: 'Số liệu tháng',
            values: series.points.map((p) => p.value),
            color: 'C00000',
            markers: true,
          },
          { name: 'Cùng kỳ năm trước', values: series.points.map((p) => p.lastYear), color: '7F7F7F' },
        ],
        font: { name: FONT },
        categoryAxis: { labelRotation: -45, font: { size: 9 } },
        // Charts carry their own en-US locale, so the Vietnamese grouping dot is written as a literal.
        valueAxis: {
          numberFormat: series.decimals > 0 ? `0.${'0'.repeat(series.decimals)}` : '[>=1000]#"."##0;0',
        },
        legend: { position: 'bottom' },
        transformation: { width: 620, height: 300 },
        altText: { name: series.title, description: `Biểu đồ ${series.title}`, title: series.title },
      }),
    ],
  });
}

function appendixBlock(a: Appendix, tables: string[]): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [
    para(a.label, { bold: true }, { alignment: AlignmentType.CENTER }),
    para(a.title, { bold: true }, { alignment: AlignmentType.CENTER }),
    para(a.subtitle, { italics: true, size: 13 }, { alignment: AlignmentType.CENTER }),
    para(
      a.reference,
      { italics: true },
      { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 240 } },
    ),
  ];
  if (a.content.kind === 'table') {
    tables.push(dataTableXml(a.content.table));
    out.push(markParagraph(tables.length - 1));
  } else for (const s of a.content.series) out.push(trendChart(s));
  return out;
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(14) })],
      }),
    ],
  });
}

/**
 * Builds the document object, with each appendix table as a marked paragraph, and the tables' XML that
 * `renderBriefingDocx` puts in their place.
 */
export function buildBriefingDocument(report: BriefingReport): { document: Document; tables: string[] } {
  const c = composeBriefing(report);
  const appendices = buildAppendices(report, c);
  const tables: string[] = [];
  const children: Array<Paragraph | Table> = [
    headerTable(c),
    ...titleBlock(c),
    ...bodyParagraphs(c),
    para('', {}, { spacing: { before: 0, after: 120 }, keepNext: true }),
    signatureTable(c),
  ];
  const page = {
    size: { width: PAGE.width, height: PAGE.height },
    margin: {
      top: PAGE.top,
      bottom: PAGE.bottom,
      left: PAGE.left,
      right: PAGE.right,
      header: PAGE.header,
      footer: PAGE.header,
    },
  };
  const headers = () => ({
    default: pageNumberHeader(),
    // Decree 30: no page number on the first page.
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  });
  // Each appendix is its own section on a new page, numbered from 1 (Decree 30, Appendix I: "Phụ lục … đánh số
  // trang riêng").
  const appendixSections = appendices.map((a) => ({
    properties: { titlePage: true, page: { ...page, pageNumbers: { start: 1 } } },
    headers: headers(),
    children: appendixBlock(a, tables),
  }));
  const document = new Document({
    creator: report.issuer.name,
    title: `${c.typeName} ${c.summary}`,
    description: c.secrecyMark ? `Độ mật: ${c.secrecyMark}` : '',
    styles: {
      default: {
        // No default line spacing: LibreOffice then squeezes inline charts to one line's height.
        document: { run: { font: FONT, size: pt(14) } },
      },
    },
    sections: [{ properties: { titlePage: true, page }, headers: headers(), children }, ...appendixSections],
  });
  return { document, tables };
}

/** The report as a .docx file: docx packs the document, then each marked paragraph becomes its table. */
export async function renderBriefingDocx(report: BriefingReport): Promise<Buffer> {
  const { document, tables } = buildBriefingDocument(report);
  const packed = await Packer.toBuffer(document);
  if (tables.length === 0) return packed;
  const zip = await JSZip.loadAsync(packed);
  const entry = zip.file('word/document.xml');
  if (!entry) throw new Error('docx: the packed document has no word/document.xml');
  let xml = await entry.async('string');
  tables.forEach((table, n) => {
    const at = xml.indexOf(`>${TABLE_MARK(n)}<`);
    const open = xml.lastIndexOf('<w:p>', at);
    const close = xml.indexOf('</w:p>', at) + '</w:p>'.length;
    if (at < 0 || open < 0) throw new Error(`docx: the mark of appendix table ${n} is missing`);
    // The last paragraph of a section holds the section's properties: they stay, in an empty paragraph after the
    // table, as Word writes a section that ends with a table.
    const properties = /^<w:p>(<w:pPr>.*<\/w:pPr>)<w:r>/s.exec(xml.slice(open, close))?.[1];
    xml = xml.slice(0, open) + table + (properties ? `<w:p>${properties}</w:p>` : '') + xml.slice(close);
  });
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
