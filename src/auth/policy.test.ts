import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import { authorize, listFilter, PERMISSIONS, type PolicyDeps, SCOPES, SENSITIVE_ACTIONS } from './policy.ts';
import { ACTIONS, type Action, type AuthUser, ROLES, type Role } from './roles.ts';

/**
 * The expected permissions, written independently of policy.ts. Codes: - not granted, O own unit,
 * S own unit and everything below, B strictly below (the ministry root: also its own unit).
 */
const EXPECTED_TABLE = `
  action               officer approver analyst leader admin
  values.read          S       S        S       S      -
  values.write         O       -        -       -      -
  submission.submit    O       -        -       -      -
  submission.approve   -       B        -       -      -
  submission.return    -       B        B       -      -
  submission.reopen    -       B        -       -      -
  aggregate.read       S       S        S       S      -
  export               O       S        S       S      -
  document.generate    O       S        S       S      -
  meeting.manage       -       -        S       S      -
  task.assign          -       S        S       S      -
  task.report          O       O        -       -      -
  task.confirm         -       B        B       B      -
  users.manage         -       -        -       -      S
  audit.read           -       -        -       S      S
  secrecy.override     -       -        -       S      -
  units.manage         -       -        -       -      S
  catalogue.manage     -       -        -       -      S
`;

type Code = '-' | 'O' | 'S' | 'B';

function parseTable(text: string): Map<string, Code> {
  const lines = text
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/));
  const [header, ...rows] = lines;
  assert.ok(header);
  const roles = header.slice(1);
  const out = new Map<string, Code>();
  for (const row of rows) {
    const [action, ...codes] = row;
    assert.equal(codes.length, roles.length, `row ${action}`);
    codes.forEach((code, i) => {
      assert.ok(['-', 'O', 'S', 'B'].includes(code), code);
      out.set(`${roles[i]}|${action}`, code as Code);
    });
  }
  return out;
}

const EXPECTED = parseTable(EXPECTED_TABLE);

// Ministry 1 → provinces 10 and 20; province 10 → communes 11 and 12; province 20 → commune 21.
const PARENT = new Map<number, number>([
  [10, 1],
  [20, 1],
  [11, 10],
  [12, 10],
  [21, 20],
]);
const ROOT = 1;

function strictlyBelow(unitId: number, ancestorId: number): boolean {
  for (let p = PARENT.get(unitId); p !== undefined; p = PARENT.get(p)) if (p === ancestorId) return true;
  return false;
}

const DEPS_STRICT: PolicyDeps = { rootUnitId: ROOT, isInSubtree: strictlyBelow };
// The other reading of "in the subtree" (a unit is in its own subtree) must give the same answers.
const DEPS_INCLUSIVE: PolicyDeps = {
  rootUnitId: ROOT,
  isInSubtree: (u, a) => u === a || strictlyBelow(u, a),
};

type Relation = 'own' | 'sibling' | 'parent' | 'grandparent' | 'child' | 'grandchild' | 'cousin' | 'global';

/** Where the user sits, and the unit (null: a thing of no unit) standing in each relation to it. */
const POSITIONS: { userUnit: number; atRoot: boolean; targets: [Relation, number | null][] }[] = [
  {
    userUnit: 10,
    atRoot: false,
    targets: [
      ['own', 10],
      ['sibling', 20],
      ['parent', 1],
      ['child', 11],
      ['cousin', 21],
      ['global', null],
    ],
  },
  {
    userUnit: 1,
    atRoot: true,
    targets: [
      ['own', 1],
      ['child', 10],
      ['grandchild', 11],
      ['global', null],
    ],
  },
  {
    userUnit: 11,
    atRoot: false,
    targets: [
      ['own', 11],
      ['sibling', 12],
      ['parent', 10],
      ['grandparent', 1],
      ['global', null],
    ],
  },
];

/** Which relations each code reaches, for a user at the root and elsewhere. Things of no unit are the root's. */
const REACHES: Record<Code, { root: Relation[]; other: Relation[] }> = {
  '-': { root: [], other: [] },
  O: { root: ['own', 'global'], other: ['own'] },
  S: { root: ['own', 'child', 'grandchild', 'global'], other: ['own', 'child', 'grandchild'] },
  B: { root: ['own', 'child', 'grandchild', 'global'], other: ['child', 'grandchild'] },
};

const LEVEL_ORDER: SecrecyLevel[] = ['none', 'mat', 'toi_mat', 'tuyet_mat'];

function expectedDecision(
  role: Role,
  action: Action,
  relation: Relation,
  atRoot: boolean,
  clearance: SecrecyLevel,
  secrecy: SecrecyLevel,
): 'allowed' | 'role' | 'scope' | 'clearance' {
  const code = EXPECTED.get(`${role}|${action}`);
  assert.ok(code, `${role} ${action} missing from the expected table`);
  if (code === '-') return 'role';
  if (!REACHES[code][atRoot ? 'root' : 'other'].includes(relation)) return 'scope';
  if (LEVEL_ORDER.indexOf(secrecy) > LEVEL_ORDER.indexOf(clearance)) return 'clearance';
  return 'allowed';
}

