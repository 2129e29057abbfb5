import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api.ts';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'failed'; error: ApiError };

/** Runs a request whenever its inputs change; a late answer for inputs no longer shown is dropped. */
export function useLoad<T>(
  load: () => Promise<T>,
  inputs: unknown[],
  options: { keepOnReload?: boolean } = {},
): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const shown = useRef<unknown[] | null>(null);
  useEffect(() => {
    let current = true;
    // A reload after an action may keep what is shown until the answer comes, so that forms and notices on the
    // page are not unmounted; new inputs always start from "loading".
    const sameInputs =
      shown.current !== null &&
      shown.current.length === inputs.length &&
      shown.current.every((v, i) => Object.is(v, inputs[i]));
    shown.current = inputs;
    if (!(options.keepOnReload && sameInputs)) setResult({ state: 'loading' });
    load()
      .then((data) => current && setResult({ state: 'ready', data }))
      .catch((error: unknown) => {
        if (!current) return;
        setResult({
          state: 'failed',
          error:
            error instanceof ApiError ? error : new ApiError(0, 'client', String(error), String(error), []),
        });
      });
    return () => {
      current = false;
    };
    // The caller names the inputs that matter; `load` itself is a new closure on every render.
  }, [...inputs, attempt]);
  return [result, () => setAttempt((n) => n + 1)];
}
