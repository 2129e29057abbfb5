import type { FastifyInstance } from 'fastify';
import { generateTotp } from '../../src/auth/totp.ts';
import type { FixedClock } from '../../src/shared/clock.ts';
import { enrolmentCode, signInCode } from './second-factor.ts';

/** A signed-in API client over app.inject(): keeps the session cookie and sends the CSRF token on writes. */
export class ApiClient {
  cookie = '';
  csrf = '';

  /** `clock`: the test application's clock, which the second factor's codes are computed for. */
  constructor(
    private readonly app: FastifyInstance,
    private readonly clock?: FixedClock,
  ) {}

  /**
   * Signs in completely, as a person with an authenticator app would: the password, then enrolment of a second
   * factor at the first sign-in of an account that needs one, or its current code at later ones. Throws when any
   * step is refused.
   */
  async signIn(
    username: string,
    password: string,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const login = await this.login(username, password);
    if (login.status !== 200) throw new Error(`sign-in of ${username}: ${JSON.stringify(login.body)}`);
    const step = login.body.secondFactor;
    if (!step) return login;
    const clock = this.clock;
    if (!clock)
      throw new Error(`${username} needs a second factor: give ApiClient the test application's clock`);
    let done: Awaited<ReturnType<ApiClient['request']>>;
    if (step === 'enrol') {
      const enrol = await this.request('POST', '/api/auth/totp/enrol', {});
      if (enrol.status !== 200) throw new Error(`enrolment of ${username}: ${JSON.stringify(enrol.body)}`);
      const code = enrolmentCode(clock, username, String(enrol.body.secret));
      done = await this.request('POST', '/api/auth/totp/confirm', { code });
    } else {
      done = await this.request('POST', '/api/auth/totp', { code: await signInCode(clock, username) });
    }
    if (done.status !== 200) throw new Error(`second factor of ${username}: ${JSON.stringify(done.body)}`);
    return { status: done.status, body: done.body };
  }

  async login(
    username: string,
    password: string,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await this.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    const setCookie = res.headers['set-cookie'];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (first) this.cookie = first.split(';')[0] ?? '';
    const body = res.json() as Record<string, unknown>;
    if (res.statusCode === 200) this.csrf = String(body.csrfToken);
    return { status: res.statusCode, body };
  }

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    options: { csrf?: boolean } = {},
  ) {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && options.csrf !== false) headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    let body: unknown = null;
    try {
      body = res.json();
    } catch {
      body = res.body;
    }
    return {
      status: res.statusCode,
      body: body as Record<string, unknown>,
      headers: res.headers,
      raw: res.rawPayload,
    };
  }

  /** Completes a sign-in that asks for enrolment of a second factor; returns the TOTP secret. */
  async enrolSecondFactor(now: Date): Promise<string> {
    const enrol = await this.request('POST', '/api/auth/totp/enrol', {});
    const secret = String(enrol.body.secret);
    const confirm = await this.request('POST', '/api/auth/totp/confirm', { code: generateTotp(secret, now) });
    if (confirm.status !== 200)
      throw new Error(`second factor enrolment failed: ${JSON.stringify(confirm.body)}`);
    return secret;
  }

  /** The version of a meeting as read now: what an update of its texts sends back. */
  async meetingVersion(id: number): Promise<number> {
    const res = await this.get(`/api/meetings/${id}`);
    if (res.status !== 200) throw new Error(`meeting ${id}: ${JSON.stringify(res.body)}`);
    return Number(res.body.version);
  }

  get(url: string) {
    return this.request('GET', url);
  }
}
