import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from './i18n.ts';
import type { Catalogue, Form, Me, UnitDetail } from './types.ts';

/** What every page may read: who is signed in, the catalogue, and the unit and period chosen in the header. */
export interface Workspace {
  me: Me;
  lang: Lang;
  catalogue: Catalogue;
  forms: Form[];
  /** The unit chosen in the header, as it stood on the period's date; null while it loads or if unknown. */
  unit: UnitDetail | null;
  unitCode: string;
  period: string;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside the signed-in shell');
  return workspace;
}

/**
 * The latest month whose window has closed on a date, the one a briefing looks at: monthly windows run from the
 * 15th to the 14th (Decree 09/2019), so on 29/11 it is November, on 10/12 still November.
 */
export function currentPeriod(today: string): string {
  const [year = '', month = '', day = ''] = today.split('-');
  if (Number(day) >= 15) return `${year}-${month}`;
  const index = Number(year) * 12 + Number(month) - 2;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month whose window contains a date: the one units are entering figures for now (December on 29/11). */
export function collectingPeriod(today: string): string {
  const closed = currentPeriod(today);
  const [year = 0, month = 1] = closed.split('-').map(Number);
  const index = year * 12 + month;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
