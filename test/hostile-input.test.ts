/**
 * Hostile input at the edges, against the real adapters and fake platform APIs on 127.0.0.1:
 * signed Slack bodies that are not objects, timestamps from the future, 更多 buttons that are
 * stale or out of range, and escape sequences and invisible controls in questions, which must
 * never be echoed back to a chat or a terminal.
 */
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { Update } from 'grammy/types';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startConsole } from '../adapters/console.js';
import { ACTION_MORE, encodeMore } from '../adapters/slack/render.js';
import { startSlack, type RunningSlack } from '../adapters/slack.js';
import { createTelegramBot } from '../adapters/telegram.js';
import { inputLines, readQuestion } from '../src/cli/batch.js';
import { loadConfig } from '../src/config.js';
import type { Core } from '../src/core.js';
import type { Answer, AskOptions } from '../src/types.js';
import { silent } from './digest-fakes.js';
import { FakeSlack } from './fakes/slack.js';
import { BOT_USER, FakeTelegram, TOKEN, textUpdate } from './fakes/telegram.js';
import { ROOT, cleanEnv } from './npm-start.js';

/** A question as an attacker would send it: colours, a terminal title (OSC), a bell, right-to-left overrides. */
const HOSTILE = '\u001b[31m6月\u001b[0m用电量\u001b]0;pwned\u0007\u202e量电用\u202c\u2066?\u2069\u0000\u0008\u009b';
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\[31m|\]0;/;

/** A core that echoes the question back, as the real one does when it has no data. */
class EchoCore {
  asked: { question: string; options?: AskOptions }[] = [];
  /** Items left in the list the 更多 button pages through. */
  items = 12;
  ask(question: string, options: AskOptions = {}): Answer {
    this.asked.push({ question, options });
    if (question.includes('任务')) {
      const from = options.offset ?? 0;
      const shown = Array.from({ length: Math.max(0, Math.min(5, this.items - from)) }, (_, i) => `${from + i + 1}. 任务${from + i + 1}`);
      const text = `任务共${this.items}项（第${from + 1}-${from + shown.length}项）：\n${shown.join('\n')}`;
      return {
        question,
        kind: 'list',
        text,
        lines: text.split('\n').map((t) => [{ text: t }]),
        records: shown.map((_, i) => ({ id: `t${from + i}`, type: 'task' as const })),
        sources: [],
        more: from + 5 < this.items ? { total: this.items, next: from + 5 } : undefined,
      };
    }
    const text = `报告中没有找到“${question}”的数据。`;
    return { question, kind: 'none', text, lines: [[{ text }]], records: [], sources: [] };
  }
  help = () => this.ask('help');
  sources = () => this.ask('sources');
  lagging = (options?: AskOptions) => this.ask('滞后任务', options);
  lookup = () => [];
}

/* ------------------------------------------------------------ Slack over HTTP */

