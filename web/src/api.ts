import { EARLY_READS, type EarlyReads, FIRST_ANSWERS_ID, fetchRead, startRead } from './first-reads.ts';
import type { ApiIssue } from './types.ts';

/** An error answered by the server, with its Vietnamese and English messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly issues: ApiIssue[],
  ) {
    super(messageEn);
  }
}

// The CSRF token comes with the session (sign-in and /auth/me); every state-changing request must carry it.
let csrfToken = '';
let onSignedOut: () => void = () => {};

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when a request answers 401 after sign-in: the session ended (timeout, sign-out elsewhere). */
export function whenSignedOut(callback: () => void): void {
  onSignedOut = callback;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

// A 401 from these answers the credentials just typed (a wrong code or current password), not an ended session.
const CREDENTIAL_CHECKS = new Set([
  '/api/auth/login',
  '/api/auth/me',
  '/api/auth/totp',
  '/api/auth/totp/confirm',
  '/api/auth/password',
  '/api/auth/reauth',
]);

async function send(method: Method, path: string, body?: unknown, retried = false): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A FormData body sets its own multipart content type, boundary included.
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await (method === 'GET' ? fetchRead : fetch)(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: multipart ? body : JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network', 'Không kết nối được máy chủ', 'cannot reach the server', []);
  }
  if (!response.ok) {
    let payload: { error?: string; message?: string; messageEn?: string; issues?: ApiIssue[] } = {};
    try {
      payload = (await response.json()) as typeof payload;
    } catch {
      // A body that is not JSON (a proxy's page): the status alone is reported.
    }
    if (response.status === 401 && !CREDENTIAL_CHECKS.has(path)) onSignedOut();
    // A change that needs a recent sign-in: ask for the password once, confirm it, and send the change again.
    if (response.status === 403 && payload.error === 'reauth_required' && !retried) {
      const password = window.prompt(`${payload.message ?? ''}\nMật khẩu / Password:`);
      if (password) {
        await send('POST', '/api/auth/reauth', { password }, true);
        return send(method, path, body, true);
      }
    }
    throw new ApiError(
      response.status,
      payload.error ?? 'http_error',
      payload.message ?? `Lỗi máy chủ (${response.status})`,
      payload.messageEn ?? `server error (${response.status})`,
      payload.issues ?? [],
    );
  }
  return response;
}

export async function apiGet<T>(path: string): Promise<T> {
  return (await (await send('GET', path)).json()) as T;
}

export async function apiSend<T>(method: Exclude<Method, 'GET'>, path: string, body?: unknown): Promise<T> {
  return (await (await send(method, path, body ?? {})).json()) as T;
}

/** Posts and saves the answer as a file, under the name the server gives or the fallback. */
export async function downloadPost(path: string, body: unknown, fallbackName: string): Promise<void> {
  const response = await send('POST', path, body);
  saveBlob(await response.blob(), fileNameOf(response) ?? fallbackName);
}

/** Posts a file (multipart form) and reads the JSON answer. */
export async function apiUpload<T>(path: string, form: FormData): Promise<T> {
  return (await (await send('POST', path, form)).json()) as T;
}

/** Saves the answer as a file; its headers are returned for what they say about it (secrecy marking). */
export async function downloadGet(path: string, fallbackName: string): Promise<Headers> {
  const response = await send('GET', path);
  saveBlob(await response.blob(), fileNameOf(response) ?? fallbackName);
  return response.headers;
}

function fileNameOf(response: Response): string | null {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded?.[1]) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? null;
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the object URL can then be released.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export { query } from './first-reads.ts';

const cache = new Map<string, Promise<unknown>>();
const early = new Map<string, Promise<unknown>>();
/** The early answers that have arrived and not been taken yet. */
const arrived = new Map<string, unknown>();
/** The answers of `cache` that have arrived, readable without waiting (see `peekCached`). */
const settled = new Map<string, unknown>();

