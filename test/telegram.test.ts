/**
 * The Telegram adapter against a fake Bot API server on 127.0.0.1: every method call is
 * recorded; updates go in through bot.handleUpdate (or the webhook / long polling).
 */
import { Writable } from 'node:stream';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTelegramBot, startTelegram, type TelegramDigest } from '../adapters/telegram.js';
import { escapeHtml, MAX_MESSAGE, renderAnswer, renderLines } from '../adapters/telegram/render.js';
import { loadConfig, type Config } from '../src/config.js';
import type { Core } from '../src/core.js';
import type { Answer, AskOptions, Line } from '../src/types.js';
import { BOT_USER, FakeTelegram, TOKEN, type Call } from './fakes/telegram.js';

// ---------------------------------------------------------------- fake core

const FIGURE: Line[] = [
  [{ text: '全社会用电量 · 6月 · ' }, { text: '52.91亿千瓦时', strong: true }, { text: ' · 同比+1.2%' }],
  [{ text: '来源：嘉兴市统计局《2021年6月统计月报》（2021-07-20）' }],
];
const QUOTE = '6月，全市全社会用电量52.91亿千瓦时，同比增长1.2%。';

function answerOf(question: string, lines: Line[], extra: Partial<Answer> = {}): Answer {
  return {
    question,
    kind: 'indicator',
    text: lines.map((l) => l.map((s) => s.text).join('')).join('\n'),
    lines,
    records: [{ id: 'ind-1', type: 'indicator' }],
    sources: [{ title: '2021年6月统计月报', date: '2021-07-20' }],
    ...extra,
  };
}

class FakeCore implements Core {
  asked: { question: string; options?: AskOptions }[] = [];
  lookups: { query: string; limit?: number }[] = [];

  ask(question: string, options?: AskOptions): Answer {
    this.asked.push({ question, options });
    if (question === 'boom') throw new Error('core failure');
    if (question.includes('任务') || question === '数字经济') {
      const offset = options?.offset ?? 0;
      const items = Array.from({ length: 5 }, (_, i) => [{ text: `${offset + i + 1}. 任务${offset + i + 1}` }]);
      return answerOf(question, [...items, [{ text: '来源：重点任务清单' }]], {
        kind: 'list',
        more: offset + 5 < 12 ? { total: 12, next: offset + 5 } : undefined,
      });
    }
    return answerOf(question, options?.brief ? FIGURE : [...FIGURE.slice(0, 1), [{ text: '较上月有所回升。' }], FIGURE[1]], {
      quote: QUOTE,
    });
  }
  help(): Answer {
    return answerOf('/help', [[{ text: '可以问我：' }], [{ text: '6月全市用电量是多少？' }]], { kind: 'help' });
  }
  sources(): Answer {
    return answerOf('/sources', [[{ text: '2021年6月统计月报（2021-07-20）' }]]);
  }
  lagging(options?: AskOptions): Answer {
    return answerOf('/lagging', [[{ text: `滞后任务，从第${(options?.offset ?? 0) + 1}项起` }]], { kind: 'list' });
  }
  lookup(query: string, limit?: number): Answer[] {
    this.lookups.push({ query, limit });
    return Array.from({ length: 12 }, () => answerOf(query, FIGURE, { quote: QUOTE }));
  }
}

// ---------------------------------------------------------------- helpers

const USER = { id: 4242, is_bot: false, first_name: '李', username: 'li_official' };
const PRIVATE = { id: 4242, type: 'private' as const, first_name: '李' };
const GROUP = { id: -100200300, type: 'supergroup' as const, title: '经济运行工作群' };
let nextUpdateId = 1;
let nextMessageId = 1;

function message(text: string, chat: { id: number; type: string } = PRIVATE, extra: Record<string, unknown> = {}): Update {
  const command = /^\/\S+/.exec(text);
  const entities = command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : undefined;
  return {
    update_id: nextUpdateId++,
    message: { message_id: nextMessageId++, date: 1_700_000_000, chat, from: USER, text, entities, ...extra },
  } as unknown as Update;
}

