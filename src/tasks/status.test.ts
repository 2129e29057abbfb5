import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkTaskTransition,
  type Deadline,
  deadlineInForce,
  deriveStatus,
  formatDeadline,
  occurrences,
  storedStateAt,
  summarise,
  type TaskFacts,
} from './status.ts';

const due = (date: string): Deadline => ({ kind: 'date', date });
const task = (deadline: Deadline, facts: TaskFacts['facts'] = []): TaskFacts => ({
  assignedOn: '2020-02-26',
  deadline,
  facts,
});

describe('task status on dates around a single deadline', () => {
  const t = task(due('2020-03-31'));
  it('is not started before any work, up to and including the deadline day', () => {
    assert.equal(deriveStatus(t, '2020-02-26').status, 'not_started');
    assert.equal(deriveStatus(t, '2020-03-30').status, 'not_started');
    assert.equal(deriveStatus(t, '2020-03-31').status, 'not_started');
  });
  it('is overdue from the day after the deadline, counting the days', () => {
    const s = deriveStatus(t, '2020-04-01');
    assert.equal(s.status, 'overdue');
    assert.equal(s.daysLate, 1);
    assert.equal(s.fallenDue, true);
    assert.equal(deriveStatus(t, '2026-11-29').status, 'overdue');
  });
  it('is in progress once a progress report is filed', () => {
    const p = task(due('2020-03-31'), [{ on: '2020-03-05', action: 'report' }]);
    assert.equal(deriveStatus(p, '2020-03-04').status, 'not_started');
    assert.equal(deriveStatus(p, '2020-03-05').status, 'in_progress');
    assert.equal(deriveStatus(p, '2020-03-05').stored, 'in_progress');
  });
  it('is done on time when confirmed on the deadline day, and late the day after', () => {
    const base: TaskFacts['facts'] = [
      { on: '2020-03-20', action: 'report' },
      { on: '2020-03-28', action: 'report_done' },
    ];
    const onTime = task(due('2020-03-31'), [...base, { on: '2020-03-31', action: 'confirm' }]);
    assert.equal(deriveStatus(onTime, '2020-03-31').status, 'done_on_time');
    assert.equal(deriveStatus(onTime, '2026-01-01').status, 'done_on_time');
    assert.equal(deriveStatus(onTime, '2026-01-01').confirmedOn, '2020-03-31');
    const late = task(due('2020-03-31'), [...base, { on: '2020-04-01', action: 'confirm' }]);
    assert.equal(deriveStatus(late, '2020-04-01').status, 'done_late');
    assert.equal(deriveStatus(late, '2020-04-01').daysLate, 1);
    // Reported done but not yet confirmed on the deadline day: still open, within the deadline.
    assert.equal(deriveStatus(late, '2020-03-31').status, 'in_progress');
  });
  it('reads history: as of a date before the confirmation the task was still open', () => {
    const t2 = task(due('2020-03-31'), [
      { on: '2020-03-10', action: 'report_done' },
      { on: '2020-04-15', action: 'confirm' },
    ]);
    assert.equal(deriveStatus(t2, '2020-03-10').stored, 'reported_done');
    assert.equal(deriveStatus(t2, '2020-04-10').status, 'overdue');
    assert.equal(deriveStatus(t2, '2020-04-15').status, 'done_late');
  });
  it('counts a returned report as not done', () => {
    const t2 = task(due('2020-03-31'), [
      { on: '2020-03-10', action: 'report_done' },
      { on: '2020-03-12', action: 'return' },
    ]);
    assert.equal(storedStateAt(t2, '2020-03-12'), 'in_progress');
    assert.equal(deriveStatus(t2, '2020-04-02').status, 'overdue');
  });
  it('judges against the extended deadline from the day the extension was approved', () => {
    const t2 = task(due('2020-03-31'), [
      { on: '2020-03-25', action: 'request_extension' },
      { on: '2020-03-27', action: 'approve_extension', deadline: due('2020-04-30') },
      { on: '2020-04-20', action: 'report_done' },
      { on: '2020-04-22', action: 'confirm' },
    ]);
    assert.equal(deriveStatus(t2, '2020-03-26').stored, 'extension_requested');
    assert.deepEqual(deadlineInForce(t2, '2020-03-26'), due('2020-03-31'));
    assert.deepEqual(deadlineInForce(t2, '2020-03-27'), due('2020-04-30'));
    assert.equal(deriveStatus(t2, '2020-04-05').status, 'in_progress');
    assert.equal(deriveStatus(t2, '2020-04-22').status, 'done_on_time');
  });
  it('an extension requested but not approved does not move the deadline', () => {
    const t2 = task(due('2020-03-31'), [{ on: '2020-03-25', action: 'request_extension' }]);
    assert.equal(deriveStatus(t2, '2020-04-01').status, 'overdue');
  });
  it('leaves cancelled tasks out of every count', () => {
    const t2 = task(due('2020-03-31'), [{ on: '2020-03-02', action: 'cancel' }]);
    assert.equal(deriveStatus(t2, '2020-04-10').status, 'cancelled');
    assert.equal(deriveStatus(t2, '2020-03-01').status, 'not_started');
  });
});

