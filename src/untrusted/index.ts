/**
 * Untrusted files (uploaded .docx, .xlsx, .csv, DHIS2 JSON) are parsed in a worker thread with a capped heap
 * and a time limit, and zip containers are inflated under limits counted while inflating (zip.ts). A file that
 * passes a limit is refused with a Vietnamese reason and no internal text; the server's thread is never at risk.
 * At most MAX_RUNNING parses run at once (the machine has few cores and other users must still be served);
 * up to MAX_WAITING more wait their turn, and beyond that the upload is refused as "busy".
 */
import { Worker } from 'node:worker_threads';
import type { ParsedFile, ReadFormat } from '../transfer/model.ts';
import type { IsolatedResult, IsolatedTask } from './types.ts';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip.ts';

export { DEFAULT_ZIP_LIMITS, inflateZip, type ZipLimits, ZipRefused } from './zip.ts';

export interface IsolationLimits {
  /** V8 old-generation heap of the worker, in MB. */
  heapMb: number;
  /** Wall-clock time of one parse, in ms; the worker is killed after it. */
  timeoutMs: number;
  zip: ZipLimits;
}

export const DEFAULT_ISOLATION: IsolationLimits = Object.freeze({
  heapMb: 256,
  timeoutMs: 20_000,
  zip: DEFAULT_ZIP_LIMITS,
});

const MAX_RUNNING = 2;
const MAX_WAITING = 16;

/** A file refused by the isolation (limits, busy, unreadable); `reasonVi` is safe to show. */
export class UntrustedFileRefused extends Error {
  constructor(
    readonly reasonVi: string,
    readonly kind: 'too_large' | 'unreadable' | 'busy' | 'rejected',
    readonly row = 0,
    readonly field = 'file',
  ) {
    super(reasonVi);
    this.name = 'UntrustedFileRefused';
  }
}

let running = 0;
const waiting: Array<() => void> = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_RUNNING) {
    if (waiting.length >= MAX_WAITING)
      throw new UntrustedFileRefused('Máy chủ đang bận đọc nhiều tệp khác; hãy thử lại sau ít phút', 'busy');
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

const fromSources = import.meta.url.endsWith('.ts');
const workerUrl = new URL(fromSources ? './worker.ts' : './worker.js', import.meta.url);

/**
 * Running from the TypeScript sources (tests, an unbuilt checkout), Node 20 cannot start a worker from a .ts
 * file even with tsx loaded in the main thread: a small script registers tsx in the worker first.
 */
function workerEntry(): { entry: string | URL; eval: boolean } {
  if (!fromSources) return { entry: workerUrl, eval: false };
  const tsx = import.meta.resolve('tsx/esm/api');
  return {
    entry: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(workerUrl.href)}); });`,
    eval: true,
  };
}

/** Idle workers kept warm (starting one costs a module load); they never keep the process alive. */
const idle: Array<{ worker: Worker; heapMb: number }> = [];

function spawn(limits: IsolationLimits): Worker {
  const { entry, eval: isEval } = workerEntry();
  return new Worker(entry, {
    eval: isEval,
    execArgv: [],
    resourceLimits: {
      maxOldGenerationSizeMb: limits.heapMb,
      maxYoungGenerationSizeMb: Math.min(32, Math.max(4, Math.floor(limits.heapMb / 8))),
      codeRangeSizeMb: 64,
      stackSizeMb: 4,
    },
    stdout: false,
    stderr: false,
  });
}

function runWorker(task: IsolatedTask, limits: IsolationLimits): Promise<IsolatedResult> {
  const at = idle.findIndex((entry) => entry.heapMb === limits.heapMb);
  const w = at >= 0 ? (idle.splice(at, 1)[0]?.worker ?? spawn(limits)) : spawn(limits);
  w.ref();
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void, reusable: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      w.removeAllListeners('message');
      w.removeAllListeners('error');
      w.removeAllListeners('exit');
      if (reusable && idle.length < MAX_RUNNING) {
        w.unref();
        const entry = { worker: w, heapMb: limits.heapMb };
        w.once('exit', () => {
          const i = idle.indexOf(entry);
          if (i >= 0) idle.splice(i, 1);
        });
        // An idle worker that fails is simply dropped (its exit removes it); it must not take the server down.
        w.on('error', () => {});
        idle.push(entry);
      } else void w.terminate();
      fn();
    };
    const timer = setTimeout(
      () =>
        finish(
          () =>
            reject(
              new UntrustedFileRefused(
                `Tệp cần quá nhiều thời gian để đọc (quá ${Math.round(limits.timeoutMs / 1000)} giây); không đọc tệp này`,
                'too_large',
              ),
            ),
          false,
        ),
      limits.timeoutMs,
    );
    w.once('message', (result: IsolatedResult) => finish(() => resolve(result), true));
    w.once('error', (error: Error & { code?: string }) =>
      finish(
        () =>
          reject(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new UntrustedFileRefused(
                  'Tệp quá lớn hoặc quá phức tạp để đọc (vượt giới hạn bộ nhớ); không đọc tệp này',
                  'too_large',
                )
              : new UntrustedFileRefused('Tệp bị hỏng hoặc không đọc được', 'unreadable'),
          ),
        false,
      ),
    );
    w.once('exit', () =>
      finish(() => reject(new UntrustedFileRefused('Tệp bị hỏng hoặc không đọc được', 'unreadable')), false),
    );
    w.postMessage(task);
  });
}

async function isolated(task: IsolatedTask, limits: IsolationLimits): Promise<IsolatedResult> {
  const release = await slot();
  try {
    return await runWorker(task, limits);
  } finally {
    release();
  }
}

/** The plain text of an uploaded .docx, read in isolation. Throws UntrustedFileRefused. */
export async function docxTextIsolated(
  buffer: Uint8Array,
  limits: IsolationLimits = DEFAULT_ISOLATION,
): Promise<string> {
  const result = await isolated({ kind: 'docx', buffer, zipLimits: limits.zip }, limits);
  if (!result.ok)
    throw new UntrustedFileRefused(
      result.reasonVi ?? 'Tệp .docx hỏng hoặc không đọc được',
      result.tooLarge ? 'too_large' : result.reasonVi ? 'rejected' : 'unreadable',
    );
  return result.value as string;
}

/** An import file read in isolation. Throws UntrustedFileRefused (with the row and field of a rejection). */
export async function importFileIsolated(
  format: ReadFormat,
  buffer: Uint8Array,
  limits: IsolationLimits = DEFAULT_ISOLATION,
): Promise<ParsedFile> {
  const result = await isolated({ kind: 'import', format, buffer, zipLimits: limits.zip }, limits);
  if (!result.ok)
    throw new UntrustedFileRefused(
      result.reasonVi ?? 'Tệp bị hỏng hoặc không đọc được',
      result.tooLarge ? 'too_large' : result.reasonVi ? 'rejected' : 'unreadable',
      result.row,
      result.field,
    );
  return result.value as ParsedFile;
}
