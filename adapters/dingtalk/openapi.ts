/**
 * DingTalk's OpenAPI (api.dingtalk.com, or DINGTALK_API_ROOT): the robot's access token from
 * /v1.0/oauth2/accessToken, kept until shortly before it expires (DingTalk gives 7200 s and
 * limits how often it may be asked for), and POST calls carrying it. A refusal is thrown as a
 * DingTalkApiError with DingTalk's status, code and message, for the caller to read.
 */

export class DingTalkApiError extends Error {
  constructor(
    readonly status: number,
    /** DingTalk's error code (`code`, or `errcode` of the older endpoints). */
    readonly code: string,
    message: string,
  ) {
    super(`${status}${code ? ` ${code}` : ''}: ${message}`.slice(0, 300));
    this.name = 'DingTalkApiError';
  }
}

/** POSTs JSON and reads JSON; a non-2xx status or an errcode other than 0 is a DingTalkApiError. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}, timeoutMs = 15_000): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = { message: text.slice(0, 200) };
  }
  const errcode = json?.errcode;
  if (!res.ok || (errcode !== undefined && errcode !== 0 && errcode !== '0')) {
    const code = String(json?.code ?? errcode ?? '');
    throw new DingTalkApiError(res.status, code, String(json?.message ?? json?.errmsg ?? res.statusText));
  }
  return json;
}

export interface OpenApiOptions {
  apiRoot: string;
  clientId: string;
  clientSecret: string;
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number;
  now?: () => number;
}

/** A token is renewed this long before DingTalk says it expires. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;

export class OpenApi {
  private token?: { value: string; expiresAt: number };
  private pending?: Promise<string>;
  readonly root: string;

  constructor(private readonly options: OpenApiOptions) {
    this.root = options.apiRoot.replace(/\/+$/, '');
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The access token, asked for when there is none or it is about to expire; one request at a time. */
  async accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.expiresAt - RENEW_BEFORE_MS) return this.token.value;
    this.pending ??= (async () => {
      try {
        const json = await postJson(
          `${this.root}/v1.0/oauth2/accessToken`,
          { appKey: this.options.clientId, appSecret: this.options.clientSecret },
          {},
          this.options.timeoutMs,
        );
        const value = typeof json.accessToken === 'string' ? json.accessToken : '';
        if (!value) throw new DingTalkApiError(200, 'noAccessToken', 'the token endpoint answered without accessToken');
        const seconds = Number(json.expireIn) > 0 ? Number(json.expireIn) : 7200;
        this.token = { value, expiresAt: this.now() + seconds * 1000 };
        return value;
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }

  /** Forgets the token (DingTalk refused it: revoked, or expired early). */
  forgetToken(): void {
    this.token = undefined;
  }

  /** A POST to the OpenAPI with the access token. */
  async call(path: string, body: unknown): Promise<any> {
    const token = await this.accessToken();
    try {
      return await postJson(`${this.root}${path}`, body, { 'x-acs-dingtalk-access-token': token }, this.options.timeoutMs);
    } catch (error) {
      if (error instanceof DingTalkApiError && error.status === 401) this.forgetToken();
      throw error;
    }
  }
}
