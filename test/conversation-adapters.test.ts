/**
 * Conversations through the adapters, with the real core over the committed knowledge:
 * follow-ups (那1-6月呢, 同比呢, 谁牵头) in a Telegram private chat and group, a Slack thread and
 * DM, and the console; the follow-up buttons; the context kept in DATA_DIR across a restart; a
 * context that has gone idle; a complete question that starts afresh. Platforms are the fakes
 * on 127.0.0.1. (The core's own conversation tests are test/conversation.test.ts.)
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApp } from '../adapters/app.js';
import { startConsole } from '../adapters/console.js';
import { startSlack, TEXT as SLACK_TEXT, type RunningSlack } from '../adapters/slack.js';
import { createTelegramBot } from '../adapters/telegram.js';
import { pseudonyms } from '../src/answer-log/pseudonym.js';
import { loadConfig, type Config } from '../src/config.js';
import { StoredContexts } from '../src/conversation-store.js';
import type { Logger } from '../src/log.js';
import { WriteFaults } from '../src/write-faults.js';
import { createCore, type LocalCore } from '../src/core.js';
import { DB_FILE, DigestStore } from '../src/digest/store.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { silent, tempDir } from './digest-fakes.js';
import { actionFields, fastRetry, sendEvent, sendForm, testConfig, ts, waitFor } from './fakes/slack-requests.js';
import { FakeSlack } from './fakes/slack.js';
import { BOT_USER, callbackUpdate, chatMessage, FakeTelegram, inlineButtons, TOKEN, type Call } from './fakes/telegram.js';

const knowledge = loadKnowledge();
const dirs: string[] = [];
const stores: DigestStore[] = [];
afterAll(() => {
  for (const s of stores) s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A real core whose conversations live in a fresh DATA_DIR's store, as in the bot. */
function storedCore(now?: () => Date): LocalCore {
  const dir = tempDir('conversation-');
  dirs.push(dir);
  const store = DigestStore.open(dir);
  stores.push(store);
  return createCore(knowledge, { contexts: new StoredContexts(store.db, pseudonyms(randomBytes(32))), now });
}

/* ------------------------------------------------------------ Telegram */

const LI = { id: 4242, is_bot: false, first_name: '李' };
const WANG = { id: 5353, is_bot: false, first_name: '王' };
const PRIVATE = { id: LI.id, type: 'private' as const, first_name: '李' };
const GROUP = { id: -100200300, type: 'supergroup' as const, title: '经济运行工作群' };
const message = (text: string, chat: { id: number; type: string } = PRIVATE, from = LI, extra: Record<string, unknown> = {}) => chatMessage(text, chat, from, extra);

/** In a group: a message that @mentions the bot. */
function mention(text: string, from: typeof LI): Update {
  const at = `@${BOT_USER.username} `;
  return message(at + text, GROUP, from, { entities: [{ type: 'mention', offset: 0, length: at.length - 1 }] });
}

/** In a group: a reply to one of the bot's messages. */
function replyToBot(text: string, from: typeof LI): Update {
  return message(text, GROUP, from, { reply_to_message: { message_id: 1, date: 0, chat: GROUP, from: BOT_USER, text: '…' } });
}

const callback = (data: string, chat: { id: number; type: string } = PRIVATE, from = LI) => callbackUpdate(data, chat, from);

const buttons = inlineButtons;

