/**
 * Delivery through the real channels against fake platform APIs on 127.0.0.1: once per slot
 * across a stop and a crash mid-run, retries (429 retry_after, 5xx, timeouts), and targets
 * that are gone (Telegram 403 / chat not found, Slack channel_not_found) unsubscribed.
 */
import { SqliteStore } from '../src/store/sqlite.js';
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { slackChannel } from '../adapters/digest/slack.js';
import { telegramChannel } from '../adapters/digest/telegram.js';
import { loadConfig } from '../src/config.js';
import { Deliverer, type DeliverOptions, type DigestChannel } from '../src/digest/deliver.js';
import { DEFAULT_SCHEDULE, runKeyOf } from '../src/digest/schedule.js';
import { DigestService } from '../src/digest/service.js';
import { DigestStore } from '../src/digest/store.js';
import type { Answer } from '../src/types.js';
import { sampleKnowledge, silent, tempDir } from './digest-fakes.js';
import { FakeSlack } from './fakes/slack.js';
import { FakeTelegram, telegramError, TOKEN } from './fakes/telegram.js';

const TZ = 'Asia/Shanghai';
const SLOT = new Date('2025-07-22T00:00:00Z'); // 08:00 in Shanghai
const RUN = runKeyOf(DEFAULT_SCHEDULE, SLOT, TZ);
const FAST: Omit<DeliverOptions, 'log'> = { backoffMs: 20, maxBackoffMs: 100 };
const knowledge = sampleKnowledge();

const telegram = new FakeTelegram();
const slack = new FakeSlack();
beforeAll(async () => {
  await telegram.start();
  await slack.start();
});
afterAll(async () => {
  await telegram.close();
  await slack.close();
});

const cleanup: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
  telegram.reset();
  slack.reset();
});

function openStore(dir: string): DigestStore {
  const store = DigestStore.open(dir);
  cleanup.push(() => store.close());
  return store;
}

function freshDir(): string {
  const dir = tempDir();
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const tgConfig = () => loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: telegram.root });
const fastLimits = { perSecond: 1000, perTargetMs: 1000 };

function wire(store: DigestStore, channels: DigestChannel[], options: Partial<DeliverOptions> = {}) {
  const records = new SqliteStore(store);
  const deliverer = new Deliverer(records, channels, { log: silent, ...FAST, ...options });
  const service = new DigestService({ store: records, knowledge, pattern: '0 8 * * *', timezone: TZ, log: silent, deliverer });
  cleanup.push(() => deliverer.stop(1000));
  return { deliverer, service };
}

/** An in-memory channel: records sends; `onSend` may throw or stop things. */
function memoryChannel(onSend?: (target: string, n: number) => void | Promise<void>) {
  const sent: string[] = [];
  const channel: DigestChannel = {
    platform: 'telegram',
    limits: fastLimits,
    async send(target: string, _answer: Answer) {
      await onSend?.(target, sent.length);
      sent.push(target);
    },
  };
  return { channel, sent };
}

const targets = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

