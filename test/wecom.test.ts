/**
 * The WeCom application end to end against a fake WeCom on 127.0.0.1 (test/fakes/wecom.ts):
 * the real app (startApp) with the real core over the committed knowledge and a temporary
 * DATA_DIR. Callbacks are POSTed signed and encrypted as WeCom sends them; replies are read
 * where message/send points (the fake). The encryption is checked against the test vectors of
 * WeCom's own documentation and sample code. No network.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApp, type App } from '../adapters/app.js';
import { openSigned } from '../adapters/wecom/crypto.js';
import { readMessage } from '../adapters/wecom/message.js';
import { MAX_BYTES, renderAnswer } from '../adapters/wecom/render.js';
import { TEXT } from '../adapters/wecom/texts.js';
import { ConfigError, loadConfig, type Config } from '../src/config.js';
import type { Answer } from '../src/types.js';
import { silent } from './digest-fakes.js';
import { AES_KEY, AGENT_ID, CORP_ID, FakeWeCom, SECRET, TOKEN, seal, type MessageSpec } from './fakes/wecom.js';

const fake = new FakeWeCom();
const dirs: string[] = [];
beforeAll(() => fake.start());
afterAll(async () => {
  await fake.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function config(env: Record<string, string> = {}): Config {
  const dir = mkdtempSync(join(tmpdir(), 'wecom-'));
  dirs.push(dir);
  return {
    ...loadConfig({
      WECOM_CORP_ID: CORP_ID, WECOM_AGENT_ID: AGENT_ID, WECOM_SECRET: SECRET, WECOM_TOKEN: TOKEN,
      WECOM_ENCODING_AES_KEY: AES_KEY, WECOM_API_ROOT: fake.root, DATA_DIR: dir, ...env,
    }),
    WECOM_PORT: 0,
  };
}

const callbackUrl = (app: App, query: string) => `http://127.0.0.1:${app.wecom!.port}/wecom?${query}`;

/** POSTs a message as WeCom does; resolves with the HTTP status. */
async function deliver(app: App, xml: string, sealWith = {}): Promise<number> {
  const { query, body } = seal(xml, sealWith);
  const res = await fetch(callbackUrl(app, query), { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
  await res.arrayBuffer();
  return res.status;
}

/** Asks as a member and waits for the reply; returns its markdown. */
async function ask(app: App, spec: MessageSpec): Promise<string> {
  const target = `user:${spec.user ?? 'li'}`;
  const before = fake.sent(target).length;
  expect(await deliver(app, fake.messageXml(spec))).toBe(200);
  await vi.waitFor(() => expect(fake.sent(target).length).toBeGreaterThan(before), { timeout: 5_000, interval: 20 });
  // A long answer is several messages, sent one after another: wait until no more come.
  for (let count = -1; count !== fake.sent(target).length; ) {
    count = fake.sent(target).length;
    await new Promise((r) => setTimeout(r, 100));
  }
  return fake.sent(target).slice(before).join('\n');
}

async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('WeCom callback encryption, against the test vectors of WeCom\'s documentation', () => {
  const keys = { token: 'QDG6eK', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wx5823bf96d3bd56c7' };
  const echostr = 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==';
  const encrypted =
    'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==';

  it('verifies the URL: the echostr of the sample decrypts to 1616140317555161061', () => {
    const signed = { msg_signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3', timestamp: '1409659589', nonce: '263014780' };
    expect(openSigned(keys, signed, echostr)).toEqual({ ok: true, message: '1616140317555161061' });
    expect(openSigned(keys, { ...signed, nonce: '263014781' }, echostr)).toEqual({ ok: false, why: 'msg_signature does not match' });
    expect(openSigned({ ...keys, corpId: 'wwother' }, signed, echostr)).toEqual({ ok: false, why: 'encrypted for another CorpID' });
  });

  it('decrypts the sample message: hello from mycreate', () => {
    const signed = { msg_signature: '477715d11cdb4164915debcba66cb864d751f3e6', timestamp: '1409659813', nonce: '1372623149' };
    const opened = openSigned(keys, signed, encrypted);
    expect(opened.ok).toBe(true);
    const message = readMessage((opened as { message: string }).message);
    expect(message).toEqual({ msgId: '4561255354251345929', user: 'mycreate', agentId: '218', text: 'hello' });
    expect(openSigned({ ...keys, token: 'other' }, signed, encrypted)).toMatchObject({ ok: false });
  });
});

describe('WeCom application', () => {
  let app: App;
  beforeAll(async () => {
    fake.reset();
    app = await startApp(config({ WECOM_OPERATORS: 'boss' }), silent, { host: '127.0.0.1' });
  });
  afterAll(() => app.stop());

  it('starts WeCom only, having proved the Secret at gettoken and the AgentId at agent/get', () => {
    expect(app.platforms).toEqual(['wecom']);
    expect(fake.of('gettoken')).toHaveLength(1);
    expect(fake.of('agent')[0].status).toBe(200);
  });

  it('answers the URL check with the decrypted echostr, and refuses a forged one', async () => {
    const good = seal('echo-1234567890');
    const res = await fetch(`${callbackUrl(app, good.query)}&echostr=${encodeURIComponent(good.encrypted)}`);
    expect(await res.text()).toBe('echo-1234567890');
    // An echostr whose + came unescaped (read as a space) still decrypts.
    let plus = seal('echo-plus');
    while (!plus.encrypted.includes('+')) plus = seal('echo-plus');
    const unescaped = await fetch(`${callbackUrl(app, plus.query)}&echostr=${plus.encrypted.replace(/\//g, '%2F').replace(/=/g, '%3D')}`);
    expect(await unescaped.text()).toBe('echo-plus');
    const forged = seal('echo-1234567890', { token: 'NotTheToken' });
    const refused = await fetch(`${callbackUrl(app, forged.query)}&echostr=${encodeURIComponent(forged.encrypted)}`);
    expect(refused.status).toBe(401);
  });

  it('answers a question and its follow-up in one conversation, as markdown application messages', async () => {
    const first = await ask(app, { text: '6月全市用电量是多少？', user: 'li' });
    expect(first).toContain('**52.91亿千瓦时**');
    const call = fake.of('send').at(-1)!;
    expect(call.body).toMatchObject({ touser: 'li', agentid: Number(AGENT_ID), msgtype: 'markdown' });
    const next = await ask(app, { text: '那1-6月呢', user: 'li' });
    expect(next).toContain('293.25亿千瓦时');
    // Another member has a conversation of their own.
    expect(await ask(app, { text: '那1-6月呢', user: 'wang' })).not.toContain('293.25');
  });

  it('pages a list with 更多', async () => {
    const first = await ask(app, { text: '哪些任务按时推进', user: 'pager' });
    expect(first).toContain('按时推进的任务共**88项**');
    expect(first).toContain('发送“更多”');
    expect(await ask(app, { text: '更多', user: 'pager' })).toContain('第11-20项');
  });

  it('refuses a forged request, one encrypted for another corp, and a stale one, and answers a redelivery once', async () => {
    const before = fake.of('send').length;
    const xml = fake.messageXml({ text: '6月全市用电量是多少？', user: 'mallory' });
    expect(await deliver(app, xml, { token: 'NotTheToken' })).toBe(401);
    expect(await deliver(app, xml, { corpId: 'wwanothercorp' })).toBe(401);
    expect(await deliver(app, xml, { timestamp: String(Math.floor(Date.now() / 1000) - 7200) })).toBe(401);
    const res = await fetch(callbackUrl(app, seal(xml).query), { method: 'POST', body: '<xml><Encrypt><![CDATA[bm90IGl0]]></Encrypt></xml>' });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.of('send').length).toBe(before);
    const twice = fake.messageXml({ text: '6月全市用电量是多少？', user: 'twice', msgId: '777' });
    await deliver(app, twice);
    await deliver(app, twice);
    await vi.waitFor(() => expect(fake.sent('user:twice')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.sent('user:twice')).toHaveLength(1);
  });

  it('sends the digest to a subscriber once, with the cached token; a group chat only by an operator', async () => {
    expect(await ask(app, { text: '/subscribe', user: 'sub' })).toMatch(/^已订阅每日简报/);
    expect(await ask(app, { text: '/subscribe chat:wrgroup', user: 'member' })).toBe(TEXT.operatorsOnly);
    expect(await ask(app, { text: '/subscribe chat:wrgroup', user: 'boss' })).toMatch(/^已订阅每日简报/);
    const tokens = fake.of('gettoken').length;
    const before = fake.sent('user:sub').length;
    const slot = new Date('2026-12-07T00:00:00Z');
    await app.service.runSlot('default', slot);
    const digest = fake.sent('user:sub').slice(before);
    await app.service.runSlot('default', slot); // the same slot again: nobody gets it twice
    expect(digest.length).toBeGreaterThan(0);
    expect(digest[0]).toContain('每日简报');
    for (const part of digest) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(MAX_BYTES);
    expect(fake.sent('user:sub').length).toBe(before + digest.length);
    expect(fake.sent('chat:wrgroup')).toEqual(digest);
    expect(fake.of('gettoken').length).toBe(tokens);
    expect(await ask(app, { text: '/unsubscribe', user: 'sub' })).toMatch(/^已退订每日简报/);
  });

  it('ends the subscription of a member WeCom no longer knows (invaliduser)', async () => {
    expect(await ask(app, { text: '/subscribe', user: 'leaver' })).toMatch(/^已订阅每日简报/);
    fake.script('send:user:leaver', { json: { errcode: 0, errmsg: 'ok', invaliduser: 'leaver' } });
    await app.service.runSlot('default', new Date('2026-12-08T00:00:00Z'));
    expect(app.store!.subscription('wecom', 'user:leaver')).toBeUndefined();
  });

  it('fetches a new token when WeCom says the cached one expired', async () => {
    const tokens = fake.of('gettoken').length;
    fake.script('send', { json: { errcode: 42001, errmsg: 'access_token expired' } });
    expect(await ask(app, { text: '6月全市用电量是多少？', user: 'expired' })).toContain('52.91');
    expect(fake.of('gettoken').length).toBe(tokens + 1);
  });
});

describe('WeCom allowlist', () => {
  it('refuses a member outside WECOM_ALLOWED_USERS once, answers one on it, logs only the answered one', async () => {
    fake.reset();
    const app = await startApp(config({ WECOM_ALLOWED_USERS: 'allowed' }), silent, { host: '127.0.0.1' });
    try {
      expect(await ask(app, { text: '6月全市用电量是多少？', user: 'other' })).toBe(TEXT.refused);
      await deliver(app, fake.messageXml({ text: '6月全市用电量是多少？', user: 'other' }));
      await new Promise((r) => setTimeout(r, 200));
      expect(fake.sent('user:other')).toHaveLength(1);
      expect(await ask(app, { text: '6月全市用电量是多少？', user: 'allowed' })).toContain('52.91');
      app.answerLog!.flush();
      const rows = app.store!.db.prepare('SELECT platform, conversation, user FROM answers').all() as Record<string, string>[];
      expect(rows.map((r) => r.platform)).toEqual(['wecom']);
      expect(JSON.stringify(rows)).not.toContain('allowed');
    } finally {
      await app.stop();
    }
  });
});

describe('WeCom start-up faults', () => {
  const failure = (env: Record<string, string>) => startApp(config(env), silent).then(() => undefined, (e: Error) => e);

  it('a refused Secret names WECOM_SECRET, a wrong CorpID WECOM_CORP_ID, a wrong AgentId WECOM_AGENT_ID', async () => {
    const secret = await failure({ WECOM_SECRET: 'a-wrong-secret-0123456789' });
    expect(secret).toBeInstanceOf(ConfigError);
    expect(secret!.message).toBe(`WECOM_SECRET: refused by WeCom's token endpoint at ${fake.root} (errcode 40001: invalid credential)`);
    expect((await failure({ WECOM_CORP_ID: 'wwnotthecorp' }))!.message).toMatch(/^WECOM_CORP_ID: refused by WeCom's token endpoint .*40013/);
    expect((await failure({ WECOM_AGENT_ID: '1000099' }))!.message).toMatch(/^WECOM_AGENT_ID: WeCom refused application 1000099/);
  });

  it('an API out of reach or failing names WECOM_API_ROOT', async () => {
    const root = `http://127.0.0.1:${await closedPort()}`;
    expect((await failure({ WECOM_API_ROOT: root }))!.message).toBe(`WECOM_API_ROOT: cannot reach ${root} (ECONNREFUSED)`);
    fake.reset();
    fake.script('gettoken', ...Array(3).fill({ json: { errcode: -1, errmsg: 'system busy' } }));
    expect((await failure({}))!.message).toBe(`WECOM_API_ROOT: ${fake.root} answered with errcode -1: system busy`);
    expect(fake.of('gettoken')).toHaveLength(3);
  }, 20_000);

  it('names the setting at fault in one line', () => {
    const load = (env: Record<string, string>) => () =>
      loadConfig({ WECOM_CORP_ID: CORP_ID, WECOM_AGENT_ID: AGENT_ID, WECOM_SECRET: SECRET, WECOM_TOKEN: TOKEN, WECOM_ENCODING_AES_KEY: AES_KEY, ...env });
    expect(load({ WECOM_ENCODING_AES_KEY: 'short' })).toThrow(/^WECOM_ENCODING_AES_KEY: must be 43/);
    expect(load({ WECOM_TOKEN: '' })).toThrow(/^WECOM_TOKEN: required for WeCom/);
    expect(load({ WECOM_AGENT_ID: 'abc' })).toThrow(/^WECOM_AGENT_ID: must be/);
    expect(load({})()).toMatchObject({ WECOM_PORT: 3200, WECOM_API_ROOT: 'https://qyapi.weixin.qq.com' });
  });
});

describe('WeCom rendering', () => {
  it('splits a long answer into messages within 2048 bytes of UTF-8', () => {
    const lines = Array.from({ length: 300 }, (_, i) => [{ text: `${i + 1}. 第${i + 1}项任务进展顺利` }, { text: '86.87亿元', strong: true }]);
    const answer: Answer = { question: 'q', kind: 'list', text: '', lines, records: [], sources: [], followUps: [{ label: '同比', question: '同比呢' }] };
    const messages = renderAnswer(answer);
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) expect(Buffer.byteLength(m, 'utf8')).toBeLessThanOrEqual(MAX_BYTES);
    expect(messages.at(-1)).toContain(`${TEXT.followUps}同比呢`);
  });
});
