import { clearanceAllows, SECRECY_LEVELS, type SecrecyLevel } from '../shared/secrecy.ts';
import type { Action, AuthUser, Role } from './roles.ts';
import { ACTION_LABEL_VI } from './roles.ts';

/**
 * The one place deciding who may see and change what. A request is allowed only when all three hold:
 *   1. the role grants the action (the matrix below; anything not granted is denied);
 *   2. the target unit lies in the scope the matrix gives for that role and action;
 *   3. the user's clearance reaches the target's secrecy level — for every action, writes included,
 *      and for every role, administrators included (need-to-know, Law 117/2025 on state secrets).
 *
 * Scopes, relative to the user's own unit:
 *   own      the user's unit only;
 *   subtree  the user's unit and every unit below it (at the ministry root: everything);
 *   below    units strictly below the user's unit. Used where the actor should not be the unit that did
 *            the work (approving a submission, confirming a task done). The ministry root has nobody
 *            above it, so at the root `below` also covers the root's own unit.
 *
 * Decisions:
 *   - Officers write values and submit only for their own unit: every figure is entered by the unit that
 *     answers for it. Entering on behalf of another unit would need an explicit, audited delegation.
 *     They read their subtree (a provincial officer sees the communes' figures), but export and
 *     generate documents for their own unit only: exports leave the system.
 *   - Approvers (unit leaders) approve, return and reopen submissions of the units below them: the
 *     province approves its communes; the ministry approves the provinces and departments, and its own
 *     submissions. Separation of duties: approvers do not enter values.
 *   - Analysts (the staff office) read and compile their subtree, run meetings, record the tasks set in
 *     the meeting conclusions, return faulty submissions and confirm tasks done below them (the office
 *     confirms or returns task reports, as in QĐ 42/2014/QĐ-TTg practice).
 *   - Leaders read their subtree, chair meetings, assign and confirm tasks, read the audit log, and
 *     change secrecy levels (the head of an agency decides the secrecy level of its documents).
 *   - Admins manage users, units and the indicator catalogue in their subtree and read its audit log,
 *     but read no figures: administering the system is not a need to know its content.
 *
 * Resources with no unit (the indicator catalogue, global settings) belong to the ministry root, so only
 * users at the root reach them with a `subtree` scope.
 */

export const SCOPES = ['none', 'own', 'subtree', 'below'] as const;
export type Scope = (typeof SCOPES)[number];

/** Role × action → scope. Explicit data so that a test and the documentation can enumerate it. */
export const PERMISSIONS: Readonly<Record<Role, Readonly<Record<Action, Scope>>>> = {
  officer: {
    'values.read': 'subtree',
    'values.write': 'own',
    'submission.submit': 'own',
    'submission.approve': 'none',
    'submission.return': 'none',
    'submission.reopen': 'none',
    'aggregate.read': 'subtree',
    export: 'own',
    'document.generate': 'own',
    'meeting.manage': 'none',
    'task.assign': 'none',
    'task.report': 'own',
    'task.confirm': 'none',
    'users.manage': 'none',
    'audit.read': 'none',
    'secrecy.override': 'none',
    'units.manage': 'none',
    'catalogue.manage': 'none',
  },
  approver: {
    'values.read': 'subtree',
    'values.write': 'none',
    'submission.submit': 'none',
    'submission.approve': 'below',
    'submission.return': 'below',
    'submission.reopen': 'below',
    'aggregate.read': 'subtree',
    export: 'subtree',
    'document.generate': 'subtree',
    'meeting.manage': 'none',
    'task.assign': 'subtree',
    'task.report': 'own',
    'task.confirm': 'below',
    'users.manage': 'none',
    'audit.read': 'none',
    'secrecy.override': 'none',
    'units.manage': 'none',
    'catalogue.manage': 'none',
  },
  analyst: {
    'values.read': 'subtree',
    'values.write': 'none',
    'submission.submit': 'none',
    'submission.approve': 'none',
    'submission.return': 'below',
    'submission.reopen': 'none',
    'aggregate.read': 'subtree',
    export: 'subtree',
    'document.generate': 'subtree',
    'meeting.manage': 'subtree',
    'task.assign': 'subtree',
    'task.report': 'none',
    'task.confirm': 'below',
    'users.manage': 'none',
    'audit.read': 'none',
    'secrecy.override': 'none',
    'units.manage': 'none',
    'catalogue.manage': 'none',
  },
  leader: {
    'values.read': 'subtree',
    'values.write': 'none',
    'submission.submit': 'none',
    'submission.approve': 'none',
    'submission.return': 'none',
    'submission.reopen': 'none',
    'aggregate.read': 'subtree',
    export: 'subtree',
    'document.generate': 'subtree',
    'meeting.manage': 'subtree',
    'task.assign': 'subtree',
    'task.report': 'none',
    'task.confirm': 'below',
    'users.manage': 'none',
    'audit.read': 'subtree',
    'secrecy.override': 'subtree',
    'units.manage': 'none',
    'catalogue.manage': 'none',
  },
  admin: {
    'values.read': 'none',
    'values.write': 'none',
    'submission.submit': 'none',
    'submission.approve': 'none',
    'submission.return': 'none',
    'submission.reopen': 'none',
    'aggregate.read': 'none',
    export: 'none',
    'document.generate': 'none',
    'meeting.manage': 'none',
    'task.assign': 'none',
    'task.report': 'none',
    'task.confirm': 'none',
    'users.manage': 'subtree',
    'audit.read': 'subtree',
    'secrecy.override': 'none',
    'units.manage': 'subtree',
    'catalogue.manage': 'subtree',
  },
};

