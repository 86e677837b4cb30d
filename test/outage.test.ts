/**
 * Outages, against the fake platform APIs on 127.0.0.1: a platform that cannot be reached (or
 * fails) at start-up stops start-up with one line naming the setting, after a bounded number of
 * attempts, each logged; while running, failed Bot API calls are retried a bounded number of
 * times, each retry logged at warn with its number; long polling outlasts an outage.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTelegramBot, startTelegram } from '../adapters/telegram.js';
import { startSlack } from '../adapters/slack.js';
import { ConfigError, loadConfig, type Config } from '../src/config.js';
import type { Core } from '../src/core.js';
import { createLogger, hideTokens } from '../src/log.js';
import type { Answer } from '../src/types.js';
import { FakeSlack } from './fakes/slack.js';
import { FakeTelegram, TOKEN, telegramError, textUpdate } from './fakes/telegram.js';
import { exitWithin, startBot } from './npm-start.js';

const telegram = new FakeTelegram();
const slack = new FakeSlack();
const cwd = mkdtempSync(join(tmpdir(), 'outage-')); // no .env here
beforeAll(async () => {
  await telegram.start();
  await slack.start();
});
afterAll(async () => {
  await telegram.close();
  await slack.close();
  rmSync(cwd, { recursive: true, force: true });
});

/** A logger whose lines (tokens hidden, as on stderr) are kept for the test to read. */
function memoryLog() {
  const lines: Record<string, any>[] = [];
  const raw: string[] = [];
  const log = createLogger('debug', {
    stream: {
      write(line: string) {
        raw.push(line);
        lines.push(JSON.parse(line));
      },
    },
  });
  return { log, lines, raw: () => raw.join('') };
}

const plain = (q: string): Answer => ({ question: q, kind: 'none', text: `答：${q}`, lines: [[{ text: `答：${q}` }]], records: [], sources: [] });
const core = { ask: plain, help: () => plain('help'), sources: () => plain('s'), lagging: () => plain('l'), lookup: () => [] } as unknown as Core;
const FAST = { delayMs: 10, maxDelayMs: 20, maxPollDelayMs: 20 };

const tgConfig = (env: Record<string, string> = {}): Config =>
  loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: telegram.root, QUESTIONS_PER_MINUTE: '1000', ...env });

/** A port nothing listens on (fetch refuses port 1 outright, as a "bad port"). */
async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startupFailure(start: () => Promise<unknown>): Promise<Error> {
  try {
    await start();
  } catch (error) {
    return error as Error;
  }
  throw new Error('start-up did not fail');
}

