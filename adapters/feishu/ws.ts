/**
 * FEISHU_MODE=ws: events and card actions over the SDK's WSClient (长连接) — an outgoing
 * WebSocket, no public address needed. The SDK asks FEISHU_API_ROOT's /callback/ws/endpoint
 * (App ID and Secret) for an address, connects, hands each event to the same EventDispatcher as
 * HTTP mode, answers each frame, pings, and reconnects after a drop on its own. Start-up waits
 * for the first connection (onReady) or a refusal (onError), within a deadline.
 */
import { LoggerLevel, WSClient, type EventDispatcher } from '@larksuiteoapi/node-sdk';
import type { Logger } from '../../src/log.js';

export class WsStartError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'WsStartError';
  }
}

export interface WsOptions {
  appId: string;
  appSecret: string;
  apiRoot: string;
  dispatcher: EventDispatcher;
  log: Logger;
  withinMs?: number;
}

export interface RunningWs {
  close(): void;
}

export async function openWs(options: WsOptions): Promise<RunningWs> {
  const { log } = options;
  const say = (level: 'warn' | 'debug') => (...msg: unknown[]) => log[level]({ sdk: msg.map(String).join(' ').slice(0, 300) }, 'feishu: SDK');
  let ready!: () => void;
  let failed!: (error: Error) => void;
  const connected = new Promise<void>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  const client = new WSClient({
    appId: options.appId,
    appSecret: options.appSecret,
    domain: options.apiRoot.replace(/\/+$/, ''),
    loggerLevel: LoggerLevel.warn,
    logger: { error: say('warn'), warn: say('warn'), info: say('debug'), debug: say('debug'), trace: say('debug') },
    onReady: () => ready(),
    onError: (error: Error) => failed(new WsStartError(error.message)),
  });
  const withinMs = options.withinMs ?? 15_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await client.start({ eventDispatcher: options.dispatcher });
    await Promise.race([
      connected,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new WsStartError(`no connection within ${withinMs / 1000} s`)), withinMs);
      }),
    ]);
  } catch (error) {
    client.close({ force: true });
    throw error;
  } finally {
    clearTimeout(timer);
  }
  log.info({ mode: 'ws' }, 'feishu: connected');
  return { close: () => client.close({ force: true }) };
}
