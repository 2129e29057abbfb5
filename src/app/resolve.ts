import type { Period } from '../periods/period.ts';
import { PeriodError, parsePeriod } from '../periods/period.ts';
import { referenceDate } from '../periods/regime.ts';
import { AppError } from '../shared/errors.ts';
import type { UnitGraph } from '../units/graph.ts';
import type { Unit } from '../units/model.ts';
import { formatDate, type IsoDate } from '../vietnamese/dates.ts';

export function resolvePeriod(id: string): Period {
  try {
    return parsePeriod(id);
  } catch (error) {
    if (error instanceof PeriodError) {
      throw new AppError(
        'bad_request',
        error.message,
        `invalid period "${id}": use 2020-02, 2020-Q1, 2020-H1, 2020, 2020-02-ytd, 2020-02-15 or 2020-01-09..2020-02-08`,
        [{ field: 'period', reason: error.reason }],
      );
    }
    throw error;
  }
}

/**
 * Finds the unit carrying a code on a date. Codes were reused in 2025 (15 was Yên Bái, then Lào Cai), so a code
 * that exists on other dates gets an error that says when it was valid.
 */
export function resolveUnit(graph: UnitGraph, code: string, date: IsoDate): Unit {
  const unit = graph.findByCode(code.trim(), date);
  if (unit) return unit;
  const others = graph.unitsWithCode(code.trim());
  if (others.length > 0) {
    const spans = others.map(
      (u) =>
        `${graph.nameOn(u.id, u.validFrom)} (${formatDate(u.validFrom)}–${u.validTo === '9999-12-31' ? 'nay' : formatDate(u.validTo)})`,
    );
    throw new AppError(
      'not_found',
      `Mã đơn vị "${code}" không có hiệu lực ngày ${formatDate(date)}; mã này dùng cho: ${spans.join('; ')}`,
      `unit code "${code}" is not valid on ${date}`,
      [{ field: 'unit', reason: 'không có hiệu lực vào ngày này' }],
    );
  }
  throw new AppError('not_found', `Không có đơn vị mã "${code}"`, `no unit with code "${code}"`, [
    { field: 'unit', reason: 'không tồn tại' },
  ]);
}

/** The unit for a period: the code as it was on the period's reference date. */
export function resolveUnitForPeriod(graph: UnitGraph, code: string, period: Period): Unit {
  return resolveUnit(graph, code, referenceDate(period));
}
