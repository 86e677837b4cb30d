/**
 * Feishu's OpenAPI through the official SDK's Client, pointed at FEISHU_API_ROOT (its `domain`),
 * with a token cache of its own (the SDK's default is shared by every client in the process)
 * and its log lines in ours. Sends are interactive cards: a reply under the asker's message
 * (im.message.reply) or a new message in a chat (im.message.create, receive_id_type chat_id).
 * A refusal — an HTTP error or a `code` other than 0 — is thrown as a FeishuApiError.
 *
 * Feishu's documented limits (发送消息 / 回复消息, im/v1/messages): 5 messages a second to one
 * user, and 5 a second shared by the bots of one group; 1000 a minute and 50 a second per app;
 * a card's request body at most 30 KB (code 230025 beyond it, render.ts keeps well within).
 * Over a rate limit Feishu answers code 230020 (this operation triggers the frequency limit)
 * or 99991400 (the app's request rate), or HTTP 429: an answer is then sent again (retrying,
 * 3 times in all, 1 and 2 s apart, as after a 5xx); the digest's delivery retries on its own.
 */
import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from '../../src/log.js';
import type { Card } from './render.js';

export class FeishuApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(`${status === 200 ? '' : `${status} `}code ${code}: ${message}`.slice(0, 300));
    this.name = 'FeishuApiError';
  }
}

/** An SDK call's result, or its failure as a FeishuApiError (network errors pass unchanged). */
async function checked<T extends { code?: number; msg?: string }>(call: Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await call;
  } catch (error) {
    const response = (error as { response?: { status: number; data?: { code?: number; msg?: string } } }).response;
    if (!response) throw error;
    throw new FeishuApiError(response.status, Number(response.data?.code ?? -1), String(response.data?.msg ?? 'error'));
  }
  if (result?.code !== undefined && result.code !== 0) throw new FeishuApiError(200, result.code, String(result.msg ?? ''));
  return result;
}

function ownCache(): lark.Cache {
  const values = new Map<string, { value: unknown; expire?: number }>();
  const key = (k: string | symbol, o?: { namespace?: string }) => `${o?.namespace ?? ''}:${String(k)}`;
  return {
    set: async (k, value, expire, o) => {
      values.set(key(k as string, o), { value, expire });
      return true;
    },
    get: async (k, o) => {
      const entry = values.get(key(k as string, o));
      return entry && (!entry.expire || entry.expire > Date.now()) ? entry.value : undefined;
    },
  } as lark.Cache;
}

/** Codes that mean "too fast, try again later" (see above). */
export const RATE_LIMITED = new Set([230020, 99991400]);

/** Whether a send that failed may succeed when tried again: a rate limit, a 5xx, the network. */
export function retriable(error: unknown): boolean {
  if (error instanceof FeishuApiError) return error.status === 429 || error.status >= 500 || RATE_LIMITED.has(error.code);
  return (error as Error)?.name !== 'TimeoutError';
}

export async function retrying<T>(call: () => Promise<T>, backoffMs = 1000, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts || !retriable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** (attempt - 1)));
    }
  }
}

export class FeishuApi {
  readonly client: lark.Client;

  constructor(readonly options: { appId: string; appSecret: string; apiRoot: string; log: Logger }) {
    const { log } = options;
    const say = (level: 'warn' | 'debug') => (...msg: unknown[]) => log[level]({ sdk: msg.map(String).join(' ').slice(0, 300) }, 'feishu: SDK');
    this.client = new lark.Client({
      appId: options.appId,
      appSecret: options.appSecret,
      domain: options.apiRoot.replace(/\/+$/, ''),
      cache: ownCache(),
      logger: { error: say('warn'), warn: say('warn'), info: say('debug'), debug: say('debug'), trace: say('debug') },
      loggerLevel: lark.LoggerLevel.warn,
    });
  }

  /** Proves the App ID and Secret (start-up): the tenant access token endpoint. */
  async tenantToken(): Promise<void> {
    await checked(this.client.auth.tenantAccessToken.internal({ data: { app_id: this.options.appId, app_secret: this.options.appSecret } }));
  }

  async reply(messageId: string, card: Card): Promise<void> {
    await checked(this.client.im.message.reply({ path: { message_id: messageId }, data: { msg_type: 'interactive', content: JSON.stringify(card) } }));
  }

  async create(chatId: string, card: Card): Promise<void> {
    await checked(
      this.client.im.message.create({ params: { receive_id_type: 'chat_id' }, data: { receive_id: chatId, msg_type: 'interactive', content: JSON.stringify(card) } }),
    );
  }

  /** A file a user sent, by its message and file_key (im.messageResource.get, type file; up to 100 MB). */
  async resource(messageId: string, fileKey: string): Promise<Uint8Array> {
    let file: Awaited<ReturnType<lark.Client['im']['messageResource']['get']>>;
    try {
      file = await this.client.im.messageResource.get({ path: { message_id: messageId, file_key: fileKey }, params: { type: 'file' } });
    } catch (error) {
      const response = (error as { response?: { status: number; data?: { code?: number; msg?: string } } }).response;
      if (!response) throw error;
      throw new FeishuApiError(response.status, Number(response.data?.code ?? -1), String(response.data?.msg ?? 'error'));
    }
    const chunks: Buffer[] = [];
    for await (const chunk of file.getReadableStream()) chunks.push(Buffer.from(chunk as Buffer));
    return new Uint8Array(Buffer.concat(chunks));
  }
}