function callback(data: string, chat: { id: number; type: string } = PRIVATE, messageId = 1001): Update {
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: `cb${nextUpdateId}`,
      from: USER,
      chat_instance: 'ci',
      data,
      message: { message_id: messageId, date: 1_700_000_000, chat, from: BOT_USER, text: '…' },
    },
  } as unknown as Update;
}

function inlineQuery(query: string, from = USER): Update {
  return { update_id: nextUpdateId++, inline_query: { id: `iq${nextUpdateId}`, from, query, offset: '' } } as Update;
}

const silent = pino({ level: 'silent' });

function configFor(api: FakeTelegram, env: Record<string, string> = {}): Config {
  return loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.root, QUESTIONS_PER_MINUTE: '1000', ...env });
}

/** The buttons of a recorded sendMessage, as [text, callback_data] pairs. */
function buttons(call: Call | undefined): [string, string][] {
  const rows = call?.body.reply_markup?.inline_keyboard ?? [];
  return rows.flat().map((b: { text: string; callback_data: string }) => [b.text, b.callback_data]);
}

// ---------------------------------------------------------------- tests

const api = new FakeTelegram();
beforeAll(() => api.start());
afterAll(() => api.close());
afterEach(() => api.reset());

describe('renderer', () => {
  it('escapes every dynamic string and sets figures in <b>', () => {
    const answer = answerOf('q', [[{ text: '<script>&' }, { text: 'a<b>&c', strong: true }], [{ text: '来源：x & y' }]]);
    expect(renderAnswer(answer)).toEqual(['&lt;script&gt;&amp;<b>a&lt;b&gt;&amp;c</b>\n来源：x &amp; y']);
    expect(escapeHtml('<script>&</script>')).toBe('&lt;script&gt;&amp;&lt;/script&gt;');
  });

  it('splits a 10,000-character answer into messages of at most 4096 characters at line boundaries', () => {
    const lines: Line[] = Array.from({ length: 200 }, (_, i) => [
      { text: `${String(i).padStart(3, '0')} 第${i}项 ` },
      { text: '12.5亿元', strong: true },
      { text: ' & '.padEnd(40, '说') },
    ]);
    const answer = answerOf('q', lines);
    expect(answer.text.length).toBeGreaterThan(10_000);
    const messages = renderAnswer(answer);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(MAX_MESSAGE);
    // Nothing lost, nothing cut inside a line: the messages are whole lines, in order.
    expect(messages.join('\n')).toBe(renderLines(lines, Infinity)[0]);
    for (const m of messages) expect(m.split('\n')[0]).toMatch(/^\d{3} /);
  });

  it('cuts a single over-long line without breaking a tag or an entity', () => {
    const line: Line = [{ text: 'a&<'.repeat(2500) }, { text: '9'.repeat(5000), strong: true }];
    const messages = renderLines([line]);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.length).toBeLessThanOrEqual(MAX_MESSAGE);
      expect(m).toMatch(/^(?:[^&<>]|&(?:amp|lt|gt);|<b>[^<>]*<\/b>)*$/);
    }
  });
});