describe('recurring (monthly) deadlines', () => {
  const monthly: Deadline = { kind: 'monthly', day: 25, until: '2020-06-30' };
  it('lists one occurrence per month after assignment, up to the end', () => {
    assert.deepEqual(occurrences(monthly, '2020-02-26'), [
      '2020-03-25',
      '2020-04-25',
      '2020-05-25',
      '2020-06-25',
    ]);
    assert.deepEqual(occurrences(monthly, '2020-02-20'), [
      '2020-02-25',
      '2020-03-25',
      '2020-04-25',
      '2020-05-25',
      '2020-06-25',
    ]);
    // Day 31 is clamped to short months.
    assert.deepEqual(occurrences({ kind: 'monthly', day: 31, until: '2020-04-30' }, '2020-01-31'), [
      '2020-02-29',
      '2020-03-31',
      '2020-04-30',
    ]);
    // Nothing in between: the end date itself.
    assert.deepEqual(occurrences({ kind: 'monthly', day: 5, until: '2020-03-03' }, '2020-02-26'), [
      '2020-03-03',
    ]);
  });
  it('is overdue the day after a monthly report was due and not filed, in progress once it is filed', () => {
    const t = task(monthly, [{ on: '2020-03-20', action: 'report' }]);
    assert.equal(deriveStatus(t, '2020-03-20').status, 'in_progress');
    assert.equal(deriveStatus(t, '2020-04-25').status, 'in_progress');
    assert.equal(deriveStatus(t, '2020-04-25').dueDate, '2020-04-25');
    const o = deriveStatus(t, '2020-04-26');
    assert.equal(o.status, 'overdue');
    assert.equal(o.dueDate, '2020-04-25');
    const caughtUp = task(monthly, [
      { on: '2020-03-20', action: 'report' },
      { on: '2020-04-28', action: 'report' },
    ]);
    assert.equal(deriveStatus(caughtUp, '2020-04-28').status, 'in_progress');
    assert.equal(deriveStatus(caughtUp, '2020-04-28').dueDate, '2020-05-25');
  });
  it('a report names the month it answers', () => {
    const t = task(monthly, [{ on: '2020-04-02', action: 'report', period: '2020-03' }]);
    // March's report, filed late on 02/04, still answers March: caught up, next due 25/04.
    assert.equal(deriveStatus(t, '2020-03-26').status, 'overdue');
    assert.equal(deriveStatus(t, '2020-04-02').status, 'in_progress');
    assert.equal(deriveStatus(t, '2020-04-02').dueDate, '2020-04-25');
  });
  it('is not started until the first report, and overdue at the first missed month', () => {
    const t = task(monthly);
    assert.equal(deriveStatus(t, '2020-03-25').status, 'not_started');
    assert.equal(deriveStatus(t, '2020-03-26').status, 'overdue');
  });
  it('is done on time when every month was reported on time and the office confirmed by the end', () => {
    const facts: TaskFacts['facts'] = [
      { on: '2020-03-24', action: 'report' },
      { on: '2020-04-25', action: 'report' },
      { on: '2020-05-20', action: 'report' },
      { on: '2020-06-25', action: 'report_done' },
      { on: '2020-06-30', action: 'confirm' },
    ];
    assert.equal(deriveStatus(task(monthly, facts), '2020-07-10').status, 'done_on_time');
    const lateMonth = facts.map((f) => (f.on === '2020-05-20' ? { ...f, on: '2020-05-27' } : f));
    const s = deriveStatus(task(monthly, lateMonth), '2020-07-10');
    assert.equal(s.status, 'done_late');
    assert.equal(s.daysLate, 2);
    const lateConfirm = facts.map((f) => (f.action === 'confirm' ? { ...f, on: '2020-07-02' } : f));
    assert.equal(deriveStatus(task(monthly, lateConfirm), '2020-07-10').status, 'done_late');
  });
  it('is overdue after the end while the office has not confirmed', () => {
    const t = task({ kind: 'monthly', day: 25, until: '2020-04-30' }, [
      { on: '2020-03-20', action: 'report' },
      { on: '2020-04-20', action: 'report_done' },
    ]);
    assert.equal(deriveStatus(t, '2020-04-30').status, 'in_progress');
    assert.equal(deriveStatus(t, '2020-05-01').status, 'overdue');
  });
});