describe('delivery once per slot', () => {
  it('a run stopped after N sends is finished by a new run of the same slot, without repeats', async () => {
    const dir = freshDir();
    const store = openStore(dir);
    for (const t of targets(10)) store.subscribe('telegram', t);

    let first!: ReturnType<typeof wire>;
    const a = memoryChannel((_t, n) => {
      if (n === 4) void first.deliverer.stop(); // the process is told to stop after 4 sends
    });
    first = wire(store, [a.channel], { concurrency: 1 });
    const report = await first.service.runSlot(DEFAULT_SCHEDULE, SLOT);
    expect(report).toMatchObject({ sent: 5, pending: 5 });
    expect(a.sent).toEqual(['1', '2', '3', '4', '5']);
    expect(store.run(RUN)!.finishedAt).toBeNull();

    // Restart: a new process, the same DATA_DIR, the same slot fires (or recover() finds it).
    store.close(); // the old process ends, and its DATA_DIR lock with it
    const store2 = openStore(dir);
    const b = memoryChannel();
    const second = wire(store2, [b.channel], { concurrency: 3 });
    expect(await second.service.runSlot(DEFAULT_SCHEDULE, SLOT)).toMatchObject({ sent: 10, pending: 0 });
    expect(b.sent.sort((x, y) => Number(x) - Number(y))).toEqual(['6', '7', '8', '9', '10']);
    expect(store2.run(RUN)!.finishedAt).not.toBeNull();

    // The slot again: nothing more. The next slot: everyone once more.
    await second.service.runSlot(DEFAULT_SCHEDULE, SLOT);
    expect(b.sent).toHaveLength(5);
    await second.service.runSlot(DEFAULT_SCHEDULE, new Date(SLOT.getTime() + 86_400_000));
    expect(b.sent).toHaveLength(15);
  });

  it('after a crash mid-send, recovery sends to the rest and not again to the one in doubt', async () => {
    const dir = freshDir();
    const store = openStore(dir);
    for (const t of targets(8)) store.subscribe('telegram', t);
    telegram.hang.add('sendMessage:4'); // the process dies while this request is on the wire

    const crashed = wire(store, [telegramChannel(tgConfig(), { limits: fastLimits })], { concurrency: 1 });
    const abandoned = crashed.service.runSlot(DEFAULT_SCHEDULE, SLOT).catch(() => undefined);
    cleanup.push(() => void abandoned);
    await vi.waitFor(() => expect(store.deliveries(RUN, 'sending').map((d) => d.target)).toEqual(['4']), { timeout: 3000 });
    expect(telegram.of('sendMessage', 200).map((c) => c.body.chat_id)).toEqual(['1', '2', '3']);

    // A new process on the same DATA_DIR (the old one died: it never settles anything again).
    store.close();
    const store2 = openStore(dir);
    const restarted = wire(store2, [telegramChannel(tgConfig(), { limits: fastLimits })], { concurrency: 2 });
    const [report] = await restarted.deliverer.recover();
    expect(report).toMatchObject({ runKey: RUN, sent: 7, failed: 1, pending: 0 });
    expect(store2.deliveries(RUN, 'unknown').map((d) => d.target)).toEqual(['4']);
    await restarted.service.runSlot(DEFAULT_SCHEDULE, SLOT); // the slot firing again changes nothing

    const received = telegram.of('sendMessage', 200).map((c) => String(c.body.chat_id));
    expect(received.sort()).toEqual(['1', '2', '3', '5', '6', '7', '8']);
    expect(new Set(received).size).toBe(received.length);
    expect(telegram.of('sendMessage', 200)[0].body.parse_mode).toBe('HTML');
    expect(telegram.of('sendMessage', 200)[0].body.text).toContain('<b>86.87亿元</b>');
    await crashed.deliverer.stop(100);
  });

  it('expires an unfinished run too old to be worth finishing', async () => {
    const store = openStore(freshDir());
    store.subscribe('telegram', '1');
    const { channel, sent } = memoryChannel();
    const { deliverer } = wire(store, [channel]);
    store.createRun({ runKey: RUN, schedule: 'default', slot: '', answer: { question: '', kind: 'list', text: '', lines: [], records: [], sources: [] } }, [
      { platform: 'telegram', target: '1' },
    ]);
    await deliverer.recover(Date.now() + 7 * 3_600_000);
    expect(sent).toEqual([]);
    expect(store.deliveries(RUN).map((d) => d.status)).toEqual(['expired']);
  });

  it('does not send to a chat that unsubscribed after the run began', async () => {
    const store = openStore(freshDir());
    for (const t of targets(3)) store.subscribe('telegram', t);
    const { channel, sent } = memoryChannel((t) => {
      if (t === '1') store.unsubscribe('telegram', '3');
    });
    const { service } = wire(store, [channel], { concurrency: 1 });
    await service.runSlot(DEFAULT_SCHEDULE, SLOT);
    expect(sent).toEqual(['1', '2']);
  });
});

