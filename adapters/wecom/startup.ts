/**
 * Start-up against WeCom, bounded, and what a failure means for the operator, as the one line
 * `npm start` stops with: gettoken refusing names WECOM_CORP_ID (errcode 40013, invalid corpid)
 * or WECOM_SECRET (anything else); agent/get refusing names WECOM_AGENT_ID (the Secret is of
 * another application, or the AgentId is wrong); an API that cannot be reached, fails or does
 * not answer names WECOM_API_ROOT; a port in use WECOM_PORT. Network failures, 5xx and WeCom's
 * "system busy" are tried 3 times (1 and 2 s apart), each logged.
 */
import { retryStartup, type Attempts } from '../startup-retry.js';
import { settingError, shownUrl, type Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { networkReason } from '../network-reason.js';
import { WeComApiError } from './api.js';
import { retriable } from './send.js';

export type Step = 'token' | 'agent' | 'listen';

export function startupError(config: Config, step: Step, error: unknown): Error {
  const root = shownUrl(config.WECOM_API_ROOT ?? 'https://qyapi.weixin.qq.com');
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (step === 'listen' && code === 'EADDRINUSE') return settingError('WECOM_PORT', `port ${config.WECOM_PORT} is already in use`);
  if (step === 'listen' && code === 'EACCES') return settingError('WECOM_PORT', `not allowed to listen on port ${config.WECOM_PORT}`);
  if (step === 'listen') return error instanceof Error ? error : new Error(String(error));
  if (error instanceof WeComApiError) {
    if (error.status >= 500 || error.errcode === -1) return settingError('WECOM_API_ROOT', `${root} answered with ${error.message}`);
    if (step === 'token') {
      const name = error.errcode === 40013 ? 'WECOM_CORP_ID' : 'WECOM_SECRET';
      return settingError(name, `refused by WeCom's token endpoint at ${root} (${error.message})`);
    }
    return settingError('WECOM_AGENT_ID', `WeCom refused application ${config.WECOM_AGENT_ID} with this WECOM_SECRET (${error.message})`);
  }
  return settingError('WECOM_API_ROOT', `cannot reach ${root} (${networkReason(error)})`);
}

export type { Attempts } from '../startup-retry.js';

/** A start-up call: retried on network failures and 5xx, then thrown as the one-line ConfigError. */
export function startupStep<T>(config: Config, step: Step, log: Logger, call: () => Promise<T>, options: Attempts = {}): Promise<T> {
  return retryStartup(log, call, {
    step,
    retriable: (err) => retriable(err) && (err as Error)?.name !== 'TimeoutError',
    reason: (err) => (err instanceof WeComApiError ? err.message : networkReason(err)),
    fail: (err) => startupError(config, step, err),
    message: 'wecom: start-up call failed, will retry',
  }, options);
}
