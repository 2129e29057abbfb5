import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, cachedGet, query } from '../api.ts';
import { periodDate } from '../format.ts';
import { pick, useLang } from '../i18n.ts';
import { updateParams } from '../router.ts';
import type { UnitDetail, UnitList, UnitSummary } from '../types.ts';

/**
 * The unit in the header: its name, a way up to the parent, and a search over the units that existed on the
 * period's date (communes and provinces changed in July 2025, so the same name may mean another unit).
 */
export function UnitPicker(props: { unit: UnitDetail | null; unitCode: string; period: string }) {
  const { lang, t } = useLang();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [results, setResults] = useState<UnitSummary[]>([]);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const at = periodDate(props.period);

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setResults(props.unit?.children.slice(0, 30) ?? []);
      return;
    }
    // Wait for a pause in typing so that each keystroke does not become a request.
    const timer = setTimeout(() => {
      cachedGet<UnitList>(`/api/units${query({ q, at, limit: 30 })}`)
        .then((list) => {
          setResults(list.units);
          setActive(0);
          setError(null);
        })
        .catch((e: unknown) =>
          setError(e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e)),
        );
    }, 200);
    return () => clearTimeout(timer);
  }, [text, at, open, props.unit, lang]);

  const choose = (code: string) => {
    setOpen(false);
    setText('');
    updateParams({ unit: code });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const unit = results[active];
      if (unit) choose(unit.code);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const name = props.unit ? pick(lang, props.unit.name, props.unit.nameEn) : props.unitCode;
  const listId = 'unit-picker-list';
  return (
    <div class="unit-picker" ref={rootRef}>
      <span class="picker-label" id="unit-picker-label">
        {t('unit')}
      </span>
      <div class="unit-picker-row">
        {props.unit?.parent && (
          <button
            type="button"
            class="icon-button"
            title={t('upOneLevel')}
            aria-label={t('upOneLevel')}
            onClick={() => props.unit?.parent && choose(props.unit.parent)}
          >
            ↑
          </button>
        )}
        <button
          type="button"
          class="unit-button"
          aria-haspopup="listbox"
          aria-expanded={open}
          aria-labelledby="unit-picker-label unit-picker-current"
          onClick={() => setOpen(!open)}
        >
          <span id="unit-picker-current" data-unit-code={props.unitCode}>
            {name}
          </span>
          <span class="unit-code">{props.unitCode}</span>
        </button>
      </div>
      {open && (
        <div class="unit-popover">
          <input
            ref={inputRef}
            autocomplete="off"
            aria-controls={listId}
            aria-activedescendant={results[active] ? `unit-option-${results[active].code}` : undefined}
            aria-label={t('unitSearch')}
            placeholder={t('unitSearch')}
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
            onKeyDown={onKeyDown}
          />
          {error && <p class="field-error">{error}</p>}
          {results.length === 0 && (
            <p class="muted">{text.trim().length < 2 ? t('unitSearchHint') : t('noUnitsFound')}</p>
          )}
          <div id={listId} class="unit-options" role="listbox" aria-label={t('unit')}>
            {results.map((unit, index) => (
              <div
                key={unit.code}
                id={`unit-option-${unit.code}`}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                class={index === active ? 'active' : undefined}
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(unit.code);
                }}
              >
                <span>{pick(lang, unit.name, unit.nameEn)}</span>
                <span class="unit-code">{unit.code}</span>
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
