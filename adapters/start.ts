/**
 * npm start: the bot. Reads .env and the settings, checks the digest schedule and database,
 * starts Telegram when TELEGRAM_BOT_TOKEN is set and Slack when SLACK_BOT_TOKEN is set (either
 * or both) with the daily digest scheduler; with neither, a console chat in the terminal.
 *
 * Any fault at start-up — a wrong setting, an unusable DATA_DIR, a platform that cannot be
 * reached within its deadline — stops with one line `config: NAME: why` on stderr and exit 1.
 * A variable that looks meant for the bot but is not a setting, or a .env line that is not
 * KEY=VALUE, gets one line `config: warning: …` each, and start-up goes on.
 * SIGTERM / SIGINT drain and exit 0 (adapters/shutdown.ts).
 */
import { startConsole } from './console.js';
import { startApp, type App } from './app.js';
import { handleStops, type Shutdown } from './shutdown.js';
import { ConfigError, readSettings } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { printLine } from '../src/redact.js';

/** The one form of a start-up fault: `config: NAME: why`, exit 1. */
function fail(error: unknown): never {
  const message = String((error as Error)?.message ?? error).split('\n')[0];
  printLine(`config: ${error instanceof ConfigError ? message : `start-up: ${message}`}`);
  process.exit(1);
}

async function main(): Promise<void> {
  // A reader that went away (a closed pipe) must not crash the bot or keep it from exiting.
  process.stderr.on('error', () => {});
  const { config, warnings } = readSettings();
  // Before anything else, and in every mode: a misspelt token would otherwise pass for "none set".
  for (const warning of warnings) printLine(`config: warning: ${warning}`);
  const consoleChat = !config.TELEGRAM_BOT_TOKEN && !config.SLACK_BOT_TOKEN && !config.DINGTALK_CLIENT_ID && !config.WECOM_CORP_ID && !config.FEISHU_APP_ID;
  // The console is for a person: no JSON, and only what needs their attention.
  const log = consoleChat
    ? createLogger(['fatal', 'error', 'silent'].includes(config.LOG_LEVEL) ? config.LOG_LEVEL : 'warn', { plain: true })
    : createLogger(config.LOG_LEVEL);

  let shutdown: Shutdown | undefined;
  let app: App;
  try {
    app = await startApp(config, log, { onFatal: () => void shutdown?.stop('an adapter stopped receiving', 1) });
  } catch (error) {
    fail(error);
  }
  shutdown = handleStops(() => app.stop(), log);

  if (app.platforms.length === 0) {
    const chat = startConsole(app.core, { digest: () => app.service.current(), answerLog: app.answerLog });
    process.stdout.on('error', () => chat.close()); // output closed (`npm start | head`): end the chat
    await chat.done;
    await shutdown.stop('end of input');
  }
}

main().catch(fail);
