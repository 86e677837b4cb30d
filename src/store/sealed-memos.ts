/**
 * Memos kept in a shared database (Telegram's button memos and 👎 prompts) name a chat and a
 * conversation, which the database must never hold as they are (README: pseudonyms). So each
 * is stored under a keyed hash of its key and sealed with AES-256-GCM, both keyed from
 * ANSWER_LOG_KEY: whoever holds only the database reads none of them, every instance all.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Store } from './store.js';

export interface Memos {
  put(key: string, value: string): Promise<void>;
  get(key: string): Promise<string | undefined>;
}

export function sealedMemos(store: Store, secret: Buffer): Memos {
  const derive = (purpose: string) => createHmac('sha256', secret).update(`memos\u0000${purpose}`).digest();
  const naming = derive('name');
  const sealing = derive('seal');
  const name = (key: string) => `m:${createHmac('sha256', naming).update(key).digest('base64url').slice(0, 22)}`;
  return {
    async put(key, value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealing, iv);
      const sealed = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      await store.putMemo(name(key), Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64'));
    },
    async get(key) {
      const text = await store.memo(name(key));
      if (text === undefined) return undefined;
      try {
        const bytes = Buffer.from(text, 'base64');
        const decipher = createDecipheriv('aes-256-gcm', sealing, bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        return undefined; // sealed with another key: as good as gone (已过期)
      }
    },
  };
}
