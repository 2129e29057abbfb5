import type { AppContext } from '../app/context.ts';
import {
  effectiveSecrecy,
  renderBriefingDocx,
  renderBriefingPdf,
  renderBriefingXlsx,
} from '../documents/index.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import { type BriefingOptions, buildBriefingReport } from './briefing.ts';

export type ReportFormat = 'docx' | 'xlsx' | 'pdf';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** Builds and renders the briefing report; returns the file and the secrecy level printed on it. */
export async function renderBriefing(
  ctx: AppContext,
  options: BriefingOptions & { format: ReportFormat },
): Promise<{ buffer: Buffer; filename: string; contentType: string; secrecy: SecrecyLevel }> {
  const report = await buildBriefingReport(ctx, options);
  const render = { docx: renderBriefingDocx, xlsx: renderBriefingXlsx, pdf: renderBriefingPdf }[
    options.format
  ];
  const buffer = await render(report);
  return {
    buffer,
    filename: `bao-cao-giao-ban-${report.period.id}-${options.unit}.${options.format}`,
    contentType: CONTENT_TYPES[options.format],
    secrecy: effectiveSecrecy(report),
  };
}
