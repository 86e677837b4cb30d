/**
 * Is a callback from Feishu? Feishu posts each event (and each card action) as JSON to the
 * request URL; with an Encrypt Key set in the console the body is {"encrypt": …}: AES-256-CBC
 * under sha256(Encrypt Key), the IV first, and the request carries X-Lark-Request-Timestamp,
 * X-Lark-Request-Nonce and X-Lark-Signature = sha256(timestamp + nonce + Encrypt Key + body).
 * Every event, encrypted or not, carries the Verification Token (header.token, or token in the
 * older schema and in the URL check). A request is refused when the token does not match, when
 * an encrypted one does not decrypt or (events) is not signed or is more than an hour off our
 * clock, and when it comes in plain text although an Encrypt Key is set.
 *
 * The SDK's EventDispatcher trusts any unencrypted event and signs the re-serialised JSON, not
 * the body as sent: these checks come first, on the body as it arrived, and the SDK only
 * dispatches what passed.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AESCipher } from '@larksuiteoapi/node-sdk';

export const MAX_SKEW_MS = 60 * 60 * 1000;

export interface CallbackKeys {
  verificationToken: string;
  encryptKey?: string;
}

export type Checked =
  | { ok: true; challenge: string }
  | { ok: true; event: Record<string, any> }
  | { ok: false; why: string };

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function signatureOf(timestamp: string, nonce: string, encryptKey: string, body: string): string {
  return createHash('sha256').update(timestamp + nonce + encryptKey + body).digest('hex');
}

const header = (headers: IncomingHttpHeaders, name: string) => {
  const v = headers[name];
  return typeof v === 'string' ? v : undefined;
};

export function checkCallback(keys: CallbackKeys, headers: IncomingHttpHeaders, raw: string, now = Date.now()): Checked {
  let body: any;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, why: 'not JSON' };
  }
  if (!body || typeof body !== 'object') return { ok: false, why: 'not an object' };
  let data: any = body;
  if (keys.encryptKey) {
    if (typeof body.encrypt !== 'string') return { ok: false, why: 'not encrypted, though FEISHU_ENCRYPT_KEY is set' };
    try {
      data = JSON.parse(new AESCipher(keys.encryptKey).decrypt(body.encrypt));
    } catch {
      return { ok: false, why: 'does not decrypt with FEISHU_ENCRYPT_KEY' };
    }
  } else if (typeof body.encrypt === 'string') return { ok: false, why: 'encrypted, but FEISHU_ENCRYPT_KEY is not set' };
  const token = String(data?.header?.token ?? data?.token ?? '');
  if (!same(token, keys.verificationToken)) return { ok: false, why: 'verification token does not match' };
  if (data.type === 'url_verification') return { ok: true, challenge: String(data.challenge ?? '') };
  if (keys.encryptKey) {
    const timestamp = header(headers, 'x-lark-request-timestamp');
    const nonce = header(headers, 'x-lark-request-nonce');
    const signature = header(headers, 'x-lark-signature');
    if (!timestamp || !nonce || !signature) return { ok: false, why: 'no signature headers' };
    if (!same(signatureOf(timestamp, nonce, keys.encryptKey, raw), signature)) return { ok: false, why: 'signature does not match' };
    if (!(Math.abs(now - Number(timestamp) * 1000) <= MAX_SKEW_MS)) return { ok: false, why: 'timestamp more than an hour off' };
  }
  return { ok: true, event: data };
}
