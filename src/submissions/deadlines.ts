import { addWorkingDays } from '../calendar/holidays.ts';
import type { ReportForm } from '../indicators/model.ts';
import type { Period } from '../periods/period.ts';
import { periodWindow } from '../periods/regime.ts';
import type { UnitKind } from '../units/model.ts';
import type { IsoDate } from '../vietnamese/dates.ts';

/**
 * A unit's deadline for a form and period: working days after the data window ends, per level, so that each level
 * can aggregate before passing upward (Decree 09/2019 art. 8.5: at least one working day between the window's end
 * and the deadline).
 */
export function deadlineFor(form: Pick<ReportForm, 'deadline'>, period: Period, kind: UnitKind): IsoDate {
  const end = periodWindow(period).end;
  const days = form.deadline.workingDaysAfterWindowEnd[kind as 'province'] ?? 3;
  return addWorkingDays(end, Math.max(1, days));
}
