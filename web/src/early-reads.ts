// The script index.html runs as it is read (inlined by the build, allowed by its hash in the Content-Security-
// Policy): it rewrites an earlier-form address ("/#/tong-hop?…") and starts the first view's reads at once, before
// the page's scripts are fetched; api.ts takes them. A view the server drew came with its answers: nothing to read,
// and the page's first script, which the server named instead of sending it in the head, is started only once the
// drawn view has been painted (run before, its work would hold the first frame back). Until the page's code has
// taken the drawn view over, what a person does on it (a click on a button, a changed field) is kept for the page
// to do then, instead of being lost on elements that have no handlers yet.
import {
  EARLY_EVENTS,
  EARLY_READS,
  type EarlyEvents,
  type EarlyReads,
  firstViewReads,
  SERVER_DRAWN_META,
  startRead,
} from './first-reads.ts';
import { adoptFragmentAddress, currentRoute } from './router.ts';

adoptFragmentAddress();
const reads: EarlyReads = new Map();
const drawn = document.querySelector(`meta[name="${SERVER_DRAWN_META}"]`)?.getAttribute('content');
if (drawn) {
  const kept: EarlyEvents['events'] = [];
  const keep = (event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    const element = event.type === 'click' ? target?.closest('button') : target;
    if (!element) return;
    const field =
      event.type !== 'click' &&
      (element instanceof HTMLInputElement ||
        element instanceof HTMLSelectElement ||
        element instanceof HTMLTextAreaElement)
        ? element
        : null;
    kept.push({
      type: event.type,
      target: element,
      ...(field ? { value: field.value } : {}),
      ...(field instanceof HTMLInputElement ? { checked: field.checked } : {}),
    });
  };

  const types = ['click', 'input', 'change'];
  for (const type of types) document.addEventListener(type, keep, true);
  const early: EarlyEvents = {
    events: kept,
    stop: () => {
      for (const type of types) document.removeEventListener(type, keep, true);
    },
  };
  (window as unknown as Record<string, EarlyEvents>)[EARLY_EVENTS] = early;
  const start = () => {
    const script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = 'anonymous';
    script.src = drawn;
    document.head.append(script);
  };
  // Once the whole page has been read (the drawn view and its answers come after the head, as the server has read
  // them): the frame that paints it, the one after, then the script.
  const afterPaint = () => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(start, 0)));
  document.addEventListener('DOMContentLoaded', afterPaint, { once: true });
} else {
  for (const path of firstViewReads(currentRoute())) {
    const answer = startRead(path);
    // A read nobody takes (a signed-out visitor's) must not be reported as an unhandled failure.
    answer.catch(() => {});
    reads.set(path, answer);
  }
}
(window as unknown as Record<string, EarlyReads>)[EARLY_READS] = reads;
