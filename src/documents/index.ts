export { trendChartSvg } from './charts.ts';
export { buildBriefingDocument, renderBriefingDocx } from './docx.ts';
export { buildSampleBriefingReport, type SampleOptions } from './fixtures.ts';
export * from './model.ts';
export {
  type BodyBlock,
  type ComposedBriefing,
  composeBriefing,
  effectiveSecrecy,
  fieldParagraphs,
  formatQuantity,
  tetName,
} from './narrative.ts';
export type { SignatureStamp } from './pdf.ts';
export { buildBriefingPdfDefinition, renderBriefingPdf } from './pdf.ts';
export type { ReportLevel } from './rules.ts';
export { certificateName, type SigningKey, signPdf, type Verification, verifyPdf } from './sign.ts';
export { type Appendix, type AppendixTable, buildAppendices, type TableCell } from './tables.ts';
export { renderBriefingXlsx } from './xlsx.ts';
