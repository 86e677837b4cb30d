/**
 * The answer log: an entry for every platform (console, Telegram, Slack, `npm run ask --log`);
 * 👍/👎 through the fake platform APIs (a vote, a change of vote, reasons, words, a chat outside
 * the allowlist); ANSWER_LOG=off; pruning; a failed write that costs no answer; no raw platform
 * id anywhere in the database; and `npm run report` over a prepared log (grouping, --since,
 * --csv, --to-eval).
 */
import { answersIn } from '../src/store/sqlite-answers.js';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import Database from 'better-sqlite3';
import type { Update } from 'grammy/types';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApp } from '../adapters/app.js';
import { startConsole } from '../adapters/console.js';
import { startSlack, TEXT as SLACK_TEXT, type RunningSlack } from '../adapters/slack.js';
import { ACTION_FEEDBACK, ACTION_WORDS, VIEW_WORDS } from '../adapters/slack/render.js';
import { createTelegramBot } from '../adapters/telegram.js';
import { AnswerLog, REASONS } from '../src/answer-log/log.js';
import { pseudonyms } from '../src/answer-log/pseudonym.js';
import { buildReport, parseSince, readLog, renderReport, toCsv, type RecordInfo } from '../src/answer-log/report.js';
import { appendCase, evalCase } from '../src/answer-log/to-eval.js';
import { loadConfig, type Config } from '../src/config.js';
import { createCore } from '../src/core.js';
import { DB_FILE, DigestStore } from '../src/digest/store.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { silent, tempDir } from './digest-fakes.js';
import { actionFields, fastRetry, sendEvent, sendForm, testConfig, ts, viewFields, waitFor } from './fakes/slack-requests.js';
import { FakeSlack } from './fakes/slack.js';
import { BOT_USER, callbackUpdate, chatMessage, FakeTelegram, inlineButtons, TOKEN, type Call } from './fakes/telegram.js';
import { cleanEnv, ROOT } from './npm-start.js';

const knowledge = loadKnowledge();
const core = createCore(knowledge);

/* Platform ids that must never reach the database: distinctive, so a search cannot hit by chance. */
const TG_USER = 987_654_321;
const TG_OTHER = 918_273_645;
const TG_GROUP = -1_009_988_776_655;
const SLACK_USER = 'UQRAWUSER42';
const SLACK_CHANNEL = 'CQRAWCHAN77';
const SLACK_DM = 'DQRAWDM0099';

