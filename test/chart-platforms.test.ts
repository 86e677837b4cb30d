/**
 * Charts sent as each platform sends pictures, against the fake APIs on 127.0.0.1: Telegram a
 * photo with the answer as caption (or the text, then the photo), Slack a file uploaded into the
 * answer's thread. The real core answers, over the seeds with the real-report fixtures.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramBot } from '../adapters/telegram.js';
import { startSlack, type RunningSlack } from '../adapters/slack.js';
import { loadConfig } from '../src/config.js';
import { createCore } from '../src/core.js';
import { memoryContexts } from '../src/conversation.js';
import { FakeTelegram, TOKEN, telegramError, textUpdate } from './fakes/telegram.js';
import type { UploadedFile } from './fakes/http.js';
import { FakeSlack } from './fakes/slack.js';
import { fastRetry, sendEvent, testConfig, ts, waitFor } from './fakes/slack-requests.js';
import { realdocsKnowledge } from './realdocs-knowledge.js';
import { looksLikeChart } from './png.js';

const knowledge = await realdocsKnowledge();
const newCore = () => createCore(knowledge, { contexts: memoryContexts(), now: () => new Date('2026-11-23T09:00:00+08:00') });
const silent = pino({ level: 'silent' });

/** The file a multipart request carried (grammY names its field at random and points to it). */
const fileOf = (body: Record<string, unknown>): UploadedFile => Object.values(body).find((v): v is UploadedFile => typeof v === 'object' && v !== null && 'bytes' in v)!;

describe('Telegram', () => {
  const api = new FakeTelegram();
  beforeAll(() => api.start());
  afterAll(() => api.close());

  const botFor = async () => {
    const bot = createTelegramBot(newCore(), loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.root, QUESTIONS_PER_MINUTE: '1000' }), silent);
    await bot.init();
    return bot;
  };

  it('sends a county comparison asked in chat as a photo with the answer as its caption', async () => {
    api.reset();
    const bot = await botFor();
    await bot.handleUpdate(textUpdate('2021年哪个县GDP增速最快', 4242));
    expect(api.of('sendMessage')).toEqual([]);
    const [photo] = api.of('sendPhoto', 200);
    expect(photo.body.chat_id).toBe('4242');
    expect(photo.body.parse_mode).toBe('HTML');
    // (增速 as the county table's column says it, or 增长 as a sentence does.)
    expect(photo.body.caption).toMatch(/最快的是嘉善县：<b>增[长速]10.3%<\/b>/);
    expect(photo.body.caption).toContain('来源：');
    const file = fileOf(photo.body);
    expect(file.name).toBe('chart.png');
    expect(looksLikeChart(file.bytes).width).toBeGreaterThanOrEqual(800);
  });

  it('sends an answer longer than a caption as text, then the photo', async () => {
    api.reset();
    const bot = await botFor();
    // Every county of the province is named as lacking: well over 1,024 characters.
    await bot.handleUpdate(textUpdate('2021年各县GDP增速', 4243));
    const texts = api.of('sendMessage', 200);
    const [photo] = api.of('sendPhoto', 200);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts[0].body.text).toContain('嘉善县');
    expect(photo.body.caption).toBeUndefined();
    expect(photo.at).toBeGreaterThanOrEqual(texts.at(-1)!.at);
    looksLikeChart(fileOf(photo.body).bytes);
  });

  it('sends the answer as text when Telegram refuses the photo', async () => {
    api.reset();
    api.script('sendPhoto', telegramError(400, 'Bad Request: PHOTO_INVALID_DIMENSIONS'));
    const bot = await botFor();
    await bot.handleUpdate(textUpdate('2021年哪个县GDP增速最快', 4245));
    expect(api.of('sendPhoto', 400)).toHaveLength(1);
    const [text] = api.of('sendMessage', 200);
    expect(text.body.text).toContain('最快的是嘉善县');
  });

  it('sends an answer without a chart as text alone', async () => {
    api.reset();
    const bot = await botFor();
    await bot.handleUpdate(textUpdate('6月全市用电量是多少', 4244));
    expect(api.of('sendPhoto')).toEqual([]);
    expect(api.of('sendMessage', 200)).toHaveLength(1);
  });
});

describe('Slack', () => {
  const fake = new FakeSlack();
  let slack: RunningSlack;
  beforeAll(async () => {
    await fake.start();
    slack = await startSlack(newCore(), testConfig(fake), silent, { host: '127.0.0.1', retryConfig: fastRetry });
  });
  afterAll(async () => {
    await slack?.stop();
    await fake.close();
  });

  it('uploads the chart of a county comparison into the thread of the answer, after it', async () => {
    const asked = ts();
    await sendEvent(slack.port!, { type: 'app_mention', user: 'U1', text: '<@UBOT> 2021年哪个县GDP增速最快', ts: asked, channel: 'C1', event_ts: asked });
    const done = await waitFor(() => fake.of('files.completeUploadExternal', 200)[0], 10_000);
    const post = fake.of('chat.postMessage', 200).find((c) => c.body.thread_ts === asked)!;
    expect(post.body.text).toContain('嘉善县');
    expect(post.at).toBeLessThanOrEqual(done.at);
    expect(done.body.channel_id).toBe('C1');
    expect(done.body.thread_ts).toBe(asked);
    const [{ id, title }] = done.body.files;
    expect(title).toContain('GDP增速');
    const [asks] = fake.of('files.getUploadURLExternal', 200);
    expect(asks.body.filename).toBe('chart.png');
    const bytes = fake.uploads.get(id)!;
    expect(Number(asks.body.length)).toBe(bytes.length);
    expect(looksLikeChart(bytes).width).toBeGreaterThanOrEqual(800);
  });

  it('uploads nothing for an answer without a chart', async () => {
    const before = fake.of('files.getUploadURLExternal').length;
    const asked = ts();
    await sendEvent(slack.port!, { type: 'app_mention', user: 'U1', text: '<@UBOT> 6月全市用电量是多少', ts: asked, channel: 'C1', event_ts: asked });
    await waitFor(() => fake.of('chat.postMessage', 200).find((c) => c.body.thread_ts === asked));
    expect(fake.of('files.getUploadURLExternal')).toHaveLength(before);
  });
});