describe('Telegram bot', () => {
  let core: FakeCore;
  let bot: Bot;

  beforeAll(async () => {
    core = new FakeCore();
    bot = createTelegramBot(core, configFor(api), silent);
    expect(api.calls).toEqual([]); // no network at creation
    await bot.init();
  });
  afterEach(() => {
    core.asked = [];
    core.lookups = [];
  });

  it('answers a question in a private chat in HTML with the figure in <b>', async () => {
    await bot.handleUpdate(message('6月全社会用电量是多少？'));
    expect(core.asked).toEqual([{ question: '6月全社会用电量是多少？', options: { conversation: `telegram:${PRIVATE.id}` } }]);
    const [sent] = api.of('sendMessage');
    expect(sent.body.chat_id).toBe(PRIVATE.id);
    expect(sent.body.parse_mode).toBe('HTML');
    expect(sent.body.text).toContain('<b>52.91亿千瓦时</b>');
    expect(sent.body.text.split('\n').at(-1)).toContain('来源');
    expect(buttons(sent).map(([text]) => text)).toEqual(['原文']);
  });

  it('/start shows the help', async () => {
    await bot.handleUpdate(message('/start'));
    expect(api.of('sendMessage')[0].body.text).toContain('可以问我');
  });

  it('/kpi 用电量 asks briefly; without an argument it explains the usage', async () => {
    await bot.handleUpdate(message('/kpi 用电量'));
    expect(core.asked).toEqual([{ question: '用电量', options: { brief: true, conversation: `telegram:${PRIVATE.id}` } }]);
    expect(api.of('sendMessage')[0].body.text).toContain('<b>52.91亿千瓦时</b>');
    await bot.handleUpdate(message('/kpi'));
    expect(api.of('sendMessage')[1].body.text).toContain('用法');
    expect(core.asked).toHaveLength(1);
  });

  it('/task 3 asks for 第3项任务, /task 关键词 as written; /lagging and /sources go to the core', async () => {
    await bot.handleUpdate(message('/task 3'));
    await bot.handleUpdate(message('/task 数字经济'));
    expect(core.asked.map((a) => a.question)).toEqual(['第3项任务', '数字经济']);
    await bot.handleUpdate(message('/lagging'));
    await bot.handleUpdate(message('/sources'));
    const texts = api.of('sendMessage').map((c) => c.body.text);
    expect(texts[2]).toContain('滞后任务');
    expect(texts[3]).toContain('统计月报');
  });

  it('/subscribe, /unsubscribe and /digest say the digest is coming soon', async () => {
    for (const command of ['/subscribe', '/unsubscribe', '/digest']) await bot.handleUpdate(message(command));
    expect(api.of('sendMessage').map((c) => c.body.text)).toEqual(Array(3).fill('每日简报功能即将上线，敬请期待。'));
  });

  it('answers /kpi@jx_report_bot in a group, as a reply', async () => {
    const update = message('/kpi@jx_report_bot 用电量', GROUP);
    await bot.handleUpdate(update);
    // In a group, each user is a conversation of their own.
    expect(core.asked).toEqual([{ question: '用电量', options: { brief: true, conversation: `telegram:${GROUP.id}:${USER.id}` } }]);
    const [sent] = api.of('sendMessage');
    expect(sent.body.chat_id).toBe(GROUP.id);
    expect(sent.body.reply_parameters.message_id).toBe(update.message!.message_id);
  });

  it('in a group answers mentions and replies to its messages, and stays quiet otherwise', async () => {
    await bot.handleUpdate(
      message('@jx_report_bot 6月用电量是多少', GROUP, { entities: [{ type: 'mention', offset: 0, length: 14 }] }),
    );
    expect(core.asked.map((a) => a.question)).toEqual(['6月用电量是多少']);
    expect(api.of('sendMessage')).toHaveLength(1);

    const reply_to_message = { message_id: 1, date: 0, chat: GROUP, from: BOT_USER, text: '…' };
    await bot.handleUpdate(message('同比呢', GROUP, { reply_to_message }));
    expect(core.asked.map((a) => a.question)).toEqual(['6月用电量是多少', '同比呢']);

    api.reset();
    await bot.handleUpdate(message('大家好，今天开会', GROUP));
    await bot.handleUpdate(message('/kpi@other_bot 用电量', GROUP));
    await bot.handleUpdate(message('/weather', GROUP));
    expect(api.of('sendMessage')).toEqual([]);
    expect(core.asked).toHaveLength(2);
  });

  it('answers an inline query with up to 10 articles', async () => {
    await bot.handleUpdate(inlineQuery('用电量'));
    expect(core.lookups).toEqual([{ query: '用电量', limit: 10 }]);
    const [call] = api.of('answerInlineQuery');
    expect(call.body.cache_time).toBeLessThanOrEqual(60);
    expect(call.body.results).toHaveLength(10);
    const [first] = call.body.results;
    expect(first.type).toBe('article');
    expect(first.title).toBe('全社会用电量 · 6月 · 52.91亿千瓦时 · 同比+1.2%');
    expect(first.description).toContain('来源');
    expect(first.input_message_content.parse_mode).toBe('HTML');
    expect(first.input_message_content.message_text).toContain('<b>52.91亿千瓦时</b>');

    await bot.handleUpdate(inlineQuery('  '));
    expect(api.of('answerInlineQuery')[1].body.results).toEqual([]);
    expect(core.lookups).toHaveLength(1);
  });

  it('原文 shows the quote; an unknown id says it has expired', async () => {
    await bot.handleUpdate(message('6月全社会用电量是多少？'));
    const [[label, data]] = buttons(api.of('sendMessage')[0]);
    expect(label).toBe('原文');
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    api.reset();

    await bot.handleUpdate(callback(data));
    expect(api.of('answerCallbackQuery')).toHaveLength(1);
    const [quote] = api.of('sendMessage');
    expect(quote.body.text).toContain(QUOTE);
    expect(quote.body.reply_parameters.message_id).toBe(1001);

    await bot.handleUpdate(callback('quote:unknown1'));
    expect(api.of('answerCallbackQuery')[1].body.text).toBe('已过期，请重新提问');
    expect(api.of('sendMessage')).toHaveLength(1);
  });

  it('更多 asks the same question again from the next offset', async () => {
    await bot.handleUpdate(message('/task 数字经济'));
    const more = buttons(api.of('sendMessage')[0]).find(([label]) => label === '更多');
    expect(more).toBeDefined();
    api.reset();
    await bot.handleUpdate(callback(more![1]));
    expect(core.asked.at(-1)).toEqual({ question: '数字经济', options: { offset: 5, brief: undefined, conversation: `telegram:${PRIVATE.id}` } });
    expect(api.of('answerCallbackQuery')).toHaveLength(1);
    expect(api.of('sendMessage')[0].body.text).toContain('6. 任务6');
  });

  it('hints at asking in words for a sticker', async () => {
    const sticker = { file_id: 'f', file_unique_id: 'u', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false };
    await bot.handleUpdate({ update_id: nextUpdateId++, message: { message_id: 9, date: 0, chat: PRIVATE, from: USER, sticker } } as unknown as Update);
    expect(api.of('sendMessage').map((c) => c.body.text)).toEqual(['请用文字提问，例如：6月全市用电量是多少？']);
    expect(core.asked).toEqual([]);
  });

  it('passes a 5,000-character message to the core and answers it', async () => {
    const long = '请问'.repeat(2500);
    await bot.handleUpdate(message(long));
    expect(core.asked[0].question).toHaveLength(5000);
    expect(api.of('sendMessage')).toHaveLength(1);
  });

  it('waits out a 429 retry_after and sends again', async () => {
    api.scripted.set('sendMessage', [
      {
        status: 429,
        json: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } },
      },
    ]);
    const started = Date.now();
    await bot.handleUpdate(message('6月全社会用电量是多少？'));
    const sends = api.of('sendMessage');
    expect(sends.map((c) => c.status)).toEqual([429, 200]);
    expect(sends[1].body.text).toContain('<b>52.91亿千瓦时</b>');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

describe('Telegram bot faults and limits', () => {
  it('logs a failing update, tells the user, and keeps going', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'error' }, new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) }));
    const core = new FakeCore();
    const bot = createTelegramBot(core, configFor(api), log);
    await bot.init();
    await bot.handleUpdate(message('boom'));
    expect(lines.join('')).toContain('core failure');
    expect(api.of('sendMessage').map((c) => c.body.text)).toEqual(['抱歉，处理时出了点问题，请稍后再试。']);
    await bot.handleUpdate(message('6月用电量'));
    expect(api.of('sendMessage')).toHaveLength(2);
  });

  it('limits questions per user per minute with a friendly note, once', async () => {
    const core = new FakeCore();
    const bot = createTelegramBot(core, configFor(api, { QUESTIONS_PER_MINUTE: '2' }), silent);
    await bot.init();
    for (let i = 0; i < 4; i++) await bot.handleUpdate(message(`问题${i}`));
    expect(core.asked).toHaveLength(2);
    expect(api.of('sendMessage').map((c) => c.body.text).at(-1)).toBe('提问太频繁了，请稍等一分钟再试。');
    expect(api.of('sendMessage')).toHaveLength(3);
  });

  it('refuses a chat outside TELEGRAM_ALLOWED_CHATS once, and shows it no data', async () => {
    const core = new FakeCore();
    const bot = createTelegramBot(core, configFor(api, { TELEGRAM_ALLOWED_CHATS: `${GROUP.id}, 5555` }), silent);
    await bot.init();

    await bot.handleUpdate(message('6月全社会用电量是多少？'));
    await bot.handleUpdate(message('/kpi 用电量'));
    expect(api.of('sendMessage').map((c) => c.body.text)).toEqual(['本机器人未对此会话开放。']);

    await bot.handleUpdate(callback('quote:whatever'));
    expect(api.of('answerCallbackQuery')[0].body.text).toBe('本机器人未对此会话开放。');

    await bot.handleUpdate(inlineQuery('用电量'));
    expect(api.of('answerInlineQuery')[0].body.results).toEqual([]);

    expect(core.asked).toEqual([]);
    expect(core.lookups).toEqual([]);
    expect(JSON.stringify(api.calls)).not.toContain('52.91');

    // The allowed group is answered.
    await bot.handleUpdate(message('/kpi 用电量', GROUP));
    expect(api.of('sendMessage').at(-1)!.body.text).toContain('<b>52.91亿千瓦时</b>');
  });

  it('hands /digest to a digest module when there is one', async () => {
    const digest: TelegramDigest = {
      subscribe: (chatId) => `已订阅 ${chatId}`,
      unsubscribe: () => '已取消订阅',
      sendNow: () => answerOf('digest', [[{ text: '今日简报' }]]),
    };
    const bot = createTelegramBot(new FakeCore(), configFor(api), silent, { digest });
    await bot.init();
    for (const command of ['/subscribe', '/unsubscribe', '/digest']) await bot.handleUpdate(message(command));
    expect(api.of('sendMessage').map((c) => c.body.text)).toEqual([`已订阅 ${PRIVATE.id}`, '已取消订阅', '今日简报']);
  });
});

