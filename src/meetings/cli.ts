import type { AppContext } from '../app/context.ts';
import { listMeetings, type MeetingView } from './service.ts';

/** The meetings for `giaoban meetings [--json]`, latest first. */
export async function meetingsForCli(ctx: AppContext): Promise<MeetingView[]> {
  return listMeetings(ctx);
}

/** Prints the meetings: a JSON array with `--json`, otherwise one line each. */
export async function runMeetings(ctx: AppContext, options: { json?: boolean | undefined }): Promise<void> {
  const meetings = await meetingsForCli(ctx);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(meetings, null, 2)}\n`);
    return;
  }
  for (const m of meetings) {
    const tb = m.conclusion ? ` — TB số ${m.conclusion.number}` : '';
    process.stdout.write(`${m.id}\t${m.heldOn}\t${m.title} (${m.statusLabel})${tb}\n`);
  }
}
