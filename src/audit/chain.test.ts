import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  type AuditDraft,
  type AuditEntry,
  appendEntry,
  canonicalJson,
  GENESIS_HASH,
  hashEntry,
  type JsonValue,
  verifyChain,
} from './chain.ts';

function draft(i: number): AuditDraft {
  return {
    at: new Date(Date.UTC(2025, 7, 14, 1, 0, i)).toISOString(),
    actorId: i % 3 === 0 ? null : 40 + i,
    actorName: i % 3 === 0 ? 'hệ thống' : `Nguyễn Văn ${i}`,
    action: ['auth.sign_in', 'values.write', 'submission.approve'][i % 3] as string,
    target: `submission:2025-08/${100 + i}`,
    unitId: i % 2 === 0 ? 10 : null,
    secrecy: i % 4 === 0 ? 'mat' : 'none',
    details: {
      indicator: 'TP-01',
      before: i,
      after: i + 1,
      note: 'sửa số liệu',
      tags: ['a', { z: 1, a: [null] }],
    },
  };
}

function buildChain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 1; i <= n; i++) out.push(appendEntry(out.at(-1) ?? null, draft(i)));
  return out;
}

function expectBreak(
  entries: AuditEntry[],
  reason: 'altered' | 'removed' | 'reordered',
  seq: number,
  options?: Parameters<typeof verifyChain>[1],
) {
  const verdict = verifyChain(entries, options);
  assert.equal(verdict.ok, false, 'the break went unnoticed');
  if (!verdict.ok) {
    assert.equal(verdict.reason, reason);
    assert.equal(verdict.firstBadSeq, seq);
    assert.match(verdict.messageVi, new RegExp(`số ${seq}`));
    assert.match(verdict.messageEn, new RegExp(`${seq}`));
  }
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops white space', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [3, { y: true, x: null }], c: 'ế' } }),
      '{"a":{"c":"ế","d":[3,{"x":null,"y":true}]},"b":1}',
    );
    assert.equal(canonicalJson({ b: 1, a: 2 }), canonicalJson({ a: 2, b: 1 }));
    assert.equal(canonicalJson([]), '[]');
    assert.equal(canonicalJson({}), '{}');
    assert.equal(canonicalJson('a"b\n'), '"a\\"b\\n"');
    assert.equal(canonicalJson(1e21), '1e+21');
    assert.equal(canonicalJson(-0), '0');
  });

  it('leaves out undefined members and refuses what JSON cannot hold', () => {
    assert.equal(canonicalJson({ a: 1, b: undefined } as unknown as JsonValue), '{"a":1}');
    assert.throws(() => canonicalJson(Number.NaN), TypeError);
    assert.throws(() => canonicalJson({ x: Number.POSITIVE_INFINITY }), TypeError);
    assert.throws(() => canonicalJson({ d: new Date(0) } as unknown as JsonValue), TypeError);
    assert.throws(() => canonicalJson({ n: 1n } as unknown as JsonValue), TypeError);
  });
});

describe('hashing entries', () => {
  it('chains entry 1 to the genesis constant and each entry to the one before', () => {
    const chain = buildChain(3);
    assert.equal(GENESIS_HASH, '0'.repeat(64));
    assert.equal(chain[0]?.prevHash, GENESIS_HASH);
    assert.equal(chain[1]?.prevHash, chain[0]?.hash);
    assert.deepEqual(
      chain.map((e) => e.seq),
      [1, 2, 3],
    );
    for (const e of chain) assert.match(e.hash, /^[0-9a-f]{64}$/);
  });

  it('is SHA-256 over the canonical form, independent of key order, and covers every field', () => {
    const [e] = buildChain(1);
    assert.ok(e);
    const { hash, prevHash, ...rest } = e;
    const expected = createHash('sha256')
      .update(`giaoban-audit-v1\n${canonicalJson({ ...rest, prevHash })}`)
      .digest('hex');
    assert.equal(hashEntry(rest, prevHash), expected);
    assert.equal(hash, expected);
    const shuffled = Object.fromEntries(Object.entries(rest).reverse()) as typeof rest;
    assert.equal(hashEntry(shuffled, prevHash), hash);
    const changes: Partial<AuditEntry>[] = [
      { seq: 2 },
      { at: '2025-08-14T01:00:02.000Z' },
      { actorId: 99 },
      { actorName: 'X' },
      { action: 'x' },
      { target: 'x' },
      { unitId: 11 },
      { secrecy: 'tuyet_mat' },
      { details: {} },
    ];
    for (const change of changes)
      assert.notEqual(hashEntry({ ...rest, ...change }, prevHash), hash, Object.keys(change)[0]);
    assert.notEqual(hashEntry(rest, 'f'.repeat(64)), hash);
  });

  it('does not let a caller change an appended entry through its own details object', () => {
    const d = draft(1);
    const e = appendEntry(null, d);
    (d.details as { after: number }).after = 999;
    assert.deepEqual(verifyChain([e]), { ok: true, count: 1, headHash: e.hash });
  });
});

