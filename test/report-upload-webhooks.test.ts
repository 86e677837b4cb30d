/**
 * A report added from DingTalk, WeCom and Feishu, end to end against each platform's fake on
 * 127.0.0.1 (no network): an operator sends a Word document in a private chat (downloaded
 * through the platform's file API — DingTalk's messageFiles/download and its downloadUrl,
 * WeCom's media/get, Feishu's message resource), corrects the year, confirms with the reply's
 * button, and a question about it is answered in the same run, without a restart. A
 * non-operator's file adds nothing and is never downloaded.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startApp, type App } from '../adapters/app.js';
import { cardText } from '../adapters/feishu/render.js';
import { loadConfig, type Config } from '../src/config.js';
import { createCore } from '../src/core.js';
import { GENERATED_DIR } from '../src/knowledge/lexicon.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { silent, tempDir } from './digest-fakes.js';
import { CLIENT_ID, CLIENT_SECRET, FakeDingTalk, signedHeaders } from './fakes/dingtalk.js';
import { APP_ID, APP_SECRET, ENCRYPT_KEY, FakeFeishu, sealEvent, VERIFICATION_TOKEN } from './fakes/feishu.js';
import type { FakeApi } from './fakes/http.js';
import { AES_KEY, AGENT_ID, CORP_ID, FakeWeCom, SECRET, TOKEN, seal } from './fakes/wecom.js';
import { BULLETIN_FIGURE, BULLETIN_QUESTION, bulletinDocx } from './report-files.js';

const NAME = '海宁统计公报.docx';
const dirs: string[] = [];
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops) await stop();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/**
 * The platform's fake started, and the app over it with a data dir and a copy of the committed
 * knowledge (which a confirmed report rebuilds); both stopped after the file's tests.
 */
async function running(fake: FakeApi, settings: (dataDir: string) => Config): Promise<{ app: App; dataDir: string }> {
  await fake.start();
  const dir = tempDir('report-upload-webhooks-');
  dirs.push(dir);
  const dataDir = join(dir, 'data');
  const knowledgeDir = join(dir, 'generated');
  mkdirSync(dataDir);
  cpSync(GENERATED_DIR, knowledgeDir, { recursive: true });
  const app = await startApp(settings(dataDir), silent, { makeCore: (o) => createCore(loadKnowledge(knowledgeDir), o), knowledgeDir, host: '127.0.0.1' });
  stops.unshift(() => app.stop(), () => fake.close());
  return { app, dataDir };
}

const kept = (dataDir: string) => {
  const dir = join(dataDir, 'reports');
  return existsSync(dir) ? readdirSync(dir).filter((f) => !f.startsWith('.')) : [];
};

/** What a platform's chat offers a test: a file or a text from someone, and the replies to them since. */
interface Chat {
  sendFile(user: string, bytes: Buffer): Promise<void>;
  sendText(user: string, text: string): Promise<void>;
  /** Every reply to the user so far, as text. */
  replies(user: string): string[];
  /** Presses the reply's 确认 button. */
  confirm(user: string, reply: string): Promise<void>;
  /** How many file downloads the platform served. */
  downloads(): number;
}

async function replyAfter(chat: Chat, user: string, before: number, test: (text: string) => boolean, timeout = 20_000): Promise<string> {
  await vi.waitFor(() => expect(chat.replies(user).slice(before).some(test)).toBe(true), { timeout, interval: 50 });
  return chat.replies(user).slice(before).find(test)!;
}

/** The flow every platform must carry, operator and stranger by their platform ids. */
async function addsAReport(chat: Chat, operator: string, stranger: string, dataDir: string, app: App): Promise<void> {
  await chat.sendFile(stranger, await bulletinDocx());
  await replyAfter(chat, stranger, 0, (t) => t.includes('只有管理员可以添加报告'));
  expect(chat.downloads()).toBe(0);
  expect(kept(dataDir)).toEqual([]);

  let before = chat.replies(operator).length;
  await chat.sendFile(operator, await bulletinDocx());
  const shown = await replyAfter(chat, operator, before, (t) => t.includes(NAME));
  expect(shown).toContain('kind statistics');
  expect(chat.downloads()).toBe(1);

  before = chat.replies(operator).length;
  await chat.sendText(operator, '年份=2024');
  const corrected = await replyAfter(chat, operator, before, (t) => t.includes('figures of 2024 (from operator)'));

  before = chat.replies(operator).length;
  await chat.confirm(operator, corrected);
  await replyAfter(chat, operator, before, (t) => t.includes('知识库已重建并生效'), 90_000);
  expect(kept(dataDir)).toContain(NAME);
  expect(app.core.knowledge.sources.some((s) => s.file.endsWith(NAME))).toBe(true);

  before = chat.replies(operator).length;
  await chat.sendText(operator, BULLETIN_QUESTION);
  await replyAfter(chat, operator, before, (t) => t.includes(BULLETIN_FIGURE));
}

