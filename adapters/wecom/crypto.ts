/**
 * WeCom's callback security (加解密方案): every request carries `msg_signature`, `timestamp`
 * and `nonce`; msg_signature = sha1 of the sorted token, timestamp, nonce and the ciphertext
 * (the GET's echostr or the POST's <Encrypt>). The ciphertext is AES-256-CBC under
 * base64(EncodingAESKey + "="), holding 16 random bytes, the length, the message, and the
 * receiver's id: the CorpID. @wecom/crypto does the arithmetic; here a request is refused when
 * the signature does not match, the ciphertext does not decrypt, or it is for another corp.
 */
import { timingSafeEqual } from 'node:crypto';
import { decrypt, getSignature } from '@wecom/crypto';

export interface CallbackKeys {
  token: string;
  encodingAesKey: string;
  corpId: string;
}

export interface Signed {
  msg_signature?: string;
  timestamp?: string;
  nonce?: string;
}

export type Opened = { ok: true; message: string } | { ok: false; why: string };

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The plaintext of a signed ciphertext, or why not. */
export function openSigned(keys: CallbackKeys, signed: Signed, ciphertext: string | undefined): Opened {
  const { msg_signature: signature, timestamp, nonce } = signed;
  if (!signature || !timestamp || !nonce || !ciphertext) return { ok: false, why: 'no msg_signature, timestamp, nonce or ciphertext' };
  if (!sameText(getSignature(keys.token, timestamp, nonce, ciphertext), signature)) return { ok: false, why: 'msg_signature does not match' };
  let opened: { message: string; id: string };
  try {
    opened = decrypt(keys.encodingAesKey, ciphertext);
  } catch {
    return { ok: false, why: 'does not decrypt with WECOM_ENCODING_AES_KEY' };
  }
  if (opened.id !== keys.corpId) return { ok: false, why: 'encrypted for another CorpID' };
  return { ok: true, message: opened.message };
}
