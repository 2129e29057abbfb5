import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * Who may read /metrics: a caller whose address is in the allow list (exact addresses or IPv4/IPv6 CIDR blocks),
 * or one presenting the bearer token. With neither configured, nobody may — the figures name routes and volumes.
 */
export interface MetricsAccess {
  token: string | undefined;
  allow: readonly string[];
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is 10.0.0.1. */
export function normaliseAddress(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
}

function ipv4ToBigInt(address: string): bigint {
  return address.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function ipv6ToBigInt(address: string): bigint {
  const [head = '', tail] = address.split('::');
  const parse = (s: string) => (s ? s.split(':') : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const missing = 8 - left.length - right.length;
  const groups = [...left, ...Array.from({ length: tail === undefined ? 0 : missing }, () => '0'), ...right];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(Number.parseInt(g || '0', 16)), 0n);
}

/** Whether `address` is `entry` (an address) or inside it (a CIDR block such as 10.0.0.0/8). */
export function addressMatches(address: string, entry: string): boolean {
  const client = normaliseAddress(address);
  const [base = '', bitsText] = entry.trim().toLowerCase().split('/');
  const family = isIP(base);
  if (family === 0 || isIP(client) !== family) return false;
  if (bitsText === undefined) return normaliseAddress(base) === client;
  const width = family === 4 ? 32 : 128;
  const bits = Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > width) return false;
  const toInt = family === 4 ? ipv4ToBigInt : ipv6ToBigInt;
  const shift = BigInt(width - bits);
  return toInt(client) >> shift === toInt(base) >> shift;
}

function sameSecret(a: string, b: string): boolean {
  // Hash first so that the comparison takes the same time whatever the lengths.
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

export function metricsAllowed(
  access: MetricsAccess,
  request: { address: string; authorization: string | undefined },
): boolean {
  if (access.allow.some((entry) => addressMatches(request.address, entry))) return true;
  if (!access.token) return false;
  const match = /^Bearer\s+(\S+)$/i.exec(request.authorization ?? '');
  return match?.[1] !== undefined && sameSecret(match[1], access.token);
}

/** A usable entry of METRICS_ALLOW: an IP address or a CIDR block. */
export function isAddressOrBlock(entry: string): boolean {
  const [base = '', bits] = entry.split('/');
  const family = isIP(base);
  if (family === 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}