describe('adding a report from DingTalk (HTTP mode)', () => {
  it('an operator sends a Word document, corrects the year, confirms, and asks about it', async () => {
    const fake = new FakeDingTalk();
    const { app, dataDir } = await running(fake, (DATA_DIR) => ({
      ...loadConfig({ DINGTALK_CLIENT_ID: CLIENT_ID, DINGTALK_CLIENT_SECRET: CLIENT_SECRET, DINGTALK_API_ROOT: fake.root, DINGTALK_MODE: 'http', DINGTALK_OPERATORS: 'staff-boss', DATA_DIR }),
      DINGTALK_PORT: 0,
    }));
    const post = async (body: Record<string, unknown>) => {
      const res = await fetch(`http://127.0.0.1:${app.dingtalk!.port}/dingtalk`, { method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders() }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
    };
    const chat: Chat = {
      sendFile: (user, bytes) => post(fake.message({ staffId: user, file: { name: NAME, bytes } })),
      sendText: (user, text) => post(fake.message({ staffId: user, text })),
      replies: (user) => fake.replies(`cid-private-${user}`).map((m) => m.text),
      // The button is a link that sends its command as the operator's own message.
      async confirm(user, reply) {
        const link = /\[确认\]\(dtmd:\/\/dingtalkclient\/sendMessage\?content=([^)]+)\)/.exec(reply);
        expect(link).not.toBeNull();
        await chat.sendText(user, decodeURIComponent(link![1]));
      },
      downloads: () => fake.of('fileDownload', 200).length,
    };
    await addsAReport(chat, 'staff-boss', 'staff-li', dataDir, app);
    expect(fake.of('fileDownload')[0].body.robotCode).toBe(CLIENT_ID);
  }, 150_000);
});

describe('adding a report from WeCom', () => {
  it('an operator sends a Word document, corrects the year, confirms, and asks about it', async () => {
    const fake = new FakeWeCom();
    const { app, dataDir } = await running(fake, (DATA_DIR) => ({
      ...loadConfig({
        WECOM_CORP_ID: CORP_ID, WECOM_AGENT_ID: AGENT_ID, WECOM_SECRET: SECRET, WECOM_TOKEN: TOKEN, WECOM_ENCODING_AES_KEY: AES_KEY,
        WECOM_API_ROOT: fake.root, WECOM_OPERATORS: 'boss', DATA_DIR,
      }),
      WECOM_PORT: 0,
    }));
    const post = async (xml: string) => {
      const { query, body } = seal(xml);
      const res = await fetch(`http://127.0.0.1:${app.wecom!.port}/wecom?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
      expect(res.status).toBe(200);
    };
    const chat: Chat = {
      sendFile: (user, bytes) => post(fake.messageXml({ user, file: { name: NAME, bytes } })),
      sendText: (user, text) => post(fake.messageXml({ user, text })),
      replies: (user) => fake.sent(`user:${user}`),
      // WeCom's markdown has no button that posts back: the reply says what to send.
      async confirm(user, reply) {
        const command = /确认：发送 (\/reports ok:\w+)/.exec(reply);
        expect(command).not.toBeNull();
        await chat.sendText(user, command![1]);
      },
      downloads: () => fake.arrived.filter((r) => r.method.startsWith('/cgi-bin/media/get')).length,
    };
    await addsAReport(chat, 'boss', 'li', dataDir, app);
  }, 150_000);
});

describe('adding a report from Feishu', () => {
  it('an operator sends a Word document, corrects the year, confirms with the card button, and asks about it', async () => {
    const fake = new FakeFeishu();
    const { app, dataDir } = await running(fake, (DATA_DIR) => ({
      ...loadConfig({
        FEISHU_APP_ID: APP_ID, FEISHU_APP_SECRET: APP_SECRET, FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN, FEISHU_ENCRYPT_KEY: ENCRYPT_KEY,
        FEISHU_API_ROOT: fake.root, FEISHU_OPERATORS: 'ou_boss', DATA_DIR,
      }),
      FEISHU_PORT: 0,
    }));
    const post = async (event: unknown) => {
      const { body, headers } = sealEvent(event, ENCRYPT_KEY);
      const res = await fetch(`http://127.0.0.1:${app.feishu!.port}/feishu`, { method: 'POST', headers, body });
      expect(res.status).toBe(200);
    };
    const chatOf = (user: string) => `oc_p2p_${user}`;
    const chat: Chat = {
      sendFile: (user, bytes) => post(fake.message({ user, file: { name: NAME, bytes } })),
      sendText: (user, text) => post(fake.message({ user, text })),
      replies: (user) => fake.cards(chatOf(user)).map(cardText),
      // A card button whose value carries the command, tapped.
      async confirm(user, reply) {
        const card = fake.cards(chatOf(user)).find((c) => cardText(c) === reply);
        const button = card.elements.find((e: any) => e.tag === 'action').actions.find((a: any) => a.text.content === '确认');
        expect(button.value.ask).toMatch(/^\/reports ok:\w+$/);
        await post(fake.cardAction(button.value, chatOf(user), user));
      },
      downloads: () => fake.arrived.filter((r) => r.method.includes('/resources/')).length,
    };
    await addsAReport(chat, 'ou_boss', 'ou_li', dataDir, app);
  }, 150_000);
});
