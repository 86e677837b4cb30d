/**
 * npm start: the bot. Reads .env and the settings, checks the digest schedule and database
 * (any fault: one line on stderr, exit 1), starts Telegram when TELEGRAM_BOT_TOKEN is set and
 * Slack when SLACK_BOT_TOKEN is set (either or both) with the daily digest scheduler; with
 * neither, a console chat in the terminal. SIGTERM / SIGINT stop everything and exit 0.
 */
import dotenv from 'dotenv';
import { startConsole } from './console.js';
import { startApp, type App } from './app.js';
import { ConfigError, loadConfig, type Config } from '../src/config.js';
import { createLogger } from '../src/log.js';

function fail(message: string): never {
  process.stderr.write(`${message.split('\n')[0]}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL);

  let app: App;
  try {
    app = await startApp(config, log);
  } catch (error) {
    fail(`start-up failed: ${(error as Error).message}`);
  }

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    try {
      await app.stop();
    } catch (err) {
      log.error({ err }, 'stop failed');
      code = 1;
    }
    process.exit(code);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(1); // a second signal: do not wait any longer
      log.info({ signal }, 'stopping');
      void shutdown(0);
    });
  }

  if (app.platforms.length === 0) {
    log.debug('no TELEGRAM_BOT_TOKEN or SLACK_BOT_TOKEN: console chat');
    const chat = startConsole(app.core, { digest: () => app.service.current() });
    await chat.done;
    await shutdown(0);
  }
}

main().catch((error: unknown) => fail(`start-up failed: ${(error as Error)?.message ?? String(error)}`));