describe('Slack HTTP mode under hostile requests', () => {
  const SECRET = 'hostile-secret';
  const fake = new FakeSlack();
  const core = new EchoCore();
  let slack: RunningSlack;

  beforeAll(async () => {
    await fake.start();
    const config = { ...loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${fake.root}/api/` }), SLACK_PORT: 0 };
    slack = await startSlack(core as unknown as Core, config, silent, { host: '127.0.0.1', retryConfig: { retries: 0 } });
  });
  afterAll(async () => {
    await slack.stop();
    await fake.close();
  });
  afterEach(() => {
    fake.reset();
    core.asked = [];
  });

  async function post(body: string, type = 'application/json', at = Math.floor(Date.now() / 1000)): Promise<number> {
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${at}:${body}`).digest('hex')}`;
    const res = await fetch(`http://127.0.0.1:${slack.port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': type, 'x-slack-request-timestamp': String(at), 'x-slack-signature': signature },
      body,
    });
    await res.arrayBuffer();
    return res.status;
  }
  let seq = 0;
  const mention = (text: string) =>
    JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: `EvH${++seq}`,
      event: { type: 'app_mention', user: 'U1', text: `<@UBOT> ${text}`, channel: 'C1', ts: `1700000000.00${seq}` },
    });
  const moreClick = (value: string) =>
    new URLSearchParams({
      payload: JSON.stringify({
        type: 'block_actions',
        user: { id: 'U1', team_id: 'T1' },
        api_app_id: 'A1',
        team: { id: 'T1' },
        channel: { id: 'C1' },
        container: { type: 'message', channel_id: 'C1', message_ts: '1700000000.000100' },
        message: { type: 'message', ts: '1700000000.000100', text: 'answer' },
        response_url: `${fake.root}/respond/more${++seq}`,
        actions: [{ type: 'button', action_id: ACTION_MORE, block_id: 'b', value, action_ts: '1' }],
      }),
    }).toString();

  it('answers a signed body that is not an object with 400, and keeps answering', async () => {
    for (const body of ['null', '[]', '42', '"text"', 'true']) expect(await post(body), body).toBe(400);
    expect(await post('payload=null', 'application/x-www-form-urlencoded')).toBe(400);
    expect(await post(mention('6月用电量'))).toBe(200);
    await vi.waitFor(() => expect(fake.of('chat.postMessage')).toHaveLength(1));
  });

  it('refuses a timestamp more than 5 minutes in the future like a stale one', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await post(mention('来自未来'), 'application/json', now + 3600)).toBe(401);
    expect(await post(mention('来自过去'), 'application/json', now - 3600)).toBe(401);
    expect(await post(mention('差一点'), 'application/json', now + 200)).toBe(200); // within 5 minutes: clock skew
    await vi.waitFor(() => expect(fake.of('chat.postMessage')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 100));
    expect(core.asked.map((a) => a.question)).toEqual(['差一点']);
  });

  it('answers a 更多 button out of range with 没有更多了, and a stale one with 已过期, only to the one who clicked', async () => {
    const form = 'application/x-www-form-urlencoded';
    expect(await post(moreClick(encodeMore({ question: '任务', offset: 1_000_000_000, brief: false })), form)).toBe(200);
    expect(await post(moreClick('not a page'), form)).toBe(200);
    await vi.waitFor(() => expect(fake.calls.filter((c) => c.method.startsWith('/respond/'))).toHaveLength(2));
    const replies = fake.calls.filter((c) => c.method.startsWith('/respond/')).map((c) => c.body);
    expect(replies.map((r) => [r.response_type, r.text])).toEqual([
      ['ephemeral', '没有更多了。'],
      ['ephemeral', '已过期，请重新提问。'],
    ]);
    expect(fake.of('chat.postMessage')).toHaveLength(0);
  });

  it('strips escape sequences and invisible controls from the question and from what it posts', async () => {
    expect(await post(mention(HOSTILE))).toBe(200);
    await vi.waitFor(() => expect(fake.of('chat.postMessage')).toHaveLength(1));
    expect(core.asked[0].question).toBe('6月用电量量电用?');
    const posted = JSON.stringify(fake.of('chat.postMessage')[0].body);
    expect(fake.of('chat.postMessage')[0].body.text).toContain('6月用电量量电用?');
    expect(JSON.parse(posted).text).not.toMatch(UNSAFE);
    expect(JSON.stringify(JSON.parse(posted).blocks)).not.toMatch(/\\u001b|\\u202e|\\u0007/);
  });
});

/* ------------------------------------------------------------ Telegram */

