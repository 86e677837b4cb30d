/**
 * A full disk degrades the bot, it does not stop it: DATA_DIR on a small tmpfs, mounted here
 * when the tests run as root (CI does), filled while the bot runs and before it starts again.
 * Answers go on, follow-ups keep their context (in memory), each kind of failing write is
 * logged once, /subscribe says it was not saved, and a restart on the full disk starts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Update } from 'grammy/types';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApp, type App } from '../adapters/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { createCore } from '../src/core.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { tempDir } from './digest-fakes.js';
import { chatMessage, FakeTelegram, TOKEN } from './fakes/telegram.js';

const mountPoint = tempDir('full-disk-');
const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint]).status === 0;
if (!mounted) console.warn('full-disk tests skipped: they mount a small tmpfs, which needs root (CI runs as root)');

afterAll(() => {
  if (mounted) spawnSync('umount', ['-l', mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

/** Fills the file system of `dir` to the last byte. */
function fill(dir: string): void {
  const chunk = Buffer.alloc(64 * 1024);
  for (let i = 0; ; i++) {
    if (existsSync(join(dir, `filler-${i}`))) continue;
    try {
      writeFileSync(join(dir, `filler-${i}`), chunk, { flag: 'wx' });
    } catch {
      // the last pages, a byte at a time would take long: 4 KB steps then
      for (let j = 0; ; j++) {
        try {
          writeFileSync(join(dir, `filler-${i}-${j}`), Buffer.alloc(4096));
        } catch {
          return;
        }
      }
    }
  }
}

function emptyOut(dir: string): void {
  for (const name of readdirSync(dir)) if (name.startsWith('filler-')) rmSync(join(dir, name));
}

function memoryLogger() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

const SECRET = 'full-disk-secret';
const CHAT = { id: 6161, type: 'private' as const, first_name: '张' };
const FROM = { id: 6161, is_bot: false, first_name: '张' };
const say = (text: string): Update => chatMessage(text, CHAT, FROM);
const command = (text: string): Update => chatMessage(text, CHAT, FROM, { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0].length }] });

describe.skipIf(!mounted)('a full disk', () => {
  const api = new FakeTelegram();
  const knowledge = loadKnowledge();
  const dataDir = join(mountPoint, 'data');
  let config: Config;

  beforeAll(async () => {
    await api.start();
    config = {
      ...loadConfig({
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: api.root,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/hook',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        QUESTIONS_PER_MINUTE: '1000',
        DATA_DIR: dataDir,
      }),
      PORT: 0,
    };
  });
  afterAll(() => api.close());

  const start = (log: pino.Logger) => startApp(config, log, { makeCore: (options) => createCore(knowledge, options), host: '127.0.0.1' });
  const post = (app: App, update: Update) =>
    fetch(`http://127.0.0.1:${app.telegram!.port}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
      body: JSON.stringify(update),
    });
  /** Asks and waits for the answer; returns its text. */
  async function ask(app: App, update: Update): Promise<string> {
    const before = api.sentTo(CHAT.id).length;
    await post(app, update);
    await vi.waitFor(() => expect(api.sentTo(CHAT.id).length).toBe(before + 1), { timeout: 5000 });
    return String(api.sentTo(CHAT.id).at(-1)!.body.text);
  }
  const warnings = (lines: { level: number; msg: string }[], start: string) => lines.filter((l) => l.level === 40 && l.msg.startsWith(start));

  it('while running: answers, keeps follow-ups in memory, logs each kind of failure once, and says /subscribe was not saved', async () => {
    const { log, lines } = memoryLogger();
    const app = await start(log);
    try {
      expect(await ask(app, command('/subscribe'))).toContain('已订阅');
      expect(await ask(app, say('6月全市用电量是多少'))).toContain('52.91');
      fill(mountPoint);
      expect(await ask(app, say('6月全市用电量是多少'))).toContain('52.91');
      expect(await ask(app, say('那1-6月呢'))).toContain('293.25'); // the context, from memory
      for (let i = 0; i < 5; i++) expect(await ask(app, say('6月全市用电量是多少'))).toContain('52.91');
      expect(await ask(app, command('/subscribe 07:30'))).toContain('订阅没能保存');
      await new Promise((resolve) => setTimeout(resolve, 50)); // the last answer-log write
      expect(warnings(lines, 'answer log: write failed')).toHaveLength(1);
      expect(warnings(lines, 'conversation memory: write failed')).toHaveLength(1);
      expect(warnings(lines, 'subscriptions: write failed')).toHaveLength(1);
      expect(lines.filter((l) => l.level >= 50)).toEqual([]); // no error lines, no stack traces
    } finally {
      await app.stop();
    }
  }, 30_000);

  it('at a restart on the full disk: starts, says once what is not saved, answers, and still knows its subscribers', async () => {
    fill(mountPoint); // what closing the database freed (its -wal and -shm)
    const { log, lines } = memoryLogger();
    const app = await start(log);
    try {
      expect(app.store!.degraded?.savedIn).toBe('file');
      expect(warnings(lines, 'DATA_DIR: the disk of')).toHaveLength(1);
      expect(warnings(lines, 'DATA_DIR: the disk of')[0].msg).toMatch(/nothing is saved — the answer log, subscriptions, conversation memory .* no digest is sent/);
      expect(app.store!.subscriptions().map((s) => s.target)).toEqual([String(CHAT.id)]);
      expect(await ask(app, say('6月全市用电量是多少'))).toContain('52.91');
      expect(await ask(app, say('那1-6月呢'))).toContain('293.25');
      expect(await ask(app, command('/unsubscribe'))).toContain('没能保存');
    } finally {
      await app.stop();
    }
  }, 30_000);

  it('a new DATA_DIR on a full disk: starts with its store in memory', async () => {
    const { log, lines } = memoryLogger();
    const fresh = join(mountPoint, 'fresh');
    const app = await startApp({ ...config, DATA_DIR: fresh }, log, { makeCore: (options) => createCore(knowledge, options), host: '127.0.0.1' });
    try {
      expect(app.store!.degraded?.savedIn).toBe('memory');
      expect(warnings(lines, 'DATA_DIR: the disk of')).toHaveLength(1);
      expect(await ask(app, say('6月全市用电量是多少'))).toContain('52.91');
    } finally {
      await app.stop();
    }
  }, 30_000);

  it('writes again once there is space', async () => {
    emptyOut(mountPoint);
    const { log } = memoryLogger();
    const app = await start(log);
    try {
      expect(app.store!.degraded).toBeUndefined();
      expect(await ask(app, command('/subscribe 07:30'))).toContain('已订阅');
      expect(app.store!.subscriptions()[0].time).toBe('07:30');
    } finally {
      await app.stop();
    }
  }, 30_000);
});
