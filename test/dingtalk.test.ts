/**
 * The DingTalk robot end to end, in both modes, against a fake DingTalk on 127.0.0.1
 * (test/fakes/dingtalk.ts): the real app (startApp) with the real core over the committed
 * knowledge and a temporary DATA_DIR. Stream mode receives over the fake gateway's WebSocket
 * through the dingtalk-stream SDK; HTTP mode receives signed POSTs. Replies are read where the
 * sessionWebhook points (the fake). No network.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApp, type App } from '../adapters/app.js';
import { FloodLimit } from '../adapters/flood-limit.js';
import { lineToMarkdown } from '../adapters/markdown.js';
import { MAX_TEXT, renderAnswer } from '../adapters/dingtalk/render.js';
import { checkSign, MAX_SKEW_MS } from '../adapters/dingtalk/sign.js';
import { TEXT } from '../adapters/dingtalk/texts.js';
import { ConfigError, loadConfig, strayVariables, type Config } from '../src/config.js';
import type { Answer } from '../src/types.js';
import { silent } from './digest-fakes.js';
import { CLIENT_ID, CLIENT_SECRET, FakeDingTalk, signedHeaders, type MessageSpec } from './fakes/dingtalk.js';

const fake = new FakeDingTalk();
const dirs: string[] = [];
beforeAll(() => fake.start());
afterAll(async () => {
  await fake.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function config(env: Record<string, string> = {}): Config {
  const dir = mkdtempSync(join(tmpdir(), 'dingtalk-'));
  dirs.push(dir);
  return {
    ...loadConfig({ DINGTALK_CLIENT_ID: CLIENT_ID, DINGTALK_CLIENT_SECRET: CLIENT_SECRET, DINGTALK_API_ROOT: fake.root, DATA_DIR: dir, ...env }),
    DINGTALK_PORT: 0,
  };
}

/** Sends a message the way the mode receives it; resolves with the callback's HTTP status in HTTP mode. */
async function deliver(app: App, body: Record<string, unknown>, headers = signedHeaders()): Promise<number | undefined> {
  if (app.dingtalk!.mode === 'stream') {
    fake.push(body);
    return undefined;
  }
  const res = await fetch(`http://127.0.0.1:${app.dingtalk!.port}/dingtalk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Asks in a conversation and waits for the reply; returns its markdown text. */
async function ask(app: App, spec: MessageSpec): Promise<string> {
  const body = fake.message(spec);
  const before = fake.replies(String(body.conversationId)).length;
  await deliver(app, body);
  await vi.waitFor(() => expect(fake.replies(String(body.conversationId)).length).toBeGreaterThan(before), { timeout: 5_000, interval: 20 });
  return fake.replies(String(body.conversationId)).slice(before).map((m) => m.text).join('\n');
}

const GROUP = 'cid-group-economy';

/** A port nothing listens on (fetch refuses some low ports outright, as "bad port"). */
async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.each(['stream', 'http'] as const)('DingTalk in %s mode', (mode) => {
  let app: App;
  beforeAll(async () => {
    fake.reset();
    app = await startApp(config({ DINGTALK_MODE: mode, DINGTALK_OPERATORS: 'staff-boss' }), silent, { host: '127.0.0.1' });
    if (mode === 'stream') await vi.waitFor(() => expect(fake.connections()).toBe(1));
  });
  afterAll(() => app.stop());

  it('starts DingTalk only, having proved the credentials at the token endpoint', () => {
    expect(app.platforms).toEqual(['dingtalk']);
    expect(app.dingtalk!.mode).toBe(mode);
    expect(fake.of('accessToken')[0].body).toEqual({ appKey: CLIENT_ID, appSecret: CLIENT_SECRET });
    if (mode === 'stream') expect(fake.of('gateway')[0].body.subscriptions).toContainEqual({ type: 'CALLBACK', topic: '/v1.0/im/bot/messages/get' });
  });

  it('answers a question and its follow-up in one private chat, follow-ups as links that ask', async () => {
    const first = await ask(app, { text: '6月全市用电量是多少？', staffId: `li-${mode}` });
    expect(first).toContain('**52.91亿千瓦时**');
    expect(first).toMatch(/\[[^\]]+\]\(dtmd:\/\/dingtalkclient\/sendMessage\?content=[^)]+\)/);
    const next = await ask(app, { text: '那1-6月呢', staffId: `li-${mode}` });
    expect(next).toContain('293.25亿千瓦时');
    expect(next).toContain('按上文');
    if (mode === 'stream') expect(fake.acks.length).toBeGreaterThanOrEqual(2); // each message acknowledged
  });

  it('keeps each group member their own conversation; follow-ups there are listed to retype', async () => {
    const li = await ask(app, { text: '6月全市用电量是多少？', group: GROUP, staffId: `li-${mode}` });
    expect(li).toContain(TEXT.followUpsRetype);
    expect(li).not.toContain('dtmd://');
    const wang = await ask(app, { text: '那1-6月呢', group: GROUP, staffId: `wang-${mode}` });
    expect(wang).not.toContain('293.25');
    const liAgain = await ask(app, { text: '那1-6月呢', group: GROUP, staffId: `li-${mode}` });
    expect(liAgain).toContain('293.25亿千瓦时');
  });

  it('pages a list with 更多', async () => {
    const staffId = `pager-${mode}`;
    const first = await ask(app, { text: '哪些任务按时推进', staffId });
    expect(first).toContain('按时推进的任务共**88项**');
    expect(first).toContain(`[更多](dtmd://dingtalkclient/sendMessage?content=${encodeURIComponent('更多')})`);
    const second = await ask(app, { text: '更多', staffId });
    expect(second).toContain('第11-20项');
  });

  it('answers a message delivered twice once', async () => {
    const body = fake.message({ text: '6月全市用电量是多少？', staffId: `twice-${mode}`, msgId: `dup-${mode}` });
    await deliver(app, body);
    await deliver(app, body);
    await vi.waitFor(() => expect(fake.replies(String(body.conversationId)).length).toBe(1));
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.replies(String(body.conversationId)).length).toBe(1);
  });

  it('sends the digest to a subscriber once, through the robot send API with a cached token', async () => {
    const confirmation = await ask(app, { text: '/subscribe', staffId: `sub-${mode}` });
    expect(confirmation).toMatch(/^已订阅每日简报/);
    const groupNo = await ask(app, { text: '/subscribe', group: `${GROUP}-${mode}`, staffId: `member-${mode}` });
    expect(groupNo).toBe(TEXT.operatorsOnly);
    expect(await ask(app, { text: '/subscribe', group: `${GROUP}-${mode}`, staffId: 'staff-boss' })).toMatch(/^已订阅每日简报/);

    const tokens = fake.of('accessToken').length;
    const slot = new Date('2026-12-07T00:00:00Z');
    await app.service.runSlot('default', slot);
    await app.service.runSlot('default', slot); // the same slot again: nobody gets it twice
    const toUser = fake.calls.filter((c) => c.target === `user:sub-${mode}`);
    expect(toUser).toHaveLength(1);
    expect(toUser[0].body).toMatchObject({ robotCode: CLIENT_ID, userIds: [`sub-${mode}`], msgKey: 'sampleMarkdown' });
    expect(JSON.parse(toUser[0].body.msgParam).text).toContain('每日简报');
    expect(toUser[0].headers['x-acs-dingtalk-access-token']).toMatch(/^fake-token-/);
    expect(fake.calls.filter((c) => c.target === `group:${GROUP}-${mode}`)).toHaveLength(1);
    expect(fake.of('accessToken').length).toBe(tokens); // the start-up token, still valid

    expect(await ask(app, { text: '/unsubscribe', staffId: `sub-${mode}` })).toMatch(/^已退订每日简报/);
  });

  it('ends the subscription of someone who left the organisation (batchSend lists them as invalid)', async () => {
    const staffId = `leaver-${mode}`;
    expect(await ask(app, { text: '/subscribe', staffId })).toMatch(/^已订阅每日简报/);
    fake.script(`batchSend:user:${staffId}`, { json: { processQueryKey: 'pq', invalidStaffIdList: [staffId], flowControlledStaffIdList: [] } });
    await app.service.runSlot('default', new Date('2026-12-08T00:00:00Z'));
    expect(fake.calls.filter((c) => c.target === `user:${staffId}`)).toHaveLength(1);
    expect(app.store!.subscription('dingtalk', `user:${staffId}`)).toBeUndefined();
  });

  if (mode === 'stream') {
    it('reconnects after the connection drops, through the gateway at DINGTALK_API_ROOT, and answers again', async () => {
      const gateways = fake.of('gateway').length;
      fake.dropConnections();
      await vi.waitFor(() => expect(fake.of('gateway').length).toBeGreaterThan(gateways), { timeout: 5_000, interval: 50 });
      await vi.waitFor(() => expect(fake.connections()).toBe(1), { timeout: 5_000, interval: 50 });
      expect(await ask(app, { text: '6月全市用电量是多少？', staffId: 'after-drop' })).toContain('52.91');
    });
  }

  if (mode === 'http') {
    it('refuses forged, stale and unsigned requests with 401, and answers none of them', async () => {
      const body = fake.message({ text: '6月全市用电量是多少？', staffId: 'forger' });
      expect(await deliver(app, body, signedHeaders('not-the-secret'))).toBe(401);
      expect(await deliver(app, body, signedHeaders(CLIENT_SECRET, String(Date.now() - MAX_SKEW_MS - 60_000)))).toBe(401);
      expect(await deliver(app, body, {})).toBe(401);
      expect(await deliver(app, { not: 'a robot message' })).toBe(400);
      await new Promise((r) => setTimeout(r, 200));
      expect(fake.replies(String(body.conversationId))).toEqual([]);
      const health = await fetch(`http://127.0.0.1:${app.dingtalk!.port}/healthz`);
      expect(await health.text()).toBe('ok');
    });
  }
});

