/**
 * The Slack adapter against a fake Slack Web API on 127.0.0.1: the real Bolt app in HTTP mode
 * receives signed requests, and the fake records what the adapter sends back. No network.
 */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ExpiringSet,
  QuestionLimiter,
  TEXT,
  createSlackApp,
  digestCommand,
  questionFrom,
  startSlack,
  type RunningSlack,
  type SlackDigest,
} from '../adapters/slack.js';
import {
  ACTION_MORE,
  ACTION_QUOTE,
  LIMITS,
  decodeFollowUp,
  decodeMore,
  encodeFollowUp,
  encodeMore,
  escapeMrkdwn,
  renderAnswer,
  sectionTexts,
} from '../adapters/slack/render.js';
import { renderHome } from '../adapters/slack/home.js';
import { taskQuestion } from '../src/commands.js';
import { loadConfig } from '../src/config.js';
import type { Core } from '../src/core.js';
import type { Answer, AskOptions, Line } from '../src/types.js';
import { FakeSlack } from './fakes/slack.js';
import {
  SECRET,
  actionFields,
  blocksText,
  commandFields,
  eventBody,
  fastRetry,
  send,
  sendEvent,
  sendForm,
  testConfig,
  ts,
  waitFor,
} from './fakes/slack-requests.js';

const QUOTE = '1-6月，全市一般公共预算收入86.87亿元，同比增长29%。';
const SOURCE = { title: '2021年1-6月嘉兴市国民经济运行情况', date: '2021-07-19' };

/* ------------------------------------------------------------ fake core */

function answer(question: string, lines: Line[], extra: Partial<Answer> = {}): Answer {
  return {
    question,
    kind: 'indicator',
    text: lines.map((l) => l.map((s) => s.text).join('')).join('\n'),
    lines,
    records: [{ id: 'i1', type: 'indicator' }],
    sources: [SOURCE],
    ...extra,
  };
}

interface FakeCore extends Core {
  asked: { question: string; options: AskOptions }[];
}

function fakeCore(): FakeCore {
  const asked: FakeCore['asked'] = [];
  return {
    asked,
    ask(question, options = {}) {
      asked.push({ question, options });
      if (question.includes('任务')) {
        const from = options.offset ?? 0;
        const items = Array.from({ length: 12 }, (_, i) => `${i + 1}. 任务${i + 1}`).slice(from, from + 5);
        return answer(question, items.map((t) => [{ text: t }]), {
          kind: 'list',
          quote: undefined,
          more: from + 5 < 12 ? { total: 12, next: from + 5 } : undefined,
        });
      }
      return answer(
        question,
        [[{ text: '一般公共预算收入' }, { text: '86.87亿元', strong: true }, { text: '，同比增长29%。' }]],
        { quote: QUOTE },
      );
    },
    help: () => answer('/help', [[{ text: '我知道嘉兴的政府工作报告和统计公报。' }], [{ text: '例如：一般公共预算收入是多少？' }]]),
    sources: () => answer('/sources', [[{ text: SOURCE.title }]]),
    lagging: () => answer('/lagging', [[{ text: '无' }]]),
    lookup: () => [],
  };
}


