/**
 * Start-up against Feishu, bounded, and what a failure means for the operator, as the one line
 * `npm start` stops with: the tenant token endpoint refusing names FEISHU_APP_ID (Feishu says the
 * app is unknown) or FEISHU_APP_SECRET; an API that cannot be reached, fails or does not answer
 * FEISHU_API_ROOT; a long connection refused FEISHU_MODE; a port in use FEISHU_PORT. Network failures and 5xx are tried 3 times (1 and
 * 2 s apart), each logged.
 */
import { retryStartup, type Attempts } from '../startup-retry.js';
import { settingError, shownUrl, type Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { networkReason } from '../network-reason.js';
import { FeishuApiError } from './api.js';
import { WsStartError } from './ws.js';

export type Step = 'token' | 'ws' | 'listen';

export function startupError(config: Config, step: Step, error: unknown): Error {
  const root = shownUrl(config.FEISHU_API_ROOT ?? 'https://open.feishu.cn');
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (step === 'listen' && code === 'EADDRINUSE') return settingError('FEISHU_PORT', `port ${config.FEISHU_PORT} is already in use`);
  if (step === 'listen' && code === 'EACCES') return settingError('FEISHU_PORT', `not allowed to listen on port ${config.FEISHU_PORT}`);
  if (step === 'listen') return error instanceof Error ? error : new Error(String(error));
  if (error instanceof WsStartError && /pullConnectConfig failed/.test(error.message)) {
    return settingError('FEISHU_MODE', `Feishu refused a long connection (${error.message}); choose 长连接 for the app's events, or set FEISHU_MODE=http`);
  }
  if (error instanceof WsStartError) return settingError('FEISHU_API_ROOT', `cannot connect over WebSocket through ${root} (${error.message})`);
  if (error instanceof FeishuApiError && error.status < 500) {
    const name = /app_?id|app not (found|exist)/i.test(error.message) && !/secret/i.test(error.message) ? 'FEISHU_APP_ID' : 'FEISHU_APP_SECRET';
    return settingError(name, `refused by Feishu's token endpoint at ${root} (${error.message})`);
  }
  if (error instanceof FeishuApiError) return settingError('FEISHU_API_ROOT', `${root} answered with ${error.message}`);
  return settingError('FEISHU_API_ROOT', `cannot reach ${root} (${networkReason(error)})`);
}

export type { Attempts } from '../startup-retry.js';

/** A start-up call: retried on network failures and 5xx, then thrown as the one-line ConfigError. */
export function startupStep<T>(config: Config, step: Step, log: Logger, call: () => Promise<T>, options: Attempts = {}): Promise<T> {
  return retryStartup(log, call, {
    step,
    retriable: (err) => (err instanceof FeishuApiError ? err.status >= 500 : !(err instanceof WsStartError) && (err as Error)?.name !== 'TimeoutError'),
    reason: (err) => (err instanceof FeishuApiError ? err.message : networkReason(err)),
    fail: (err) => startupError(config, step, err),
    message: 'feishu: start-up call failed, will retry',
  }, options);
}