describe('DingTalk allowlist', () => {
  it('refuses a conversation outside DINGTALK_ALLOWED_CONVERSATIONS once, with no data', async () => {
    fake.reset();
    const app = await startApp(config({ DINGTALK_MODE: 'http', DINGTALK_ALLOWED_CONVERSATIONS: 'cid-allowed' }), silent, { host: '127.0.0.1' });
    try {
      const refused = await ask(app, { text: '6月全市用电量是多少？', conversationId: 'cid-other' });
      expect(refused).toBe(TEXT.refused);
      await deliver(app, fake.message({ text: '6月全市用电量是多少？', conversationId: 'cid-other' }));
      await new Promise((r) => setTimeout(r, 200));
      expect(fake.replies('cid-other')).toHaveLength(1); // refused once, then quiet
      expect(await ask(app, { text: '6月全市用电量是多少？', conversationId: 'cid-allowed' })).toContain('52.91');
      // Logged as DingTalk's, the conversation and user as pseudonyms; the refused one not at all.
      app.answerLog!.flush();
      const rows = app.store!.db.prepare('SELECT platform, conversation, user FROM answers').all() as Record<string, string>[];
      expect(rows).toHaveLength(1);
      expect(rows[0].platform).toBe('dingtalk');
      expect(JSON.stringify(rows)).not.toMatch(/cid-|staff-/);
    } finally {
      await app.stop();
    }
  });
});

