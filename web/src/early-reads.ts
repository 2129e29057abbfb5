// The script index.html runs as it is read (inlined by the build, allowed by its hash in the Content-Security-
// Policy): it starts the first view's reads at once, before the page's scripts are fetched; api.ts takes them.
import { EARLY_READS, type EarlyReads, firstViewReads, startRead } from './first-reads.ts';

const reads: EarlyReads = new Map();
for (const path of firstViewReads(location.hash)) {
  const answer = startRead(path);
  // A read nobody takes (a signed-out visitor's) must not be reported as an unhandled failure.
  answer.catch(() => {});
  reads.set(path, answer);
}
(window as unknown as Record<string, EarlyReads>)[EARLY_READS] = reads;
