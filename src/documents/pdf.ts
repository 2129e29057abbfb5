/**
 * The briefing report as a PDF drawn with pdfmake: the same composed text and tables as the .docx, in the same
 * Decree 30 layout (A4, margins 20/20/30/15 mm, header boxes, red secrecy stamp, page numbers from page 2).
 * The text is set in Tinos (@fontsource/tinos, SIL Open Font License 1.1, which allows embedding), a serif with the
 * metrics of Times New Roman, so lines break as in the .docx at 14 pt. Fontsource ships Tinos split by Unicode
 * subset (latin, latin-ext, vietnamese), so each run of text is set in the subset that has its glyphs. The charts
 * keep Roboto, which ships with pdfmake, because the SVG renderer opens one font by path.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { trendChartSvg } from './charts.ts';
import type { BriefingReport } from './model.ts';
import { type ComposedBriefing, composeBriefing } from './narrative.ts';
import { type Appendix, type AppendixTable, buildAppendices } from './tables.ts';
import { woffToSfnt } from './woff.ts';

/** pdfmake's document tree is loosely typed; nodes are plain objects checked by pdfmake itself. */
type PdfNode = { [key: string]: unknown };
type PdfContent = string | PdfNode | PdfContent[];

interface PdfDocDefinition {
  pageSize: string;
  pageMargins: [number, number, number, number];
  header: (currentPage: number) => PdfContent | null;
  content: PdfContent[];
  defaultStyle: PdfNode;
  info: { [key: string]: string | Date };
}

/** The part of pdfmake's server API used here. */
interface PdfMakeServer {
  addFonts(fonts: {
    [family: string]: { normal: string; bold: string; italics: string; bolditalics: string };
  }): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  createPdf(doc: PdfDocDefinition): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url);
let pdfmakeInstance: PdfMakeServer | null = null;

/** The Tinos subsets, in the order a character is looked up. */
const TINOS_SUBSETS = ['latin', 'vietnamese', 'latin-ext'] as const;
type TinosSubset = (typeof TINOS_SUBSETS)[number];
const TINOS_FAMILY: Record<TinosSubset, string> = {
  latin: 'TinosLatin',
  vietnamese: 'TinosVi',
  'latin-ext': 'TinosExt',
};

function tinosDir(): string {
  return join(dirname(require.resolve('@fontsource/tinos/package.json')), 'files');
}

const TINOS_STYLES = {
  normal: [400, 'normal'],
  bold: [700, 'normal'],
  italics: [400, 'italic'],
  bolditalics: [700, 'italic'],
} as const;
type TinosStyle = keyof typeof TINOS_STYLES;

/** Tinos converted from WOFF to TrueType once per process, by its name in pdfmake's virtual file system. */
const tinosFonts = new Map<string, Buffer>();

/** The virtual file name of a Tinos subset and style, converted on first use. */
function tinosFile(subset: TinosSubset, style: TinosStyle): string {
  const [weight, slant] = TINOS_STYLES[style];
  const name = `tinos-${subset}-${weight}-${slant}.ttf`;
  if (!tinosFonts.has(name))
    tinosFonts.set(
      name,
      woffToSfnt(readFileSync(join(tinosDir(), `tinos-${subset}-${weight}-${slant}.woff`))),
    );
  return name;
}

function tinosFiles(subset: TinosSubset): Record<TinosStyle, string> {
  return {
    normal: tinosFile(subset, 'normal'),
    bold: tinosFile(subset, 'bold'),
    italics: tinosFile(subset, 'italics'),
    bolditalics: tinosFile(subset, 'bolditalics'),
  };
}

interface GlyphFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}
let coverage: Array<[TinosSubset, GlyphFont]> | null = null;
const subsetCache = new Map<number, TinosSubset>();

/** The subset that has a character's glyph (latin first); latin when none has it. */
function subsetOf(codePoint: number): TinosSubset {
  const cached = subsetCache.get(codePoint);
  if (cached) return cached;
  coverage ??= TINOS_SUBSETS.map((subset) => {
    const fontkit = require('fontkit') as { create(data: Buffer): GlyphFont };
    const font = fontkit.create(tinosFonts.get(tinosFile(subset, 'normal')) as Buffer);
    return [subset, font] as [TinosSubset, GlyphFont];
  });
  const found = coverage.find(([, font]) => font.hasGlyphForCodePoint(codePoint))?.[0] ?? 'latin';
  subsetCache.set(codePoint, found);
  return found;
}

