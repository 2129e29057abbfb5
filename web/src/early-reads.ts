// The script index.html runs as it is read (inlined by the build, allowed by its hash in the Content-Security-
// Policy): it rewrites an earlier-form address ("/#/tong-hop?…") and starts the first view's reads at once, before
// the page's scripts are fetched; api.ts takes them. A view the server drew came with its answers: nothing to read.
import { EARLY_READS, type EarlyReads, firstViewReads, SERVER_DRAWN_META, startRead } from './first-reads.ts';
import { adoptFragmentAddress, currentRoute } from './router.ts';

adoptFragmentAddress();
const reads: EarlyReads = new Map();
if (!document.querySelector(`meta[name="${SERVER_DRAWN_META}"]`)) {
  for (const path of firstViewReads(currentRoute())) {
    const answer = startRead(path);
    // A read nobody takes (a signed-out visitor's) must not be reported as an unhandled failure.
    answer.catch(() => {});
    reads.set(path, answer);
  }
}
(window as unknown as Record<string, EarlyReads>)[EARLY_READS] = reads;
