/**
 * npm start: the bot. Reads .env and the settings, checks the digest schedule and database
 * (any fault: one line on stderr, exit 1), starts Telegram when TELEGRAM_BOT_TOKEN is set and
 * Slack when SLACK_BOT_TOKEN is set (either or both) with the daily digest scheduler; with
 * neither, a console chat in the terminal. SIGTERM / SIGINT drain and exit 0 (adapters/shutdown.ts).
 */
import dotenv from 'dotenv';
import { startConsole } from './console.js';
import { startApp, type App } from './app.js';
import { handleStops } from './shutdown.js';
import { ConfigError, loadConfig, type Config } from '../src/config.js';
import { createLogger } from '../src/log.js';

function fail(message: string): never {
  process.stderr.write(`${message.split('\n')[0]}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  // A reader that went away (a closed pipe) must not crash the bot or keep it from exiting.
  process.stderr.on('error', () => {});
  dotenv.config({ quiet: true });
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const consoleChat = !config.TELEGRAM_BOT_TOKEN && !config.SLACK_BOT_TOKEN;
  // The console is for a person: no JSON, and only what needs their attention.
  const log = consoleChat
    ? createLogger(['fatal', 'error', 'silent'].includes(config.LOG_LEVEL) ? config.LOG_LEVEL : 'warn', { plain: true })
    : createLogger(config.LOG_LEVEL);

  let app: App;
  try {
    app = await startApp(config, log);
  } catch (error) {
    fail(`start-up failed: ${(error as Error).message}`);
  }
  const shutdown = handleStops(() => app.stop(), log);

  if (app.platforms.length === 0) {
    const chat = startConsole(app.core, { digest: () => app.service.current() });
    process.stdout.on('error', () => chat.close()); // output closed (`npm start | head`): end the chat
    await chat.done;
    await shutdown.stop('end of input');
  }
}

main().catch((error: unknown) => fail(`start-up failed: ${(error as Error)?.message ?? String(error)}`));
