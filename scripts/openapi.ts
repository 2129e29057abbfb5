/**
 * Writes the OpenAPI document generated from the route schemas (what GET /api/openapi.json serves):
 *   node --import tsx scripts/openapi.ts [FILE]   (default: openapi.json, the committed snapshot, and with it
 *   src/contract/paths.ts, its TypeScript `paths` type)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildServer } from '../src/server/app.ts';
import { createTestApp } from '../test/support/app.ts';
import { PATHS_FILE, pathsModule } from './openapi-types.ts';

export async function generateOpenApi(): Promise<string> {
  const app = await createTestApp();
  const server = await buildServer(app.ctx, { secureCookies: false, logLevel: 'silent' });
  try {
    await server.ready();
    return `${JSON.stringify(server.swagger(), null, 2)}\n`;
  } finally {
    await server.close();
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? 'openapi.json';
  mkdirSync(dirname(file), { recursive: true });
  const document = await generateOpenApi();
  writeFileSync(file, document);
  process.stdout.write(`${file}\n`);
  // The committed snapshot comes with its TypeScript `paths` type, for typed clients (openapi-fetch).
  if (file === 'openapi.json') {
    writeFileSync(PATHS_FILE, pathsModule(JSON.parse(document)));
    process.stdout.write(`${PATHS_FILE}\n`);
  }
}
