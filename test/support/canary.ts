import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../src/app/context.ts';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import type { FixedClock } from '../../src/shared/clock.ts';
import type { SecrecyLevel } from '../../src/shared/secrecy.ts';
import { writeValues } from '../../src/values/repository.ts';
import { createUser } from './app.ts';
import { ApiClient } from './http.ts';

/** A figure no demo value can produce, planted on province 40 (Nghệ An), crime.occurred, October 2026. */
export const FIGURE_CANARY = 9876543;
/** Its spellings: JSON, vi-VN (9.876.543) and any grouping a renderer may choose. */
export const FIGURE_CANARY_PATTERN = /9[.,\u00a0\u202f ]?876[.,\u00a0\u202f ]?543/;
/** A token inside a Tuyệt mật directive's text. */
export const TEXT_CANARY = 'CANARYTUYETMAT7Q3Z';
export const CANARY_PERIOD = '2026-10';
export const CANARY_UNIT = '40';
export const CANARY_INDICATOR = 'crime.occurred';
export const PASSWORD = 'Giaoban@2026-test';

export interface Principal {
  name: string;
  clearance: SecrecyLevel;
  client: ApiClient;
}

export async function signIn(
  server: FastifyInstance,
  ctx: AppContext,
  clock: FixedClock,
  user: { username: string; role: 'officer' | 'approver' | 'analyst' | 'leader'; unitCode: string },
  clearance: SecrecyLevel,
): Promise<Principal> {
  await createUser(ctx, { ...user, clearance });
  const client = new ApiClient(server, clock);
  await client.signIn(user.username, PASSWORD);
  return { name: user.username, clearance, client };
}

/** The principals the read-gate tests act as: every clearance, the nation, a province and one of its communes. */
export interface GatePrincipals {
  /** Tuyệt mật leader at the ministry (plants the canaries). */
  top: Principal;
  /** Tối mật leader at the ministry. */
  toiMat: Principal;
  /** Unclassified analyst at the ministry. */
  analyst: Principal;
  /** Mật approver of province 40 (the canary's province). */
  approver: Principal;
  /** Mật officer of a commune of province 40. */
  commune: Principal;
}

/**
 * Creates and signs in the five principals, with usernames from `names` (each test file its own, so that audit
 * entries can be told apart).
 */
export async function signInPrincipals(
  server: FastifyInstance,
  ctx: AppContext,
  clock: FixedClock,
  names: Record<keyof GatePrincipals, string>,
): Promise<GatePrincipals> {
  const date = '2026-11-29';
  const communeCode = ctx.graph
    .childrenOn(ctx.graph.findByCode(CANARY_UNIT, date)?.id ?? -1, date)
    .map((id) => ctx.graph.require(id).code)[0];
  if (!communeCode) throw new Error(`province ${CANARY_UNIT} has no commune on ${date}`);
  const as = (
    key: keyof GatePrincipals,
    role: 'officer' | 'approver' | 'analyst' | 'leader',
    unitCode: string,
    clearance: SecrecyLevel,
  ) => signIn(server, ctx, clock, { username: names[key], role, unitCode }, clearance);
  return {
    top: await as('top', 'leader', 'BCA', 'tuyet_mat'),
    toiMat: await as('toiMat', 'leader', 'BCA', 'toi_mat'),
    analyst: await as('analyst', 'analyst', 'BCA', 'none'),
    approver: await as('approver', 'approver', CANARY_UNIT, 'mat'),
    commune: await as('commune', 'officer', communeCode, 'mat'),
  };
}

/**
 * Plants the figure canary (classified Tối mật by a decision on province 40, which must carry up to the nation)
 * and the text canary (a Tuyệt mật directive on the latest demo meeting, through the API as a Tuyệt mật leader).
 * Returns the meeting and the task ids of the directive.
 */
export async function plantCanaries(
  ctx: AppContext,
  topLeader: ApiClient,
): Promise<{ meetingId: number; taskIds: number[] }> {
  const form = ctx.catalogue.form('BC-THANG');
  const indicator = ctx.catalogue.indicator(CANARY_INDICATOR);
  const unit = ctx.graph.findByCode(CANARY_UNIT, '2026-10-14');
  if (!form || !indicator || !unit) throw new Error('demo catalogue or unit missing');
  await writeValues(
    ctx.store,
    ctx.graph,
    [
      {
        formId: form.id,
        unitId: unit.id,
        indicatorId: indicator.id,
        optionId: NO_OPTION,
        period: CANARY_PERIOD,
        value: FIGURE_CANARY,
        comment: null,
      },
    ],
    // Recorded on the deadline day, after the province's own entries and before the issue moment of the October
    // report (the close of 19/10/2026), which reads its figures as they stood then.
    { at: '2026-10-19T12:00:00.000Z', userId: null, source: 'api', reason: 'đính chính số liệu' },
  );
  const decision = await topLeader.request('POST', '/api/secrecy/decisions', {
    unit: CANARY_UNIT,
    indicator: CANARY_INDICATOR,
    level: 'toi_mat',
    reason: 'Số liệu phục vụ chuyên án trọng điểm, chưa công bố',
  });
  if (decision.status !== 200) throw new Error(`decision: ${JSON.stringify(decision.body)}`);
  const meetings = (await topLeader.get('/api/meetings')).body.meetings as Array<{
    id: number;
    heldOn: string;
  }>;
  const meeting = [...meetings].sort((a, b) => b.heldOn.localeCompare(a.heldOn))[0];
  if (!meeting) throw new Error('the demo has no meeting');
  const directive = await topLeader.request('POST', `/api/meetings/${meeting.id}/directives`, {
    content: `Triển khai phương án ${TEXT_CANARY} bảo vệ mục tiêu trọng yếu`,
    leadUnit: CANARY_UNIT,
    coordinatingUnits: ['37'],
    deadline: { kind: 'date', date: '2026-12-31' },
    secrecy: 'tuyet_mat',
    version: await topLeader.meetingVersion(meeting.id),
  });
  if (directive.status !== 200) throw new Error(`directive: ${JSON.stringify(directive.body)}`);
  const taskIds = (directive.body.taskIds ?? []) as number[];
  return { meetingId: meeting.id, taskIds };
}
