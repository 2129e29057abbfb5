/**
 * A unit's document settings (the symbol after the number, the people who may sign) and the office's register of
 * notable events. Defaults follow the practice of police documents where nothing is configured.
 */
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../audit/actor.ts';
import { appendAudit } from '../audit/repository.ts';
import type { Signer } from '../documents/model.ts';
import { AppError } from '../shared/errors.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import type { Unit } from '../units/model.ts';
import { versionOn } from '../units/model.ts';
import {
  type EventRecord,
  insertEvent,
  loadDocumentSetting,
  loadEvents,
  markEventDeleted,
  upsertDocumentSetting,
} from './repository.ts';

export const signerSchema = z.object({
  /** "KT. BỘ TRƯỞNG", "TL. GIÁM ĐỐC", "TM. …"; null when the head signs in their own name. */
  authority: z.string().max(80).nullable().default(null),
  position: z.string().min(1).max(80),
  rank: z.string().max(40).nullable().default(null),
  name: z.string().min(1).max(80),
});

/** A document symbol: upper-case letters (Vietnamese allowed), digits, groups joined by "-" ("BC-CAT-PV01"). */
export const symbolSchema = z
  .string()
  .max(40)
  .regex(/^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/u, 'ký hiệu gồm chữ in hoa, chữ số, các nhóm nối bằng dấu "-"');

export const documentSettingSchema = z.object({
  symbol: symbolSchema.nullable().default(null),
  signers: z.array(signerSchema).max(10).default([]),
});

export type DocumentSetting = z.infer<typeof documentSettingSchema>;

/**
 * The symbol a unit's reports carry when none is configured, as police documents write it: the type "BC", the
 * issuing body, and the drafting office. Ministry: "BC-BCA-V01" (V01 Văn phòng Bộ); Công an tỉnh: "BC-CAT-PV01"
 * (PV01 Phòng Tham mưu); Công an thành phố trực thuộc Trung ương: "BC-CATP-PV01"; Công an xã/phường/đặc khu:
 * "BC-CAX", "BC-CAP", "BC-CAĐK"; a department of the ministry: "BC-" and its code.
 */
export function defaultSymbol(unit: Unit, date: string): string {
  const area = versionOn(unit, date).areaName ?? '';
  switch (unit.kind) {
    case 'ministry':
      return 'BC-BCA-V01';
    case 'province':
      return area.startsWith('Thành phố') ? 'BC-CATP-PV01' : 'BC-CAT-PV01';
    case 'district':
      return area.startsWith('Quận') ? 'BC-CAQ' : area.startsWith('Thị xã') ? 'BC-CATX' : 'BC-CAH';
    case 'commune':
      return area.startsWith('Phường') ? 'BC-CAP' : area.startsWith('Đặc khu') ? 'BC-CAĐK' : 'BC-CAX';
    case 'department':
      return `BC-${unit.code.toLocaleUpperCase('vi').replace(/[^A-ZĐ0-9]/gu, '')}`;
  }
}

/** The signing block when nobody is configured: the head's deputy for the ministry, the head elsewhere. */
export function defaultSigner(unit: Unit): Signer {
  switch (unit.kind) {
    case 'ministry':
      return { authority: 'KT. BỘ TRƯỞNG', position: 'THỨ TRƯỞNG', rank: null, name: '' };
    case 'province':
      return { authority: null, position: 'GIÁM ĐỐC', rank: null, name: '' };
    case 'department':
      return { authority: null, position: 'CỤC TRƯỞNG', rank: null, name: '' };
    default:
      return { authority: null, position: 'TRƯỞNG CÔNG AN', rank: null, name: '' };
  }
}

/** A unit's settings and their version (0 before the first save), which an update sends back. */
export async function readDocumentSetting(
  ctx: AppContext,
  unitId: number,
): Promise<DocumentSetting & { version: number }> {
  const row = await loadDocumentSetting(ctx.store.db, unitId);
  if (!row) return { symbol: null, signers: [], version: 0 };
  return {
    ...documentSettingSchema.parse({ symbol: row.symbol, signers: JSON.parse(row.signers) }),
    version: row.version,
  };
}