describe('DingTalk start-up faults', () => {
  it('a refused secret stops start-up with one line naming DINGTALK_CLIENT_SECRET', async () => {
    const error = await startApp(config({ DINGTALK_CLIENT_SECRET: 'wrong-secret' }), silent).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toBe(`DINGTALK_CLIENT_SECRET: refused by DingTalk's token endpoint at ${fake.root} (400 invalidClientSecret: 无效的appKey或appSecret)`);
  });

  it('an OpenAPI that cannot be reached names DINGTALK_API_ROOT, or answering 5xx', async () => {
    const root = `http://127.0.0.1:${await closedPort()}`;
    const error = await startApp(config({ DINGTALK_API_ROOT: root }), silent).then(() => undefined, (e: Error) => e);
    expect(error!.message).toBe(`DINGTALK_API_ROOT: cannot reach ${root} (ECONNREFUSED)`);
    fake.reset();
    fake.script('accessToken', ...Array(3).fill({ status: 503, json: { code: 'ServiceUnavailable', message: 'busy' } }));
    const failing = await startApp(config(), silent).then(() => undefined, (e: Error) => e);
    expect(failing!.message).toBe(`DINGTALK_API_ROOT: ${fake.root} answered with 503 ServiceUnavailable: busy`);
    expect(fake.of('accessToken')).toHaveLength(3);
  }, 20_000);

  it('a gateway refusing Stream names DINGTALK_MODE; an endpoint out of reach DINGTALK_API_ROOT', async () => {
    fake.reset();
    fake.script('gateway', { status: 403, json: { code: 'Forbidden.AccessDenied', message: 'stream mode is not enabled' } });
    const refused = await startApp(config(), silent).then(() => undefined, (e: Error) => e);
    expect(refused!.message).toMatch(/^DINGTALK_MODE: DingTalk refused a Stream connection \(403 Forbidden\.AccessDenied: stream mode is not enabled\); turn on Stream mode/);
    const port = await closedPort();
    fake.script('gateway', ...Array(3).fill({ json: { endpoint: `ws://127.0.0.1:${port}/connect`, ticket: 'secret-ticket' } }));
    const unreachable = await startApp(config(), silent).then(() => undefined, (e: Error) => e);
    expect(unreachable!.message).toBe(`DINGTALK_API_ROOT: cannot connect to the Stream endpoint ws://127.0.0.1:${port} (ECONNREFUSED)`);
    // Nothing keeps trying behind start-up's back (the SDK's reconnect timer is disarmed).
    const calls = fake.of('gateway').length;
    await new Promise((r) => setTimeout(r, 1_500));
    expect(fake.of('gateway').length).toBe(calls);
    expect(fake.connections()).toBe(0);
  }, 20_000);
});

