import { z } from 'zod';
import { isValidIsoDate } from '../vietnamese/dates.ts';

/** A calendar date "YYYY-MM-DD" that exists. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD')
  .refine(isValidIsoDate, 'ngày không tồn tại');

export const periodIdSchema = z.string().min(4).max(30);
export const unitCodeSchema = z.string().min(1).max(20);
export const indicatorCodeSchema = z.string().min(1).max(60);
