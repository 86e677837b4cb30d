/**
 * WeCom's server API (qyapi.weixin.qq.com, or WECOM_API_ROOT): the application's access token
 * from /cgi-bin/gettoken (corpid + the application's Secret), kept until shortly before it
 * expires (WeCom gives 7200 s and asks that it be cached), and POST calls carrying it. WeCom
 * answers HTTP 200 with an `errcode`; anything but 0 is thrown as a WeComApiError. A token WeCom
 * calls invalid or expired (40014, 42001) is forgotten and the call made once more.
 */

export class WeComApiError extends Error {
  constructor(
    readonly status: number,
    readonly errcode: number,
    message: string,
  ) {
    super(`${status === 200 ? '' : `${status} `}errcode ${errcode}: ${message}`.slice(0, 300));
    this.name = 'WeComApiError';
  }
}

/** errcodes that mean the access token is no good (invalid, expired). */
const STALE_TOKEN = new Set([40014, 42001, 40001]);

async function readJson(res: Response): Promise<any> {
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = { errcode: -1, errmsg: text.slice(0, 200) };
  }
  const errcode = Number(json?.errcode ?? 0);
  if (!res.ok || errcode !== 0) throw new WeComApiError(res.status, errcode || -1, String(json?.errmsg ?? res.statusText));
  return json;
}

export interface WeComApiOptions {
  apiRoot: string;
  corpId: string;
  secret: string;
  timeoutMs?: number;
  now?: () => number;
}

const RENEW_BEFORE_MS = 5 * 60 * 1000;

export class WeComApi {
  readonly root: string;
  private token?: { value: string; expiresAt: number };
  private pending?: Promise<string>;

  constructor(private readonly options: WeComApiOptions) {
    this.root = options.apiRoot.replace(/\/+$/, '');
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private get timeout(): AbortSignal {
    return AbortSignal.timeout(this.options.timeoutMs ?? 15_000);
  }

  async accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.expiresAt - RENEW_BEFORE_MS) return this.token.value;
    this.pending ??= (async () => {
      try {
        const query = new URLSearchParams({ corpid: this.options.corpId, corpsecret: this.options.secret });
        const json = await readJson(await fetch(`${this.root}/cgi-bin/gettoken?${query}`, { signal: this.timeout }));
        const value = typeof json.access_token === 'string' ? json.access_token : '';
        if (!value) throw new WeComApiError(200, -1, 'gettoken answered without access_token');
        const seconds = Number(json.expires_in) > 0 ? Number(json.expires_in) : 7200;
        this.token = { value, expiresAt: this.now() + seconds * 1000 };
        return value;
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }

  /**
   * A temporary media file's bytes (/cgi-bin/media/get?media_id=…): a file a member sent the
   * application. WeCom answers a refusal as JSON with an errcode instead of the bytes.
   */
  async media(mediaId: string): Promise<Uint8Array> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.accessToken();
      const url = `${this.root}/cgi-bin/media/get?${new URLSearchParams({ access_token: token, media_id: mediaId })}`;
      const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      if (res.ok && !(res.headers.get('content-type') ?? '').includes('json')) return new Uint8Array(await res.arrayBuffer());
      try {
        await readJson(res);
        throw new WeComApiError(res.status, -1, 'media/get answered without the file');
      } catch (error) {
        if (!(error instanceof WeComApiError && STALE_TOKEN.has(error.errcode)) || attempt > 1) throw error;
        this.token = undefined;
      }
    }
  }

  /** A call with the access token: GET without a body, POST JSON with one. */
  async call(path: string, body?: unknown, query: Record<string, string> = {}): Promise<any> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.accessToken();
      const url = `${this.root}${path}?${new URLSearchParams({ access_token: token, ...query })}`;
      try {
        const res = await fetch(url, body === undefined
          ? { signal: this.timeout }
          : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: this.timeout });
        return await readJson(res);
      } catch (error) {
        if (!(error instanceof WeComApiError && STALE_TOKEN.has(error.errcode)) || attempt > 1) throw error;
        this.token = undefined;
      }
    }
  }
}