const dirs: string[] = [];
const opened: { close(): void }[] = [];
afterAll(() => {
  for (const o of opened) o.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function freshDir(): string {
  const dir = tempDir('answer-log-');
  dirs.push(dir);
  return dir;
}

/** An answer log in a fresh DATA_DIR, with its own clock when given. */
function freshLog(options: { now?: () => number; days?: number; log?: pino.Logger } = {}) {
  const dir = freshDir();
  const store = DigestStore.open(dir);
  opened.push(store);
  const answerLog = new AnswerLog(answersIn(store.db), { pseudonym: pseudonyms(randomBytes(32)), days: options.days ?? 90, log: options.log, now: options.now });
  return { dir, store, db: store.db, answerLog };
}

type Row = Record<string, any>;
const rows = (db: Database.Database, table: string): Row[] => db.prepare(`SELECT * FROM ${table}`).all() as Row[];

/** Every value in every table of the database, as text. */
function everything(db: Database.Database): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  return tables.map(({ name }) => JSON.stringify(rows(db, name))).join('\n');
}

function memoryLogger() {
  const lines: Row[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

/* ------------------------------------------------------------ Telegram */

const USER = { id: TG_USER, is_bot: false, first_name: '李' };
const OTHER = { id: TG_OTHER, is_bot: false, first_name: '王' };
const PRIVATE = { id: TG_USER, type: 'private' as const, first_name: '李' };
const GROUP = { id: TG_GROUP, type: 'supergroup' as const, title: '经济运行工作群' };
const message = (text: string, chat: { id: number; type: string } = PRIVATE, from = USER, extra: Record<string, unknown> = {}) => chatMessage(text, chat, from, extra);

const callback = (data: string, chat: { id: number; type: string } = PRIVATE, from = USER) => callbackUpdate(data, chat, from);

const buttons = inlineButtons;

describe('the answer log in Telegram', () => {
  const api = new FakeTelegram();
  const config = (env: Record<string, string> = {}): Config =>
    loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.root, QUESTIONS_PER_MINUTE: '1000', ...env });
  beforeAll(() => api.start());
  afterEach(() => api.reset());
  afterAll(() => api.close());

  async function bot(answerLog: AnswerLog, env: Record<string, string> = {}, log = silent) {
    const b = createTelegramBot(core, config(env), log, { answerLog });
    await b.init();
    return b;
  }

  it('logs a question with its query, kind, records and time, and offers 👍 👎 under the answer', async () => {
    const { db, answerLog } = freshLog();
    const b = await bot(answerLog);
    await b.handleUpdate(message('6月全市用电量是多少'));
    const [entry] = rows(db, 'answers');
    expect(entry).toMatchObject({ platform: 'telegram', question: '6月全市用电量是多少', kind: 'indicator' });
    expect(JSON.parse(entry.query)).toMatchObject({ intent: 'value', period: { label: '6月' } });
    expect(JSON.parse(entry.records)).toHaveLength(1);
    expect(entry.ms).toBeGreaterThan(0);
    expect(entry.user).toMatch(/^[\w-]{16}$/);
    expect(buttons(api.of('sendMessage')[0])).toContainEqual(['👍', `fb:${entry.id}:u`]);
    expect(buttons(api.of('sendMessage')[0])).toContainEqual(['👎', `fb:${entry.id}:d`]);
  });

  it('records a vote, a change of vote, reasons and words', async () => {
    const { db, answerLog } = freshLog();
    const b = await bot(answerLog);
    await b.handleUpdate(message('6月全市用电量是多少'));
    const id = rows(db, 'answers')[0].id as string;
    api.reset();

    await b.handleUpdate(callback(`fb:${id}:u`));
    expect(api.of('answerCallbackQuery')[0].body.text).toBe('谢谢反馈 👍');
    expect(rows(db, 'feedback')).toMatchObject([{ answer: id, vote: 'up', reasons: '[]' }]);

    // A change of mind: 👎, and the reasons are offered under the answer.
    await b.handleUpdate(callback(`fb:${id}:d`));
    expect(api.of('answerCallbackQuery')[1].body.text).toBe('已改为 👎');
    expect(rows(db, 'feedback')).toMatchObject([{ vote: 'down' }]);
    const prompt = api.of('sendMessage')[0];
    expect(prompt.body.text).toContain('哪里不对');
    expect(buttons(prompt).map(([label]) => label)).toEqual([...REASONS]);

    await b.handleUpdate(callback(buttons(prompt)[0][1]));
    await b.handleUpdate(callback(buttons(prompt)[3][1]));
    expect(api.of('answerCallbackQuery')[3].body.text).toBe('已记录：太长');
    expect(JSON.parse(rows(db, 'feedback')[0].reasons)).toEqual(['数字不对', '太长']);

    // A reply to the reasons message is the user's words, not a question.
    const asked = rows(db, 'answers').length;
    const replyTo = { message_id: prompt.reply.result.message_id, date: 0, chat: PRIVATE, from: BOT_USER, text: prompt.body.text };
    await b.handleUpdate(message('和统计月报的数字对不上', PRIVATE, USER, { reply_to_message: replyTo }));
    expect(api.of('sendMessage').at(-1)!.body.text).toBe('谢谢，您的意见已记录。');
    expect(rows(db, 'feedback')).toMatchObject([{ vote: 'down', words: '和统计月报的数字对不上' }]);
    expect(rows(db, 'answers')).toHaveLength(asked);

    // 👍 again: the vote changes back, the reasons go.
    await b.handleUpdate(callback(`fb:${id}:u`));
    expect(rows(db, 'feedback')).toMatchObject([{ vote: 'up', reasons: '[]', words: null }]);
  });

  it('keeps one vote per user: two users in a group, each their own', async () => {
    const { db, answerLog } = freshLog();
    const b = await bot(answerLog);
    const at = `@${BOT_USER.username} `;
    await b.handleUpdate(message(`${at}6月全市用电量是多少`, GROUP, USER, { entities: [{ type: 'mention', offset: 0, length: at.length - 1 }] }));
    const id = rows(db, 'answers')[0].id as string;
    await b.handleUpdate(callback(`fb:${id}:u`, GROUP, USER));
    await b.handleUpdate(callback(`fb:${id}:d`, GROUP, OTHER));
    await b.handleUpdate(callback(`fb:${id}:d`, GROUP, OTHER)); // the same again: no second prompt
    expect(rows(db, 'feedback').map((f) => f.vote).sort()).toEqual(['down', 'up']);
    expect(api.of('sendMessage').filter((c) => String(c.body.text).includes('哪里不对'))).toHaveLength(1);
  });

  it('says an unknown entry has expired', async () => {
    const { answerLog } = freshLog();
    const b = await bot(answerLog);
    await b.handleUpdate(callback('fb:zzzzzzzzzz:u'));
    expect(api.of('answerCallbackQuery')[0].body.text).toBe('已过期，请重新提问');
  });

  it('refuses feedback from a chat outside TELEGRAM_ALLOWED_CHATS, recording nothing', async () => {
    const { db, answerLog } = freshLog();
    const open = await bot(answerLog);
    await open.handleUpdate(message('6月全市用电量是多少'));
    const id = rows(db, 'answers')[0].id as string;
    const closed = await bot(answerLog, { TELEGRAM_ALLOWED_CHATS: '5555' });
    api.reset();
    await closed.handleUpdate(callback(`fb:${id}:d`));
    await closed.handleUpdate(callback(`fr:${id}:0`));
    expect(api.of('answerCallbackQuery').map((c) => c.body.text)).toEqual(['本机器人未对此会话开放。', '本机器人未对此会话开放。']);
    expect(rows(db, 'feedback')).toEqual([]);
  });

  it('answers all the same when the log cannot be written, and logs why', async () => {
    const { log, lines } = memoryLogger();
    const { db, answerLog } = freshLog({ log });
    db.exec('DROP TABLE answers');
    const b = await bot(answerLog, {}, log);
    await b.handleUpdate(message('6月全市用电量是多少'));
    expect(api.of('sendMessage')[0].body.text).toContain('52.91');
    await vi.waitFor(() => expect(lines.some((l) => l.msg.startsWith('answer log: write failed'))).toBe(true));
  });
});

/* ------------------------------------------------------------ Slack */

describe('the answer log in Slack', () => {
  const fake = new FakeSlack();
  const { db, answerLog } = freshLog();
  let slack: RunningSlack;
  let closed: RunningSlack;
  let port: number;

  beforeAll(async () => {
    await fake.start();
    slack = await startSlack(core, testConfig(fake), silent, { host: '127.0.0.1', retryConfig: fastRetry, answerLog });
    closed = await startSlack(core, testConfig(fake, { SLACK_ALLOWED_CHANNELS: 'C_OK' }), silent, {
      host: '127.0.0.1',
      retryConfig: fastRetry,
      answerLog,
    });
    port = slack.port!;
  });
  afterAll(async () => {
    await Promise.all([slack?.stop(), closed?.stop()]);
    await fake.close();
  });

  it('logs a mention and a DM, and offers Slack\'s own feedback buttons', async () => {
    const root = ts();
    await sendEvent(port, { type: 'app_mention', user: SLACK_USER, text: '<@UBOT> 6月全市用电量是多少', ts: root, channel: SLACK_CHANNEL, event_ts: root });
    const post = await waitFor(() => fake.of('chat.postMessage').find((c) => c.body.thread_ts === root), 5000);
    await waitFor(() => rows(db, 'answers').length === 1);
    const [entry] = rows(db, 'answers');
    expect(entry).toMatchObject({ platform: 'slack', question: '6月全市用电量是多少', kind: 'indicator' });
    const votes = (post.body.blocks as any[]).find((b) => b.type === 'context_actions');
    expect(votes.elements[0]).toMatchObject({
      type: 'feedback_buttons',
      action_id: ACTION_FEEDBACK,
      positive_button: { value: `up:${entry.id}` },
      negative_button: { value: `down:${entry.id}` },
    });

    const at = ts();
    await sendEvent(port, { type: 'message', channel_type: 'im', channel: SLACK_DM, user: SLACK_USER, text: '宁波GDP', ts: at, event_ts: at });
    await waitFor(() => rows(db, 'answers').length === 2, 5000);
    expect(rows(db, 'answers')[1]).toMatchObject({ platform: 'slack', kind: 'none' });
  });

  it('records a vote, a change of vote, a reason and words from the modal', async () => {
    const id = rows(db, 'answers')[0].id as string;
    const press = (value: string, respond: string) =>
      sendForm(port, actionFields(fake, ACTION_FEEDBACK, value, SLACK_CHANNEL, undefined, respond, { user: SLACK_USER, type: 'feedback_buttons' }));

    await press(`up:${id}`, 'fb-up');
    await waitFor(() => rows(db, 'feedback').length === 1);
    expect(rows(db, 'feedback')[0]).toMatchObject({ vote: 'up' });

    await press(`down:${id}`, 'fb-down');
    const why = await waitFor(() => fake.of('/respond/fb-down')[0]);
    expect(why.body.response_type).toBe('ephemeral');
    expect(rows(db, 'feedback')[0]).toMatchObject({ vote: 'down' });
    const choices = (why.body.blocks as any[]).find((b) => b.type === 'actions').elements as any[];
    expect(choices.map((e) => e.text.text)).toEqual([...REASONS, '写几句']);

    await sendForm(port, actionFields(fake, choices[1].action_id, choices[1].value, SLACK_CHANNEL, undefined, 'fb-reason', { user: SLACK_USER }));
    const noted = await waitFor(() => fake.of('/respond/fb-reason')[0]);
    expect(noted.body.text).toContain('不是我问的');
    expect(JSON.parse(rows(db, 'feedback')[0].reasons)).toEqual(['不是我问的']);

    const words = choices.at(-1);
    expect(words.action_id).toBe(ACTION_WORDS);
    await sendForm(port, actionFields(fake, words.action_id, words.value, SLACK_CHANNEL, undefined, 'fb-words', { user: SLACK_USER }));
    const modal = await waitFor(() => fake.of('views.open')[0]);
    expect(modal.body.view.callback_id).toBe(VIEW_WORDS);
    await sendForm(port, viewFields(VIEW_WORDS, modal.body.view.private_metadata, { words: { text: '问的是全市，不是嘉善' } }, SLACK_USER));
    await waitFor(() => rows(db, 'feedback')[0].words === '问的是全市，不是嘉善');
    expect(rows(db, 'feedback')).toHaveLength(1);
  });

  it('refuses feedback outside SLACK_ALLOWED_CHANNELS, recording nothing', async () => {
    const id = rows(db, 'answers')[1].id as string;
    await sendForm(
      closed.port!,
      actionFields(fake, ACTION_FEEDBACK, `down:${id}`, SLACK_CHANNEL, undefined, 'fb-closed', { user: SLACK_USER, type: 'feedback_buttons' }),
    );
    const notice = await waitFor(() => fake.of('/respond/fb-closed')[0]);
    expect(notice.body.text).toBe(SLACK_TEXT.notEnabled);
    expect(rows(db, 'feedback').filter((f) => f.answer === id)).toEqual([]);
  });

  it('keeps no raw platform id anywhere in the database', () => {
    const all = everything(db);
    for (const raw of [SLACK_USER, SLACK_CHANNEL, SLACK_DM]) expect(all).not.toContain(raw);
  });
});

/* ------------------------------------------------------------ the console, the CLI, ANSWER_LOG=off, pruning */

describe('the answer log elsewhere', () => {
  it('logs the console', async () => {
    const { db, answerLog } = freshLog();
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    stdout.resume();
    const chat = startConsole(core, { input: stdin, output: stdout, answerLog });
    stdin.end('6月全市用电量是多少\n那1-6月呢\n/sources\n');
    await chat.done;
    answerLog.flush();
    const entries = rows(db, 'answers');
    expect(entries.map((e) => [e.platform, e.question])).toEqual([
      ['console', '6月全市用电量是多少'],
      ['console', '那1-6月呢'],
    ]);
    expect(entries[0].conversation).toBe(entries[1].conversation);
    expect(JSON.parse(entries[1].query).carried).toContain('metric');
  });

  it('logs npm run ask only with --log, and not with ANSWER_LOG=off', () => {
    const run = (dir: string, args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: cleanEnv({ DATA_DIR: dir, ...env }) });

    const plain = freshDir();
    expect(run(plain, ['6月全市用电量是多少']).status).toBe(0);
    expect(existsSync(join(plain, DB_FILE))).toBe(false);

    const logged = freshDir();
    const ask = run(logged, ['--log', '6月全市用电量是多少']);
    expect(ask.status).toBe(0);
    expect(ask.stdout).toContain('52.91');
    const db = new Database(join(logged, DB_FILE), { readonly: true });
    expect(rows(db, 'answers')).toMatchObject([{ platform: 'cli', question: '6月全市用电量是多少', kind: 'indicator' }]);
    db.close();

    const off = freshDir();
    const quiet = run(off, ['--log', '6月全市用电量是多少'], { ANSWER_LOG: 'off' });
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).toContain('52.91');
    expect(quiet.stderr).toContain('ANSWER_LOG is off');
    expect(existsSync(join(off, DB_FILE))).toBe(false);
  }, 60_000);

  it('ANSWER_LOG=off: nothing logged and no 👍 👎; on: logged; either way, entries past ANSWER_LOG_DAYS pruned at start', async () => {
    const api = new FakeTelegram();
    await api.start();
    try {
      for (const setting of ['off', 'on']) {
        const dir = freshDir();
        // An entry from 100 days ago, written as the bot would have then.
        const store = DigestStore.open(dir);
        const old = new AnswerLog(answersIn(store.db), { pseudonym: pseudonyms(randomBytes(32)), days: 90, now: () => Date.now() - 100 * 86_400_000 });
        old.record({ platform: 'telegram', question: '旧问题', answer: core.ask('6月全市用电量是多少'), ms: 1 });
        old.flush();
        store.close();

        const config: Config = {
          ...loadConfig({
            TELEGRAM_BOT_TOKEN: TOKEN,
            TELEGRAM_API_ROOT: api.root,
            TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram',
            TELEGRAM_WEBHOOK_SECRET: 'log_secret-1',
            DATA_DIR: dir,
            ANSWER_LOG: setting,
            ANSWER_LOG_DAYS: '30',
          }),
          PORT: 0,
        };
        const app = await startApp(config, silent, { core, host: '127.0.0.1' });
        try {
          expect(app.answerLog === undefined).toBe(setting === 'off');
          const sent = api.sentTo(TG_USER).length;
          await fetch(`http://127.0.0.1:${app.telegram!.port}/`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': 'log_secret-1' },
            body: JSON.stringify(message('6月全市用电量是多少')),
          });
          await vi.waitFor(() => expect(api.sentTo(TG_USER)).toHaveLength(sent + 1), { timeout: 5000 });
          const labels = buttons(api.sentTo(TG_USER).at(-1)).map(([label]) => label);
          expect(labels.includes('👍')).toBe(setting === 'on');
        } finally {
          await app.stop();
        }
        const db = new Database(join(dir, DB_FILE), { readonly: true });
        const questions = rows(db, 'answers').map((r) => r.question);
        db.close();
        // Off: nothing new; what was kept is still pruned.
        expect(questions).toEqual(setting === 'off' ? [] : ['6月全市用电量是多少']);
      }
    } finally {
      await api.close();
    }
  }, 30_000);

  it('prunes entries older than ANSWER_LOG_DAYS with their feedback', async () => {
    let clock = Date.parse('2025-01-01T00:00:00Z');
    const { db, answerLog } = freshLog({ now: () => clock, days: 90 });
    const answer = core.ask('6月全市用电量是多少');
    const first = answerLog.record({ platform: 'console', question: 'a', answer, ms: 1 })!;
    await answerLog.vote(first, 'console', 'x', 'down');
    clock += 60 * 86_400_000;
    answerLog.record({ platform: 'console', question: 'b', answer, ms: 1 });
    answerLog.flush();
    clock += 31 * 86_400_000; // the first is 91 days old, the second 31
    expect(await answerLog.prune()).toBe(1);
    expect(rows(db, 'answers').map((r) => r.question)).toEqual(['b']);
    expect(rows(db, 'feedback')).toEqual([]);
  });
});

