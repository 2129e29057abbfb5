import { CANARY_INDICATOR, CANARY_PERIOD, CANARY_UNIT } from './canary.ts';

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: { enum?: unknown[]; default?: unknown; type?: string | string[]; anyOf?: unknown[] };
}
export type OpenApi = {
  paths: Record<
    string,
    Record<string, { parameters?: OpenApiParameter[]; responses?: Record<string, unknown> }>
  >;
};
/** What plantCanaries made: a meeting and its tasks, so that routes by id reach real records. */
export interface Planted {
  meetingId: number;
  taskIds: number[];
}

/** Values for each parameter, by name (and path for `id`): real codes, periods and ids of the demo. */
function candidates(path: string, p: OpenApiParameter, planted: Planted): string[] {
  const s = p.schema ?? {};
  if (s.enum && s.enum.length > 0) return s.enum.map(String);
  switch (p.name) {
    case 'unit':
      // Documents are slow to render: the nation's report holds every province, the canary's included.
      return path.startsWith('/api/reports') ? ['BCA'] : ['BCA', CANARY_UNIT];
    case 'code':
      return [CANARY_UNIT];
    case 'period':
      return [CANARY_PERIOD];
    case 'to':
      // The Tết window's `to` is a day offset (its default), elsewhere the last month of a series.
      return path.endsWith('/tet') ? [] : [CANARY_PERIOD];
    case 'dataSet':
      return ['BC-THANG'];
    case 'orgUnit':
      return [CANARY_UNIT];
    case 'indicator':
      return [CANARY_INDICATOR];
    case 'asOf':
      return ['2026-11-01T00:00:00Z'];
    case 'year':
      return ['2026'];
    case 'meeting':
      return [String(planted.meetingId)];
    case 'id':
      if (path.startsWith('/api/meetings')) return [String(planted.meetingId)];
      if (path.startsWith('/api/tasks')) return [String(planted.taskIds[0])];
      if (path.startsWith('/api/periods')) return [CANARY_PERIOD];
      return ['1'];
    case 'form':
      return ['BC-THANG'];
    case 'at':
      return ['2026-11-29'];
    case 'limit':
      return ['1000'];
  }
  if (s.default !== undefined) return [String(s.default)];
  return p.required ? ['1'] : [];
}

/** The URLs that call a GET route of the document: every combination of its parameters' candidate values. */
export function sweepUrls(path: string, params: OpenApiParameter[], planted: Planted): string[] {
  let combos: Array<Record<string, string>> = [{}];
  for (const p of params.filter((x) => x.in === 'path' || x.in === 'query')) {
    const values = candidates(path, p, planted);
    if (values.length === 0) continue;
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [p.name]: v })));
  }
  return combos.map((c) => {
    const query: string[] = [];
    let url = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(c[name] ?? '1'));
    for (const p of params)
      if (p.in === 'query' && c[p.name] !== undefined)
        query.push(`${p.name}=${encodeURIComponent(c[p.name] ?? '')}`);
    if (query.length > 0) url += `?${query.join('&')}`;
    return url;
  });
}