describe('Telegram under hostile input', () => {
  const api = new FakeTelegram();
  const core = new EchoCore();
  beforeAll(() => api.start());
  afterAll(() => api.close());
  afterEach(() => {
    api.reset();
    core.asked = [];
    core.items = 12;
  });

  const bot = () => createTelegramBot(core as unknown as Core, loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.root }), silent);
  const click = (data: string, id: number): Update =>
    ({
      update_id: id,
      callback_query: {
        id: `cb${id}`,
        from: { id: 4242, is_bot: false, first_name: '李' },
        chat_instance: 'ci',
        data,
        message: { message_id: 5, date: 1_700_000_000, chat: { id: 4242, type: 'private' }, from: BOT_USER, text: '…' },
      },
    }) as unknown as Update;

  it('strips escape sequences and invisible controls from the question and the answer', async () => {
    const b = bot();
    await b.init();
    await b.handleUpdate(textUpdate(HOSTILE, 4242));
    expect(core.asked[0].question).toBe('6月用电量量电用?');
    const [sent] = api.sentTo(4242);
    expect(sent.body.text).toContain('6月用电量量电用?');
    expect(sent.body.text).not.toMatch(UNSAFE);
  });

  it('a 更多 button whose page no longer exists answers 没有更多了 in the button’s alert, posting nothing', async () => {
    const b = bot();
    await b.init();
    await b.handleUpdate(textUpdate('任务', 4242));
    const data = (api.sentTo(4242)[0].body.reply_markup.inline_keyboard.flat() as { text: string; callback_data: string }[]).find(
      (k) => k.text === '更多',
    )!.callback_data;
    core.items = 3; // the reports changed: the list is shorter now
    api.reset();
    await b.handleUpdate(click(data, 900_001));
    expect(api.of('answerCallbackQuery').map((c) => c.body.text)).toEqual(['没有更多了。']);
    expect(api.of('sendMessage')).toHaveLength(0);
  });
});

/* ------------------------------------------------------------ the console and the CLI */

describe('the console and npm run ask', () => {
  it('the console strips escape sequences from the question and what it prints', async () => {
    const core = new EchoCore();
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const chat = startConsole(core as unknown as Core, { input: stdin, output: stdout });
    stdin.end(`${HOSTILE}\n`);
    await chat.done;
    expect(core.asked[0].question).toBe('6月用电量量电用?');
    expect(out).toContain('6月用电量量电用?');
    expect(out).not.toMatch(UNSAFE);
  });

  it('ask prints no escape sequence, as text or as JSON', () => {
    const hostile = HOSTILE.replace('\u0000', ''); // an argument cannot hold NUL
    for (const args of [[hostile], ['--json', hostile]]) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: cleanEnv({}) });
      expect(run.status).toBe(0);
      expect(run.stdout).not.toMatch(UNSAFE);
      expect(run.stdout).not.toMatch(/\\u001b|\\u202e|\\u0007/);
    }
  }, 60_000);
});

describe('batch mode of npm run ask', () => {
  async function lines(...chunks: (string | Buffer)[]): Promise<string[]> {
    const input = new PassThrough();
    for (const c of chunks) input.write(c);
    input.end();
    const out: string[] = [];
    for await (const line of inputLines(input)) out.push(line);
    return out;
  }

  it('ends a line at LF or CR LF; a lone CR is a space; a character split between chunks stays whole', async () => {
    expect(await lines('a\rb\nc\r\n', 'd')).toEqual(['a b', 'c', 'd']);
    const bytes = Buffer.from('用电量\n');
    expect(await lines(bytes.subarray(0, 2), bytes.subarray(2))).toEqual(['用电量']);
  });

  it('reads {"q", "chat"} as a question in a conversation, anything else as written', () => {
    expect(readQuestion('{"q": "同比增长多少", "chat": "case-3"}')).toEqual({ question: '同比增长多少', conversation: 'case-3' });
    expect(readQuestion('{"q": "6月用电量"}')).toEqual({ question: '6月用电量' });
    expect(readQuestion('{"q": 5, "chat": "x"}')).toEqual({ question: '{"q": 5, "chat": "x"}' });
    expect(readQuestion('{不是 JSON')).toEqual({ question: '{不是 JSON' });
    expect(readQuestion('["q"]')).toEqual({ question: '["q"]' });
  });
});