/* ------------------------------------------------------------ no raw ids, Telegram */

describe('pseudonyms', () => {
  it('keeps no raw Telegram id anywhere in the database: answers, feedback, conversations', async () => {
    const api = new FakeTelegram();
    await api.start();
    const dir = freshDir();
    const config: Config = {
      ...loadConfig({
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: api.root,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram',
        TELEGRAM_WEBHOOK_SECRET: 'log_secret-2',
        DATA_DIR: dir,
      }),
      PORT: 0,
    };
    const app = await startApp(config, silent, { makeCore: (o) => createCore(knowledge, o), host: '127.0.0.1' });
    try {
      const post = (update: Update) =>
        fetch(`http://127.0.0.1:${app.telegram!.port}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': 'log_secret-2' },
          body: JSON.stringify(update),
        });
      const at = `@${BOT_USER.username} `;
      await post(message(`${at}6月全市用电量是多少`, GROUP, USER, { entities: [{ type: 'mention', offset: 0, length: at.length - 1 }] }));
      await vi.waitFor(() => expect(api.sentTo(TG_GROUP)).toHaveLength(1), { timeout: 5000 });
      const up = buttons(api.sentTo(TG_GROUP)[0]).find(([label]) => label === '👍')![1];
      await post(callback(up, GROUP, OTHER));
      await vi.waitFor(() => expect(api.of('answerCallbackQuery')).toHaveLength(1), { timeout: 5000 });
    } finally {
      await app.stop();
      await api.close();
    }
    const db = new Database(join(dir, DB_FILE), { readonly: true });
    expect(rows(db, 'answers')).toHaveLength(1);
    expect(rows(db, 'feedback')).toHaveLength(1);
    expect(rows(db, 'contexts')).toHaveLength(1);
    const all = everything(db);
    db.close();
    for (const raw of [TG_USER, TG_OTHER, TG_GROUP, Math.abs(TG_GROUP)]) expect(all).not.toContain(String(raw));
    // Nor in the file itself (free pages, the WAL).
    const bytes = [DB_FILE, `${DB_FILE}-wal`].filter((f) => existsSync(join(dir, f))).map((f) => readFileSync(join(dir, f)).toString('latin1')).join('');
    for (const raw of [TG_USER, TG_OTHER]) expect(bytes).not.toContain(String(raw));
  }, 30_000);
});

/* ------------------------------------------------------------ the report */

describe('npm run report', () => {
  const DAY = 86_400_000;
  const NOW = Date.parse('2025-07-10T04:00:00Z'); // 12:00 in Asia/Shanghai
  let clock = NOW;
  const prepared = freshLog({ now: () => clock });
  const { db, answerLog } = prepared;
  const ids: Record<string, string> = {};

  /** Writes an entry `daysAgo` days before NOW. */
  function entry(name: string, question: string, platform: string, daysAgo: number, ms: number, user = 'u1') {
    clock = NOW - daysAgo * DAY;
    ids[name] = answerLog.record({ platform, conversation: `${platform}:c`, user, question, answer: core.ask(question), ms })!;
  }

  beforeAll(async () => {
    entry('nb1', '宁波GDP', 'telegram', 20, 3);
    entry('nb2', '宁波的GDP是多少', 'slack', 5, 4);
    entry('nb3', '宁波GDP多少', 'telegram', 1, 5);
    entry('sh', '上海GDP', 'console', 1, 2);
    entry('power', '6月全市用电量是多少', 'telegram', 1, 10);
    entry('task', '第48项任务是啥', 'slack', 0, 100);
    entry('formula', '=1+1, "引号"', 'cli', 0, 1);
    answerLog.flush();
    clock = NOW;
    await answerLog.vote(ids.power, 'telegram', 'u2', 'down');
    await answerLog.reason(ids.power, 'telegram', 'u2', '数字不对');
    await answerLog.words(ids.power, 'telegram', 'u2', '和月报不一致');
    await answerLog.vote(ids.task, 'slack', 'u3', 'up');
  });

  const info = (id: string): RecordInfo | undefined => {
    const r = knowledge.byId.get(id);
    if (!r) return undefined;
    const document = knowledge.sourceById.get(r.source)?.title;
    return r.type === 'indicator' ? { metric: r.name, document } : r.type === 'task' ? { task: `第${r.number}项`, document } : { document };
  };

  it('groups the questions without an answer by what they asked, with counts and the latest example', () => {
    const report = buildReport(readLog(db), info, 'Asia/Shanghai');
    expect(report.total).toBe(7);
    expect(report.none).toBe(5); // 宁波 ×3, 上海, and the formula
    const ningbo = report.gaps[0];
    expect(ningbo.count).toBe(3);
    expect(ningbo.asked).toEqual(['数值', 'gdp', '宁波市']);
    expect(ningbo.example).toEqual({ question: '宁波GDP多少', id: ids.nb3 });
    expect(report.gaps.find((g) => g.asked.includes('上海市'))?.count).toBe(1);

    expect(report.down).toBe(1);
    expect(report.up).toBe(1);
    expect(report.downs).toHaveLength(1);
    expect(report.downs[0]).toMatchObject({ entry: { id: ids.power }, reasons: ['数字不对'], words: ['和月报不一致'] });
    expect(report.metrics[0]).toEqual(['gdp', 4]);
    expect(report.metrics).toContainEqual(['全社会用电量', 1]);
    expect(report.tasks).toEqual([['第48项', 1]]);
    expect(report.perDay.map((d) => d.day)).toEqual(['2025-06-20', '2025-07-05', '2025-07-09', '2025-07-10']);
    expect(report.perDay[2].counts).toEqual({ telegram: 2, console: 1 });
    expect(report.p50).toBe(4);
    expect(report.p99).toBe(100);

    const text = renderReport(report, 'Asia/Shanghai');
    expect(text).toMatch(/^\s+3 {2}数值 · gdp · 宁波市\s+宁波GDP多少\s+\w{10}$/m);
    expect(text).toContain('👎 (1 answers): 数字不对 1');
    expect(text).toContain('和月报不一致');
    expect(text).toContain('p50 4.00 ms · p99 100.0 ms');
  });

  it('--since keeps the last days only', () => {
    const since = parseSince('7d', NOW, 'Asia/Shanghai')!;
    expect(since).toBe(NOW - 7 * DAY);
    expect(parseSince('2025-07-09', NOW, 'Asia/Shanghai')).toBe(Date.parse('2025-07-08T16:00:00Z'));
    expect(parseSince('7 days', NOW, 'Asia/Shanghai')).toBeUndefined();
    expect(parseSince('2025-02-30', NOW, 'Asia/Shanghai')).toBeUndefined();
    const report = buildReport(readLog(db, since), info, 'Asia/Shanghai');
    expect(report.total).toBe(6);
    expect(report.gaps[0]).toMatchObject({ count: 2, example: { id: ids.nb3 } });
  });

  it('--csv gives one row per answer, Excel-readable, formulas defused', () => {
    const csv = toCsv(readLog(db), 'Asia/Shanghai');
    expect(csv.startsWith('\ufeffid,time,platform,')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(8);
    expect(lines.find((l) => l.startsWith(ids.power))).toContain(',0,1,数字不对,和月报不一致');
    expect(csv).toContain(`"'=1+1, ""引号"""`);
  });

  it('runs from the command line over DATA_DIR', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: cleanEnv({ DATA_DIR: prepared.dir, DIGEST_TZ: 'Asia/Shanghai' }),
      });
    const text = run();
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Questions without an answer, by what they asked');
    expect(text.stdout).toContain(ids.nb3);
    const csv = run('--csv', '--since', '3650d');
    expect(csv.status).toBe(0);
    expect(csv.stdout.trim().split('\r\n')).toHaveLength(8);
    const bad = run('--since', 'yesterday');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('--to-eval appends a logged question with the right answer to the evaluation set', () => {
    const file = join(freshDir(), 'questions.jsonl');
    writeFileSync(file, '{"id": "e001", "q": "1-6月全市一般公共预算收入多少", "must": ["456.96"]}\n{"id": "e041", "q": "宁波GDP多少", "none": true}\n');
    const [nb1] = readLog(db, 0, ids.nb1);
    expect(appendCase(file, evalCase(nb1, { must: [], none: true }, file))).toBe('{"id": "e042", "q": "宁波GDP", "none": true}');
    const [power] = readLog(db, 0, ids.power);
    appendCase(file, evalCase(power, { must: ['52.91'], none: false }, file));
    expect(readFileSync(file, 'utf8').trim().split('\n').at(-1)).toBe('{"id": "e043", "q": "6月全市用电量是多少", "must": ["52.91"]}');

    const [nb3] = readLog(db, 0, ids.nb3);
    expect(() => evalCase(nb3, { must: [], none: true }, file)).toThrow(/already case e041/);
    expect(() => evalCase(power, { must: [], none: false }, file)).toThrow(/--must FIGURE/);
    const followUp = { ...power, question: '那1-6月呢', query: { ...power.query!, carried: ['metric'] } };
    expect(() => evalCase(followUp, { must: ['293.25'], none: false }, file)).toThrow(/follow-up.*--q/);
    expect(evalCase(followUp, { must: ['293.25'], none: false, q: '1-6月全市用电量是多少' }, file)).toEqual({
      id: 'e044',
      q: '1-6月全市用电量是多少',
      must: ['293.25'],
    });
  });
});
