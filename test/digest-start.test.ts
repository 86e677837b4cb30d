/**
 * npm start without platform tokens (the console chat), its faults at start-up (one line on
 * stderr, exit 1), and the console adapter itself with piped input.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startConsole } from '../adapters/console.js';
import type { Core } from '../src/core.js';
import type { Answer, AskOptions } from '../src/types.js';
import { tempDir } from './digest-fakes.js';
import { cleanEnv } from './npm-start.js';

const START = fileURLToPath(new URL('../adapters/start.ts', import.meta.url));
const TSX = fileURLToPath(import.meta.resolve('tsx'));
const cwd = tempDir('digest-start-'); // no .env here
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

function start(env: Record<string, string>, input = '') {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(TELEGRAM_|SLACK_|DIGEST_|DATA_DIR)/.test(k)));
  return spawnSync(process.execPath, ['--import', TSX, START], {
    cwd,
    env: { ...clean, LOG_LEVEL: 'silent', DATA_DIR: join(cwd, 'data'), ...env },
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('npm start', () => {
  it('answers each line of piped input in the console chat, then exits 0 at the end of input, with no log line', () => {
    const run = start({ LOG_LEVEL: 'info' }, '/help\n\n/digest\n/nonsense\n');
    expect(run.stderr).toBe(''); // the console logs warnings only, and not as JSON
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('命令：/help');
    expect(run.stdout).toContain('每日简报');
    expect(run.stdout).toContain('未知命令');
    expect(run.stdout).not.toMatch(/^问：/m); // no prompt when stdin is not a terminal
  }, 30_000);

  it.each([
    [{ TELEGRAM_BOT_TOKEN: 'nonsense' }, /^config: TELEGRAM_BOT_TOKEN: /],
    [{ DIGEST_CRON: '0 8 * *' }, /^config: DIGEST_CRON: invalid schedule "0 8 \* \*" \(it has 4 fields\); use 5 fields/],
    [{ PORT: '70000' }, /^config: PORT: not a port number/],
    [{ DATA_DIR: '/proc/forbidden' }, /^config: DATA_DIR: cannot create \/proc\/forbidden/],
    [{ DATA_DIR: '/dev/null/data' }, /^config: DATA_DIR: cannot create \/dev\/null\/data/],
  ])('stops with one line on stderr and exit 1 for %j', (env, message) => {
    const run = start(env as Record<string, string>);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  }, 30_000);

  it('says which variable in .env is not a setting, and which line is not KEY=VALUE, before the console opens', () => {
    const withEnv = join(cwd, 'with-env');
    rmSync(withEnv, { recursive: true, force: true });
    mkdirSync(withEnv);
    writeFileSync(join(withEnv, '.env'), 'TELEGRAM_BOT_TOKN=123456:AAAAAAAAAAAAAAAAAAAA\nSLACK_BOT_TOKEN xoxb-1-2-3\n');
    const run = spawnSync(process.execPath, ['--import', TSX, START], {
      cwd: withEnv,
      env: { ...cleanEnv({}), LOG_LEVEL: 'silent', DATA_DIR: join(withEnv, 'data') },
      input: '',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(0);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      'config: warning: .env line 2 is not KEY=VALUE (it starts with SLACK_BOT_TOKEN), ignored',
      'config: warning: TELEGRAM_BOT_TOKN (in .env) is not a setting of this bot, ignored; did you mean TELEGRAM_BOT_TOKEN?',
    ]);
  }, 30_000);

  it('refuses a corrupt database file with one line naming it', () => {
    const data = join(cwd, 'corrupt');
    rmSync(data, { recursive: true, force: true });
    mkdirSync(data);
    writeFileSync(join(data, 'digest.db'), 'garbage'.repeat(1000));
    const run = start({ DATA_DIR: data });
    expect(run.status).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(join(data, 'digest.db'));
  }, 30_000);
});

describe('console chat', () => {
  const answer = (question: string, text: string, more?: Answer['more']): Answer => ({
    question,
    kind: 'list',
    text,
    lines: [[{ text }]],
    records: [],
    sources: [],
    ...(more ? { more } : {}),
  });
  const asked: { q: string; o?: AskOptions }[] = [];
  const core = {
    ask: (q: string, o?: AskOptions) => {
      asked.push({ q, o });
      return q === '列表' ? answer(q, `第${(o?.offset ?? 0) + 1}页`, { total: 20, next: (o?.offset ?? 0) + 10 }) : answer(q, `答：${q}`);
    },
    help: () => answer('/help', '帮助'),
    sources: () => answer('/sources', '资料清单'),
    lagging: () => answer('/lagging', '滞后任务'),
    lookup: () => [],
  } as unknown as Core;

  async function chat(input: string, digest?: () => Answer): Promise<string> {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const c = startConsole(core, { input: stdin, output: stdout, digest });
    stdin.end(input);
    await c.done;
    return out;
  }

  it('answers questions and commands, pages with /more and 更多, and ends at /quit', async () => {
    const out = await chat('6月用电量\n/sources\n/lagging\n列表\n更多\n/more\n/digest\n/quit\n不会被回答\n', () => answer('/digest', '今日简报'));
    expect(out.split('\n')).toEqual([
      '答：6月用电量',
      '资料清单',
      '滞后任务',
      '第1页',
      '（共20项，已显示10项，输入 更多 或 /more 查看更多）',
      '第11页',
      '没有更多了。',
      '今日简报',
      '',
    ]);
    expect(asked.map((a) => a.q)).not.toContain('不会被回答');
  });

  it('ends at the end of input', async () => {
    expect(await chat('你好')).toBe('答：你好\n');
  });
});