describe('follow-ups in Telegram', () => {
  const api = new FakeTelegram();
  const config = (env: Record<string, string> = {}): Config =>
    loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.root, QUESTIONS_PER_MINUTE: '1000', ...env });
  let bot: Bot;

  beforeAll(async () => {
    await api.start();
    bot = createTelegramBot(storedCore(), config(), silent);
    await bot.init();
  });
  afterEach(() => api.reset());
  afterAll(() => api.close());

  /** Sends an update and returns the text of what the bot sent back. */
  async function said(update: Update): Promise<string> {
    const before = api.of('sendMessage').length;
    await bot.handleUpdate(update);
    return api.of('sendMessage').slice(before).map((c) => c.body.text).join('\n');
  }

  it('carries a private chat from 6月 to 1-6月 to 同比, and from a task to its lead', async () => {
    expect(await said(message('6月全市用电量是多少'))).toContain('52.91');
    const half = await said(message('那1-6月呢'));
    expect(half).toContain('293.25');
    expect(half).toContain('按上文');
    expect(await said(message('同比呢'))).toContain('24.4%');
    await said(message('第48项任务是啥'));
    expect(await said(message('谁牵头'))).toContain('市发展改革委');
  });

  it('keeps two people in a group apart', async () => {
    expect(await said(mention('6月全市用电量是多少', LI))).toContain('52.91');
    expect(await said(mention('第48项任务是啥', WANG))).toContain('第48项');
    const li = await said(replyToBot('那1-6月呢', LI));
    expect(li).toContain('293.25');
    const wang = await said(replyToBot('谁牵头', WANG));
    expect(wang).toContain('市发展改革委');
    expect(wang).not.toContain('千瓦时');
  });

  it('starts afresh with a complete question', async () => {
    await said(message('6月全市用电量是多少'));
    await said(message('那1-6月呢'));
    const gdp = await said(message('2019年GDP'));
    expect(gdp).toContain('5370.3');
    expect(gdp).not.toContain('按上文');
    const growth = await said(message('同比呢'));
    expect(growth).toContain('7%');
    expect(growth).not.toContain('24.4%');
  });

  it('offers follow-up buttons that ask their question in the conversation', async () => {
    await bot.handleUpdate(message('6月全市用电量是多少'));
    const offered = buttons(api.of('sendMessage')[0]);
    const half = offered.find(([label]) => label === '2021年1-6月');
    expect(half).toBeDefined();
    expect(Buffer.byteLength(half![1])).toBeLessThanOrEqual(64);
    api.reset();
    await bot.handleUpdate(callback(half![1]));
    expect(api.of('answerCallbackQuery')).toHaveLength(1);
    expect(api.of('sendMessage')[0].body.text).toContain('293.25');
    // The answer to a button has buttons of its own, in the same conversation — none for what
    // the answer already shows (同比增长24.4% is in its first line).
    const next = buttons(api.of('sendMessage')[0]);
    expect(next.map(([label]) => label)).not.toContain('同比');
    const june = next.find(([label]) => label === '2021年6月');
    api.reset();
    await bot.handleUpdate(callback(june![1]));
    expect(api.of('sendMessage')[0].body.text).toContain('52.91');
  });

  it('asks a button in the context of the answer it is under, whatever was asked since', async () => {
    await bot.handleUpdate(message('6月全市用电量是多少'));
    const half = buttons(api.of('sendMessage')[0]).find(([label]) => label === '2021年1-6月')!;
    // A task list asked in the same chat since: the button still continues 6月用电量.
    await bot.handleUpdate(message('哪些任务滞后'));
    api.reset();
    await bot.handleUpdate(callback(half[1]));
    expect(api.of('sendMessage')[0].body.text).toContain('293.25');
  });

  it('asks a group button in the conversation of the answer it is under', async () => {
    await bot.handleUpdate(mention('6月全市用电量是多少', LI));
    const half = buttons(api.of('sendMessage')[0]).find(([label]) => label === '2021年1-6月')!;
    api.reset();
    // 王 taps the button under 李's answer: it continues 李's question, not 王's (none yet).
    await bot.handleUpdate(callback(half[1], GROUP, WANG));
    expect(api.of('sendMessage')[0].body.text).toContain('293.25');
  });

  it('refuses a follow-up button in a chat outside TELEGRAM_ALLOWED_CHATS', async () => {
    const core = storedCore();
    const open = createTelegramBot(core, config(), silent);
    const closed = createTelegramBot(core, config({ TELEGRAM_ALLOWED_CHATS: '5555' }), silent);
    await Promise.all([open.init(), closed.init()]);
    await open.handleUpdate(message('6月全市用电量是多少'));
    const half = buttons(api.of('sendMessage')[0]).find(([label]) => label === '2021年1-6月')!;
    api.reset();
    await closed.handleUpdate(callback(half[1]));
    expect(api.of('answerCallbackQuery')[0].body.text).toBe('本机器人未对此会话开放。');
    expect(api.of('sendMessage')).toEqual([]);
  });

  it('forgets a conversation idle for more than 30 minutes', async () => {
    let clock = Date.now();
    const idle = createTelegramBot(storedCore(() => new Date(clock)), config(), silent);
    await idle.init();
    await idle.handleUpdate(message('6月全市用电量是多少'));
    clock += 29 * 60_000;
    await idle.handleUpdate(message('那1-6月呢'));
    expect(api.of('sendMessage')[1].body.text).toContain('293.25');
    clock += 31 * 60_000;
    await idle.handleUpdate(message('同比呢'));
    const late = api.of('sendMessage')[2].body.text;
    expect(late).not.toContain('24.4%');
    expect(late).not.toContain('按上文');
  });
});