/** "Công an" → runs of text, each in the Tinos subset that has its glyphs. */
export function fontRuns(text: string): Array<{ text: string; font: string }> {
  const runs: Array<{ text: string; font: string }> = [];
  let current: TinosSubset | null = null;
  let buffer = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 32;
    const subset = subsetOf(cp);
    if (subset !== current && buffer !== '') {
      runs.push({ text: buffer, font: TINOS_FAMILY[current ?? 'latin'] });
      buffer = '';
    }
    current = subset;
    buffer += ch;
  }
  if (buffer !== '') runs.push({ text: buffer, font: TINOS_FAMILY[current ?? 'latin'] });
  return runs;
}

/**
 * Replaces every text string of a document tree by its font runs (SVG nodes are left alone). Text of one subset (most
 * table cells: numbers, Latin words) keeps its string and takes the font on its node, so pdfmake measures it as one
 * inline rather than an array of them.
 */
function withTinos(node: unknown): unknown {
  if (typeof node === 'string') {
    if (node === '') return node;
    const runs = fontRuns(node);
    return runs.length === 1 ? runs[0] : { text: runs };
  }
  if (Array.isArray(node)) return node.map(withTinos);
  if (node === null || typeof node !== 'object') return node;
  const out: PdfNode = {};
  for (const [key, value] of Object.entries(node as PdfNode)) {
    if (key === 'svg' || typeof value === 'function') out[key] = value;
    else if (key === 'text' && typeof value === 'string') {
      const runs = value === '' ? [] : fontRuns(value);
      if (runs.length === 1 && !('font' in (node as PdfNode))) {
        out[key] = runs[0]?.text;
        out.font = runs[0]?.font;
      } else out[key] = value === '' ? value : runs;
    } else if (['text', 'stack', 'columns', 'table', 'body', 'content'].includes(key) || Array.isArray(value))
      out[key] = withTinos(value);
    else out[key] = value;
  }
  return out;
}

const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

/**
 * pdfmake with the Roboto files it ships. Fonts are read from pdfmake's own folder by path (its SVG renderer
 * opens fonts by path, so the virtual file system would not serve the charts). Nothing else is read or fetched:
 * other local paths and all URLs in a document are refused, as the system must run on an isolated network.
 */
function pdfmake(): PdfMakeServer {
  if (pdfmakeInstance) return pdfmakeInstance;
  const instance = require('pdfmake') as PdfMakeServer;
  const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  instance.addFonts({
    Roboto: {
      normal: join(fontDir, FONT_FILES.normal),
      bold: join(fontDir, FONT_FILES.bold),
      italics: join(fontDir, FONT_FILES.italics),
      bolditalics: join(fontDir, FONT_FILES.bolditalics),
    },
    ...Object.fromEntries(TINOS_SUBSETS.map((subset) => [TINOS_FAMILY[subset], tinosFiles(subset)])),
  });
  // Tinos is served from memory (converted to TrueType); only Roboto, for the charts, is read by path.
  for (const [name, data] of tinosFonts) instance.virtualfs.writeFileSync(name, data);
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((path) => dirname(path) === fontDir);
  pdfmakeInstance = instance;
  return instance;
}

const mm = (millimetres: number) => (millimetres * 72) / 25.4;
const TEXT_WIDTH = mm(165);
const LEFT = mm(64);
const RIGHT = TEXT_WIDTH - LEFT;
const BODY = 14;
const RED = '#FF0000';
const STAMP_WIDTH_MM: Record<string, number> = { MẬT: 20, 'TỐI MẬT': 30, 'TUYỆT MẬT': 40 };

/** A centred solid line `width` long in a column `column` wide. */
function line(width: number, column: number, marginTop = 1): PdfNode {
  const x1 = Math.max(0, (column - width) / 2);
  return {
    canvas: [{ type: 'line', x1, y1: 0, x2: x1 + width, y2: 0, lineWidth: 0.6 }],
    margin: [0, marginTop, 0, 0],
  };
}

const NO_BORDERS = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

/** Box 10a: red text in a double red frame (two nested frames 1 mm apart), as the stamp is. */
function stamp(mark: string): PdfNode {
  const width = mm(STAMP_WIDTH_MM[mark] ?? 30);
  const frame = (padding: number) => ({
    hLineWidth: () => 0.6,
    vLineWidth: () => 0.6,
    hLineColor: () => RED,
    vLineColor: () => RED,
    paddingLeft: () => padding,
    paddingRight: () => padding,
    paddingTop: () => padding,
    paddingBottom: () => padding,
  });
  const inner = {
    table: {
      widths: ['*'],
      body: [[{ text: mark, bold: true, color: RED, fontSize: 13, alignment: 'center' }]],
    },
    layout: frame(1),
  };
  return {
    columns: [
      { width: '*', text: '' },
      { width, table: { widths: ['*'], body: [[inner]] }, layout: frame(mm(0.8)) },
      { width: '*', text: '' },
    ],
    margin: [0, 6, 0, 0],
  };
}

