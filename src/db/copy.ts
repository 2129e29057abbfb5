import type { Writable } from 'node:stream';
import type pg from 'pg';

/** Protocol messages of about 64 kB: small enough that the server starts on the first rows at once. */
const CHUNK_CHARS = 65_536;

/**
 * Sends rows to `COPY … FROM STDIN` on one connection and resolves with the number of rows copied. pg has no COPY
 * API of its own (pg-copy-streams is not a dependency), but it runs any object with `submit` as a query and hands it
 * the protocol messages; this one answers CopyInResponse with the data, then CopyDone.
 *
 * The rows are made while the server stores the ones before: when the socket's buffer is full, making waits for it
 * to drain, so the two processes work at once instead of one after the other (a bulk import is CPU-bound on both).
 */
export function copyIn(
  client: pg.PoolClient | pg.Client,
  statement: string,
  data: Iterable<string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let copied = 0;
    let failed = false;
    const send = async (connection: Connection) => {
      const socket = connection.stream;
      let buffered = '';
      for (const piece of data) {
        if (failed) return;
        buffered += piece;
        if (buffered.length < CHUNK_CHARS) continue;
        connection.sendCopyFromChunk(Buffer.from(buffered, 'utf8'));
        buffered = '';
        if (socket.writableNeedDrain) await drained(socket);
      }
      if (failed) return;
      if (buffered.length > 0) connection.sendCopyFromChunk(Buffer.from(buffered, 'utf8'));
      connection.endCopyFrom();
    };
    const query = {
      submit(connection: Connection) {
        connection.query(statement);
      },
      handleCopyInResponse(connection: Connection) {
        send(connection).catch((error: unknown) => {
          // The rows could not be made (e.g. a figure that cannot be stored): the server is told, so that the COPY
          // and its transaction fail instead of storing part of them.
          failed = true;
          connection.sendCopyFail(error instanceof Error ? error.message : String(error));
          reject(error);
        });
      },
      handleCommandComplete(message: { text?: string }) {
        copied = Number(/COPY (\d+)/.exec(message.text ?? '')?.[1] ?? 0);
      },
      handleReadyForQuery() {
        if (!failed) resolve(copied);
      },
      handleError(error: Error) {
        failed = true;
        reject(error);
      },
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
      handleCopyData() {},
    };
    (client as unknown as { query(q: unknown): void }).query(query);
  });
}

/** Resolves when the socket has room again, or has closed (the connection's own handlers report that). */
function drained(socket: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}

interface Connection {
  stream: Writable;
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  sendCopyFail(message: string): void;
  endCopyFrom(): void;
}

/** One field in COPY's text format: `\N` for null, backslash escapes for the characters the format reserves. */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot store ${value} as a figure`);
    return String(value);
  }
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      )
    : value;
}