function memoryLogger() {
  const lines: any[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}


/* ------------------------------------------------------------ the app in HTTP mode */

describe('Slack adapter over HTTP', () => {
  const fake = new FakeSlack();
  const core = fakeCore();
  const { log, lines: logLines } = memoryLogger();
  let slack: RunningSlack;
  let port: number;

  beforeAll(async () => {
    await fake.start();
    slack = await startSlack(core, testConfig(fake), log, { host: '127.0.0.1', retryConfig: fastRetry });
    port = slack.port!;
  });
  afterAll(async () => {
    await slack?.stop();
    await fake.close();
  });

  it('checks the token with auth.test at start, against SLACK_API_URL', () => {
    expect(slack.mode).toBe('http');
    expect(fake.of('auth.test').length).toBeGreaterThanOrEqual(1);
    expect(fake.of('auth.test')[0].headers.authorization).toBe('Bearer xoxb-test-token');
  });

  it('echoes the url_verification challenge', async () => {
    const res = await send(port, JSON.stringify({ token: 'legacy', challenge: 'chal-123', type: 'url_verification' }), 'application/json');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'chal-123' });
  });

  it('answers an @mention in the thread of the question, figure in bold, sources in context', async () => {
    const messageTs = ts();
    const res = await sendEvent(port, {
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> 一般公共预算收入是多少？',
      ts: messageTs,
      channel: 'C1',
      event_ts: messageTs,
    });
    expect(res.status).toBe(200);
    const post = await waitFor(() => fake.of('chat.postMessage').find((c) => c.body.thread_ts === messageTs));
    expect(post.body.channel).toBe('C1');
    expect(core.asked.at(-1)).toEqual({ question: '一般公共预算收入是多少？', options: { conversation: `slack:C1:${messageTs}` } });
    const blocks = post.body.blocks as any[];
    expect(blocks[0].type).toBe('section');
    expect(blocks[0].text.type).toBe('mrkdwn');
    expect(blocks[0].text.text).toContain('*86.87亿元*');
    const context = blocks.find((b) => b.type === 'context');
    expect(context.elements[0].text).toContain(SOURCE.title);
    expect(context.elements[0].text).toContain(SOURCE.date);
    const actions = blocks.find((b) => b.type === 'actions');
    expect(actions.elements.map((e: any) => e.action_id)).toEqual([ACTION_QUOTE]);
    expect(post.body.text).toContain('86.87亿元');
  });

  it('answers in the existing thread when the mention is a thread reply', async () => {
    const root = ts();
    const reply = ts();
    await sendEvent(port, { type: 'app_mention', user: 'U1', text: '<@UBOT> 财政收入', ts: reply, thread_ts: root, channel: 'C1', event_ts: reply });
    const post = await waitFor(() => fake.of('chat.postMessage').find((c) => c.body.thread_ts === root));
    expect(post.body.channel).toBe('C1');
  });

  it('answers a direct message in the DM', async () => {
    const messageTs = ts();
    await sendEvent(port, {
      type: 'message',
      channel_type: 'im',
      channel: 'D1',
      user: 'U1',
      text: '财政收入 &amp; 税收',
      ts: messageTs,
      event_ts: messageTs,
    });
    const post = await waitFor(() => fake.of('chat.postMessage').find((c) => c.body.channel === 'D1'));
    expect(post.body.thread_ts).toBeUndefined();
    expect(blocksText(post.body.blocks)).toContain('*86.87亿元*');
    expect(core.asked.at(-1)).toEqual({ question: '财政收入 & 税收', options: { conversation: 'slack:D1' } });
  });

  it('answers /kpi briefly and in the channel through response_url, after an empty ack', async () => {
    const before = core.asked.length;
    const res = await sendForm(port, commandFields(fake, '/kpi', '一般公共预算收入', 'C1', 'kpi1'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const respond = await waitFor(() => fake.of('/respond/kpi1')[0]);
    expect(respond.body.response_type).toBe('in_channel');
    expect(blocksText(respond.body.blocks)).toContain('*86.87亿元*');
    expect(core.asked.slice(before)).toEqual([{ question: '一般公共预算收入', options: { brief: true, conversation: 'slack:C1:U1' } }]);
  });

  it('answers /kpi without text with its usage, ephemerally in the ack', async () => {
    const res = await sendForm(port, commandFields(fake, '/kpi', '  '));
    expect(await res.json()).toEqual({ response_type: 'ephemeral', text: TEXT.kpiUsage });
  });

  it('asks /task 5 as 第5项任务 and offers 更多 with the question and the next offset', async () => {
    await sendForm(port, commandFields(fake, '/task', '5', 'C1', 'task1'));
    const respond = await waitFor(() => fake.of('/respond/task1')[0]);
    expect(core.asked.at(-1)).toEqual({ question: '第5项任务', options: { conversation: 'slack:C1:U1' } });
    const actions = (respond.body.blocks as any[]).find((b) => b.type === 'actions');
    const more = actions.elements.find((e: any) => e.action_id === ACTION_MORE);
    expect(more.text.text).toContain('更多');
    expect(decodeMore(more.value)).toEqual({ question: '第5项任务', offset: 5, brief: false, conversation: 'slack:C1:U1' });
  });

  it('says the daily digest is coming soon when there is no digest module', async () => {
    const res = await sendForm(port, commandFields(fake, '/digest', 'subscribe'));
    expect(await res.json()).toEqual({ response_type: 'ephemeral', text: '每日简报功能即将上线。' });
  });

  it('shows the quote for the 原文 button, ephemerally', async () => {
    const res = await sendForm(port, actionFields(fake, ACTION_QUOTE, QUOTE, 'C1', undefined, 'quote1'));
    expect(res.status).toBe(200);
    const respond = await waitFor(() => fake.of('/respond/quote1')[0]);
    expect(respond.body.response_type).toBe('ephemeral');
    expect(respond.body.replace_original).toBe(false);
    expect(respond.body.text).toContain(QUOTE);
    expect(blocksText(respond.body.blocks)).toContain(QUOTE);
  });

  it('posts the next page for 更多 in the thread of the answer', async () => {
    const root = ts();
    await sendForm(port, actionFields(fake, ACTION_MORE, encodeMore({ question: '重点任务', offset: 5, brief: false }), 'C1', root));
    const post = await waitFor(() => fake.of('chat.postMessage').find((c) => c.body.thread_ts === root));
    expect(post.body.channel).toBe('C1');
    expect(core.asked.at(-1)).toEqual({ question: '重点任务', options: { offset: 5, brief: false } });
    expect(blocksText(post.body.blocks)).toContain('6. 任务6');
  });

  it('posts 更多 through response_url where the bot is not in the channel', async () => {
    fake.overrides.push((c) => (c.method === 'chat.postMessage' && c.body.channel === 'C9' ? { json: { ok: false, error: 'not_in_channel' } } : undefined));
    await sendForm(port, actionFields(fake, ACTION_MORE, encodeMore({ question: '重点任务', offset: 10, brief: false }), 'C9', undefined, 'more9'));
    const respond = await waitFor(() => fake.of('/respond/more9')[0]);
    expect(respond.body.response_type).toBe('in_channel');
    expect(blocksText(respond.body.blocks)).toContain('11. 任务11');
  });

  it('publishes App Home with the help and a digest placeholder', async () => {
    await sendEvent(port, { type: 'app_home_opened', user: 'U7', channel: 'D7', tab: 'home', event_ts: ts() });
    const publish = await waitFor(() => fake.of('views.publish').find((c) => c.body.user_id === 'U7'));
    expect(publish.body.view.type).toBe('home');
    const text = blocksText(publish.body.view.blocks);
    expect(text).toContain('例如：一般公共预算收入是多少？');
    expect(text).toContain('每日简报功能即将上线。');
  });

  it('rejects a forged signature and a 10-minute-old timestamp with 401, answering nothing', async () => {
    const before = { posts: fake.of('chat.postMessage').length, asked: core.asked.length };
    const event = { type: 'app_mention', user: 'U1', text: '<@UBOT> 伪造', ts: ts(), channel: 'C1' };
    const forged = await sendEvent(port, event, undefined, { secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    const stale = await sendEvent(port, event, undefined, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);
    const unsigned = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: eventBody(event),
    });
    expect(unsigned.status).toBe(401);
    expect(fake.of('chat.postMessage').length).toBe(before.posts);
    expect(core.asked.length).toBe(before.asked);
  });

  it('answers a retried delivery (same event_id, X-Slack-Retry-Num) once', async () => {
    const messageTs = ts();
    const event = { type: 'app_mention', user: 'U1', text: '<@UBOT> 财政收入', ts: messageTs, channel: 'C1', event_ts: messageTs };
    await sendEvent(port, event, 'EvRetry1');
    await waitFor(() => fake.of('chat.postMessage').find((c) => c.body.thread_ts === messageTs));
    const retry = await sendEvent(port, event, 'EvRetry1', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    // A later event is answered, so the retry has been through the app by now.
    const sentinel = ts();
    await sendEvent(port, { type: 'app_mention', user: 'U1', text: '<@UBOT> 哨兵', ts: sentinel, channel: 'C1', event_ts: sentinel });
    await waitFor(() => fake.of('chat.postMessage').find((c) => c.body.thread_ts === sentinel));
    expect(fake.of('chat.postMessage').filter((c) => c.body.thread_ts === messageTs)).toHaveLength(1);
    expect(logLines.some((l) => l.msg === 'duplicate delivery ignored' && l.eventId === 'EvRetry1')).toBe(true);
  });

  it('ignores messages from bots, from itself and edits', async () => {
    const asked = core.asked.length;
    const base = { type: 'message', channel_type: 'im', channel: 'D2', text: '财政收入' };
    await sendEvent(port, { ...base, user: 'U2', bot_id: 'B2', ts: ts() });
    await sendEvent(port, { ...base, subtype: 'bot_message', bot_id: 'B3', ts: ts() });
    await sendEvent(port, { ...base, user: 'UBOT', bot_id: 'BBOT', ts: ts() });
    await sendEvent(port, { type: 'message', subtype: 'message_changed', channel_type: 'im', channel: 'D2', ts: ts(), message: { text: '财政收入', user: 'U1', ts: ts() } });
    await sendEvent(port, { type: 'app_mention', user: 'U2', bot_id: 'B2', text: '<@UBOT> 财政收入', ts: ts(), channel: 'C2' });
    const sentinel = ts();
    await sendEvent(port, { ...base, channel: 'D3', user: 'U1', ts: sentinel });
    await waitFor(() => fake.of('chat.postMessage').find((c) => c.body.channel === 'D3'));
    expect(fake.of('chat.postMessage').filter((c) => c.body.channel === 'D2' || c.body.channel === 'C2')).toHaveLength(0);
    expect(core.asked.length).toBe(asked + 1);
  });

  it('waits out a rate limit (429 Retry-After) and posts once', async () => {
    const messageTs = ts();
    fake.overrides.push((c) =>
      c.method === 'chat.postMessage' && c.body.thread_ts === messageTs
        ? { status: 429, headers: { 'retry-after': '0' }, json: { ok: false, error: 'ratelimited' } }
        : undefined,
    );
    await sendEvent(port, { type: 'app_mention', user: 'U1', text: '<@UBOT> 财政收入', ts: messageTs, channel: 'C1', event_ts: messageTs });
    await waitFor(() => fake.of('chat.postMessage').filter((c) => c.body.thread_ts === messageTs).length === 2);
    expect(fake.overrides).toHaveLength(0);
  });

  it('logs a Web API error and keeps answering', async () => {
    const messageTs = ts();
    fake.overrides.push((c) =>
      c.method === 'chat.postMessage' && c.body.thread_ts === messageTs ? { json: { ok: false, error: 'channel_not_found' } } : undefined,
    );
    await sendEvent(port, { type: 'app_mention', user: 'U1', text: '<@UBOT> 财政收入', ts: messageTs, channel: 'C404', event_ts: messageTs });
    await waitFor(() => logLines.find((l) => l.msg === 'Slack handler failed' && l.slackError === 'channel_not_found'));
    const next = ts();
    await sendEvent(port, { type: 'app_mention', user: 'U1', text: '<@UBOT> 财政收入', ts: next, channel: 'C1', event_ts: next });
    await waitFor(() => fake.of('chat.postMessage').find((c) => c.body.thread_ts === next));
  });

  it('answers a health check', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
  });
});

/* ------------------------------------------------------------ allowed channels, digest, limits */

describe('Slack adapter with SLACK_ALLOWED_CHANNELS and a digest module', () => {
  const fake = new FakeSlack();
  const core = fakeCore();
  const digestCalls: string[] = [];
  const digest: SlackDigest = {
    subscribe: (t) => void digestCalls.push(`subscribe ${t.channel} ${t.user}`),
    unsubscribe: (t) => void digestCalls.push(`unsubscribe ${t.channel}`),
    sendNow: (t) => {
      digestCalls.push(`now ${t.channel}`);
      return answer('/digest', [[{ text: '今日简报：' }, { text: '3项', strong: true }, { text: '新数据' }]]);
    },
    latest: () => answer('/digest', [[{ text: '昨日简报内容' }]]),
  };
  let slack: RunningSlack;
  let port: number;

  beforeAll(async () => {
    await fake.start();
    const config = testConfig(fake, { SLACK_ALLOWED_CHANNELS: 'C_OK, D_OK', QUESTIONS_PER_MINUTE: '2' });
    slack = await startSlack(core, config, pino({ level: 'silent' }), { host: '127.0.0.1', retryConfig: fastRetry, digest });
    port = slack.port!;
  });
  afterAll(async () => {
    await slack?.stop();
    await fake.close();
  });

  it('says it is not enabled in other channels and DMs, without data', async () => {
    const mention = ts();
    await sendEvent(port, { type: 'app_mention', user: 'U1', text: '<@UBOT> 财政收入', ts: mention, channel: 'C_NO', event_ts: mention });
    const post = await waitFor(() => fake.of('chat.postMessage').find((c) => c.body.channel === 'C_NO'));
    expect(post.body.text).toBe(TEXT.notEnabled);
    expect(post.body.thread_ts).toBe(mention);

    await sendEvent(port, { type: 'message', channel_type: 'im', channel: 'D_NO', user: 'U1', text: '财政收入', ts: ts() });
    const dm = await waitFor(() => fake.of('chat.postMessage').find((c) => c.body.channel === 'D_NO'));
    expect(dm.body.text).toBe(TEXT.notEnabled);

    for (const command of ['/kpi', '/task', '/digest']) {
      const res = await sendForm(port, commandFields(fake, command, '财政收入', 'C_NO'));
      expect(await res.json()).toEqual({ response_type: 'ephemeral', text: TEXT.notEnabled });
    }

    await sendForm(port, actionFields(fake, ACTION_QUOTE, QUOTE, 'C_NO', undefined, 'noquote'));
    const quote = await waitFor(() => fake.of('/respond/noquote')[0]);
    expect(quote.body.text).toBe(TEXT.notEnabled);

    await sendEvent(port, { type: 'app_home_opened', user: 'U8', channel: 'D_NO', tab: 'home', event_ts: ts() });
    const home = await waitFor(() => fake.of('views.publish').find((c) => c.body.user_id === 'U8'));
    expect(blocksText(home.body.view.blocks)).toContain(TEXT.notEnabled);
    expect(blocksText(home.body.view.blocks)).not.toContain('例如');

    expect(core.asked).toHaveLength(0);
    expect(JSON.stringify(fake.calls)).not.toContain('86.87');
  });

  it('answers in an allowed channel', async () => {
    const mention = ts();
    await sendEvent(port, { type: 'app_mention', user: 'U1', text: '<@UBOT> 财政收入', ts: mention, channel: 'C_OK', event_ts: mention });
    const post = await waitFor(() => fake.of('chat.postMessage').find((c) => c.body.thread_ts === mention));
    expect(blocksText(post.body.blocks)).toContain('*86.87亿元*');
  });

  it('hands /digest to the digest module', async () => {
    const sub = await sendForm(port, commandFields(fake, '/digest', 'subscribe', 'C_OK', 'dsub'));
    expect(sub.status).toBe(200);
    await waitFor(() => fake.of('/respond/dsub')[0]);
    await sendForm(port, commandFields(fake, '/digest', 'now', 'C_OK', 'dnow'));
    const now = await waitFor(() => fake.of('/respond/dnow')[0]);
    expect(now.body.response_type).toBe('in_channel');
    expect(blocksText(now.body.blocks)).toContain('*3项*');
    expect(digestCalls).toEqual(['subscribe C_OK U1', 'now C_OK']);
    const usage = await sendForm(port, commandFields(fake, '/digest', '', 'C_OK'));
    expect(await usage.json()).toEqual({ response_type: 'ephemeral', text: TEXT.digestUsage });
  });

  it('shows the latest digest in App Home', async () => {
    await sendEvent(port, { type: 'app_home_opened', user: 'U9', channel: 'D_OK', tab: 'home', event_ts: ts() });
    const home = await waitFor(() => fake.of('views.publish').find((c) => c.body.user_id === 'U9'));
    expect(blocksText(home.body.view.blocks)).toContain('昨日简报内容');
  });

  it('limits questions per user per minute', async () => {
    // One question already asked by U1 in 'answers in an allowed channel'; the limit is 2.
    await sendForm(port, commandFields(fake, '/kpi', '财政收入', 'C_OK', 'lim1'));
    await waitFor(() => fake.of('/respond/lim1')[0]);
    const res = await sendForm(port, commandFields(fake, '/kpi', '财政收入', 'C_OK', 'lim2'));
    expect(await res.json()).toEqual({ response_type: 'ephemeral', text: TEXT.tooMany });
  });

  it('stops cleanly and stops answering', async () => {
    await slack.stop();
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    await slack.stop(); // idempotent
  });
});

/* ------------------------------------------------------------ pure parts */

describe('Slack rendering', () => {
  it('escapes & < > and sets strong spans in bold', () => {
    const [text] = sectionTexts([[{ text: 'A&B <x> ' }, { text: '5%', strong: true }]]);
    expect(text).toContain('A&amp;B &lt;x&gt;');
    expect(text).toContain('*5%*');
    expect(escapeMrkdwn('<&>')).toBe('&lt;&amp;&gt;');
  });

  it('splits long answers at line boundaries within Slack limits', () => {
    const lines: Line[] = Array.from({ length: 400 }, (_, i) => [{ text: `第${i + 1}行：` }, { text: `${i}亿元`, strong: true }, { text: '。'.repeat(40) }]);
    const texts = sectionTexts(lines);
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(LIMITS.sectionText);
    // Every line kept whole, in order.
    const joined = texts.join('\n');
    expect(joined.split('\n')).toHaveLength(400);
    expect(joined.indexOf('第1行')).toBeLessThan(joined.indexOf('第400行'));
  });

  it('splits one line longer than a section inside itself without breaking escapes', () => {
    const texts = sectionTexts([[{ text: '&'.repeat(2000) }]]);
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(LIMITS.sectionText);
      expect(t.replace(/&amp;/g, '')).toBe('');
    }
    expect(texts.join('').length).toBe(2000 * 5);
  });

  it('keeps a huge answer within 50 blocks', () => {
    const lines: Line[] = Array.from({ length: 5000 }, () => [{ text: '很长的内容'.repeat(20) }]);
    const message = renderAnswer(answer('q', lines, { quote: 'q', more: { total: 99, next: 10 } }));
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    expect(message.blocks.at(-1)?.type).toBe('actions');
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });

  it('keeps button values within 2000 characters', () => {
    const value = encodeMore({ question: '问'.repeat(3000), offset: 20, brief: true });
    expect(value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
    expect(decodeMore(value)).toMatchObject({ offset: 20, brief: true });
    expect(decodeMore('not json')).toBeUndefined();
    const message = renderAnswer(answer('q', [[{ text: 'x' }]], { quote: '句'.repeat(5000) }));
    const buttons = (message.blocks.at(-1) as any).elements;
    expect(buttons[0].value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
  });

  it('renders App Home within 100 blocks', () => {
    const big = answer('/help', Array.from({ length: 3000 }, () => [{ text: '帮助'.repeat(50) }]));
    const view = renderHome(big, big);
    expect(view.blocks.length).toBeLessThanOrEqual(LIMITS.homeBlocks);
  });
});

describe('Slack text helpers', () => {
  it('carries the context of a follow-up button in its value when it fits, and leaves it out when not', () => {
    const after = JSON.stringify({ query: { intent: 'value', metric: '用电量', places: [] } });
    expect(decodeFollowUp(encodeFollowUp({ question: '那1-6月呢', conversation: 'c1', after }))).toEqual({ question: '那1-6月呢', conversation: 'c1', after });
    const long = encodeFollowUp({ question: '那1-6月呢', conversation: 'c1', after: 'x'.repeat(LIMITS.buttonValue) });
    expect(long.length).toBeLessThanOrEqual(LIMITS.buttonValue);
    expect(decodeFollowUp(long)).toEqual({ question: '那1-6月呢', conversation: 'c1' });
  });
  it('takes the question out of a mention', () => {
    expect(questionFrom('<@UBOT> 一般公共预算收入')).toBe('一般公共预算收入');
    expect(questionFrom('<@UBOT|bot>  看 <https://x.cn|链接> 和 <#C1|general> &lt;GDP&gt;')).toBe('看 链接 和 general <GDP>');
    expect(questionFrom(undefined)).toBe('');
  });

  it('turns a /task number into 第n项任务', () => {
    expect(taskQuestion('5')).toBe('第5项任务');
    expect(taskQuestion('第１２项')).toBe('第12项任务');
    expect(taskQuestion('数字经济')).toBe('数字经济');
  });

  it('reads /digest subcommands', () => {
    expect(digestCommand('subscribe')).toBe('subscribe');
    expect(digestCommand('退订')).toBe('unsubscribe');
    expect(digestCommand('NOW')).toBe('now');
    expect(digestCommand('')).toBeUndefined();
  });

  it('forgets event ids after their time and holds a bounded number', () => {
    let now = 0;
    const set = new ExpiringSet(1000, 3, () => now);
    expect(set.add('a')).toBe(true);
    expect(set.add('a')).toBe(false);
    now = 1001;
    expect(set.add('a')).toBe(true);
    for (const id of ['b', 'c', 'd', 'e']) set.add(id);
    expect(set.size).toBeLessThanOrEqual(3);
  });

  it('limits questions in a rolling minute', () => {
    let now = 0;
    const limiter = new QuestionLimiter(2, () => now);
    expect(limiter.take('u')).toBe(true);
    expect(limiter.take('u')).toBe(true);
    expect(limiter.take('u')).toBe(false);
    expect(limiter.take('v')).toBe(true);
    now = 60_001;
    expect(limiter.take('u')).toBe(true);
  });
});

describe('Slack adapter modes', () => {
  it('uses Socket Mode when SLACK_APP_TOKEN is set, with the same API URL', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_APP_TOKEN: 'xapp-1-test',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    const slack = createSlackApp(fakeCore(), config, pino({ level: 'silent' }));
    expect(slack.mode).toBe('socket');
    expect(slack.receiver).toBeInstanceOf(SocketModeReceiver);
    expect((slack.receiver as unknown as { client: { webClient: { slackApiUrl: string } } }).client.webClient.slackApiUrl).toBe('http://127.0.0.1:9/api/');
    expect(slack.app.client.slackApiUrl).toBe('http://127.0.0.1:9/api/');
  });

  it('uses HTTP mode otherwise and needs the signing secret', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SECRET });
    const slack = createSlackApp(fakeCore(), config, pino({ level: 'silent' }));
    expect(slack.mode).toBe('http');
    expect(slack.receiver).toBeInstanceOf(HTTPReceiver);
    expect(() => createSlackApp(fakeCore(), { ...config, SLACK_SIGNING_SECRET: undefined }, pino({ level: 'silent' }))).toThrow(
      /SLACK_SIGNING_SECRET/,
    );
    expect(() => createSlackApp(fakeCore(), { ...config, SLACK_BOT_TOKEN: undefined }, pino({ level: 'silent' }))).toThrow(
      /SLACK_BOT_TOKEN/,
    );
  });
});

describe('Slack app manifest', () => {
  it('declares what the adapter handles', () => {
    const manifest = readFileSync(new URL('../adapters/slack/manifest.yml', import.meta.url), 'utf8');
    for (const needed of [
      'app_mentions:read',
      'chat:write',
      'im:history',
      'im:read',
      'im:write',
      'commands',
      '- app_mention',
      '- message.im',
      '- app_home_opened',
      'command: /kpi',
      'command: /task',
      'command: /digest',
      'command: /reports',
      'files:read',
      'home_tab_enabled: true',
      'messages_tab_enabled: true',
      'socket_mode_enabled: true',
    ]) {
      expect(manifest).toContain(needed);
    }
    expect(manifest).toMatch(/interactivity:\s*\n\s*is_enabled: true/);
    expect(manifest).not.toMatch(/^\s*-\s*channels:history/m);
  });
});