describe('authorization matrix', () => {
  it('the expected table covers exactly every role × action', () => {
    assert.equal(EXPECTED.size, ROLES.length * ACTIONS.length);
    for (const role of ROLES) {
      assert.deepEqual(Object.keys(PERMISSIONS[role]).sort(), [...ACTIONS].sort(), role);
      for (const action of ACTIONS) assert.ok(SCOPES.includes(PERMISSIONS[role][action]));
    }
  });

  it('matches the expectation for every role × action × unit relation × clearance × secrecy level', (t) => {
    let checked = 0;
    const mismatches: string[] = [];
    for (const deps of [DEPS_STRICT, DEPS_INCLUSIVE]) {
      for (const role of ROLES) {
        for (const position of POSITIONS) {
          for (const clearance of LEVEL_ORDER) {
            const user: AuthUser = { id: 7, role, unitId: position.userUnit, clearance };
            for (const action of ACTIONS) {
              for (const [relation, unitId] of position.targets) {
                for (const secrecy of LEVEL_ORDER) {
                  const want = expectedDecision(role, action, relation, position.atRoot, clearance, secrecy);
                  const got = authorize(user, action, { unitId, secrecy }, deps);
                  const gotKey = got.allowed ? 'allowed' : got.reason;
                  if (gotKey !== want) {
                    mismatches.push(
                      `${role}@${position.userUnit} (${clearance}) ${action} on ${relation} ${secrecy}: want ${want}, got ${gotKey}`,
                    );
                  }
                  if (!got.allowed) assert.ok(got.messageVi.length > 0 && got.messageEn.length > 0);
                  checked++;
                }
              }
            }
          }
        }
      }
    }
    assert.deepEqual(mismatches.slice(0, 20), []);
    assert.equal(checked, 2 * ROLES.length * 4 * ACTIONS.length * (6 + 4 + 5) * 4);
    t.diagnostic(`authorization cases checked: ${checked}`);
  });

  it('refuses everything to a signed-out visitor', () => {
    for (const action of ACTIONS) {
      const d = authorize(null, action, { unitId: 10, secrecy: 'none' }, DEPS_STRICT);
      assert.equal(d.allowed, false);
      if (!d.allowed) {
        assert.equal(d.reason, 'unauthenticated');
        assert.match(d.messageVi, /đăng nhập/);
      }
    }
  });
});

describe('authorization stories', () => {
  const user = (role: Role, unitId: number, clearance: SecrecyLevel = 'tuyet_mat'): AuthUser => ({
    id: 1,
    role,
    unitId,
    clearance,
  });
  const can = (u: AuthUser, action: Action, unitId: number | null, secrecy: SecrecyLevel = 'none') =>
    authorize(u, action, { unitId, secrecy }, DEPS_STRICT).allowed;

  it('a province approver approves its communes but not its own or a neighbour’s submission', () => {
    const a = user('approver', 10);
    assert.equal(can(a, 'submission.approve', 11), true);
    assert.equal(can(a, 'submission.approve', 10), false);
    assert.equal(can(a, 'submission.approve', 21), false);
    assert.equal(can(user('approver', ROOT), 'submission.approve', ROOT), true);
    assert.equal(can(user('approver', ROOT), 'submission.approve', 10), true);
  });

  it('an officer enters figures for their own unit only but reads the communes below', () => {
    const o = user('officer', 10);
    assert.equal(can(o, 'values.write', 10), true);
    assert.equal(can(o, 'values.write', 11), false);
    assert.equal(can(o, 'values.read', 11), true);
    assert.equal(can(o, 'values.read', 1), false);
  });

  it('clearance bounds everyone, the ministry admin included', () => {
    const admin = user('admin', ROOT, 'mat');
    assert.equal(can(admin, 'audit.read', 11, 'mat'), true);
    assert.equal(can(admin, 'audit.read', 11, 'toi_mat'), false);
    // Granting a clearance above one's own: the resource carries the higher level.
    assert.equal(can(admin, 'users.manage', 11, 'toi_mat'), false);
    assert.equal(can(admin, 'values.read', 11, 'none'), false);
    const leader = user('leader', ROOT, 'toi_mat');
    assert.equal(can(leader, 'values.read', 21, 'toi_mat'), true);
    assert.equal(can(leader, 'values.read', 21, 'tuyet_mat'), false);
  });

  it('only ministry admins manage the global catalogue', () => {
    assert.equal(can(user('admin', ROOT), 'catalogue.manage', null), true);
    assert.equal(can(user('admin', 10), 'catalogue.manage', null), false);
    assert.equal(can(user('admin', 10), 'users.manage', 11), true);
  });

  it('marks the hard-to-undo actions for re-authentication', () => {
    assert.ok(SENSITIVE_ACTIONS.has('submission.approve'));
    assert.ok(SENSITIVE_ACTIONS.has('secrecy.override'));
    assert.ok(!SENSITIVE_ACTIONS.has('values.read'));
  });
});

describe('list filters agree with authorize', () => {
  const units = [1, 10, 11, 12, 20, 21];
  it('select the same units and levels for every role, action and position', () => {
    for (const role of ROLES) {
      for (const unitId of units) {
        for (const clearance of LEVEL_ORDER) {
          const u: AuthUser = { id: 1, role, unitId, clearance };
          for (const action of ACTIONS) {
            const f = listFilter(u, action, DEPS_STRICT);
            for (const target of units) {
              for (const secrecy of LEVEL_ORDER) {
                const byFilter =
                  f.kind === 'none'
                    ? false
                    : f.secrecy.includes(secrecy) &&
                      (f.kind === 'unit'
                        ? target === f.unitId
                        : strictlyBelow(target, f.unitId) || (f.includeSelf && target === f.unitId));
                const byAuthorize = authorize(u, action, { unitId: target, secrecy }, DEPS_STRICT).allowed;
                assert.equal(byFilter, byAuthorize, `${role}@${unitId} ${action} → ${target} ${secrecy}`);
              }
            }
          }
        }
      }
    }
    assert.deepEqual(listFilter(null, 'values.read', DEPS_STRICT), { kind: 'none' });
  });
});
