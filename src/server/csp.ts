import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The Content-Security-Policy sources that allow the page's inline scripts, each by the hash of its text: the built
 * index.html carries one (the script that starts the first view's reads while the page is read) and nothing else
 * inline may run.
 */
export function inlineScriptSources(webRoot: string): string[] {
  const page = resolve(webRoot, 'index.html');
  if (!existsSync(page)) return [];
  const html = readFileSync(page, 'utf8');
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (match) =>
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '')
        .digest('base64')}'`,
  );
}
