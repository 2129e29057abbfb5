import type { AppContext } from '../app/context.ts';
import { resolveUnit } from '../app/resolve.ts';
import { AppError } from '../shared/errors.ts';
import { isValidIsoDate } from '../vietnamese/dates.ts';
import { listTasks, type TaskView } from './service.ts';
import { type DerivedStatus, STATUS_LABEL_VI, summarise, TASK_STATUSES } from './status.ts';

export interface TasksCliOptions {
  json?: boolean | undefined;
  status?: string | undefined;
  /** The date the statuses are judged on; today by the application's clock when absent. */
  at?: string | undefined;
  unit?: string | undefined;
}

/** One task as the CLI prints it: the derived status as of `--at` beside the stored state. */
export interface TaskLine {
  id: number;
  meetingId: number;
  directiveId: number;
  directive: string;
  unit: string;
  unitName: string;
  leadUnit: string;
  role: 'lead' | 'coordinate';
  deadline: string;
  dueDate: string;
  status: DerivedStatus;
  stateStored: string;
  confirmedAt: string | null;
  daysLate: number;
}

function line(t: TaskView): TaskLine {
  return {
    id: t.id,
    meetingId: t.meetingId,
    directiveId: t.directiveId,
    directive: t.directive,
    unit: t.unit,
    unitName: t.unitName,
    leadUnit: t.leadUnit,
    role: t.role,
    deadline: t.deadline,
    dueDate: t.dueDate,
    status: t.status,
    stateStored: t.stateStored,
    confirmedAt: t.confirmedAt,
    daysLate: t.daysLate,
  };
}

/** The tasks for `giaoban tasks [--json] [--status S] [--at DATE] [--unit CODE]`. */
export async function tasksForCli(ctx: AppContext, options: TasksCliOptions): Promise<TaskLine[]> {
  const at = options.at ?? ctx.clock.today();
  if (!isValidIsoDate(at))
    throw new AppError('bad_request', `Ngày "${at}" không hợp lệ (dạng YYYY-MM-DD)`, `invalid date "${at}"`, [
      { field: 'at', reason: 'YYYY-MM-DD' },
    ]);
  const allowed: readonly string[] = [...TASK_STATUSES, 'cancelled'];
  if (options.status !== undefined && !allowed.includes(options.status))
    throw new AppError(
      'bad_request',
      `Trạng thái "${options.status}" không hợp lệ; dùng một trong: ${allowed.join(', ')}`,
      `invalid status "${options.status}"`,
      [{ field: 'status', reason: allowed.join(', ') }],
    );
  const unitIds = options.unit ? ctx.graph.unitsWithCode(options.unit.trim()).map((u) => u.id) : undefined;
  if (options.unit && unitIds?.length === 0) resolveUnit(ctx.graph, options.unit, at);
  const tasks = await listTasks(ctx, at, {
    ...(unitIds ? { unitIds } : {}),
    ...(options.status ? { status: options.status as DerivedStatus } : {}),
  });
  return tasks.map(line);
}

/** Prints the tasks: a JSON array with `--json`, otherwise a table and the completion rate over tasks fallen due. */
export async function runTasks(ctx: AppContext, options: TasksCliOptions): Promise<void> {
  const lines = await tasksForCli(ctx, options);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(lines, null, 2)}\n`);
    return;
  }
  const width = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
  process.stdout.write(
    `${width('Số', 5)} ${width('Đơn vị', 8)} ${width('Thời hạn', 10)} ${width('Trạng thái', 28)} Nội dung\n`,
  );
  for (const t of lines) {
    process.stdout.write(
      `${width(String(t.id), 5)} ${width(t.unit, 8)} ${t.deadline} ${width(STATUS_LABEL_VI[t.status], 28)} ${width(t.directive, 60)}\n`,
    );
  }
  const s = summarise(lines.map((l) => l.status));
  process.stdout.write(
    `\n${s.total} nhiệm vụ; đến hạn ${s.fallenDue}, hoàn thành ${s.doneOnTime + s.doneLate} (${s.completionRate ?? '—'}%), quá hạn ${s.overdue}\n`,
  );
}