describe('failed sends', () => {
  it('unsubscribes a chat that blocked the bot (403) or is not found, and logs it', async () => {
    const store = openStore(freshDir());
    for (const t of targets(4)) store.subscribe('telegram', t);
    telegram.script('sendMessage:2', telegramError(403, 'Forbidden: bot was blocked by the user'));
    telegram.script('sendMessage:3', telegramError(400, 'Bad Request: chat not found'));
    const gone: string[] = [];
    const warnings: unknown[] = [];
    const log = Object.assign(Object.create(silent), { warn: (o: unknown) => warnings.push(o) });
    const { service } = wire(store, [telegramChannel(tgConfig(), { limits: fastLimits })], {
      log,
      onGone: (_p, t) => gone.push(t),
    });
    expect(await service.runSlot(DEFAULT_SCHEDULE, SLOT)).toMatchObject({ sent: 2, gone: 2, failed: 0 });
    expect(gone.sort()).toEqual(['2', '3']);
    expect(store.subscriptions().map((s) => s.target)).toEqual(['1', '4']);
    expect(store.deliveries(RUN, 'gone').map((d) => d.error)).toEqual([
      'Forbidden: bot was blocked by the user',
      'Bad Request: chat not found',
    ]);
    expect(warnings).toHaveLength(2);
    expect(telegram.calls.filter((c) => c.body.chat_id === '2')).toHaveLength(1); // not retried
  });

  it('waits out a 429 retry_after, then sends', async () => {
    const store = openStore(freshDir());
    store.subscribe('telegram', '1');
    telegram.script('sendMessage:1', telegramError(429, 'Too Many Requests: retry after 1', { retry_after: 1 }));
    const { service } = wire(store, [telegramChannel(tgConfig(), { limits: fastLimits })]);
    expect(await service.runSlot(DEFAULT_SCHEDULE, SLOT)).toMatchObject({ sent: 1, failed: 0 });
    const calls = telegram.calls.filter((c) => c.method === 'sendMessage');
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(950);
    expect(store.deliveries(RUN)[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('retries 5xx and timeouts with backoff, and gives up after a bounded number of attempts', async () => {
    const store = openStore(freshDir());
    for (const t of targets(3)) store.subscribe('telegram', t);
    telegram.script('sendMessage:1', telegramError(502, 'Bad Gateway'), telegramError(500, 'Internal Server Error'));
    telegram.script('sendMessage:3', ...Array.from({ length: 5 }, () => telegramError(500, 'Internal Server Error')));
    const channel = telegramChannel(tgConfig(), { limits: fastLimits });
    let timeouts = 0;
    const flaky: DigestChannel = {
      ...channel,
      async send(target, answer) {
        if (target === '2' && timeouts++ === 0) throw Object.assign(new Error("Request to 'sendMessage' timed out after 15 seconds"), { name: 'HttpError' });
        return channel.send(target, answer);
      },
    };
    const { service } = wire(store, [flaky], { maxAttempts: 3 });
    expect(await service.runSlot(DEFAULT_SCHEDULE, SLOT)).toMatchObject({ sent: 2, failed: 1 });
    expect(store.deliveries(RUN).map((d) => [d.target, d.status, d.attempts])).toEqual([
      ['1', 'sent', 3],
      ['2', 'sent', 2],
      ['3', 'failed', 3],
    ]);
    expect(store.deliveries(RUN, 'failed')[0].error).toMatch(/Internal Server Error.*after 3 attempts/);
    expect(store.subscriptions()).toHaveLength(3); // a failure is not a reason to unsubscribe
  });

  it('follows a group that became a supergroup', async () => {
    const store = openStore(freshDir());
    store.subscribe('telegram', '-100');
    telegram.script('sendMessage:-100', telegramError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: -100200 }));
    const { service } = wire(store, [telegramChannel(tgConfig(), { limits: { perSecond: 1000, perTargetMs: 0 } })]);
    expect(await service.runSlot(DEFAULT_SCHEDULE, SLOT)).toMatchObject({ sent: 1 });
    expect(telegram.sentTo('-100200')).toHaveLength(1);
    expect(store.subscriptions().map((s) => s.target)).toEqual(['-100200']);
  });

  it('unsubscribes a Slack channel the app left, and honours Slack’s Retry-After', async () => {
    const store = openStore(freshDir());
    for (const t of ['C1', 'C2', 'D3']) store.subscribe('slack', t);
    slack.script('chat.postMessage:C2', { status: 200, json: { ok: false, error: 'channel_not_found' } });
    slack.script('chat.postMessage:D3', { status: 429, json: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': '1' } });
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: `${slack.root}/api/` });
    const { service } = wire(store, [slackChannel(config, { limits: fastLimits })]);
    expect(await service.runSlot(DEFAULT_SCHEDULE, SLOT)).toMatchObject({ sent: 2, gone: 1 });
    expect(store.subscriptions().map((s) => s.target)).toEqual(['C1', 'D3']);
    const d3 = slack.calls.filter((c) => c.body.channel === 'D3');
    expect(d3.map((c) => c.status)).toEqual([429, 200]);
    expect(d3[1].at - d3[0].at).toBeGreaterThanOrEqual(950);
    expect(slack.of('chat.postMessage', 200)[0].body.text).toContain('86.87亿元');
  });
});