describe('verifying the chain', () => {
  const chain = buildChain(10);

  it('accepts an intact chain, an empty one and a segment', () => {
    assert.deepEqual(verifyChain(chain), { ok: true, count: 10, headHash: chain[9]?.hash });
    assert.deepEqual(verifyChain([]), { ok: true, count: 0, headHash: GENESIS_HASH });
    const segment = chain.slice(4);
    assert.equal(verifyChain(segment, { start: { seq: 5, prevHash: chain[3]?.hash ?? '' } }).ok, true);
    assert.equal(verifyChain(chain, { checkpoints: [{ seq: 7, hash: chain[6]?.hash ?? '' }] }).ok, true);
  });

  it('names an entry whose details were altered', () => {
    const tampered = chain.map((e) => (e.seq === 6 ? { ...e, details: { ...e.details, after: 1000 } } : e));
    expectBreak(tampered, 'altered', 6);
  });

  it('names an entry altered and re-hashed, through the next entry’s link', () => {
    const tampered = chain.map((e) => {
      if (e.seq !== 4) return e;
      const changed = { ...e, actorName: 'Người khác' };
      return { ...changed, hash: hashEntry(changed, changed.prevHash) };
    });
    expectBreak(tampered, 'altered', 4);
  });

  it('names a removed entry', () => {
    expectBreak(
      chain.filter((e) => e.seq !== 5),
      'removed',
      5,
    );
    expectBreak(chain.slice(1), 'removed', 1);
  });

  it('names a removed last entry only against a checkpoint', () => {
    const truncated = chain.slice(0, 9);
    assert.equal(verifyChain(truncated).ok, true);
    expectBreak(truncated, 'removed', 10, { checkpoints: [{ seq: 10, hash: chain[9]?.hash ?? '' }] });
  });

  it('names two swapped entries at the first one out of place', () => {
    const swapped = [...chain];
    [swapped[2], swapped[6]] = [swapped[6] as AuditEntry, swapped[2] as AuditEntry];
    expectBreak(swapped, 'reordered', 3);
    const adjacent = [...chain];
    [adjacent[7], adjacent[8]] = [adjacent[8] as AuditEntry, adjacent[7] as AuditEntry];
    expectBreak(adjacent, 'reordered', 8);
  });

  it('names swapped entries whose seq numbers were exchanged to hide it', () => {
    const a = chain[2] as AuditEntry;
    const b = chain[3] as AuditEntry;
    const swapped = [...chain];
    swapped[2] = { ...b, seq: 3 };
    swapped[3] = { ...a, seq: 4 };
    expectBreak(swapped, 'altered', 3);
  });

  it('names a rewritten tail against a checkpoint kept elsewhere', () => {
    // Whoever rewrites entry 8 and re-chains 8–10 leaves an internally consistent log...
    const head = chain.slice(0, 7);
    for (let i = 8; i <= 10; i++) {
      head.push(appendEntry(head.at(-1) ?? null, { ...draft(i), actorName: 'giả mạo' }));
    }
    assert.equal(verifyChain(head).ok, true);
    // ...which the head hash recorded at seq 9 exposes.
    expectBreak(head, 'altered', 9, { checkpoints: [{ seq: 9, hash: chain[8]?.hash ?? '' }] });
  });

  it('names a duplicated entry', () => {
    const dup = [...chain.slice(0, 5), chain[4] as AuditEntry, ...chain.slice(5)];
    expectBreak(dup, 'reordered', 5);
  });
});