/* ------------------------------------------------------------ a restart */

describe('a conversation across a restart', () => {
  const api = new FakeTelegram();
  const dir = tempDir('restart-');
  dirs.push(dir);
  const SECRET = 'restart_secret-1';
  beforeAll(() => api.start());
  afterAll(() => api.close());

  it('keeps the last question in DATA_DIR, under a pseudonym, and answers the follow-up after a restart', async () => {
    const config: Config = {
      ...loadConfig({
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: api.root,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        QUESTIONS_PER_MINUTE: '1000',
        DATA_DIR: dir,
      }),
      PORT: 0,
    };
    const start = () => startApp(config, silent, { makeCore: (options) => createCore(knowledge, options), host: '127.0.0.1' });
    const post = (port: number, update: Update) =>
      fetch(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
        body: JSON.stringify(update),
      });

    const first = await start();
    try {
      await post(first.telegram!.port!, message('6月全市用电量是多少'));
      await vi.waitFor(() => expect(api.sentTo(PRIVATE.id)).toHaveLength(1), { timeout: 5000 });
    } finally {
      await first.stop();
    }

    const db = new Database(`${dir}/${DB_FILE}`, { readonly: true });
    const rows = db.prepare('SELECT conversation, value FROM contexts').all() as { conversation: string; value: string }[];
    db.close();
    expect(rows).toHaveLength(1);
    expect(rows[0].conversation).not.toContain(String(PRIVATE.id));
    expect(rows[0].value).toContain('用电量');

    const second = await start();
    try {
      await post(second.telegram!.port!, message('那1-6月呢'));
      await vi.waitFor(() => expect(api.sentTo(PRIVATE.id)).toHaveLength(2), { timeout: 5000 });
      expect(api.sentTo(PRIVATE.id)[1].body.text).toContain('293.25');
    } finally {
      await second.stop();
    }
  });
});

/* ------------------------------------------------------------ Slack */

describe('follow-ups in Slack', () => {
  const fake = new FakeSlack();
  let slack: RunningSlack;
  let closed: RunningSlack;
  let port: number;

  beforeAll(async () => {
    await fake.start();
    const core = storedCore();
    slack = await startSlack(core, testConfig(fake), silent, { host: '127.0.0.1', retryConfig: fastRetry });
    closed = await startSlack(core, testConfig(fake, { SLACK_ALLOWED_CHANNELS: 'C_OK' }), silent, { host: '127.0.0.1', retryConfig: fastRetry });
    port = slack.port!;
  });
  afterAll(async () => {
    await Promise.all([slack?.stop(), closed?.stop()]);
    await fake.close();
  });

  const posts = (where: (c: Call) => boolean) => fake.of('chat.postMessage').filter(where);
  const textOf = (c: Call) => JSON.stringify(c.body.blocks);

  it('carries a thread: a mention, then mentions in its thread', async () => {
    const root = ts();
    await sendEvent(port, { type: 'app_mention', user: 'U1', text: '<@UBOT> 6月全市用电量是多少', ts: root, channel: 'C1', event_ts: root });
    await waitFor(() => posts((c) => c.body.thread_ts === root).length === 1);
    for (const [i, question] of ['那1-6月呢', '同比呢'].entries()) {
      const reply = ts();
      await sendEvent(port, { type: 'app_mention', user: 'U1', text: `<@UBOT> ${question}`, ts: reply, thread_ts: root, channel: 'C1', event_ts: reply });
      await waitFor(() => posts((c) => c.body.thread_ts === root).length === i + 2, 5000);
    }
    const [, half, growth] = posts((c) => c.body.thread_ts === root);
    expect(textOf(half)).toContain('293.25');
    expect(textOf(growth)).toContain('24.4%');
  });

  it('keeps threads apart: a new mention in the channel starts a conversation of its own', async () => {
    const task = ts();
    await sendEvent(port, { type: 'app_mention', user: 'U1', text: '<@UBOT> 第48项任务是啥', ts: task, channel: 'C3', event_ts: task });
    await waitFor(() => posts((c) => c.body.thread_ts === task)[0], 5000);
    const other = ts();
    await sendEvent(port, { type: 'app_mention', user: 'U1', text: '<@UBOT> 谁牵头', ts: other, channel: 'C3', event_ts: other });
    const post = await waitFor(() => posts((c) => c.body.thread_ts === other)[0], 5000);
    expect(textOf(post)).not.toContain('市发展改革委');
  });

  it('carries a DM', async () => {
    for (const [i, question] of ['第48项任务是啥', '谁牵头'].entries()) {
      const at = ts();
      await sendEvent(port, { type: 'message', channel_type: 'im', channel: 'D7', user: 'U7', text: question, ts: at, event_ts: at });
      await waitFor(() => posts((c) => c.body.channel === 'D7').length === i + 1, 5000);
    }
    const lead = posts((c) => c.body.channel === 'D7')[1];
    expect(lead.body.thread_ts).toBeUndefined();
    expect(textOf(lead)).toContain('市发展改革委');
  });

  it('offers follow-up buttons that ask in the thread of the answer', async () => {
    const root = ts();
    await sendEvent(port, { type: 'app_mention', user: 'U1', text: '<@UBOT> 6月全市用电量是多少', ts: root, channel: 'C2', event_ts: root });
    const answer = await waitFor(() => posts((c) => c.body.thread_ts === root)[0]);
    const actions = (answer.body.blocks as any[]).find((b) => b.type === 'actions');
    const half = actions.elements.find((e: any) => e.text.text === '2021年1-6月');
    expect(half.action_id).toMatch(/^answer_follow_up_\d$/);
    await sendForm(port, actionFields(fake, half.action_id, half.value, 'C2', root));
    const next = await waitFor(() => posts((c) => c.body.thread_ts === root)[1], 5000);
    expect(next.body.channel).toBe('C2');
    expect(textOf(next)).toContain('293.25');

    // Outside SLACK_ALLOWED_CHANNELS a button shows no data.
    await sendForm(closed.port!, actionFields(fake, half.action_id, half.value, 'C2', root, 'fu-closed'));
    const notice = await waitFor(() => fake.of('/respond/fu-closed')[0]);
    expect(notice.body.text).toBe(SLACK_TEXT.notEnabled);
    expect(posts((c) => c.body.thread_ts === root)).toHaveLength(2);
  });
});

