/**
 * The store refuses what it cannot trust: an empty or truncated digest.db is not silently
 * created afresh over (every subscription would be gone), a second process on the same
 * DATA_DIR is turned away before it touches anything, a DATA_DIR on a pseudo filesystem is
 * refused without hanging, and Slack event ids outlive a restart.
 */
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApp } from '../adapters/app.js';
import { loadConfig } from '../src/config.js';
import type { LocalCore } from '../src/core.js';
import { DB_FILE, DigestStore, DigestStoreError } from '../src/digest/store.js';
import type { Answer } from '../src/types.js';
import { sampleKnowledge, silent, tempDir } from './digest-fakes.js';
import { FakeSlack } from './fakes/slack.js';
import { cleanEnv, exitWithin, startBot } from './npm-start.js';

const dirs: string[] = [];
const fresh = (prefix = 'store-') => {
  const d = tempDir(prefix);
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function openError(dir: string): Error {
  try {
    DigestStore.open(dir).close();
  } catch (error) {
    return error as Error;
  }
  throw new Error('opened');
}

/** npm start's node command in a folder without .env, to its end (60 s at most). */
async function startOnce(env: Record<string, string>) {
  const cwd = fresh('start-');
  const bot = startBot({ LOG_LEVEL: 'warn', ...env }, { npm: false, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  bot.child.stdin!.end();
  const code = await exitWithin(bot, 60_000);
  return { code, stderr: bot.stderr(), stdout: bot.stdout() };
}

describe('a damaged digest.db', () => {
  it('an empty (0-byte) file stops start-up with one line, and is left as it was', async () => {
    const dir = fresh();
    const file = join(dir, DB_FILE);
    writeFileSync(file, '');
    const error = openError(dir);
    expect(error).toBeInstanceOf(DigestStoreError);
    expect(error.message).toBe(`DATA_DIR: ${file} is empty (0 bytes), not a digest database; move it away to start afresh, or restore it from a backup`);
    expect(statSync(file).size).toBe(0);

    const run = await startOnce({ DATA_DIR: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`config: ${error.message}\n`);
    expect(statSync(file).size).toBe(0);
  }, 60_000);

  it('a file cut short is refused, not opened with what is left', () => {
    const dir = fresh();
    const store = DigestStore.open(dir);
    store.db.transaction(() => {
      for (let i = 0; i < 2000; i++) store.subscribe('telegram', String(100_000 + i));
    })();
    store.close(); // checkpoints the WAL into digest.db
    const file = join(dir, DB_FILE);
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(4 * 4096);
    truncateSync(file, 3 * 4096);
    const error = openError(dir);
    expect(error.message).toBe(`DATA_DIR: ${file} is truncated (12288 of ${size} bytes); move it away to start afresh, or restore it from a backup`);
    expect(statSync(file).size).toBe(3 * 4096);
  });
});

describe('one process per DATA_DIR', () => {
  it('a second store on the same DATA_DIR is refused until the first is closed', () => {
    const dir = fresh();
    const first = DigestStore.open(dir);
    try {
      const error = openError(dir);
      expect(error).toBeInstanceOf(DigestStoreError);
      expect(error.message).toBe(`DATA_DIR: ${dir} is in use by another running bot (${join(dir, 'bot.lock')} is locked); run one process per DATA_DIR`);
      // Reading (npm run digest) is not turned away.
      DigestStore.open(dir, { readonly: true }).close();
    } finally {
      first.close();
    }
    DigestStore.open(dir).close();
  });

  it('a second npm start on the same DATA_DIR stops with one line and leaves the first one’s sends alone', async () => {
    const dir = fresh();
    const first = DigestStore.open(dir);
    const answer: Answer = { question: '/digest', kind: 'list', text: 'x', lines: [], records: [], sources: [] };
    first.subscribe('telegram', '1');
    const run = first.createRun({ runKey: 'default@x', schedule: 'default', slot: 'x', answer }, [{ platform: 'telegram', target: '1' }]);
    const [row] = first.deliveries(run.runKey);
    first.claim(row.id); // on the wire
    try {
      const second = await startOnce({ DATA_DIR: dir, TELEGRAM_BOT_TOKEN: '123456:TEST-token_abcdefghij', TELEGRAM_API_ROOT: 'http://127.0.0.1:1' });
      expect(second.code).toBe(1);
      expect(second.stderr).toBe(`config: DATA_DIR: ${dir} is in use by another running bot (${join(dir, 'bot.lock')} is locked); run one process per DATA_DIR\n`);
      expect(first.deliveries(run.runKey)[0].status).toBe('sending');
    } finally {
      first.close();
    }
  }, 60_000);
});

describe('a DATA_DIR that cannot be made', () => {
  it('on a pseudo filesystem (/proc) is refused at once, without hanging', () => {
    // In a child process: a recursive mkdir there never returns, and would hang the test worker.
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '-e', "import('./src/digest/store.ts').then(({ DigestStore }) => DigestStore.open('/proc/forbidden/data'))"],
      { encoding: 'utf8', timeout: 20_000, env: cleanEnv({}) },
    );
    expect(run.signal).toBeNull(); // not killed by the timeout
    expect(run.stderr).toMatch(/DigestStoreError: DATA_DIR: cannot create \/proc\/forbidden\/data \(ENOENT/);
  }, 30_000);

  it('npm start with DATA_DIR=/proc/forbidden stops with one line', async () => {
    const run = await startOnce({ DATA_DIR: '/proc/forbidden' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^config: DATA_DIR: cannot create \/proc\/forbidden \(ENOENT[^\n]*\)\n$/);
  }, 90_000);
});

describe('Slack event ids', () => {
  const SECRET = 'store-test-secret';
  const fake = new FakeSlack();
  beforeAll(() => fake.start());
  afterAll(() => fake.close());

  const plain = (q: string): Answer => ({ question: q, kind: 'none', text: `答：${q}`, lines: [[{ text: `答：${q}` }]], records: [], sources: [] });
  const core = { knowledge: sampleKnowledge(), ask: plain, help: () => plain('help'), sources: () => plain('s'), lagging: () => plain('l'), lookup: () => [] } as unknown as LocalCore;

  async function post(port: number, eventId: string, retry?: string): Promise<number> {
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_mention', user: 'U1', text: '<@UBOT> 6月用电量', channel: 'C1', ts: '1700000000.000100' },
    });
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`,
        ...(retry ? { 'x-slack-retry-num': retry, 'x-slack-retry-reason': 'http_timeout' } : {}),
      },
      body,
    });
    return res.status;
  }

  it('a retry that arrives after a restart is answered once', async () => {
    const dir = fresh();
    const config = {
      ...loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${fake.root}/api/`, DATA_DIR: dir }),
      SLACK_PORT: 0,
    };
    const start = () => startApp(config, silent, { core, host: '127.0.0.1' });
    let app = await start();
    try {
      expect(await post(app.slack!.port!, 'EvRESTART')).toBe(200);
      await vi.waitFor(() => expect(fake.of('chat.postMessage')).toHaveLength(1));
      await app.stop();
      app = await start();
      expect(await post(app.slack!.port!, 'EvRESTART', '1')).toBe(200);
      expect(await post(app.slack!.port!, 'EvOTHER')).toBe(200);
      await vi.waitFor(() => expect(fake.of('chat.postMessage')).toHaveLength(2));
      await new Promise((r) => setTimeout(r, 200));
      expect(fake.of('chat.postMessage')).toHaveLength(2);
    } finally {
      await app.stop();
    }
  });
});