describe('DingTalk rendering and signing', () => {
  it('splits a long answer into messages within DingTalk markdown limits', () => {
    const lines = Array.from({ length: 400 }, (_, i) => [{ text: `${i + 1}. 第${i + 1}项任务进展顺利` }, { text: '86.87亿元', strong: true }]);
    const answer: Answer = { question: 'q', kind: 'list', text: '', lines, records: [], sources: [], followUps: [{ label: '同比', question: '同比呢' }] };
    const messages = renderAnswer(answer);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect([...m.text].length).toBeLessThanOrEqual(MAX_TEXT);
    expect(messages.at(-1)!.text).toContain('dtmd://');
    expect(messages.map((m) => m.text).join('')).toContain('400. 第400项任务进展顺利**86.87亿元**');
  });

  it('shows report text as written: markup escaped, figures bold, lists left as lists', () => {
    expect(lineToMarkdown([{ text: '# 标题 a*b_[c]' }, { text: '86.87亿元', strong: true }])).toBe('\\# 标题 a\\*b\\_\\[c\\]**86.87亿元**');
    expect(lineToMarkdown([{ text: '1. 第1项' }])).toBe('1. 第1项');
    expect(lineToMarkdown([{ text: '\u001b[31m红\u202e' }])).toBe('红');
  });

  it('checks the sign as DingTalk makes it', () => {
    const headers = signedHeaders(CLIENT_SECRET, '1700000000000');
    expect(checkSign(headers, CLIENT_SECRET, 1700000000000 + 1000)).toEqual({ ok: true });
    expect(checkSign(headers, 'other', 1700000000000)).toMatchObject({ ok: false });
    expect(checkSign(headers, CLIENT_SECRET, 1700000000000 + MAX_SKEW_MS + 1)).toMatchObject({ ok: false });
  });
});

describe('DingTalk settings', () => {
  it('names the setting at fault in one line', () => {
    const load = (env: Record<string, string>) => () => loadConfig({ DINGTALK_CLIENT_ID: CLIENT_ID, DINGTALK_CLIENT_SECRET: CLIENT_SECRET, ...env });
    expect(load({ DINGTALK_MODE: 'websocket' })).toThrow('DINGTALK_MODE: must be stream or http');
    expect(load({ DINGTALK_CLIENT_SECRET: '' })).toThrow(/^DINGTALK_CLIENT_SECRET: required with DINGTALK_CLIENT_ID/);
    expect(load({ DINGTALK_API_ROOT: 'ftp://x' })).toThrow(/^DINGTALK_API_ROOT: not an http\(s\) URL/);
    expect(load({ DINGTALK_PORT: '70000' })).toThrow(/^DINGTALK_PORT: not a port number/);
    const config = load({ DINGTALK_ALLOWED_CONVERSATIONS: ' cid1, manager1 ,', DINGTALK_OPERATORS: 'manager1' })();
    expect(config).toMatchObject({ DINGTALK_MODE: 'stream', DINGTALK_PORT: 3100, DINGTALK_API_ROOT: 'https://api.dingtalk.com', DINGTALK_ALLOWED_CONVERSATIONS: ['cid1', 'manager1'], DINGTALK_OPERATORS: ['manager1'] });
    expect(strayVariables(['DINGTALK_CLIENT_SECRT'], 'in the environment')).toEqual([
      'DINGTALK_CLIENT_SECRT (in the environment) is not a setting of this bot, ignored; did you mean DINGTALK_CLIENT_SECRET?',
    ]);
  });
});

describe('DingTalk question limit', () => {
  it('tells a user over QUESTIONS_PER_MINUTE once, then ignores them until the minute is over', () => {
    let now = 0;
    const flood = new FloodLimit(2, () => now);
    expect([flood.take('li'), flood.take('li'), flood.take('li'), flood.take('li'), flood.take('wang')]).toEqual(['ok', 'ok', 'first over', 'over', 'ok']);
    now = 60_001;
    expect(flood.take('li')).toBe('ok');
  });
});