/* ------------------------------------------------------------ the console */

describe('follow-ups in the console', () => {
  it('carries the session from question to question and lists the next questions', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const chat = startConsole(createCore(knowledge), { input: stdin, output: stdout });
    stdin.end('6月全市用电量是多少\n那1-6月呢\n同比呢\n第48项任务是啥\n谁牵头\n');
    await chat.done;
    expect(out).toContain('293.25');
    expect(out).toContain('24.4%');
    expect(out).toContain('牵头部门：市发展改革委');
    expect(out).toContain('（接着可以问：');
  });
});

/* ------------------------------------------------------------ the store */

describe('conversations in the store', () => {
  function contexts(faults?: WriteFaults) {
    const dir = tempDir('contexts-');
    dirs.push(dir);
    const store = DigestStore.open(dir);
    stores.push(store);
    return { store, contexts: new StoredContexts(store.db, pseudonyms(randomBytes(32)), faults) };
  }

  it('deletes contexts idle past 30 minutes as new ones are written', () => {
    const { contexts: c } = contexts();
    const t0 = Date.now();
    c.set('telegram:1', '{"a":1}', t0);
    c.set('telegram:2', '{"a":2}', t0 + 10 * 60_000);
    expect(c.count()).toBe(2);
    c.set('telegram:3', '{"a":3}', t0 + 35 * 60_000);
    expect(c.count()).toBe(2);
    expect(c.get('telegram:1')).toBeUndefined();
    expect(c.get('telegram:2')).toEqual({ value: '{"a":2}', at: t0 + 10 * 60_000 });
  });

  it('keeps conversations in memory when the database cannot write, and says so once', () => {
    const lines: string[] = [];
    const log = { warn: (_o: unknown, msg: string) => lines.push(msg), info: (msg: string) => lines.push(msg) } as unknown as Logger;
    const { store, contexts: c } = contexts(new WriteFaults(log));
    store.db.exec('DROP TABLE contexts');
    const core = createCore(knowledge, { contexts: c });
    expect(core.ask('6月全市用电量是多少', { conversation: 'x' }).text).toContain('52.91');
    expect(core.ask('那1-6月呢', { conversation: 'x' }).text).toContain('293.25');
    expect(core.ask('6月全市用电量是多少', { conversation: 'y' }).text).toContain('52.91');
    // One line per kind, not per question: the first read, the first write.
    expect(lines).toEqual([
      'conversation memory: read failed (no such table: contexts); a follow-up there is read on its own',
      'conversation memory: write failed (no such table: contexts); conversations are kept in memory meanwhile (lost at a restart)',
    ]);
  });
});
