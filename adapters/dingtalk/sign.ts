/**
 * HTTP mode: is a callback from DingTalk? DingTalk signs each robot callback with headers
 * `timestamp` (milliseconds) and `sign` = base64(HMAC-SHA256(key: AppSecret,
 * timestamp + "\n" + AppSecret)). A request without them, signed with another secret, or more
 * than an hour away from our clock (a replayed one) is refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** DingTalk's own rule: a timestamp more than an hour off is not accepted. */
export const MAX_SKEW_MS = 60 * 60 * 1000;

export function signOf(timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

export type SignCheck = { ok: true } | { ok: false; why: string };

export function checkSign(
  headers: Record<string, string | string[] | undefined>,
  secret: string,
  now = Date.now(),
): SignCheck {
  const timestamp = headers['timestamp'];
  const sign = headers['sign'];
  if (typeof timestamp !== 'string' || typeof sign !== 'string') return { ok: false, why: 'no timestamp or sign header' };
  const at = Number(timestamp);
  if (!/^\d{10,16}$/.test(timestamp) || !Number.isSafeInteger(at)) return { ok: false, why: 'timestamp is not milliseconds' };
  if (Math.abs(now - at) > MAX_SKEW_MS) return { ok: false, why: 'timestamp more than an hour off' };
  const expected = Buffer.from(signOf(timestamp, secret));
  const given = Buffer.from(sign);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, why: 'sign does not match' };
  return { ok: true };
}
