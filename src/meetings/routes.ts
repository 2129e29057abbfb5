import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveUnit } from '../app/resolve.ts';
import type { RouteContext } from '../app/route-context.ts';
import { authorize } from '../auth/policy.ts';
import {
  agendaSchema,
  briefingPackSchema,
  conclusionSchema,
  directiveAssignedSchema,
  meetingDetailSchema,
  meetingListSchema,
  meetingSchema,
} from '../contract/meetings.ts';
import { deliverEmails, notifyPackReady } from '../notifications/service.ts';
import { actorOf, auditClassifiedRead, guard, policyDeps, requireUser } from '../server/session.ts';
import { AppError, versionRequired } from '../shared/errors.ts';
import {
  includeSchema,
  isoDateSchema,
  periodIdSchema,
  unitCodeSchema,
  versionReadSchema,
} from '../shared/schemas.ts';
import { clearanceAllows, highestSecrecy, SECRECY_LEVELS } from '../shared/secrecy.ts';
import { deadlineSchema } from '../tasks/routes.ts';
import { OUTCOME_KINDS } from './model.ts';
import {
  addAgendaItem,
  addDirective,
  conclusionFor,
  createMeeting,
  holdMeeting,
  issueConclusion,
  listMeetings,
  meetingDetailFor,
  meetingPackFor,
  requireMeeting,
  setAgendaOutcome,
  setMinutes,
} from './service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Every change to a meeting or its texts names the meeting's version it was read at. */
const MEETING_VERSION = versionReadSchema(
  'the meeting version the text was read at (required: 428 without it, 409 when stale)',
);
export function meetingRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const manage = (request: FastifyRequest) =>
      guard(ctx, request, 'meeting.manage', { unitId: null, secrecy: 'none' });
    const readable = async (request: FastifyRequest, id: number) => {
      const m = await requireMeeting(ctx, id);
      const user = guard(ctx, request, 'aggregate.read', {
        unitId: requireUser(request).unitId,
        secrecy: m.secrecy,
      });
      return { m, user };
    };
    // The pack holds the nation's figures: it is read by those whose scope covers the ministry.
    const packReadable = async (request: FastifyRequest, id: number) => {
      const m = await requireMeeting(ctx, id);
      const user = guard(ctx, request, 'aggregate.read', { unitId: null, secrecy: m.secrecy }, m.heldOn);
      return { m, user };
    };
    const unitIds = (codes: string[], date: string) => codes.map((c) => resolveUnit(ctx.graph, c, date).id);

    r.get(
      '/meetings',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Danh sách hội nghị giao ban (briefing meetings)',
          response: { 200: meetingListSchema },
        },
      },
      async (request) => {
        const user = guard(ctx, request, 'aggregate.read', {
          unitId: requireUser(request).unitId,
          secrecy: 'none',
        });
        return { meetings: await listMeetings(ctx, user.clearance) };
      },
    );
    r.post(
      '/meetings',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Tạo hội nghị giao ban (create a meeting)',
          response: { 200: meetingSchema },
          body: z.object({
            title: z.string().max(300).optional(),
            period: periodIdSchema,
            heldOn: isoDateSchema,
            place: z.string().min(1).max(300),
            chair: z.string().min(1).max(500),
            participants: z.array(unitCodeSchema).max(200).default([]),
            agenda: z
              .array(
                z.object({
                  title: z.string().min(1).max(500),
                  presenter: z.string().max(300).nullish(),
                  outcomeKind: z.enum(OUTCOME_KINDS).optional(),
                }),
              )
              .max(50)
              .default([]),
            campaignId: z.number().int().positive().nullish(),
            secrecy: z.enum(SECRECY_LEVELS).default('mat'),
          }),
        },
      },
      async (request) => {
        manage(request);
        const b = request.body;
        return createMeeting(
          ctx,
          { ...b, participantIds: unitIds(b.participants, b.heldOn) },
          actorOf(request),
        );
      },
    );
    r.get(
      '/meetings/:id',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Hội nghị: chương trình, chỉ đạo và nhiệm vụ, biên bản, kết luận (one meeting)',
          response: { 200: meetingDetailSchema },
          params: idParams,
        },
      },
      async (request) => {
        const { m, user } = await readable(request, request.params.id);
        const detail = await meetingDetailFor(ctx, m, user);
        await auditClassifiedRead(ctx, request, {
          target: `meeting:${m.id}`,
          unitId: null,
          secrecy: detail.secrecy,
        });
        // The page offers the pack only to those the pack route lets in (the same decision, asked ahead).
        const pack = authorize(
          user,
          'aggregate.read',
          { unitId: null, secrecy: m.secrecy },
          policyDeps(ctx, m.heldOn),
        );
        return { ...detail, packReadable: pack.allowed };
      },
    );
    r.get(
      '/meetings/:id/pack',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Tài liệu hội nghị: số liệu, tính đầy đủ, nhiệm vụ đến hạn và quá hạn (the briefing pack)',
          response: { 200: briefingPackSchema },
          params: idParams,
          querystring: z.object({ include: includeSchema }),
        },
      },
      async (request) => {
        const { m, user } = await packReadable(request, request.params.id);
        const pack = await meetingPackFor(ctx, m, user, request.query.include);
        await auditClassifiedRead(ctx, request, {
          target: `meeting:${m.id}/pack`,
          unitId: null,
          secrecy: pack.secrecy,
        });
        return pack;
      },
    );
    r.post(
      '/meetings/:id/hold',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Ghi nhận hội nghị đã họp và chốt tài liệu (mark held, freeze the pack)',
          response: { 200: meetingSchema },
          params: idParams,
        },
      },
      async (request) => {
        manage(request);
        const held = await holdMeeting(ctx, request.params.id, actorOf(request));
        await notifyPackReady(ctx, { id: held.id, title: held.title });
        return held;
      },
    );
    r.put(
      '/meetings/:id/minutes',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Biên bản hội nghị (minutes)',
          response: { 200: meetingSchema },
          params: idParams,
          body: z.object({
            minutes: z.string().max(200000),
            secrecy: z.enum(SECRECY_LEVELS).optional(),
            version: MEETING_VERSION,
          }),
        },
      },
      async (request) => {
        const m = await requireMeeting(ctx, request.params.id);
        guard(ctx, request, 'meeting.manage', {
          unitId: null,
          secrecy: highestSecrecy([m.secrecy, m.minutesSecrecy, request.body.secrecy ?? 'none']),
        });
        const version = request.body.version;
        if (version === undefined) throw versionRequired();
        return setMinutes(ctx, m.id, request.body.minutes, actorOf(request), request.body.secrecy, version);
      },
    );
    r.post(
      '/meetings/:id/conclusion',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Ban hành Thông báo kết luận (issue the conclusion notice)',
          response: { 200: meetingSchema },
          params: idParams,
          body: z.object({
            number: z.string().min(1).max(60),
            date: isoDateSchema,
            summary: z.string().max(50000).optional(),
            version: MEETING_VERSION,
          }),
        },
      },
      async (request) => {
        manage(request);
        const { version, ...notice } = request.body;
        if (version === undefined) throw versionRequired();
        return issueConclusion(ctx, request.params.id, { ...notice, version }, actorOf(request));
      },
    );
    r.get(
      '/meetings/:id/conclusion',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Nội dung Thông báo kết luận (the notice text)',
          response: { 200: conclusionSchema },
          params: idParams,
        },
      },
      async (request) => {
        const { m, user } = await readable(request, request.params.id);
        const conclusion = await conclusionFor(ctx, m, user);
        if (!conclusion)
          throw new AppError('not_found', 'Hội nghị chưa có thông báo kết luận', 'no conclusion issued yet', [
            { field: 'conclusion', reason: 'chưa ban hành' },
          ]);
        return conclusion;
      },
    );
    r.post(
      '/meetings/:id/agenda',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Thêm nội dung chương trình (add an agenda item)',
          response: { 200: agendaSchema },
          params: idParams,
          body: z.object({
            title: z.string().min(1).max(500),
            presenter: z.string().max(300).nullish(),
            outcomeKind: z.enum(OUTCOME_KINDS).default('information'),
            outcome: z.string().max(10000).nullish(),
            secrecy: z.enum(SECRECY_LEVELS).optional(),
            version: MEETING_VERSION,
          }),
        },
      },
      async (request) => {
        const m = await requireMeeting(ctx, request.params.id);
        const user = guard(ctx, request, 'meeting.manage', {
          unitId: null,
          secrecy: highestSecrecy([m.secrecy, request.body.secrecy ?? 'none']),
        });
        const { version, ...item } = request.body;
        if (version === undefined) throw versionRequired();
        const agenda = await addAgendaItem(ctx, request.params.id, item, actorOf(request), version);
        return {
          agenda: agenda.filter((a) => clearanceAllows(user.clearance, a.secrecy ?? m.secrecy)),
          version: (await requireMeeting(ctx, m.id)).version,
        };
      },
    );
    r.put(
      '/meetings/:id/agenda/:itemId',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Kết quả một nội dung: thông tin, quyết định, chỉ đạo (an agenda item’s outcome)',
          response: { 200: agendaSchema },
          params: idParams.extend({ itemId: z.coerce.number().int().positive() }),
          body: z.object({
            outcomeKind: z.enum(OUTCOME_KINDS),
            outcome: z.string().max(10000).nullable(),
            version: MEETING_VERSION,
          }),
        },
      },
      async (request) => {
        const m = await requireMeeting(ctx, request.params.id);
        const user = guard(ctx, request, 'meeting.manage', { unitId: null, secrecy: m.secrecy });
        const { version, ...outcome } = request.body;
        if (version === undefined) throw versionRequired();
        const agenda = await setAgendaOutcome(
          ctx,
          m.id,
          request.params.itemId,
          outcome,
          actorOf(request),
          version,
        );
        return {
          agenda: agenda.filter((a) => clearanceAllows(user.clearance, a.secrecy ?? m.secrecy)),
          version: (await requireMeeting(ctx, m.id)).version,
        };
      },
    );
    r.post(
      '/meetings/:id/directives',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Thêm nội dung chỉ đạo và giao nhiệm vụ cho các đơn vị (add a directive, creating tasks)',
          response: { 200: directiveAssignedSchema },
          params: idParams,
          body: z.object({
            content: z.string().min(1).max(5000),
            leadUnit: unitCodeSchema,
            coordinatingUnits: z.array(unitCodeSchema).max(200).default([]),
            deadline: deadlineSchema,
            indicators: z.array(z.string().max(60)).max(20).default([]),
            targetId: z.number().int().positive().nullish(),
            secrecy: z.enum(SECRECY_LEVELS).default('none'),
            version: MEETING_VERSION,
          }),
        },
      },
      async (request) => {
        const m = await requireMeeting(ctx, request.params.id);
        const b = request.body;
        const today = ctx.clock.today();
        // Adding to a meeting is managing it: the meeting's owner (the ministry) and at least its level.
        const user = guard(ctx, request, 'meeting.manage', {
          unitId: null,
          secrecy: highestSecrecy([m.secrecy, b.secrecy]),
        });
        const lead = resolveUnit(ctx.graph, b.leadUnit, today).id;
        const coordinating = unitIds(b.coordinatingUnits, today);
        for (const unitId of [lead, ...coordinating])
          guard(ctx, request, 'task.assign', { unitId, secrecy: b.secrecy });
        const actor = actorOf(request);
        const at = ctx.clock.now().toISOString();
        const version = b.version;
        if (version === undefined) throw versionRequired();
        const result = await addDirective(
          ctx,
          m.id,
          version,
          {
            content: b.content,
            leadUnitId: lead,
            coordinatingUnitIds: coordinating,
            deadline: b.deadline,
            indicators: b.indicators,
            targetId: b.targetId ?? null,
            secrecy: b.secrecy,
          },
          actor,
          today,
          at,
        );
        void deliverEmails(ctx);
        return {
          ...result,
          meeting: await meetingDetailFor(ctx, await requireMeeting(ctx, m.id), user),
        };
      },
    );
  };
}
