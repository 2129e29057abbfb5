/**
 * The worker that parses one untrusted file. It runs with a capped heap and is killed when it runs too long
 * (see index.ts); whatever happens here, the server's own thread goes on serving.
 */
import { parentPort } from 'node:worker_threads';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { readCsv } from '../transfer/csv.ts';
import { readDhis2, readDhis2Csv, readDhis2Xml } from '../transfer/dhis2.ts';
import { FileRejected } from '../transfer/model.ts';
import { readXlsx } from '../transfer/xlsx.ts';
import type { IsolatedResult, IsolatedTask } from './types.ts';
import { inflateZip, ZipRefused } from './zip.ts';

/** The archive rebuilt from what was inflated under the limits, so the parser reads exactly what was counted. */
async function rezip(buffer: Uint8Array, limits: IsolatedTask['zipLimits'], what: string): Promise<Buffer> {
  const entries = inflateZip(buffer, limits, what);
  const zip = new JSZip();
  for (const [name, data] of entries) zip.file(name, data, { binary: true, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

async function run(task: IsolatedTask): Promise<IsolatedResult> {
  try {
    if (task.kind === 'docx') {
      const safe = await rezip(task.buffer, task.zipLimits, 'Tệp .docx');
      const result = await mammoth.extractRawText({ buffer: safe });
      return { ok: true, value: result.value.normalize('NFC') };
    }
    switch (task.format) {
      case 'csv':
        return { ok: true, value: readCsv(task.buffer) };
      case 'json':
        return { ok: true, value: readDhis2(task.buffer) };
      case 'dhis2-csv':
        return { ok: true, value: readDhis2Csv(task.buffer) };
      case 'dhis2-xml':
        return { ok: true, value: readDhis2Xml(task.buffer) };
      case 'xlsx': {
        const zipped = task.buffer[0] === 0x50 && task.buffer[1] === 0x4b;
        // Not a zip: readXlsx explains what the file is instead (an old .xls, a renamed text file).
        const safe = zipped ? await rezip(task.buffer, task.zipLimits, 'Tệp Excel') : task.buffer;
        return { ok: true, value: await readXlsx(safe) };
      }
    }
  } catch (error) {
    if (error instanceof ZipRefused)
      return { ok: false, reasonVi: error.reasonVi, row: 0, field: 'file', tooLarge: error.tooLarge };
    if (error instanceof FileRejected)
      return { ok: false, reasonVi: error.reasonVi, row: error.row, field: error.field };
    return { ok: false, reasonVi: null, row: 0, field: 'file' };
  }
}

// A worker serves one parse at a time and is reused while it stays within its limits; one that passes them
// is terminated by the server and replaced.
parentPort?.on('message', (task: IsolatedTask) => {
  void run(task).then((result) => parentPort?.postMessage(result));
});
