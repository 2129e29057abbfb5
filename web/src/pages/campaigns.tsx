import { apiGet } from '../api.ts';
import { useLang } from '../i18n.ts';
import { href } from '../router.ts';
import { useWorkspace } from '../session.ts';
import { useLoad } from '../use-load.ts';

interface Campaign {
  id: number;
  name: string;
  year: number;
  ruleText: string;
  start: string;
  end: string;
}

interface Comparison {
  value: number | null;
  lastYear: number | null;
  before: number | null;
  pctLastYear: number | null;
}

interface Summary {
  campaign: Campaign;
  windows: {
    current: { start: string; end: string };
    lastYear: { start: string; end: string };
    before: { start: string; end: string };
  };
  totals: Array<{
    indicator: string;
    name: string;
    value: number | null;
    lastYear: number | null;
    before: number | null;
  }>;
  units: Array<{ unit: string; name: string; rank: number; figures: Record<string, Comparison> }>;
  rankBy: string;
  commendations: Array<{ id: number; recipient: string; form: string; decisionNumber: string }>;
}

const viDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const num = (v: number | null) => (v === null ? '—' : v.toLocaleString('vi-VN'));

/** Đợt cao điểm: the campaigns, and one campaign's summary against last year's and the window before. */
export function CampaignsPage(props: { params: Record<string, string> }) {
  const { t } = useLang();
  const ws = useWorkspace();
  const [list] = useLoad(() => apiGet<{ campaigns: Campaign[] }>('/api/campaigns'), []);
  const id = props.params.campaign;
  return (
    <section class="page">
      <h1>{t('mtgCampaigns')}</h1>
      {list.state === 'failed' && <p class="error">{list.error.messageVi}</p>}
      {list.state === 'ready' && (
        <ul class="campaign-list">
          {list.data.campaigns.map((c) => (
            <li key={c.id}>
              <a
                href={href('giao-ban', 'dot-cao-diem', {
                  unit: ws.unitCode,
                  period: ws.period,
                  campaign: String(c.id),
                })}
              >
                {c.name}
              </a>{' '}
              ({viDate(c.start)}–{viDate(c.end)}; {c.ruleText})
            </li>
          ))}
        </ul>
      )}
      {id && <CampaignSummary id={Number(id)} />}
    </section>
  );
}

function CampaignSummary(props: { id: number }) {
  const { t } = useLang();
  const [load] = useLoad(() => apiGet<Summary>(`/api/campaigns/${props.id}/summary`), [props.id]);
  if (load.state === 'loading') return <p class="muted">{t('loading')}</p>;
  if (load.state === 'failed') return <p class="error">{load.error.messageVi}</p>;
  const s = load.data;
  return (
    <div class="campaign-summary">
      <h2>{s.campaign.name}</h2>
      <p class="muted">
        {viDate(s.windows.current.start)}–{viDate(s.windows.current.end)} · cùng đợt năm trước:{' '}
        {viDate(s.windows.lastYear.start)}–{viDate(s.windows.lastYear.end)} · kỳ liền trước:{' '}
        {viDate(s.windows.before.start)}–{viDate(s.windows.before.end)}
      </p>
      <table class="data-table">
        <thead>
          <tr>
            <th>Chỉ tiêu</th>
            <th>Đợt này</th>
            <th>Cùng đợt năm trước</th>
            <th>Kỳ liền trước</th>
          </tr>
        </thead>
        <tbody>
          {s.totals.map((r) => (
            <tr key={r.indicator}>
              <td>{r.name}</td>
              <td>{num(r.value)}</td>
              <td>{num(r.lastYear)}</td>
              <td>{num(r.before)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Xếp hạng đơn vị</h3>
      <table class="data-table campaign-ranking">
        <thead>
          <tr>
            <th>#</th>
            <th>Đơn vị</th>
            <th>Đợt này</th>
            <th>Năm trước</th>
            <th>%</th>
          </tr>
        </thead>
        <tbody>
          {s.units.map((u) => {
            const f = u.figures[s.rankBy];
            return (
              <tr key={u.unit}>
                <td>{u.rank}</td>
                <td>{u.name}</td>
                <td>{num(f?.value ?? null)}</td>
                <td>{num(f?.lastYear ?? null)}</td>
                <td>{f?.pctLastYear ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>Khen thưởng</h3>
      <ul>
        {s.commendations.map((c) => (
          <li key={c.id}>
            {c.form}: {c.recipient} ({c.decisionNumber})
          </li>
        ))}
      </ul>
    </div>
  );
}
