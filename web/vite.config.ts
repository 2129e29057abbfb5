import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin } from 'vite';

/**
 * Writes .br and .gz copies of the built scripts and styles, which the server sends to browsers that take them, and
 * the list of them into the service worker.
 */
function precompress(): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = join(options.dir ?? 'dist', 'assets');
      for (const name of readdirSync(dir)) {
        if (!/\.(js|css)$/.test(name)) continue;
        const body = readFileSync(join(dir, name));
        writeFileSync(
          join(dir, `${name}.br`),
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
        );
        writeFileSync(join(dir, `${name}.gz`), gzipSync(body, { level: 9 }));
      }
      // The service worker keeps every page's script for use without a network (the charts excepted: 200 kB that
      // a commune's officer entering figures does not need, fetched when a dashboard first shows them).
      const worker = join(options.dir ?? 'dist', 'sw.js');
      const assets = readdirSync(dir)
        .filter((name) => /\.(js|css)$/.test(name) && !name.startsWith('charts-'))
        .map((name) => `/assets/${name}`);
      const source = readFileSync(worker, 'utf8');
      if (!source.includes('const ASSETS = [];')) throw new Error('precompress: sw.js has no ASSETS list');
      writeFileSync(
        worker,
        source.replace('const ASSETS = [];', `const ASSETS = ${JSON.stringify(assets)};`),
      );
    },
  };
}

/**
 * Adds to index.html a modulepreload for the page's code (start.tsx and what it imports), which main.tsx loads with
 * import() after sending the first view's reads: the browser fetches it alongside the first script.
 */
function preloadStart(): Plugin {
  return {
    name: 'preload-start',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const start = chunks.find((c) => c.moduleIds.some((id) => id.endsWith('/src/start.tsx')));
        const entry = chunks.find((c) => c.isEntry);
        if (!start || !entry) throw new Error('preload-start: the start chunk was not found');
        const have = new Set([entry.fileName, ...entry.imports]);
        const files: string[] = [];
        const visit = (name: string) => {
          if (have.has(name)) return;
          have.add(name);
          files.push(name);
          const chunk = chunks.find((c) => c.fileName === name);
          for (const next of chunk?.imports ?? []) visit(next);
        };
        visit(start.fileName);
        return files.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/**
 * Puts the script that starts the first view's reads (src/early-reads.ts, built on its own into one small function)
 * inside index.html, first in its head: the reads then leave while the page is being read instead of after its
 * first script has been fetched. The server allows exactly this script by its hash (src/server/app.ts).
 */
function inlineEarlyReads(): Plugin {
  return {
    name: 'inline-early-reads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler() {
        const output = await build({
          configFile: false,
          logLevel: 'silent',
          root: new URL('.', import.meta.url).pathname,
          build: {
            write: false,
            target: 'es2022',
            minify: true,
            lib: { entry: 'src/early-reads.ts', formats: ['iife'], name: 'giaobanEarlyReads' },
          },
        });
        const results = Array.isArray(output) ? output : [output];
        const chunk = results
          .flatMap((result) => ('output' in result ? result.output : []))
          .find((item) => item.type === 'chunk');
        if (chunk?.type !== 'chunk') throw new Error('inline-early-reads: nothing was built');
        const code = chunk.code.trim();
        if (code.includes('</script') || /\bimport\s*\(/.test(code))
          throw new Error('inline-early-reads: the script cannot be inlined as it is');
        return [{ tag: 'script', children: code, injectTo: 'head-prepend' as const }];
      },
    },
  };
}

// The page is served by the API server from web/dist under a strict Content-Security-Policy (script-src 'self'),
// so everything is bundled: no inline scripts, no outside hosts, no font files.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: '/',
  plugins: [preact(), precompress(), preloadStart(), inlineEarlyReads()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // A module-preload polyfill would be inlined into index.html, which the CSP forbids; modern browsers
    // support modulepreload natively.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: true,
    // ECharts with the map is one lazily loaded chunk of about 600 kB (200 kB gzipped), fetched after the
    // figures are on screen; the first view's script is the small entry chunk.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The first script (main.tsx: the first view's reads) stays small; the shell every signed-in page needs
          // is one script, preloaded beside it; each page is a script of its own, loaded when first shown.
          includeDependenciesRecursively: false,
          groups: [
            { name: 'preact', test: /\/node_modules\/preact\// },
            {
              name: 'app',
              test: /\/web\/src\/(app|start|i18n|session|catalogue|use-load|offline|include|components\/(header|nav|notice|inbox-link|period-picker|unit-picker)|pages\/(sign-in|second-factor|password|placeholder))\.tsx?$/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3100' },
  },
});
