import { type IsoDate, vietnamDateOf } from '../vietnamese/dates.ts';

/** The passage of time, injected so that deadlines and "today" can be tested and demonstrated. */
export interface Clock {
  now(): Date;
  /** Today's date in Vietnam (UTC+7). */
  today(): IsoDate;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => vietnamDateOf(new Date()),
};

/** A clock frozen at an instant ("2020-02-26" means 08:00 that day in Vietnam), or moved by hand in tests. */
export class FixedClock implements Clock {
  private instant: Date;
  constructor(at: string | Date) {
    this.instant = typeof at === 'string' ? parseInstant(at) : at;
  }
  now(): Date {
    return new Date(this.instant);
  }
  today(): IsoDate {
    return vietnamDateOf(this.instant);
  }
  set(at: string | Date): void {
    this.instant = typeof at === 'string' ? parseInstant(at) : at;
  }
}

/** "2020-02-26" → 08:00 in Vietnam that day; "2020-02-26T08:00" → that time in Vietnam; full ISO with zone as is. */
export function parseInstant(text: string): Date {
  let iso = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) iso = `${iso}T08:00:00+07:00`;
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso)) iso = `${iso}+07:00`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()))
    throw new Error(`"${text}" is not a date or time (use 2020-02-26 or 2020-02-26T08:00)`);
  return date;
}
