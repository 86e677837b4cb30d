/**
 * No secret in any output: APIs (or a gateway before them) that echo the request path, URL or
 * headers in their error bodies, at start-up where the plain `config:` line shows the error,
 * and in the JSON log.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';
import { keepSecret, redact } from '../src/redact.js';
import { tempDir } from './digest-fakes.js';
import { FakeSlack } from './fakes/slack.js';
import { FakeTelegram, telegramError, TOKEN } from './fakes/telegram.js';
import { exitWithin, startBot } from './npm-start.js';

/** Shaped like a real bot token, and set nowhere: only its shape gives it away. */
const STRAY_TELEGRAM = '987654321:AAH-abcdefghijklmnopqrstuvwxyz0123456';
const SLACK_TOKEN = 'xoxb-1111-2222-echoedToken';
const SIGNING = 'signing-secret-0123456789';
const cwd = tempDir('redact-');
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('redact', () => {
  it('masks secrets kept, as they are and URL-encoded, and anything shaped like a token', () => {
    keepSecret('webhook-secret-1234', 'short');
    expect(redact('secret_token=webhook-secret-1234&x=webhook-secret-1234')).toBe('secret_token=[token]&x=[token]');
    expect(redact(`GET /bot${STRAY_TELEGRAM}/getMe`)).toBe('GET /bot[token]/getMe');
    expect(redact(`GET /bot${encodeURIComponent(STRAY_TELEGRAM)}/getMe`)).toBe('GET /bot[token]/getMe');
    expect(redact('Bearer xoxb-1-2-abc, xoxp-9-8, xapp-1-A0-xyz')).toBe('Bearer [token], [token], [token]');
    expect(redact('short; 12:30; 2025-07-22T08:00:00+08:00')).toBe('short; 12:30; 2025-07-22T08:00:00+08:00');
  });

  it('masks the JSON log, error messages and stacks included', () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger('info', { stream });
    log.error({ err: new Error(`request to https://api.telegram.org/bot${STRAY_TELEGRAM}/sendMessage failed`) }, `also ${SLACK_TOKEN}`);
    expect(lines.join('')).not.toMatch(/987654321|echoedToken/);
    expect(lines.join('')).toContain('bot[token]/sendMessage');
  });
});

describe('start-up lines', () => {
  const telegram = new FakeTelegram();
  const slack = new FakeSlack();
  beforeAll(async () => {
    await telegram.start();
    await slack.start();
  });
  afterAll(async () => {
    await telegram.close();
    await slack.close();
  });

  it('Telegram: a gateway that echoes the request path does not put the token in the config: line', async () => {
    telegram.overrides.push((request) =>
      request.method === 'getMe' ? telegramError(400, `Bad Request: gateway refused /bot${TOKEN}/getMe (see ${STRAY_TELEGRAM})`) : undefined,
    );
    const bot = startBot({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: telegram.root, DATA_DIR: join(cwd, 'tg'), LOG_LEVEL: 'silent' }, { npm: false, cwd });
    expect(await exitWithin(bot, 30_000)).toBe(1);
    expect(bot.stderr()).toMatch(/^config: TELEGRAM_API_ROOT: .* answered getMe with 400: Bad Request: gateway refused \/bot\[token\]\/getMe \(see \[token\]\)\n$/);
    expect(bot.stderr()).not.toContain(TOKEN);
    expect(bot.stderr()).not.toContain('987654321');
  }, 40_000);

  it('Slack: an error that echoes the URL and the Authorization header does not put the token in the config: line', async () => {
    slack.overrides.push((request) =>
      request.method === 'auth.test'
        ? { json: { ok: false, error: `gateway_refused ${slack.root}/api/auth.test ${String(request.headers.authorization)} ${SIGNING}` } }
        : undefined,
    );
    const env = { SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_URL: `${slack.root}/api/`, SLACK_PORT: '39999', DATA_DIR: join(cwd, 'slack'), LOG_LEVEL: 'silent' };
    const bot = startBot(env, { npm: false, cwd }); // SLACK_PORT is never listened on: sign-in fails first
    expect(await exitWithin(bot, 30_000)).toBe(1);
    expect(bot.stderr()).toMatch(/^config: SLACK_API_URL: .*gateway_refused .*auth\.test Bearer \[token\] \[token\]\n$/);
    expect(bot.stderr()).not.toMatch(/echoedToken|signing-secret/);
  }, 40_000);
});
