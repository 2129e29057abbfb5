import { apiGet, query } from '../api.ts';
import { useLang } from '../i18n.ts';
import { useLoad } from '../use-load.ts';

interface Progress {
  target: { id: number; name: string; indicatorName: string; targetValue: number; deadline: string };
  period: string;
  national: number | null;
  reached: number;
  total: number;
  units: Array<{ unit: string; name: string; value: number | null; reached: boolean }>;
  behind: Array<{ unit: string; name: string; value: number | null; gap: number | null }>;
}

/** Chỉ tiêu triển khai: progress per province towards each target, and the provinces still behind. */
export function TargetsPage(props: { params: Record<string, string> }) {
  const { t } = useLang();
  const [load] = useLoad(async () => {
    const { targets } = await apiGet<{ targets: Array<{ id: number }> }>('/api/targets');
    return Promise.all(
      targets.map((x) => apiGet<Progress>(`/api/targets/${x.id}/progress${query({ at: props.params.at })}`)),
    );
  }, [props.params.at]);
  return (
    <section class="page">
      <h1>{t('mtgTargets')}</h1>
      {load.state === 'failed' && <p class="error">{load.error.messageVi}</p>}
      {load.state === 'ready' &&
        load.data.map((p) => (
          <div class="target" key={p.target.id}>
            <h2>{p.target.name}</h2>
            <p>
              {p.target.indicatorName}: {p.national ?? '—'} ({p.period}) · đạt {p.reached}/{p.total}
            </p>
            <div class="target-bars" role="img" aria-label={p.target.name}>
              {p.units.map((u) => (
                <div
                  key={u.unit}
                  class={u.reached ? 'bar reached' : 'bar'}
                  title={`${u.name}: ${u.value ?? '—'}`}
                >
                  <span style={{ width: `${Math.min(100, u.value ?? 0)}%` }} />
                  {u.name}
                </div>
              ))}
            </div>
            <h3>Đơn vị chưa đạt</h3>
            <ul class="behind">
              {p.behind.map((u) => (
                <li key={u.unit}>
                  {u.name}: {u.value ?? '—'}
                </li>
              ))}
            </ul>
          </div>
        ))}
    </section>
  );
}
