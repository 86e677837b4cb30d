/**
 * The Feishu bot end to end against a fake Feishu on 127.0.0.1 (test/fakes/feishu.ts): the real
 * app (startApp) with the real core over the committed knowledge and a temporary DATA_DIR; the
 * OpenAPI reached through the official SDK at FEISHU_API_ROOT. Events are POSTed encrypted and
 * signed (and, in one test, plain with the verification token only). No network.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApp, type App } from '../adapters/app.js';
import { classifyFeishu } from '../adapters/digest/feishu.js';
import { FeishuApiError } from '../adapters/feishu/api.js';
import { cardText } from '../adapters/feishu/render.js';
import { TEXT } from '../adapters/feishu/texts.js';
import { ConfigError, loadConfig, type Config } from '../src/config.js';
import { silent } from './digest-fakes.js';
import { APP_ID, APP_SECRET, ENCRYPT_KEY, FakeFeishu, VERIFICATION_TOKEN, sealEvent, type MessageSpec } from './fakes/feishu.js';

const fake = new FakeFeishu();
const dirs: string[] = [];
beforeAll(() => fake.start());
afterAll(async () => {
  await fake.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function config(env: Record<string, string> = {}): Config {
  const dir = mkdtempSync(join(tmpdir(), 'feishu-'));
  dirs.push(dir);
  return {
    ...loadConfig({
      FEISHU_APP_ID: APP_ID, FEISHU_APP_SECRET: APP_SECRET, FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN,
      FEISHU_ENCRYPT_KEY: ENCRYPT_KEY, FEISHU_API_ROOT: fake.root, DATA_DIR: dir, ...env,
    }),
    FEISHU_PORT: 0,
  };
}

/** Posts an event, encrypted and signed with `key` (null: plain, as without an Encrypt Key). */
async function post(app: App, event: unknown, key: string | null = ENCRYPT_KEY): Promise<Response> {
  const { body, headers } = sealEvent(event, key ?? undefined);
  const res = await fetch(`http://127.0.0.1:${app.feishu!.port}/feishu`, { method: 'POST', headers, body });
  return res;
}

/** Delivers an event and waits for the cards it brings into the chat; returns their text. */
async function deliver(app: App, event: Record<string, any>, chatId: string, key: string | null = ENCRYPT_KEY): Promise<{ text: string; cards: any[] }> {
  const before = fake.cards(chatId).length;
  const res = await post(app, event, key);
  expect(res.status).toBe(200);
  await vi.waitFor(() => expect(fake.cards(chatId).length).toBeGreaterThan(before), { timeout: 5_000, interval: 20 });
  for (let count = -1; count !== fake.cards(chatId).length; ) {
    count = fake.cards(chatId).length;
    await new Promise((r) => setTimeout(r, 100));
  }
  const cards = fake.cards(chatId).slice(before);
  return { text: cards.map(cardText).join('\n'), cards };
}

const chatOf = (spec: MessageSpec) => spec.group ?? `oc_p2p_${spec.user ?? 'ou_li'}`;
const ask = (app: App, spec: MessageSpec, key: string | null = ENCRYPT_KEY) => deliver(app, fake.message(spec), chatOf(spec), key);
/** The buttons of the last card: label → value. */
const buttons = (cards: any[]) => Object.fromEntries((cards.at(-1).elements.find((e: any) => e.tag === 'action')?.actions ?? []).map((a: any) => [a.text.content, a.value]));

