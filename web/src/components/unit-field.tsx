import { useEffect, useState } from 'preact/hooks';
import { cachedGet, query } from '../api.ts';
import { pick, useLang } from '../i18n.ts';
import type { UnitList, UnitSummary } from '../types.ts';

/**
 * A unit chosen by name in a form (directives, commendations): type part of the name, pick from the list; the
 * form receives the unit's code. Nobody has to know that Nghệ An police is "40".
 */
export function UnitField(props: {
  id: string;
  label: string;
  /** The chosen unit's code, or '' for none. */
  value: string;
  onChange: (code: string, unit: UnitSummary | null) => void;
  required?: boolean;
  at?: string;
  /** Clears the text after a choice, for adding several units one by one. */
  clearOnChoose?: boolean;
}) {
  const { lang, t } = useLang();
  const [text, setText] = useState('');
  const [results, setResults] = useState<UnitSummary[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  useEffect(() => {
    if (props.value === '') setText('');
  }, [props.value]);
  useEffect(() => {
    const q = text.trim();
    if (!open || q.length < 2) {
      setResults([]);
      return;
    }
    const timer = setTimeout(() => {
      cachedGet<UnitList>(`/api/units${query({ q, at: props.at, limit: 8 })}`).then(
        (list) => {
          setResults(list.units);
          setActive(0);
        },
        () => setResults([]),
      );
    }, 150);
    return () => clearTimeout(timer);
  }, [text, open, props.at]);
  const choose = (unit: UnitSummary) => {
    props.onChange(unit.code, unit);
    setText(props.clearOnChoose ? '' : pick(lang, unit.name, unit.nameEn));
    setOpen(false);
  };
  const listId = `${props.id}-list`;
  return (
    <div class="form-field unit-field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-expanded={open && results.length > 0}
        aria-controls={listId}
        aria-activedescendant={results[active] ? `${props.id}-${results[active].code}` : undefined}
        placeholder={t('unitSearch')}
        value={text}
        required={props.required && props.value === ''}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setOpen(true);
          if (props.value !== '' && !props.clearOnChoose) props.onChange('', null);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(i + 1, results.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter' && open && results[active]) {
            e.preventDefault();
            choose(results[active]);
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && results.length > 0 && (
        <div id={listId} class="unit-options unit-field-options" role="listbox" aria-label={props.label}>
          {results.map((unit, index) => (
            <div
              key={unit.code}
              id={`${props.id}-${unit.code}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              class={index === active ? 'active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(unit);
              }}
            >
              <span>{pick(lang, unit.name, unit.nameEn)}</span>
              <span class="unit-code">{unit.code}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** Several units chosen by name, shown as removable chips. */
export function UnitListField(props: {
  id: string;
  label: string;
  value: Array<{ code: string; name: string }>;
  onChange: (units: Array<{ code: string; name: string }>) => void;
  at?: string;
}) {
  const { lang, t } = useLang();
  return (
    <div class="unit-list-field">
      <UnitField
        id={props.id}
        label={props.label}
        value=""
        clearOnChoose
        {...(props.at ? { at: props.at } : {})}
        onChange={(code, unit) => {
          if (!unit || props.value.some((u) => u.code === code)) return;
          props.onChange([...props.value, { code, name: pick(lang, unit.name, unit.nameEn) }]);
        }}
      />
      {props.value.length > 0 && (
        <ul class="unit-chips">
          {props.value.map((unit) => (
            <li key={unit.code}>
              {unit.name}{' '}
              <button
                type="button"
                class="icon-button"
                aria-label={`${t('remove')}: ${unit.name}`}
                onClick={() => props.onChange(props.value.filter((u) => u.code !== unit.code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