describe('start-up with the Bot API out of reach', () => {
  it('npm start stops with one config line naming TELEGRAM_API_ROOT, each attempt logged', async () => {
    const bot = startBot(
      { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:1', DATA_DIR: join(cwd, 'data'), LOG_LEVEL: 'warn' },
      { npm: false, cwd },
    );
    expect(await exitWithin(bot, 60_000)).toBe(1);
    const lines = bot.stderr().trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^config: TELEGRAM_API_ROOT: cannot reach http:\/\/127\.0\.0\.1:1 \(ECONNREFUSED\)$/);
    const retries = lines.slice(0, -1).map((l) => JSON.parse(l));
    expect(retries.map((r) => [r.level, r.method, r.attempt])).toEqual([
      [40, 'getMe', 1],
      [40, 'getMe', 2],
      [40, 'getMe', 3],
      [50, 'getMe', undefined],
    ]);
    expect(bot.stderr()).not.toContain(TOKEN.split(':')[1]);
  }, 90_000);

  it('getMe answering 500 names TELEGRAM_API_ROOT; a refused token names TELEGRAM_BOT_TOKEN', async () => {
    const { log, lines } = memoryLog();
    telegram.reset();
    telegram.script('getMe', ...Array(4).fill(telegramError(500, 'Internal Server Error')));
    let error = await startupFailure(() => startTelegram(core, tgConfig(), log, { retry: FAST }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(`TELEGRAM_API_ROOT: ${telegram.root} answered getMe with 500: Internal Server Error`);
    expect(lines.filter((l) => l.msg.includes('will retry')).map((l) => l.attempt)).toEqual([1, 2, 3]);

    telegram.reset();
    telegram.script('getMe', telegramError(401, 'Unauthorized'));
    error = await startupFailure(() => startTelegram(core, tgConfig(), log, { retry: FAST }));
    expect(error.message).toBe(`TELEGRAM_BOT_TOKEN: refused by the Bot API at ${telegram.root} (401: Unauthorized)`);
    expect(telegram.of('getMe')).toHaveLength(1); // not retried: it will not pass
  });

  it('a Bot API that never answers stops start-up at the deadline', async () => {
    telegram.reset();
    telegram.hang.add('getMe');
    const error = await startupFailure(() => startTelegram(core, tgConfig(), memoryLog().log, { retry: FAST, startupMs: 300 }));
    expect(error.message).toBe(`TELEGRAM_API_ROOT: no answer from ${telegram.root} within 0.3 s`);
  });

  it('a webhook port in use names PORT', async () => {
    telegram.reset();
    const taken = createNetServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = String((taken.address() as { port: number }).port);
    try {
      const config = tgConfig({ TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/t', TELEGRAM_WEBHOOK_SECRET: 'secret', PORT: port });
      const error = await startupFailure(() => startTelegram(core, config, memoryLog().log, { retry: FAST, host: '127.0.0.1' }));
      expect(error.message).toBe(`PORT: port ${port} is already in use`);
    } finally {
      taken.close();
    }
  });
});

describe('Slack at start-up', () => {
  const slackConfig = (env: Record<string, string> = {}): Config => ({
    ...loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: `${slack.root}/api/`, ...env }),
    SLACK_PORT: 0,
  });
  const fast = { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20, randomize: false };

  it('names SLACK_API_URL when Slack cannot be reached or fails, SLACK_BOT_TOKEN when it refuses the token', async () => {
    const { log, lines } = memoryLog();
    const closed = await closedPort();
    let error = await startupFailure(() =>
      startSlack(core, slackConfig({ SLACK_API_URL: `http://127.0.0.1:${closed}/api/` }), log, { retryConfig: fast, host: '127.0.0.1' }),
    );
    expect(error.message).toBe(`SLACK_API_URL: cannot reach http://127.0.0.1:${closed}/api (ECONNREFUSED)`);
    expect(lines.filter((l) => l.msg.startsWith('slack: Web API call failed')).map((l) => [l.level, l.attempt])).toEqual([
      [40, 1],
      [40, 2],
      [50, 3],
    ]);

    slack.reset();
    slack.script('auth.test', ...Array(3).fill({ status: 500, json: {} }));
    error = await startupFailure(() => startSlack(core, slackConfig(), log, { retryConfig: fast, host: '127.0.0.1' }));
    expect(error.message).toBe(`SLACK_API_URL: ${slack.root}/api answered HTTP 500`);

    slack.reset();
    slack.script('auth.test', { json: { ok: false, error: 'invalid_auth' } });
    error = await startupFailure(() => startSlack(core, slackConfig(), log, { retryConfig: fast, host: '127.0.0.1' }));
    expect(error.message).toBe('SLACK_BOT_TOKEN: refused by Slack (invalid_auth)');
  });

  it('a Slack that never answers stops start-up at the deadline', async () => {
    slack.reset();
    slack.hang.add('auth.test');
    const error = await startupFailure(() =>
      startSlack(core, slackConfig(), memoryLog().log, { retryConfig: fast, host: '127.0.0.1', startupMs: 300 }),
    );
    expect(error.message).toBe(`SLACK_API_URL: no answer from ${slack.root}/api within 0.3 s`);
  });
});

describe('the Bot API failing while running', () => {
  it('retries a connection reset on every sendMessage a bounded number of times, each retry logged', async () => {
    telegram.reset();
    telegram.cut.add('sendMessage');
    const { log, lines, raw } = memoryLog();
    const bot = createTelegramBot(core, tgConfig(), log, { retry: FAST });
    await bot.init();
    await bot.handleUpdate(textUpdate('6月用电量', 4242));
    expect(telegram.arrived.filter((r) => r.method === 'sendMessage')).toHaveLength(4);
    const retries = lines.filter((l) => l.method === 'sendMessage');
    expect(retries.map((l) => [l.level, l.attempt ?? l.attempts])).toEqual([
      [40, 1],
      [40, 2],
      [40, 3],
      [50, 4],
    ]);
    expect(retries[0].reason).toMatch(/ECONNRESET|socket hang up/);
    expect(lines.some((l) => l.msg === 'telegram: update failed')).toBe(true);
    expect(raw()).not.toContain(TOKEN.split(':')[1]); // the request URL holds the token
  });

  it('keeps long polling through an outage, logging each failed poll, and answers after it', async () => {
    telegram.reset();
    telegram.cut.add('getUpdates');
    const { log, lines } = memoryLog();
    const running = await startTelegram(core, tgConfig(), log, { retry: FAST });
    try {
      await vi.waitFor(() => expect(lines.filter((l) => l.method === 'getUpdates').length).toBeGreaterThanOrEqual(5), { timeout: 5_000 });
      const polls = lines.filter((l) => l.method === 'getUpdates');
      expect(polls.slice(0, 5).map((l) => [l.level, l.attempt])).toEqual([1, 2, 3, 4, 5].map((n) => [40, n]));
      telegram.cut.delete('getUpdates');
      telegram.push(textUpdate('6月用电量', 4242));
      await vi.waitFor(() => expect(telegram.sentTo(4242)).toHaveLength(1), { timeout: 5_000 });
    } finally {
      await running.stop();
    }
  });
});

describe('long polling refused for good', () => {
  it('a 409 (another process polls with the token) is logged and reported as fatal, not retried', async () => {
    telegram.reset();
    telegram.script('getUpdates', telegramError(409, 'Conflict: terminated by other getUpdates request'));
    const { log, lines } = memoryLog();
    const fatal: unknown[] = [];
    const running = await startTelegram(core, tgConfig(), log, { retry: FAST, onFatal: (error) => fatal.push(error) });
    try {
      telegram.push(textUpdate('6月用电量', 4242)); // the fake answers the waiting poll: with the 409
      await vi.waitFor(() => expect(fatal).toHaveLength(1));
      expect(telegram.of('getUpdates')).toHaveLength(1);
      expect(lines.map((l) => l.msg)).toContain('telegram: long polling stopped');
    } finally {
      await running.stop();
    }
  });
});

describe('logs', () => {
  it('never show a token', () => {
    expect(hideTokens(`request to http://x/bot${TOKEN}/getMe failed`)).toBe('request to http://x/bot[token]/getMe failed');
    expect(hideTokens('token xoxb-123-456-abc and xapp-1-A0-xyz')).toBe('token [token] and [token]');
    expect(hideTokens('at 2025-07-22T08:00:00+08:00, 12:30')).toBe('at 2025-07-22T08:00:00+08:00, 12:30');
  });
});
