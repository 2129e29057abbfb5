import { z } from 'zod';
import { INCLUDE_LEVELS } from '../analytics/status.ts';
import { isValidIsoDate } from '../vietnamese/dates.ts';

/** A calendar date "YYYY-MM-DD" that exists. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD')
  .refine(isValidIsoDate, 'ngày không tồn tại');

export const periodIdSchema = z.string().min(4).max(30);
export const unitCodeSchema = z.string().min(1).max(20);
export const indicatorCodeSchema = z.string().min(1).max(60);

/** Which reports a figure-reading route counts (see src/analytics/status.ts and README, "Data status"). */
export const includeSchema = z
  .enum(INCLUDE_LEVELS)
  .optional()
  .describe('which reports count: approved, submitted (default: also submitted ones) or draft');

/**
 * The version a client read a record at, sent back with its update: optional in the schema so that the route can
 * answer 428 (version required) rather than 400 when it is missing, and 409 when it is stale.
 */
export function versionReadSchema(description: string) {
  return z.number().int().min(0).optional().describe(description);
}
