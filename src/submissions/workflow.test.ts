import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePeriod } from '../periods/period.ts';
import { deadlineFor } from './deadlines.ts';
import {
  checkTransition,
  isEditable,
  SUBMISSION_ACTIONS,
  SUBMISSION_STATUSES,
  timeliness,
} from './workflow.ts';

describe('submission workflow', () => {
  it('allows exactly the transitions of the workflow', () => {
    const allowed: string[] = [];
    for (const action of SUBMISSION_ACTIONS) {
      for (const from of SUBMISSION_STATUSES) {
        const check = checkTransition(action, from, 'lý do');
        if (check.ok) allowed.push(`${from} -${action}-> ${check.to}`);
      }
    }
    assert.deepEqual(allowed.sort(), [
      'approved -lock-> locked',
      'approved -reopen-> returned',
      'approved -return-> returned',
      'draft -submit-> submitted',
      'locked -reopen-> returned',
      'returned -submit-> submitted',
      'submitted -approve-> approved',
      'submitted -return-> returned',
    ]);
  });

  it('requires a reason to return or reopen', () => {
    assert.equal(checkTransition('return', 'submitted', '  ').ok, false);
    assert.equal(checkTransition('reopen', 'locked', undefined).ok, false);
    assert.equal(checkTransition('reopen', 'locked', 'Sai số liệu ma túy').ok, true);
  });

  it('lets only drafts and returned reports be edited', () => {
    assert.deepEqual(SUBMISSION_STATUSES.filter(isEditable), ['draft', 'returned']);
  });

  it('judges timeliness at the end of the deadline day in Vietnam', () => {
    assert.equal(timeliness('2020-02-19T16:59:59.000Z', '2020-02-19'), 'on_time');
    assert.equal(timeliness('2020-02-19T17:00:00.000Z', '2020-02-19'), 'late');
    assert.equal(timeliness(null, '2020-02-19'), 'missing');
  });

  it('sets deadlines in working days after the window, per level', () => {
    // February 2020 closes on Friday 14/02: a commune has one working day (Monday 17/02), a province three (19/02).
    assert.equal(
      deadlineFor(
        { deadline: { workingDaysAfterWindowEnd: { commune: 1, province: 3 } } },
        parsePeriod('2020-02'),
        'commune',
      ),
      '2020-02-17',
    );
    assert.equal(
      deadlineFor(
        { deadline: { workingDaysAfterWindowEnd: { commune: 1, province: 3 } } },
        parsePeriod('2020-02'),
        'province',
      ),
      '2020-02-19',
    );
  });
});
