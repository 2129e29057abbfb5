import { isDeepStrictEqual } from 'node:util';
import type { FastifyInstance, FastifySerializerCompiler, RouteOptions } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../contract/common.ts';
import { isDeeplyFrozen } from '../shared/freeze.ts';

/** Error answers an API route can give, each with the shared error body (see the error handler in app.ts). */
export const ERROR_STATUSES = ['400', '401', '403', '404', '409', '415', '422', '428'] as const;

/** An answer that has fields its schema does not declare: a contract broken by the server, found in tests. */
export class UndeclaredFieldsError extends Error {
  readonly statusCode = 500;
  constructor(method: string, url: string, paths: string[]) {
    super(
      `${method} ${url}: the answer has fields its response schema does not declare: ${paths.join(', ')}`,
    );
    this.name = 'UndeclaredFieldsError';
  }
}

/** Paths present in `sent` and missing from `kept` (what the schema stripped), at most 10. */
function strippedPaths(sent: unknown, kept: unknown, path = '', out: string[] = []): string[] {
  if (out.length >= 10) return out;
  if (Array.isArray(sent) && Array.isArray(kept)) {
    sent.forEach((item, i) => {
      strippedPaths(item, kept[i], `${path}[${i}]`, out);
    });
  } else if (sent && typeof sent === 'object' && kept && typeof kept === 'object') {
    for (const [key, value] of Object.entries(sent)) {
      if (!(key in kept)) out.push(`${path}.${key}`);
      else strippedPaths(value, (kept as Record<string, unknown>)[key], `${path}.${key}`, out);
    }
  } else if (!isDeepStrictEqual(sent, kept)) out.push(`${path} (changed)`);
  return out;
}

/**
 * Every answer goes through its route's zod response schema: a field of the wrong type is a 500, never sent.
 * Fields the schema does not declare are left out (nothing undeclared leaves the server); with `strict` (the
 * default, and what every test runs) they are an error instead, so that a schema cannot silently lag behind
 * the answer it documents.
 */
export function contractSerializer(strict: boolean): FastifySerializerCompiler<unknown> {
  const compile = serializerCompiler as unknown as FastifySerializerCompiler<unknown>;
  return (route) => {
    const serialize = once(compile(route));
    if (!strict) return serialize;
    return (data) => {
      const text = serialize(data);
      const sent: unknown = JSON.parse(JSON.stringify(data) ?? 'null');
      const kept: unknown = JSON.parse(text);
      if (!isDeepStrictEqual(sent, kept))
        throw new UndeclaredFieldsError(route.method, route.url, strippedPaths(sent, kept));
      return text;
    };
  };
}

/**
 * A deeply frozen answer (one kept for many readers) is encoded once by its route and the text sent again: the same
 * value through the same schema gives the same text, and a frozen value cannot have changed since.
 */
function once(serialize: (data: unknown) => string): (data: unknown) => string {
  const texts = new WeakMap<object, string>();
  return (data) => {
    if (!isDeeplyFrozen(data)) return serialize(data);
    let text = texts.get(data);
    if (text === undefined) {
      text = serialize(data);
      texts.set(data, text);
    }
    return text;
  };
}

/**
 * Gives every API route the shared error body for each error status it does not declare itself (429 where the
 * route is rate-limited), so that error answers are serialized, and documented, through one schema.
 */
export function declareErrorAnswers(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/') || route.schema?.hide) return;
    route.schema ??= {};
    const schema = route.schema;
    const response = { ...((schema.response as Record<string, unknown> | undefined) ?? {}) };
    const statuses: string[] = [...ERROR_STATUSES];
    if ((route.config as { rateLimit?: unknown } | undefined)?.rateLimit) statuses.push('429');
    for (const status of statuses) response[status] ??= apiErrorSchema;
    schema.response = response;
  });
}
