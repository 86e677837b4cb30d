/**
 * What a failed start against the Bot API means for the operator: the setting at fault and
 * why, as the one line `npm start` stops with. An unreachable or failing API names
 * TELEGRAM_API_ROOT, a refused token TELEGRAM_BOT_TOKEN, a refused webhook address
 * TELEGRAM_WEBHOOK_URL, a port in use PORT.
 */
import { GrammyError, HttpError } from 'grammy';
import { settingError, shownUrl, type Config } from '../../src/config.js';
import { networkReason } from './retry.js';

export interface StartupFailure {
  error: unknown;
  /** The start-up deadline passed. */
  timedOut: boolean;
  withinMs: number;
}

export function startupError(config: Config, { error, timedOut, withinMs }: StartupFailure): Error {
  const root = shownUrl(config.TELEGRAM_API_ROOT ?? 'https://api.telegram.org');
  if (timedOut) return settingError('TELEGRAM_API_ROOT', `no answer from ${root} within ${withinMs / 1000} s`);
  if (error instanceof HttpError) return settingError('TELEGRAM_API_ROOT', `cannot reach ${root} (${networkReason(error)})`);
  if (error instanceof GrammyError) {
    const what = `${error.error_code}: ${error.description}`;
    if (error.error_code === 401 || error.error_code === 404) {
      return settingError('TELEGRAM_BOT_TOKEN', `refused by the Bot API at ${root} (${what})`);
    }
    if (error.method === 'setWebhook' && error.error_code === 400) {
      return settingError('TELEGRAM_WEBHOOK_URL', `refused by the Bot API (${what})`);
    }
    return settingError('TELEGRAM_API_ROOT', `${root} answered ${error.method} with ${what}`);
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return settingError('PORT', `port ${config.PORT} is already in use`);
  if (code === 'EACCES') return settingError('PORT', `not allowed to listen on port ${config.PORT}`);
  return error instanceof Error ? error : new Error(String(error));
}