function headerBlock(c: ComposedBriefing): PdfContent[] {
  const left: PdfContent[] = [];
  if (c.parentLine) left.push({ text: c.parentLine, fontSize: 12.5, alignment: 'center' });
  left.push({ text: c.issuerLine, fontSize: 12.5, bold: true, alignment: 'center' });
  left.push(line(Math.max(mm(12), Math.min(LEFT, c.issuerLine.length * mm(3.1)) * 0.45), LEFT));

  const right: PdfContent[] = [
    { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', fontSize: 12.5, bold: true, alignment: 'center' },
    { text: 'Độc lập - Tự do - Hạnh phúc', fontSize: 13, bold: true, alignment: 'center' },
    line(mm(57), RIGHT),
  ];
  // Số and the place-and-date line share a row, as boxes 3 and 4 do.
  const body: PdfContent[][] = [
    [{ stack: left }, { stack: right }],
    [
      {
        text: c.numberLine,
        fontSize: 12.5,
        alignment: 'center',
        margin: [0, 8, 0, 0],
        preserveLeadingSpaces: true,
      },
      { text: c.placeDateLine, fontSize: 13, italics: true, alignment: 'center', margin: [0, 8, 0, 0] },
    ],
  ];
  if (c.secrecyMark) body.push([stamp(c.secrecyMark), { text: '' }]);
  return [{ table: { widths: [LEFT, RIGHT], body }, layout: NO_BORDERS }];
}

function titleBlock(c: ComposedBriefing): PdfContent[] {
  const out: PdfContent[] = [
    { text: c.typeName, bold: true, fontSize: 14, alignment: 'center', margin: [0, 18, 0, 0] },
    { text: c.summary, bold: true, fontSize: 14, alignment: 'center' },
    line(TEXT_WIDTH / 3, TEXT_WIDTH, 2),
  ];
  if (c.addressees.length === 1) {
    out.push({ text: `Kính gửi: ${c.addressees[0]}.`, alignment: 'center', margin: [0, 12, 0, 6] });
  } else if (c.addressees.length > 1) {
    out.push({
      columns: [
        { width: mm(50), text: 'Kính gửi:', alignment: 'right', margin: [0, 0, 4, 0] },
        {
          width: '*',
          stack: c.addressees.map((a, i) => `- ${a}${i === c.addressees.length - 1 ? '.' : ';'}`),
        },
      ],
      margin: [0, 12, 0, 6],
    });
  } else {
    out.push({ text: '', margin: [0, 6, 0, 0] });
  }
  return out;
}

/** First-line indent of 1,27 cm. */
const INDENT = mm(12.7);

function bodyBlocks(c: ComposedBriefing): PdfContent[] {
  return c.body.map((b) => {
    const base = { alignment: 'justify', leadingIndent: INDENT, lineHeight: 1.15, margin: [0, 0, 0, 6] };
    if (b.kind === 'heading') {
      return {
        ...base,
        text: b.text,
        bold: b.level < 3,
        margin: [0, b.level === 1 ? 6 : 0, 0, 6],
        headlineLevel: b.level,
      };
    }
    return { ...base, text: b.text };
  });
}

/**
 * The visible digital signature of an issued electronic document: at box 7c, between the position and the name,
 * in blue, with who signed and when (Decree 30, Appendix I, electronic documents).
 */
export interface SignatureStamp {
  signer: string;
  organisation: string | null;
  /** "26/02/2020 09:30:00 +07:00". */
  time: string;
}

function stampLines(stamp: SignatureStamp): PdfNode {
  const BLUE = '#0000FF';
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: `Ký bởi: ${stamp.signer}`, fontSize: 10, color: BLUE },
              ...(stamp.organisation
                ? [{ text: `Cơ quan: ${stamp.organisation}`, fontSize: 10, color: BLUE }]
                : []),
              { text: `Thời gian ký: ${stamp.time}`, fontSize: 10, color: BLUE },
            ],
          },
        ],
      ],
    },
    layout: {
      hLineColor: () => BLUE,
      vLineColor: () => BLUE,
      hLineWidth: () => 0.8,
      vLineWidth: () => 0.8,
    },
    margin: [mm(8), 6, mm(8), 6],
  };
}

