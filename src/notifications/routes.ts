import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../app/route-context.ts';
import { inboxSchema, notificationPreferencesSchema } from '../contract/programmes.ts';
import { requireUser } from '../server/session.ts';
import { versionRequired } from '../shared/errors.ts';
import { versionReadSchema } from '../shared/schemas.ts';
import { NOTIFICATION_KINDS } from './model.ts';
import { inbox, preferencesOf, readNotifications, setPreferences } from './service.ts';

/** Each signed-in user's own inbox and choices: nobody reads or sets another's. */
export function notificationRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/notifications',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Hộp thông báo của người dùng (the user’s inbox)',
          response: { 200: inboxSchema },
        },
      },
      async (request) => inbox(ctx, requireUser(request).id),
    );
    r.post(
      '/notifications/read',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Đánh dấu đã đọc (mark as read)',
          response: { 200: inboxSchema },
          body: z.object({
            ids: z.array(z.number().int().positive()).max(500).optional(),
            all: z.boolean().optional(),
          }),
        },
      },
      async (request) => {
        const user = requireUser(request);
        await readNotifications(ctx, user.id, request.body.all ? 'all' : (request.body.ids ?? []));
        return inbox(ctx, user.id);
      },
    );
    r.get(
      '/notifications/preferences',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Loại thông báo người dùng muốn nhận (the user’s choices)',
          response: { 200: notificationPreferencesSchema },
        },
      },
      async (request) => preferencesOf(ctx, requireUser(request).id),
    );
    r.put(
      '/notifications/preferences',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Chọn loại thông báo nhận trong hệ thống và qua thư điện tử (choose what to receive)',
          response: { 200: notificationPreferencesSchema },
          body: z.object({
            email: z.string().email().max(200).nullable(),
            kinds: z
              .array(z.object({ kind: z.enum(NOTIFICATION_KINDS), inApp: z.boolean(), email: z.boolean() }))
              .max(20),
            version: versionReadSchema('the version of the choices read: 428 without it, 409 when stale'),
          }),
        },
      },
      async (request) => {
        const user = requireUser(request);
        const { version, ...choices } = request.body;
        if (version === undefined) throw versionRequired();
        return setPreferences(ctx, user.id, { ...choices, version });
      },
    );
  };
}
