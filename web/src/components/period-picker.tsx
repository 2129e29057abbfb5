import { shiftMonth } from '../format.ts';
import { useLang } from '../i18n.ts';
import { updateParams } from '../router.ts';

/** The demo and the archive start in January 2019; figures are never entered for future months. */
const FIRST_YEAR = 2019;

export function PeriodPicker(props: { period: string; latest: string }) {
  const { lang, t } = useLang();
  const [year = '', month = ''] = props.period.split('-');
  const lastYear = Number(props.latest.slice(0, 4));
  const years = Array.from({ length: lastYear - FIRST_YEAR + 1 }, (_, i) => String(FIRST_YEAR + i));
  const set = (next: string) => {
    // Changing the year from a late month can overshoot the latest closed month: stop there instead.
    const clamped =
      next > props.latest ? props.latest : next < `${FIRST_YEAR}-01` ? `${FIRST_YEAR}-01` : next;
    updateParams({ period: clamped });
  };
  const monthName = (m: number) =>
    lang === 'vi'
      ? `Tháng ${String(m).padStart(2, '0')}`
      : new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return (
    <fieldset class="period-picker">
      <legend class="picker-label">{t('period')}</legend>
      <button
        type="button"
        class="icon-button"
        aria-label={t('previousMonth')}
        title={t('previousMonth')}
        disabled={shiftMonth(props.period, -1) < `${FIRST_YEAR}-01`}
        onClick={() => set(shiftMonth(props.period, -1))}
      >
        ‹
      </button>
      <select
        aria-label={t('period')}
        value={month}
        onChange={(event) => set(`${year}-${event.currentTarget.value}`)}
      >
        {Array.from({ length: 12 }, (_, i) => {
          const value = String(i + 1).padStart(2, '0');
          return (
            <option key={value} value={value} disabled={`${year}-${value}` > props.latest}>
              {monthName(i + 1)}
            </option>
          );
        })}
      </select>
      <select
        aria-label="năm / year"
        value={year}
        onChange={(event) => set(`${event.currentTarget.value}-${month}`)}
      >
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
      <button
        type="button"
        class="icon-button"
        aria-label={t('nextMonth')}
        title={t('nextMonth')}
        disabled={shiftMonth(props.period, 1) > props.latest}
        onClick={() => set(shiftMonth(props.period, 1))}
      >
        ›
      </button>
    </fieldset>
  );
}
