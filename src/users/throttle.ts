import {
  checkAddressThrottle,
  DEFAULT_IP_THROTTLE,
  pruneFailures,
  type ThrottlePolicy,
} from '../auth/lockout.ts';
import { AppError } from '../shared/errors.ts';
import { RecentMap } from '../shared/recent-map.ts';

const MAX_ADDRESSES = 10_000;

/**
 * Failed sign-ins and second-factor codes per client address (the socket's address as Fastify resolves it,
 * never anything the client sends in a cookie or header), across all accounts: one machine cannot spray a
 * password over many accounts. Kept in memory per server process; a restart forgets it, the per-account
 * lock-out (stored) does not.
 */
export class AddressThrottle {
  // Oldest addresses first out: memory stays bounded whatever the number of addresses trying.
  private readonly failures = new RecentMap<string, Date[]>(MAX_ADDRESSES);

  constructor(private readonly policy: ThrottlePolicy = DEFAULT_IP_THROTTLE) {}

  /** Throws 429 while the address has too many recent failures. */
  check(address: string | null, now: Date): void {
    if (!address) return;
    const verdict = checkAddressThrottle(this.failures.get(address) ?? [], now, this.policy);
    if (!verdict.allowed) throw new AppError('rate_limited', verdict.messageVi, verdict.messageEn);
  }

  recordFailure(address: string | null, now: Date): void {
    if (!address) return;
    const kept = pruneFailures(this.failures.get(address) ?? [], now, this.policy);
    kept.push(now);
    this.failures.set(address, kept);
  }
}