describe('Feishu bot (encrypted, signed callbacks)', () => {
  let app: App;
  beforeAll(async () => {
    fake.reset();
    app = await startApp(config({ FEISHU_OPERATORS: 'ou_boss' }), silent, { host: '127.0.0.1' });
  });
  afterAll(() => app.stop());

  it('starts Feishu only, having proved the App ID and Secret at the token endpoint', () => {
    expect(app.platforms).toEqual(['feishu']);
    expect(fake.of('token')[0].body).toEqual({ app_id: APP_ID, app_secret: APP_SECRET });
  });

  it('answers the URL check with its challenge', async () => {
    const res = await post(app, { type: 'url_verification', challenge: 'ch-123', token: VERIFICATION_TOKEN });
    expect(await res.json()).toEqual({ challenge: 'ch-123' });
  });

  it('answers a question and its follow-up in a p2p chat, as a reply card; a follow-up button asks', async () => {
    const first = await ask(app, { text: '6月全市用电量是多少？', user: 'ou_li' });
    expect(first.text).toContain('**52.91亿千瓦时**');
    expect(fake.of('reply').at(-1)!.body.msg_type).toBe('interactive');
    const next = await ask(app, { text: '那1-6月呢', user: 'ou_li' });
    expect(next.text).toContain('293.25亿千瓦时');
    // A button carries its question back; the tap is asked in the same conversation.
    const followUps = buttons(first.cards);
    expect(Object.keys(followUps).length).toBeGreaterThan(0);
    const [, value] = Object.entries(followUps)[0];
    const tapped = await deliver(app, fake.cardAction(value as Record<string, unknown>, 'oc_p2p_ou_li', 'ou_li'), 'oc_p2p_ou_li');
    expect(tapped.text).not.toBe('');
    expect(fake.of('create').at(-1)!.target).toBe('chat:oc_p2p_ou_li');
  });

  it('keeps each group member their own conversation, and ignores group messages without @', async () => {
    const group = 'oc_group_economy';
    expect((await ask(app, { text: '6月全市用电量是多少？', group, user: 'ou_li' })).text).toContain('52.91');
    expect((await ask(app, { text: '那1-6月呢', group, user: 'ou_wang' })).text).not.toContain('293.25');
    expect((await ask(app, { text: '那1-6月呢', group, user: 'ou_li' })).text).toContain('293.25亿千瓦时');
    const before = fake.cards(group).length;
    await post(app, fake.message({ text: '大家好', group, user: 'ou_zhao', mention: false }));
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.cards(group).length).toBe(before);
  });

  it('pages a list with the 更多 button', async () => {
    const first = await ask(app, { text: '哪些任务按时推进', user: 'ou_pager' });
    expect(first.text).toContain('按时推进的任务共**88项**');
    const more = buttons(first.cards)[TEXT.moreButton];
    expect(more).toEqual({ ask: '更多', group: false });
    const second = await deliver(app, fake.cardAction(more, 'oc_p2p_ou_pager', 'ou_pager'), 'oc_p2p_ou_pager');
    expect(second.text).toContain('第11-20项');
  });

  it("sends an answer again after Feishu's rate limit (400, code 230020), once it is over", async () => {
    fake.script('reply', { status: 400, json: { code: 230020, msg: 'This operation triggers the frequency limit.' } });
    const answered = await ask(app, { text: '6月全市用电量是多少？', user: 'ou_busy' });
    expect(answered.text).toContain('52.91亿千瓦时');
    expect(fake.of('reply').filter((c) => c.target === 'chat:oc_p2p_ou_busy').map((c) => [c.status, c.reply.code])).toEqual([[400, 230020], [200, 0]]);
  });

  it('refuses a forged, unsigned, plain or stale request, and answers an event delivered twice once', async () => {
    const replies = fake.of('reply').length;
    const event = fake.message({ text: '6月全市用电量是多少？', user: 'ou_mallory' });
    expect((await post(app, event, 'another-encrypt-key')).status).toBe(401);
    expect((await post(app, event, null)).status).toBe(401); // plain, though a key is set
    const sealed = sealEvent(event, ENCRYPT_KEY);
    const unsigned = await fetch(`http://127.0.0.1:${app.feishu!.port}/feishu`, { method: 'POST', body: sealed.body, headers: { 'content-type': 'application/json' } });
    expect(unsigned.status).toBe(401);
    const stale = sealEvent(event, ENCRYPT_KEY, String(Math.floor(Date.now() / 1000) - 7200));
    expect((await fetch(`http://127.0.0.1:${app.feishu!.port}/feishu`, { method: 'POST', ...stale })).status).toBe(401);
    const wrongToken = { ...event, header: { ...(event.header as object), token: 'not-the-token' } };
    expect((await post(app, wrongToken)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.of('reply').length).toBe(replies);
    const twice = fake.message({ text: '6月全市用电量是多少？', user: 'ou_twice', eventId: 'ev_dup' });
    await post(app, twice);
    await post(app, twice);
    await vi.waitFor(() => expect(fake.cards('oc_p2p_ou_twice')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.cards('oc_p2p_ou_twice')).toHaveLength(1);
  });

  it('sends the digest to a subscriber once; a group subscribed only by an operator', async () => {
    expect((await ask(app, { text: '/subscribe', user: 'ou_sub' })).text).toMatch(/^已订阅每日简报/);
    expect((await ask(app, { text: '/subscribe', group: 'oc_group_sub', user: 'ou_member' })).text).toBe(TEXT.operatorsOnly);
    expect((await ask(app, { text: '/subscribe', group: 'oc_group_sub', user: 'ou_boss' })).text).toMatch(/^已订阅每日简报/);
    const before = fake.cards('oc_p2p_ou_sub').length;
    const slot = new Date('2026-12-07T00:00:00Z');
    await app.service.runSlot('default', slot);
    const digest = fake.cards('oc_p2p_ou_sub').slice(before);
    await app.service.runSlot('default', slot);
    expect(digest.length).toBeGreaterThan(0);
    expect(cardText(digest[0])).toContain('每日简报');
    expect(fake.cards('oc_p2p_ou_sub').length).toBe(before + digest.length);
    expect(digest.every((c) => !c.elements.some((e: any) => e.tag === 'action'))).toBe(true);
    expect(fake.calls.filter((c) => c.method === 'create' && c.target === 'chat:oc_group_sub')).toHaveLength(digest.length);
    expect((await ask(app, { text: '/unsubscribe', user: 'ou_sub' })).text).toMatch(/^已退订每日简报/);
  });
});

describe('Feishu with the verification token only (no Encrypt Key) and an allowlist', () => {
  it('refuses a wrong token and a chat outside FEISHU_ALLOWED_CHATS, answers an allowed one', async () => {
    fake.reset();
    const app = await startApp(config({ FEISHU_ENCRYPT_KEY: '', FEISHU_ALLOWED_CHATS: 'oc_allowed' }), silent, { host: '127.0.0.1' });
    try {
      const event = fake.message({ text: '6月全市用电量是多少？', group: 'oc_allowed', user: 'ou_li' });
      expect((await post(app, { ...event, header: { ...(event.header as object), token: 'forged' } }, null)).status).toBe(401);
      expect((await ask(app, { text: '6月全市用电量是多少？', group: 'oc_other', user: 'ou_li' }, null)).text).toBe(TEXT.refused);
      expect((await deliver(app, event, 'oc_allowed', null)).text).toContain('52.91');
      app.answerLog!.flush();
      const rows = app.store!.db.prepare('SELECT platform, conversation, user FROM answers').all() as Record<string, string>[];
      expect(rows.map((r) => r.platform)).toEqual(['feishu']);
      expect(JSON.stringify(rows)).not.toMatch(/oc_|ou_/);
    } finally {
      await app.stop();
    }
  });
});

describe("Feishu's error codes, as the digest reads them", () => {
  it('retries a rate limit (230020, 99991400), ends a group the bot left (230002), gives up on a refusal (230027)', () => {
    const kind = (code: number) => classifyFeishu(new FeishuApiError(400, code, 'x'))?.kind;
    expect([230020, 99991400, 230002, 230027].map(kind)).toEqual(['retry', 'retry', 'gone', 'fatal']);
  });
});

describe('Feishu start-up faults and settings', () => {
  const failure = (env: Record<string, string>) => startApp(config(env), silent).then(() => undefined, (e: Error) => e);

  it('a refused secret names FEISHU_APP_SECRET; an API out of reach FEISHU_API_ROOT', async () => {
    const secret = await failure({ FEISHU_APP_SECRET: 'a-wrong-secret-0123456789' });
    expect(secret).toBeInstanceOf(ConfigError);
    expect(secret!.message).toBe(`FEISHU_APP_SECRET: refused by Feishu's token endpoint at ${fake.root} (400 code 10014: app secret invalid)`);
    const server = createNetServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    expect((await failure({ FEISHU_API_ROOT: `http://127.0.0.1:${port}` }))!.message).toBe(`FEISHU_API_ROOT: cannot reach http://127.0.0.1:${port} (ECONNREFUSED)`);
  }, 20_000);

  it('names the setting at fault in one line', () => {
    const load = (env: Record<string, string>) => () =>
      loadConfig({ FEISHU_APP_ID: APP_ID, FEISHU_APP_SECRET: APP_SECRET, FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN, ...env });
    expect(load({ FEISHU_VERIFICATION_TOKEN: '' })).toThrow(/^FEISHU_VERIFICATION_TOKEN: required for Feishu in http mode/);
    expect(load({ FEISHU_VERIFICATION_TOKEN: '', FEISHU_MODE: 'ws' })()).toMatchObject({ FEISHU_MODE: 'ws' });
    expect(load({ FEISHU_MODE: 'websocket' })).toThrow(/^FEISHU_MODE: must be http or ws/);
    expect(load({ FEISHU_APP_ID: 'app1' })).toThrow(/^FEISHU_APP_ID: does not look like/);
    expect(load({})()).toMatchObject({ FEISHU_MODE: 'http', FEISHU_PORT: 3300, FEISHU_API_ROOT: 'https://open.feishu.cn' });
  });
});
