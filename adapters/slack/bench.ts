/**
 * Slack load benchmark: bursts of @mentions, signed as Slack signs them, at Slack's pace
 * (default 64 at 365 a second, 8 s apart, so that connections go idle between bursts), to the
 * bot as `npm start` runs it — its own process, HTTP mode, a temporary DATA_DIR — against a
 * fake Web API on 127.0.0.1 that answers chat.postMessage at once and notes when each answer
 * arrived. Per burst: the median time from mention to answer, the slowest, and how many came
 * more than 1 s after the median (the mark: none).
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scriptArgs } from '../../src/root.js';

export interface SlackBurstOptions {
  bursts?: number;
  /** Mentions per burst. */
  size?: number;
  /** Mentions per second within a burst. */
  perSecond?: number;
  /** Quiet time between bursts (ms). */
  gapMs?: number;
}

export interface BurstResult {
  medianMs: number;
  maxMs: number;
  /** Answers more than 1 s after the burst's median. */
  lateOver1s: number;
  answered: number;
}

const SECRET = 'bench-signing-secret';
const QUESTIONS = ['6月全市用电量是多少', '哪些任务滞后？', '市科技局牵头的任务进展如何？', '2020年GDP目标是多少？'];

/** A Web API that answers at once and notes when each thread got its answer. */
async function fakeWebApi() {
  const answered = new Map<string, number>();
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '');
      const body = Object.fromEntries(new URLSearchParams(raw));
      if (method === 'chat.postMessage' && body.thread_ts) answered.set(body.thread_ts, Date.now());
      const reply =
        method === 'auth.test'
          ? { ok: true, url: 'https://bench.slack.com/', team: 'Bench', user: 'reportbot', team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' }
          : { ok: true, channel: body.channel, ts: `${Date.now() / 1000}` };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { root, answered, close };
}

function mention(port: number, ts: string, user: string, question: string): Promise<unknown> {
  const body = JSON.stringify({
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: `Ev${ts.replace('.', '')}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_mention', user, text: `<@UBOT> ${question}`, ts, channel: 'CBENCH', event_ts: ts },
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
    body,
  }).then((r) => r.text());
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchSlackBursts(options: SlackBurstOptions = {}): Promise<BurstResult[]> {
  const { bursts = 4, size = 64, perSecond = 365, gapMs = 8000 } = options;
  const api = await fakeWebApi();
  const dir = mkdtempSync(join(tmpdir(), 'slack-bench-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(TELEGRAM_|SLACK_|DIGEST_|ANSWER_|DATA_DIR$|LOG_LEVEL$)/.test(k)));
  const bot = spawn(process.execPath, ['--max-semi-space-size=4', '--single-threaded-gc', ...scriptArgs('adapters/start.ts')], {
    cwd: dir, // no .env here
    env: { ...env, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${api.root}/api/`, SLACK_PORT: String(port), DATA_DIR: join(dir, 'data'), QUESTIONS_PER_MINUTE: '100000', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  bot.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  try {
    for (let tries = 0; ; tries++) {
      const up = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (up) break;
      if (tries > 600 || bot.exitCode !== null) throw new Error(`the bot did not start: ${stderr.slice(0, 500)}`);
      await sleep(100);
    }
    const results: BurstResult[] = [];
    let seq = 0;
    for (let b = 0; b < bursts; b++) {
      const sent = new Map<string, number>();
      await Promise.all(
        Array.from({ length: size }, async (_, i) => {
          await sleep((i * 1000) / perSecond);
          const ts = `1800${String(b).padStart(3, '0')}${String(++seq).padStart(4, '0')}.000100`;
          sent.set(ts, Date.now());
          await mention(port, ts, `U${i % 50}`, QUESTIONS[i % QUESTIONS.length]);
        }),
      );
      const deadline = Date.now() + 60_000;
      while ([...sent.keys()].some((ts) => !api.answered.has(ts)) && Date.now() < deadline) await sleep(20);
      const times = [...sent].filter(([ts]) => api.answered.has(ts)).map(([ts, at]) => api.answered.get(ts)! - at);
      const sorted = [...times].sort((x, y) => x - y);
      const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
      results.push({ medianMs: median, maxMs: sorted.at(-1) ?? NaN, lateOver1s: times.filter((t) => t > median + 1000).length, answered: times.length });
      if (b < bursts - 1) await sleep(gapMs);
    }
    return results;
  } finally {
    bot.kill('SIGTERM');
    await new Promise((resolve) => (bot.exitCode !== null ? resolve(undefined) : bot.once('exit', resolve)));
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
