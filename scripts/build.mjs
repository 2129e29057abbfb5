// Builds what the product runs: the server and CLI (TypeScript → dist/) and the web page (web/ → web/dist/).
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
if (existsSync(new URL('../web/index.html', import.meta.url))) {
  run(process.execPath, [
    'node_modules/vite/bin/vite.js',
    'build',
    '--config',
    'web/vite.config.ts',
    '--logLevel',
    'warn',
  ]);
  // The first view drawn on the server (src/server/first-view.ts), from the same components.
  run(process.execPath, [
    'node_modules/vite/bin/vite.js',
    'build',
    '--config',
    'web/vite.server.config.ts',
    '--logLevel',
    'warn',
  ]);
}
