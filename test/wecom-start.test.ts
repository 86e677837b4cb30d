/**
 * `npm start` (the node command behind it, in a folder without a .env) with only WeCom's
 * settings, against the fake WeCom on 127.0.0.1: it starts the WeCom application and nothing
 * else, answers, and drains on SIGTERM; a refused Secret or an API out of reach stops it with
 * one `config:` line and exit 1, the secret never shown.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AES_KEY, AGENT_ID, CORP_ID, FakeWeCom, SECRET, TOKEN, seal } from './fakes/wecom.js';
import { exitWithin, startBot } from './npm-start.js';

const fake = new FakeWeCom();
const cwd = mkdtempSync(join(tmpdir(), 'wecom-start-')); // no .env here
beforeAll(() => fake.start());
afterAll(async () => {
  await fake.close();
  rmSync(cwd, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const env = (extra: Record<string, string> = {}) => ({
  WECOM_CORP_ID: CORP_ID,
  WECOM_AGENT_ID: AGENT_ID,
  WECOM_SECRET: SECRET,
  WECOM_TOKEN: TOKEN,
  WECOM_ENCODING_AES_KEY: AES_KEY,
  WECOM_API_ROOT: fake.root,
  DATA_DIR: join(cwd, 'data'),
  LOG_LEVEL: 'info',
  ...extra,
});

const configLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('config:'));

describe('npm start with only WeCom settings', () => {
  it('starts the WeCom application and nothing else, answers a callback, drains on SIGTERM', async () => {
    const port = await freePort();
    const bot = startBot(env({ WECOM_PORT: String(port) }), { npm: false, cwd });
    try {
      await vi.waitFor(() => expect(bot.stderr()).toContain('wecom: callback server listening'), { timeout: 30_000, interval: 100 });
      const { query, body } = seal(fake.messageXml({ text: '6月全市用电量是多少？', user: 'npm-start' }));
      const res = await fetch(`http://127.0.0.1:${port}/wecom?${query}`, { method: 'POST', body });
      expect(res.status).toBe(200);
      await vi.waitFor(() => expect(fake.sent('user:npm-start').length).toBeGreaterThan(0), { timeout: 10_000, interval: 50 });
      expect(fake.sent('user:npm-start')[0]).toContain('52.91亿千瓦时');
    } finally {
      bot.signalGroup('SIGTERM');
      expect(await exitWithin(bot, 20_000)).toBe(0);
    }
    const logged = bot.stderr().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(logged.map((l) => l.msg)).toContain('stopped');
    expect(logged.some((l) => /telegram|slack|dingtalk/i.test(l.msg))).toBe(false);
    expect(configLines(bot.stderr())).toEqual([]);
    expect(bot.stdout()).toBe(''); // no console chat
    expect(bot.stderr()).not.toContain(SECRET);
  }, 60_000);

  it('a wrong Secret stops it with one config line naming WECOM_SECRET, exit 1', async () => {
    const bot = startBot(env({ WECOM_SECRET: 'a-wrong-secret-0123456789' }), { npm: false, cwd });
    expect(await exitWithin(bot, 30_000)).toBe(1);
    expect(bot.stderr().trimEnd().split('\n')).toEqual([
      `config: WECOM_SECRET: refused by WeCom's token endpoint at ${fake.root} (errcode 40001: invalid credential)`,
    ]);
    expect(bot.stderr()).not.toContain('a-wrong-secret');
  }, 60_000);

  it('an API out of reach stops it with one config line naming WECOM_API_ROOT, each attempt logged', async () => {
    const port = await freePort();
    const bot = startBot(env({ WECOM_API_ROOT: `http://127.0.0.1:${port}`, LOG_LEVEL: 'warn' }), { npm: false, cwd });
    expect(await exitWithin(bot, 60_000)).toBe(1);
    const lines = bot.stderr().trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`config: WECOM_API_ROOT: cannot reach http://127.0.0.1:${port} (ECONNREFUSED)`);
    expect(configLines(bot.stderr())).toHaveLength(1);
    expect(lines.slice(0, -1).map((l) => JSON.parse(l)).map((r) => [r.level, r.step, r.attempt])).toEqual([
      [40, 'token', 1],
      [40, 'token', 2],
    ]);
  }, 90_000);
});