/** Saves a unit's settings over `version`, the one read; a stale version is refused (409) with the current one. */
export async function saveDocumentSetting(
  ctx: AppContext,
  unitId: number,
  setting: DocumentSetting,
  actor: Actor,
  version: number,
): Promise<DocumentSetting & { version: number }> {
  const clean = documentSettingSchema.parse(setting);
  const now = ctx.clock.now().toISOString();
  await ctx.store.write(async (trx) => {
    const saved = await upsertDocumentSetting(trx, {
      unitId,
      symbol: clean.symbol,
      signers: JSON.stringify(clean.signers.map((s) => ({ ...s, name: s.name.normalize('NFC').trim() }))),
      updatedAt: now,
      updatedBy: actor.id,
      version,
    });
    if (!saved) {
      const current = (await loadDocumentSetting(trx, unitId))?.version ?? 0;
      throw new AppError(
        'conflict',
        'Thiết lập văn bản của đơn vị vừa được người khác sửa: hãy tải lại rồi sửa lại',
        'the settings changed meanwhile: reload and edit again',
        [{ field: 'version', reason: `hiện là ${current}` }],
      );
    }
    await appendAudit(trx, {
      at: now,
      actorId: actor.id,
      actorName: actor.name,
      action: 'report.settings',
      target: `unit:${unitId}`,
      unitId,
      secrecy: 'none',
      details: { symbol: clean.symbol, signers: clean.signers.length },
    });
  });
  return readDocumentSetting(ctx, unitId);
}

/** The signer chosen by index among the configured ones, the first by default, or the unit's default block. */
export function chooseSigner(unit: Unit, setting: DocumentSetting, index: number | undefined): Signer {
  if (index !== undefined && (!Number.isInteger(index) || index < 0 || index >= setting.signers.length))
    throw new AppError('bad_request', 'Người ký không có trong danh sách của đơn vị', 'no such signer', [
      { field: 'signer', reason: `chọn từ 0 đến ${Math.max(0, setting.signers.length - 1)}` },
    ]);
  const chosen = setting.signers[index ?? 0];
  return chosen
    ? { authority: chosen.authority, position: chosen.position, rank: chosen.rank, name: chosen.name }
    : defaultSigner(unit);
}

export const eventInputSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  secrecy: z.enum(['none', 'mat', 'toi_mat', 'tuyet_mat']).default('none'),
  text: z.string().min(5).max(2000),
});

export async function addEvent(
  ctx: AppContext,
  unitId: number,
  input: z.infer<typeof eventInputSchema>,
  actor: Actor,
): Promise<EventRecord> {
  const e = eventInputSchema.parse(input);
  const now = ctx.clock.now().toISOString();
  const text = e.text.normalize('NFC').trim();
  let id = 0;
  await ctx.store.write(async (trx) => {
    id = await insertEvent(trx, {
      unitId,
      date: e.date,
      secrecy: e.secrecy,
      text,
      createdAt: now,
      createdBy: actor.id,
      createdByName: actor.name,
    });
    await appendAudit(trx, {
      at: now,
      actorId: actor.id,
      actorName: actor.name,
      action: 'report.event.add',
      target: `report_event:${id}`,
      unitId,
      secrecy: e.secrecy,
      details: { date: e.date },
    });
  });
  return { id, unitId, date: e.date, secrecy: e.secrecy, text, createdAt: now, createdByName: actor.name };
}

export async function deleteEvent(ctx: AppContext, id: number, unitId: number, actor: Actor): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await ctx.store.write(async (trx) => {
    const n = await markEventDeleted(trx, id, unitId, now);
    if (n === 0) throw new AppError('not_found', `Không tìm thấy sự kiện số ${id}`, `event ${id} not found`);
    await appendAudit(trx, {
      at: now,
      actorId: actor.id,
      actorName: actor.name,
      action: 'report.event.delete',
      target: `report_event:${id}`,
      unitId,
      secrecy: 'none',
      details: {},
    });
  });
}

/** Events of the unit and the units above it within a window, readable at the given clearance. */
export async function eventsFor(
  ctx: AppContext,
  unitIds: number[],
  start: string,
  end: string,
  readable: (s: SecrecyLevel) => boolean,
): Promise<EventRecord[]> {
  return (await loadEvents(ctx.store.db, unitIds, start, end)).filter((e) => readable(e.secrecy));
}