/**
 * Actions that need a recent sign-in (see `isRecentlyAuthenticated`), on top of being allowed:
 * they are hard to undo or change who can see what.
 */
export const SENSITIVE_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'submission.approve',
  'submission.reopen',
  'secrecy.override',
  'users.manage',
]);

/**
 * What an action is applied to.
 * - `unitId`: the unit the object belongs to (a submission's or value's unit, the unit a task is
 *   assigned to, a managed user's unit); null for things that belong to no unit.
 * - `secrecy`: the object's level. When the action changes a level (`secrecy.override`, granting a
 *   clearance through `users.manage`), pass the higher of the old and the new level, so that nobody can
 *   raise anything above their own clearance or lower what they may not read.
 */
export interface Resource {
  unitId: number | null;
  secrecy: SecrecyLevel;
}

export interface PolicyDeps {
  /** True when `unitId` lies below `ancestorUnitId` in today's unit tree (whether a unit counts as in its own subtree does not matter here). */
  isInSubtree(unitId: number, ancestorUnitId: number): boolean;
  /** The ministry: owner of everything that belongs to no unit, and the one unit with nobody above it. */
  rootUnitId: number;
}

export type DenyReason = 'unauthenticated' | 'role' | 'scope' | 'clearance';

export type Decision =
  | { allowed: true }
  | { allowed: false; reason: DenyReason; messageVi: string; messageEn: string };

function deny(reason: DenyReason, action: Action): Decision {
  const what = ACTION_LABEL_VI[action];
  switch (reason) {
    case 'unauthenticated':
      return {
        allowed: false,
        reason,
        messageVi: `Bạn cần đăng nhập để ${what}.`,
        messageEn: `You must sign in to do this (${action}).`,
      };
    case 'role':
      return {
        allowed: false,
        reason,
        messageVi: `Vai trò của bạn không có quyền ${what}.`,
        messageEn: `Your role does not allow ${action}.`,
      };
    case 'scope':
      return {
        allowed: false,
        reason,
        messageVi: `Bạn không có quyền ${what} của đơn vị này: đơn vị nằm ngoài phạm vi quản lý của bạn.`,
        messageEn: `This unit is outside your scope for ${action}.`,
      };
    case 'clearance':
      // The level itself is not named: the refusal should not describe what is being withheld.
      return {
        allowed: false,
        reason,
        messageVi: `Nội dung có độ mật vượt quá mức bạn được phép tiếp cận; không thể ${what}.`,
        messageEn: `The material is classified above your clearance (${action}).`,
      };
  }
}

/** Whether `scope`, held by a user of `userUnitId`, reaches `targetUnitId`. */
export function scopeCovers(
  scope: Scope,
  userUnitId: number,
  targetUnitId: number,
  deps: PolicyDeps,
): boolean {
  if (scope === 'none') return false;
  const own = targetUnitId === userUnitId;
  if (scope === 'own') return own;
  const below = !own && deps.isInSubtree(targetUnitId, userUnitId);
  if (scope === 'subtree') return own || below;
  return below || (own && userUnitId === deps.rootUnitId);
}

/**
 * Decides whether `user` (null when not signed in) may perform `action` on `resource`.
 * @example authorize(officer, 'values.write', { unitId: officer.unitId, secrecy: 'none' }, deps) // { allowed: true }
 */
export function authorize(
  user: AuthUser | null,
  action: Action,
  resource: Resource,
  deps: PolicyDeps,
): Decision {
  if (user === null) return deny('unauthenticated', action);
  const scope = PERMISSIONS[user.role][action];
  if (scope === 'none') return deny('role', action);
  if (!scopeCovers(scope, user.unitId, resource.unitId ?? deps.rootUnitId, deps))
    return deny('scope', action);
  if (!clearanceAllows(user.clearance, resource.secrecy)) return deny('clearance', action);
  return { allowed: true };
}

/** The scope a role has for an action ('none' when not granted). */
export function scopeOf(role: Role, action: Action): Scope {
  return PERMISSIONS[role][action];
}

/** Secrecy levels the user may read: for WHERE secrecy IN (...) in list queries. */
export function readableSecrecyLevels(user: AuthUser): SecrecyLevel[] {
  return SECRECY_LEVELS.filter((level) => clearanceAllows(user.clearance, level));
}

/**
 * The same rule as `authorize`, shaped for list queries: which units a user may act on, and up to which
 * secrecy level. `below` with `includeSelf` false means strictly below `unitId`.
 */
export type ListFilter =
  | { kind: 'none' }
  | { kind: 'unit'; unitId: number; secrecy: SecrecyLevel[] }
  | { kind: 'subtree'; unitId: number; includeSelf: boolean; secrecy: SecrecyLevel[] };

export function listFilter(user: AuthUser | null, action: Action, deps: PolicyDeps): ListFilter {
  if (user === null) return { kind: 'none' };
  const scope = PERMISSIONS[user.role][action];
  const secrecy = readableSecrecyLevels(user);
  switch (scope) {
    case 'none':
      return { kind: 'none' };
    case 'own':
      return { kind: 'unit', unitId: user.unitId, secrecy };
    case 'subtree':
      return { kind: 'subtree', unitId: user.unitId, includeSelf: true, secrecy };
    case 'below':
      return { kind: 'subtree', unitId: user.unitId, includeSelf: user.unitId === deps.rootUnitId, secrecy };
  }
}