function signatureBlock(c: ComposedBriefing, signature: SignatureStamp | null = null): PdfContent {
  const left = [
    { text: 'Nơi nhận:', fontSize: 12, bold: true, italics: true },
    ...c.recipientLines.map((r) => ({ text: r, fontSize: 11 })),
  ];
  const right = [
    ...c.signerTitleLines.map((t) => ({ text: t, bold: true, fontSize: 13, alignment: 'center' })),
    signature ? stampLines(signature) : { text: '', margin: [0, 60, 0, 0] },
    { text: c.signerName, bold: true, fontSize: 13, alignment: 'center' },
  ];
  return {
    table: {
      widths: [mm(75), TEXT_WIDTH - mm(75)],
      body: [[{ stack: left }, { stack: right }]],
      dontBreakRows: true,
    },
    layout: NO_BORDERS,
    margin: [0, 6, 0, 0],
    unbreakable: true,
  };
}

function dataTable(table: AppendixTable): PdfNode {
  const widths = table.widths.map((w) => mm(w) - 4.5);
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [
        table.headers.map((h) => ({ text: h, bold: true, alignment: 'center', fontSize: 10 })),
        ...table.rows.map((r) =>
          r.map((cell) => ({ text: cell.text, alignment: cell.align, bold: cell.bold, fontSize: 10 })),
        ),
      ],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingLeft: () => 2,
      paddingRight: () => 2,
      paddingTop: () => 1.5,
      paddingBottom: () => 1.5,
    },
  };
}

function appendixBlock(a: Appendix): PdfContent[] {
  const out: PdfContent[] = [
    { text: a.label, bold: true, fontSize: 14, alignment: 'center' },
    { text: a.title, bold: true, fontSize: 13, alignment: 'center' },
    { text: a.subtitle, italics: true, fontSize: 12, alignment: 'center' },
    {
      text: a.reference,
      italics: true,
      fontSize: 12,
      alignment: 'center',
      margin: [0, 0, 0, 10],
      preserveLeadingSpaces: true,
    },
  ];
  if (a.content.kind === 'table') out.push(dataTable(a.content.table));
  else {
    for (const s of a.content.series) {
      out.push({
        svg: trendChartSvg(s, { width: 620, height: 300 }),
        width: TEXT_WIDTH,
        margin: [0, 4, 0, 8],
        unbreakable: true,
      });
    }
  }
  return out;
}

/** A page number centred in the top margin. */
function pageNumber(n: number): PdfNode {
  return { text: String(n), alignment: 'center', fontSize: 13, margin: [0, mm(10), 0, 0] };
}

/**
 * The page header of an appendix section: pages numbered from 1 within the appendix, none on its first page, as in
 * the .docx (Decree 30: an appendix is numbered on its own). pdfmake calls a section's header for that section's
 * pages only, in order, after the layout, so the first page it is called for is the appendix's first page; a new
 * layout pass starts again from a lower page.
 */
function appendixHeader(): (page: number) => PdfNode | null {
  let first = 0;
  let last = 0;
  return (page) => {
    if (first === 0 || page <= last) first = page;
    last = page;
    const n = page - first + 1;
    return n === 1 ? null : pageNumber(n);
  };
}

/** The document definition (exposed for tests that check the content without rasterising). */
export function buildBriefingPdfDefinition(
  report: BriefingReport,
  signature: SignatureStamp | null = null,
): PdfDocDefinition {
  const c = composeBriefing(report);
  const appendices = buildAppendices(report, c);
  return {
    pageSize: 'A4',
    // left, top, right, bottom
    pageMargins: [mm(30), mm(20), mm(15), mm(20)],
    // Page numbers centred in the top margin, none on page 1.
    header: (page: number) => (page === 1 ? null : pageNumber(page)),
    content: withTinos([
      ...headerBlock(c),
      ...titleBlock(c),
      ...bodyBlocks(c).slice(0, -1),
      // The closing paragraph and the signature block stay together: the signature never stands alone on a page.
      { stack: [...bodyBlocks(c).slice(-1), signatureBlock(c, signature)], unbreakable: true },
      // Each appendix a section on new pages, numbered from 1.
      ...appendices.map((a) => ({ section: appendixBlock(a), header: appendixHeader() })),
    ]) as PdfContent[],
    defaultStyle: { font: 'TinosLatin', fontSize: BODY },
    info: {
      title: `${c.typeName} ${c.summary}`,
      author: report.issuer.name,
      subject: c.secrecyMark ? `Độ mật: ${c.secrecyMark}` : c.summary,
      // The issue date, not the clock: the same report gives the same file.
      creationDate: new Date(`${report.document.issueDate}T00:00:00+07:00`),
    },
  };
}

/** The report as a PDF file. */
export async function renderBriefingPdf(
  report: BriefingReport,
  signature: SignatureStamp | null = null,
): Promise<Buffer> {
  return pdfmake().createPdf(buildBriefingPdfDefinition(report, signature)).getBuffer();
}
