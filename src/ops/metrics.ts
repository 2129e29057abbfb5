import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { onFiguresWritten } from '../shared/telemetry.ts';

/**
 * The Prometheus metrics of this process. One registry per process, like the process it describes: several
 * servers built in one test process share it, as a second server in production would be a second process.
 */
export interface Metrics {
  readonly registry: Registry;
  readonly requestDuration: Histogram<'method' | 'route' | 'status_code'>;
  readonly errors: Counter<'route' | 'status_code'>;
  readonly imports: Counter<'outcome'>;
  readonly figuresWritten: Counter<'source'>;
  readonly rollupWrites: Counter<'source'>;
  readonly activeSessions: Gauge;
  readonly replicaReads: Gauge<'served_by'>;
}

let metrics: Metrics | null = null;

export function processMetrics(): Metrics {
  if (metrics) return metrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'giaoban_' });
  const m: Metrics = {
    registry,
    requestDuration: new Histogram({
      name: 'giaoban_http_request_duration_seconds',
      help: 'HTTP request latency by route template (not by raw URL, so that ids do not explode the series)',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'giaoban_http_errors_total',
      help: 'Responses with a server error status (5xx), by route template',
      labelNames: ['route', 'status_code'],
      registers: [registry],
    }),
    imports: new Counter({
      name: 'giaoban_imports_total',
      help: 'File imports of figures, by outcome (written: something changed; unchanged: nothing to write)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    figuresWritten: new Counter({
      name: 'giaoban_figures_written_total',
      help: 'Figures inserted or changed through the write path, by source (web, api, import, demo, cli, extraction)',
      labelNames: ['source'],
      registers: [registry],
    }),
    rollupWrites: new Counter({
      name: 'giaoban_rollup_writes_total',
      help: 'Roll-up rows updated in the same transaction as the figures, by source',
      labelNames: ['source'],
      registers: [registry],
    }),
    activeSessions: new Gauge({
      name: 'giaoban_active_sessions',
      help: 'Sessions used within the idle time-out, read from the database at each scrape',
      registers: [registry],
    }),
    replicaReads: new Gauge({
      name: 'giaoban_replica_reads',
      help: 'Analytics reads since start, by where they were served (replica, or primary when no replica had caught up)',
      labelNames: ['served_by'],
      registers: [registry],
    }),
  };
  onFiguresWritten((event) => {
    if (event.figures > 0) m.figuresWritten.inc({ source: event.source }, event.figures);
    if (event.rollups > 0) m.rollupWrites.inc({ source: event.source }, event.rollups);
    if (event.source === 'import') m.imports.inc({ outcome: event.figures > 0 ? 'written' : 'unchanged' });
  });
  metrics = m;
  return m;
}