describe('transitions', () => {
  it('follows assigned → in progress → reported done → confirmed', () => {
    assert.deepEqual(checkTaskTransition('start', 'assigned'), { ok: true, to: 'in_progress' });
    assert.deepEqual(checkTaskTransition('report', 'assigned'), { ok: true, to: 'in_progress' });
    assert.deepEqual(checkTaskTransition('report', 'extended'), { ok: true, to: 'extended' });
    assert.deepEqual(checkTaskTransition('report_done', 'in_progress'), { ok: true, to: 'reported_done' });
    assert.deepEqual(checkTaskTransition('confirm', 'reported_done'), { ok: true, to: 'confirmed_done' });
  });
  it('refuses moves out of order and asks for reasons and new deadlines', () => {
    assert.equal(checkTaskTransition('confirm', 'in_progress').ok, false);
    assert.equal(checkTaskTransition('report', 'confirmed_done').ok, false);
    assert.equal(checkTaskTransition('report_done', 'cancelled').ok, false);
    const r = checkTaskTransition('return', 'reported_done');
    assert.equal(r.ok, false);
    assert.equal(r.ok ? '' : r.field, 'reason');
    assert.equal(checkTaskTransition('return', 'reported_done', { reason: 'Thiếu số liệu' }).ok, true);
    assert.equal(checkTaskTransition('approve_extension', 'extension_requested').ok, false);
    assert.equal(
      checkTaskTransition('approve_extension', 'extension_requested', { deadline: due('2020-05-01') }).ok,
      true,
    );
  });
});

describe('completion over tasks fallen due', () => {
  it('counts as Báo cáo 1270/BC-TCTTTg does: 16.051 done of 16.274 fallen due', () => {
    const statuses = [
      ...Array<'done_on_time'>(14068).fill('done_on_time'),
      ...Array<'done_late'>(1983).fill('done_late'),
      ...Array<'in_progress'>(5640).fill('in_progress'),
      ...Array<'overdue'>(223).fill('overdue'),
    ];
    const s = summarise(statuses);
    assert.equal(s.total, 21914);
    assert.equal(s.fallenDue, 16274);
    assert.equal(s.completionRate, 98.63);
    assert.equal(s.overdueRate, 1.37);
  });
  it('has no rate when nothing has fallen due and leaves cancelled out', () => {
    const s = summarise(['not_started', 'in_progress', 'cancelled']);
    assert.equal(s.total, 2);
    assert.equal(s.completionRate, null);
  });
  it('formats deadlines as reports write them', () => {
    assert.equal(formatDeadline(due('2020-03-31')), '31/03/2020');
    assert.equal(
      formatDeadline({ kind: 'monthly', day: 25, until: '2020-12-31' }),
      'hằng tháng, ngày 25, đến 31/12/2020',
    );
  });
});