describe('startTelegram', () => {
  it('serves a webhook that refuses requests without the right secret', async () => {
    const secret = 'webhook_secret-42';
    const config = {
      ...configFor(api, { TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram', TELEGRAM_WEBHOOK_SECRET: secret }),
      PORT: 0,
    };
    const core = new FakeCore();
    const handle = await startTelegram(core, config, silent, { host: '127.0.0.1' });
    try {
      expect(api.of('setMyCommands')[0].body.commands.map((c: { command: string }) => c.command)).toContain('kpi');
      expect(api.of('setWebhook')[0].body).toMatchObject({ url: 'https://bot.example.org/telegram', secret_token: secret });
      const url = `http://127.0.0.1:${handle.port}/telegram`;
      const post = (headers: Record<string, string>) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(message('6月全社会用电量是多少？')),
        });

      expect((await fetch(`http://127.0.0.1:${handle.port}/healthz`)).status).toBe(200);
      expect((await post({})).status).toBe(401);
      expect((await post({ 'X-Telegram-Bot-Api-Secret-Token': 'wrong' })).status).toBe(401);
      expect(api.of('sendMessage')).toEqual([]);
      expect(core.asked).toEqual([]);

      expect((await post({ 'X-Telegram-Bot-Api-Secret-Token': secret })).status).toBe(200);
      expect(api.of('sendMessage')[0].body.text).toContain('<b>52.91亿千瓦时</b>');
    } finally {
      await handle.stop();
    }
  });

  it('long-polls with the runner and stops cleanly', async () => {
    const core = new FakeCore();
    api.updates.push(message('6月全社会用电量是多少？'));
    const handle = await startTelegram(core, configFor(api), silent);
    await vi.waitFor(() => expect(api.of('sendMessage')).toHaveLength(1), { timeout: 3000 });
    await handle.stop();
    expect(api.of('deleteWebhook')).toHaveLength(1);
    expect(api.of('setMyCommands')).toHaveLength(1);
    expect(api.of('getUpdates').length).toBeGreaterThanOrEqual(1);

    await handle.send(PRIVATE.id, core.ask('用电量'));
    expect(api.of('sendMessage')[1].body.text).toContain('<b>52.91亿千瓦时</b>');
  });
});
