// The page's first view drawn on the server (web/src/entry-server.tsx, built into web/dist-server): for an address
// the page draws there (its DRAWN_PATHS: the dashboard, the pivot's first table, the tasks page), the page's head
// goes at once, so that the browser starts on it (its scripts, its style sheet) while the view's first answers are
// read, through the server's own routes with the visitor's session (the same gate, lineage and audit as the page's
// own reads), and drawn into the body.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './session.ts';

/** What the built drawing module offers (see web/src/entry-server.tsx). */
interface Drawing {
  prepare(): Promise<void>;
  serverReads(pathname: string, search: string): string[] | null;
  drawView(input: {
    pathname: string;
    search: string;
    answers: Record<string, unknown>;
    lang: 'vi' | 'en';
  }): string | null;
  DRAWN_PATHS: readonly string[];
  FIRST_ANSWERS_ID: string;
  SERVER_DRAWN_META: string;
  LANG_COOKIE: string;
}

const APP_ELEMENT = '<div id="app"></div>';

/** The built drawing module beside the page's build (index.html checked by the caller), or null when there is none. */
export async function loadDrawing(webRoot: string): Promise<Drawing | null> {
  const file = resolve(webRoot, '..', 'dist-server', 'entry-server.js');
  if (!existsSync(file)) return null;
  const drawing = (await import(pathToFileURL(file).href)) as Drawing;
  await drawing.prepare();
  return drawing;
}

/** JSON inside a script element: "<" escaped, so that no text in it can end the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

/**
 * Registers the addresses the drawing module draws (GET only, hidden from the API's document). Any other address of
 * the page is the page's index.html, as before.
 */
export function registerDrawnViews(app: FastifyInstance, webRoot: string, drawing: Drawing): void {
  const page = readFileSync(resolve(webRoot, 'index.html'), 'utf8');
  const at = page.indexOf(APP_ELEMENT);
  if (at < 0 || !page.includes('<head>')) throw new Error('index.html has no <head> or no app element');
  // The page's first script goes by name in the drawn page's head; index.html's inline script starts it once the
  // drawn view is painted (see web/src/early-reads.ts), and the scripts it imports are fetched then. Preloaded
  // while the page was read, they held its reading back (a new tab's drawn cards 377 → 340 ms without them).
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/.exec(page.slice(0, at));
  if (!entry?.[1]) throw new Error("index.html's head has no module script");
  // The style sheet comes inside the drawn page: fetched on its own it arrived after the page had been read, and
  // the first layout, which the browser forces once the page is read, was made without it and then made again.
  const sheet = /<link rel="stylesheet" crossorigin href="\/(assets\/[^"]+\.css)">/.exec(page.slice(0, at));
  if (!sheet?.[1]) throw new Error("index.html's head has no style sheet");
  const css = readFileSync(resolve(webRoot, sheet[1]), 'utf8');
  if (css.includes('</style')) throw new Error('the style sheet cannot be put inside the page');
  const head = page
    .slice(0, at)
    .replace(entry[0], '')
    .replace(/<link rel="modulepreload"[^>]*>\s*/g, '')
    .replace(sheet[0], () => `<style>${css}</style>`)
    .replace('<head>', `<head><meta name="${drawing.SERVER_DRAWN_META}" content="${entry[1]}" />`);
  const tail = page.slice(at + APP_ELEMENT.length);

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const url = new URL(request.url, 'http://page');
    const reads = request.cookies[SESSION_COOKIE] ? drawing.serverReads(url.pathname, url.search) : null;
    // Not drawn here: the page as every other address of it is served.
    if (!reads) return reply.type('text/html').sendFile('index.html');
    const body = new PassThrough();
    // The view holds the reader's figures: never kept by a cache on the way, nor by the browser's.
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    body.write(`${head}<div id="app">`);
    void drawInto(body, request, reads, url);
    return reply.send(body);
  };

  const drawInto = async (body: PassThrough, request: FastifyRequest, reads: string[], url: URL) => {
    let drawn: string | null = null;
    let answers: Record<string, unknown> = {};
    try {
      const answered = await Promise.all(
        reads.map((path) =>
          app.inject({
            method: 'GET',
            url: path,
            remoteAddress: request.ip,
            headers: {
              cookie: request.headers.cookie ?? '',
              accept: 'application/json',
              'accept-encoding': 'identity',
              'user-agent': request.headers['user-agent'] ?? '',
            },
          }),
        ),
      );
      // Every answer or none: a refused read (an ended session, a unit outside the reader's scope) leaves the
      // view to the page, which shows the refusal as it does for its own reads.
      if (answered.every((answer) => answer.statusCode === 200)) {
        answers = Object.fromEntries(reads.map((path, i) => [path, answered[i]?.json()]));
        const lang = request.cookies[drawing.LANG_COOKIE] === 'en' ? 'en' : 'vi';
        drawn = drawing.drawView({ pathname: url.pathname, search: url.search, answers, lang });
      }
    } catch (error) {
      request.log.error({ err: error }, 'drawing the first view failed; the page draws it');
    }
    body.end(
      drawn === null
        ? `</div>${tail}`
        : `${drawn}</div><script type="application/json" id="${drawing.FIRST_ANSWERS_ID}">${scriptJson(answers)}</script>${tail}`,
    );
  };

  for (const path of drawing.DRAWN_PATHS) app.get(path, { schema: { hide: true }, compress: false }, handler);
}
