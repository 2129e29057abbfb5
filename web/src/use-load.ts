import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError, cachedGet, peekCached } from './api.ts';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'failed'; error: ApiError };

/**
 * Runs a request whenever its inputs change; a late answer for inputs no longer shown is dropped. `initial` may
 * give the first inputs' answer at once (one that came with the page): the first render shows it, on the server
 * too, and no request is made for it.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  inputs: unknown[],
  options: { keepOnReload?: boolean; initial?: () => T | undefined } = {},
): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>(() => {
    const given = options.initial?.();
    return given === undefined ? { state: 'loading' } : { state: 'ready', data: given };
  });
  const [attempt, setAttempt] = useState(0);
  const shown = useRef<unknown[] | null>(null);
  const given = useRef(result.state === 'ready');
  // Started before the frame is painted, not after: an answer already here (asked for as the page started) is then
  // drawn in the same frame instead of the next.
  useLayoutEffect(() => {
    if (given.current) {
      given.current = false;
      shown.current = inputs;
      return;
    }
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

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'client', String(error), String(error), []);
}

/**
 * A cached read (`cachedGet`) by its address, or nothing while `path` is null. An answer already held is
 * returned in the very render that asks for it (switching back to a month seen before redraws at once, with no
 * "loading" in between); a new address starts from "loading", never from the previous address's data.
 */
export function useCachedGet<T>(path: string | null): [Load<T>, () => void] {
  const [, setArrived] = useState(0);
  const [failure, setFailure] = useState<{ path: string; error: ApiError } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const known = path === null ? undefined : peekCached<T>(path);
  const held = known !== undefined;
  useEffect(() => {
    if (path === null || held) return;
    let current = true;
    setFailure(null);
    cachedGet<T>(path).then(
      () => current && setArrived((n) => n + 1),
      (error: unknown) => current && setFailure({ path, error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [path, held, attempt]);
  const reload = () => {
    setFailure(null);
    setAttempt((n) => n + 1);
  };
  if (path !== null && held) return [{ state: 'ready', data: known as T }, reload];
  if (path !== null && failure?.path === path && failure.error)
    return [{ state: 'failed', error: failure.error }, reload];
  return [{ state: 'loading' }, reload];
}