/**
 * Starts a read before the page asks for it (at start-up, the reads the address will need; after a view shows,
 * its neighbours), so that the page does not wait for one answer before asking the next. The answer waits here
 * until the page asks; a failed early read is simply asked again then, so that errors (an ended session, a
 * refusal) reach the page exactly as before.
 */
export function prefetch(path: string): void {
  if (cache.has(path) || early.has(path)) return;
  keepEarly(path, startRead(path));
}

function keepEarly(path: string, answer: Promise<unknown>): void {
  answer.then(
    (value) => {
      if (early.get(path) === answer) arrived.set(path, value);
    },
    () => {},
  );
  early.set(path, answer);
}

/**
 * Takes first reads already answered as early answers: those the server read for the view it drew into the page
 * (on the server, the same answers for the drawing itself).
 */
export function takeAnswers(answers: Record<string, unknown>): void {
  for (const [path, value] of Object.entries(answers)) {
    early.set(path, Promise.resolve(value));
    arrived.set(path, value);
  }
}

/** The answers the server sent with a view it drew (see src/server/first-view.ts), or null. */
function answersInPage(): Record<string, unknown> | null {
  if (typeof document === 'undefined') return null;
  const element = document.getElementById(FIRST_ANSWERS_ID);
  if (!element?.textContent) return null;
  try {
    return JSON.parse(element.textContent) as Record<string, unknown>;
  } catch {
    return null;
  }
}

const sentWithPage = answersInPage();

/** Whether the server drew the address's view into the page (with its first reads' answers). */
export function drawnByServer(): boolean {
  return sentWithPage !== null;
}

if (sentWithPage) takeAnswers(sentWithPage);
// The reads index.html's script started before this code arrived are taken as early answers.
const handed =
  typeof window === 'undefined'
    ? undefined
    : (window as unknown as Record<string, EarlyReads | undefined>)[EARLY_READS];
if (handed) {
  for (const [path, answer] of handed) keepEarly(path, answer);
  handed.clear();
}

/** The early answer for a path, taken once, or a new request. */
function takeOrGet<T>(path: string): Promise<T> {
  const started = early.get(path);
  if (!started) return apiGet<T>(path);
  early.delete(path);
  arrived.delete(path);
  return (started as Promise<T>).catch(() => apiGet<T>(path));
}

/**
 * The early answer for a path if it has already arrived (one the server sent with the view it drew), taken once as
 * `freshGet` would take it; else undefined. A view drawn from it needs no request of its own.
 */
export function takeArrived<T>(path: string): T | undefined {
  if (!arrived.has(path)) return undefined;
  const value = arrived.get(path) as T;
  early.delete(path);
  arrived.delete(path);
  return value;
}

/** GET of something that may change between views (tasks): not cached, but an early read is used once. */
export function freshGet<T>(path: string): Promise<T> {
  return takeOrGet<T>(path);
}

/** GET with a cache for the page's lifetime: figures of a closed month do not change while someone reads them. */
export function cachedGet<T>(path: string): Promise<T> {
  let hit = cache.get(path);
  if (!hit) {
    const request = takeOrGet<T>(path);
    hit = request;
    cache.set(path, request);
    request.then(
      (value) => {
        if (cache.get(path) === request) settled.set(path, value);
      },
      () => cache.delete(path),
    );
  }
  return hit as Promise<T>;
}

/** An answer `cachedGet` already holds, or undefined: a view shown before is drawn again in the same frame. */
export function peekCached<T>(path: string): T | undefined {
  if (!settled.has(path) && !cache.has(path)) {
    // An early answer already here is taken into the cache at once, as `cachedGet` would take it a moment later.
    const value = takeArrived(path);
    if (value !== undefined) {
      cache.set(path, Promise.resolve(value));
      settled.set(path, value);
    }
  }
  return settled.get(path) as T | undefined;
}

/**
 * Settles once every early read has answered or failed (or at once when there are none): what the page's first frame
 * can draw without asking again.
 */
export function earlyReadsSettled(): Promise<void> {
  return Promise.allSettled([...early.values()]).then(() => {});
}

export function clearCache(): void {
  cache.clear();
  early.clear();
  arrived.clear();
  settled.clear();
}
