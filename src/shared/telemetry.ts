/**
 * Counts the write path reports for operators, without the write path knowing who listens (the metrics endpoint
 * subscribes; tests and the CLI need nothing). Listeners must be cheap and must not throw.
 */
export interface WriteEvent {
  /** Where the write came from: api, import, demo, … (the change set's source). */
  source: string;
  /** Figures inserted or changed. */
  figures: number;
  /** Roll-up rows updated in the same transaction. */
  rollups: number;
}

type Listener = (event: WriteEvent) => void;
const listeners = new Set<Listener>();

export function onFiguresWritten(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function noteFiguresWritten(event: WriteEvent): void {
  for (const listener of listeners) listener(event);
}
