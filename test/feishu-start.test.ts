/**
 * `npm start` (the node command behind it, in a folder without a .env) with only Feishu's
 * settings and a wrong App Secret, against the fake Feishu on 127.0.0.1: one `config:` line,
 * exit 1, the secret never shown.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, FakeFeishu, VERIFICATION_TOKEN } from './fakes/feishu.js';
import { exitWithin, startBot } from './npm-start.js';

const fake = new FakeFeishu();
const cwd = mkdtempSync(join(tmpdir(), 'feishu-start-'));
beforeAll(() => fake.start());
afterAll(async () => {
  await fake.close();
  rmSync(cwd, { recursive: true, force: true });
});

describe('npm start with only Feishu settings', () => {
  it('a wrong App Secret stops it with one config line naming FEISHU_APP_SECRET, exit 1', async () => {
    const bot = startBot(
      { FEISHU_APP_ID: APP_ID, FEISHU_APP_SECRET: 'a-wrong-secret-0123456789', FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN, FEISHU_API_ROOT: fake.root, DATA_DIR: join(cwd, 'data'), LOG_LEVEL: 'info' },
      { npm: false, cwd },
    );
    expect(await exitWithin(bot, 30_000)).toBe(1);
    expect(bot.stderr().split('\n').filter((l) => l.startsWith('config:'))).toEqual([
      `config: FEISHU_APP_SECRET: refused by Feishu's token endpoint at ${fake.root} (400 code 10014: app secret invalid)`,
    ]);
    expect(bot.stdout()).toBe('');
    expect(bot.stderr()).not.toContain('a-wrong-secret');
  }, 60_000);
});
