/**
 * Feishu's OpenAPI through the official SDK's Client, pointed at FEISHU_API_ROOT (its `domain`),
 * with a token cache of its own (the SDK's default is shared by every client in the process)
 * and its log lines in ours. Sends are interactive cards: a reply under the asker's message
 * (im.message.reply) or a new message in a chat (im.message.create, receive_id_type chat_id).
 * A refusal — an HTTP error or a `code` other than 0 — is thrown as a FeishuApiError.
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
}
