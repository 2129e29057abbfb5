// Times reading a 10-page .docx built from the real evaluation passages: text out of the .docx, then figures and
// comparisons out of the text. Prints the median of the runs (target ≤ 300 ms).
// Usage: node --import tsx bench/extract.ts [--runs N] [--pages P]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { extract, extractTextFromDocx } from '../src/extraction/index.ts';
import { INDICATORS } from '../src/indicators/catalogue.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
const runs = option('--runs', 15);
const pages = option('--pages', 10);
// A typed A4 page of a report in 13-pt Times New Roman holds about 450 Vietnamese words.
const WORDS_PER_PAGE = 450;

const passages = (
  JSON.parse(
    readFileSync(new URL('../test/fixtures/extraction/real/passages.json', import.meta.url), 'utf8'),
  ) as Array<{ text: string }>
).map((p) => p.text);

/** Paragraphs of real passages, cycling through them, until the document reaches `pages` pages of words. */
function paragraphs(): string[] {
  const out: string[] = [];
  let words = 0;
  for (let i = 0; words < pages * WORDS_PER_PAGE; i++) {
    const text = passages[i % passages.length] ?? '';
    out.push(text);
    words += text.split(/\s+/).length;
  }
  return out;
}

async function buildDocx(): Promise<Buffer> {
  const body = paragraphs();
  const doc = new Document({
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            alignment: AlignmentType.CENTER,
            children: [new TextRun('BÁO CÁO KẾT QUẢ CÔNG TÁC THÁNG')],
          }),
          ...body.map(
            (t) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun(t)] }),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

const buffer = await buildDocx();
const times: number[] = [];
const docxTimes: number[] = [];
// CPU time of this process per run: on a shared machine the wall time also counts waiting for a core.
const cpuTimes: number[] = [];
let figures = 0;
let comparisons = 0;
let words = 0;
// One warm-up run compiles the rule set and warms the JIT, as in a running server.
for (let r = -1; r < runs; r++) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const text = await extractTextFromDocx(buffer);
  const t1 = performance.now();
  const result = extract(text, INDICATORS);
  const ms = performance.now() - t0;
  if (r < 0) continue;
  const cpu = process.cpuUsage(cpu0);
  times.push(ms);
  docxTimes.push(t1 - t0);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  figures = result.figures.length;
  comparisons = result.comparisons.length;
  words = text.split(/\s+/).length;
}
console.log(
  `extract a ${pages}-page .docx (${(buffer.length / 1024).toFixed(0)} KB, ${words} words): ` +
    `median ${median(times).toFixed(1)} ms over ${runs} runs (min ${Math.min(...times).toFixed(1)}, ` +
    `max ${Math.max(...times).toFixed(1)}; reading the .docx ${median(docxTimes).toFixed(1)}; CPU time ` +
    `${median(cpuTimes).toFixed(1)}); ${figures} figures, ${comparisons} comparisons; target ≤ 300 ms`,
);
