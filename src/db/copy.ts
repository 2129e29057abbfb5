import type pg from 'pg';

/**
 * Sends rows to `COPY … FROM STDIN` on one connection and resolves with the number of rows copied. pg has no COPY
 * API of its own (pg-copy-streams is not a dependency), but it runs any object with `submit` as a query and hands it
 * the protocol messages; this one answers CopyInResponse with the data, then CopyDone.
 */
export function copyIn(
  client: pg.PoolClient | pg.Client,
  statement: string,
  data: Iterable<string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let copied = 0;
    let failed = false;
    const query = {
      submit(connection: Connection) {
        connection.query(statement);
      },
      handleCopyInResponse(connection: Connection) {
        let buffered = '';
        for (const piece of data) {
          buffered += piece;
          // Protocol messages of about 256 kB: few enough calls, small enough to interleave with the socket.
          if (buffered.length >= 262_144) {
            connection.sendCopyFromChunk(Buffer.from(buffered, 'utf8'));
            buffered = '';
          }
        }
        if (buffered.length > 0) connection.sendCopyFromChunk(Buffer.from(buffered, 'utf8'));
        connection.endCopyFrom();
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

interface Connection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
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
