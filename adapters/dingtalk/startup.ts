/**
 * Start-up against DingTalk, bounded, and what a failure means for the operator: the setting at
 * fault and why, as the one line `npm start` stops with. The token endpoint refusing the
 * credentials names DINGTALK_CLIENT_SECRET (or DINGTALK_CLIENT_ID when DingTalk says the AppKey
 * is unknown); an OpenAPI that cannot be reached, fails or does not answer names
 * DINGTALK_API_ROOT; a gateway refusing a Stream connection DINGTALK_MODE; a port in use
 * DINGTALK_PORT. Network failures and 5xx are tried 3 times (1 and 2 s apart), each logged.
 */
import { retryStartup, type Attempts } from '../startup-retry.js';
import { settingError, shownUrl, type Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { networkReason } from '../network-reason.js';
import { DingTalkApiError } from './openapi.js';
import { StreamConnectError } from './stream.js';

export type Step = 'token' | 'stream' | 'listen';

export function startupError(config: Config, step: Step, error: unknown): Error {
  const root = shownUrl(config.DINGTALK_API_ROOT ?? 'https://api.dingtalk.com');
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (step === 'listen' && code === 'EADDRINUSE') return settingError('DINGTALK_PORT', `port ${config.DINGTALK_PORT} is already in use`);
  if (step === 'listen' && code === 'EACCES') return settingError('DINGTALK_PORT', `not allowed to listen on port ${config.DINGTALK_PORT}`);
  if (error instanceof DingTalkApiError) {
    const refused = error.status >= 400 && error.status < 500 && error.status !== 429;
    if (refused && step === 'token') {
      // Only DingTalk's code tells the two apart; its messages name both (无效的appKey或appSecret).
      const name = /appkey|clientid/i.test(error.code) && !/secret/i.test(error.code) ? 'DINGTALK_CLIENT_ID' : 'DINGTALK_CLIENT_SECRET';
      return settingError(name, `refused by DingTalk's token endpoint at ${root} (${error.message})`);
    }
    if (refused && step === 'stream') {
      return settingError('DINGTALK_MODE', `DingTalk refused a Stream connection (${error.message}); turn on Stream mode for the robot, or set DINGTALK_MODE=http`);
    }
    return settingError('DINGTALK_API_ROOT', `${root} answered with ${error.message}`);
  }
  if (step === 'listen') return error instanceof Error ? error : new Error(String(error));
  if (error instanceof StreamConnectError) return settingError('DINGTALK_API_ROOT', error.message);
  return settingError('DINGTALK_API_ROOT', `cannot reach ${root} (${networkReason(error)})`);
}

function retriable(error: unknown): boolean {
  if (error instanceof DingTalkApiError) return error.status >= 500 || error.status === 429;
  return (error as Error)?.name !== 'TimeoutError';
}

export type { Attempts } from '../startup-retry.js';

/** A start-up call: retried on network failures and 5xx, then thrown as the one-line ConfigError. */
export function startupStep<T>(config: Config, step: Step, log: Logger, call: () => Promise<T>, options: Attempts = {}): Promise<T> {
  return retryStartup(log, call, {
    step,
    retriable: (err) => retriable(err),
    reason: (err) => (err instanceof DingTalkApiError ? err.message : networkReason(err)),
    fail: (err) => startupError(config, step, err),
    message: 'dingtalk: start-up call failed, will retry',
  }, options);
}
