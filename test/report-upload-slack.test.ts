/**
 * A report added from Slack, end to end over a fake Web API and files API (no network): an
 * operator shares a Word document in a DM (files.info, then url_private with the bot token),
 * corrects the year, confirms, and a question about it is answered in the same run; a PDF is
 * added and removed through /reports. A non-operator's file adds nothing.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApp, type App } from '../adapters/app.js';
import { createCore } from '../src/core.js';
import { GENERATED_DIR } from '../src/knowledge/lexicon.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { silent, tempDir } from './digest-fakes.js';
import { FakeSlack } from './fakes/slack.js';
import { actionFields, commandFields, sendEvent, sendForm, testConfig, ts } from './fakes/slack-requests.js';
import { BULLETIN_FIGURE, BULLETIN_QUESTION, bulletinDocx, TASKS_PDF } from './report-files.js';

const OPERATOR = 'UOPERATOR';
const STRANGER = 'USTRANGER';
const DM = 'D100';
const fake = new FakeSlack();
const dir = tempDir('report-upload-slack-');
const dataDir = join(dir, 'data');
const knowledgeDir = join(dir, 'generated');
const reportsDir = join(dataDir, 'reports');
let app: App;
let port: number;

interface Posted {
  text: string;
  buttons: { label: string; value: string; action: string }[];
}
const posted = (): Posted[] =>
  fake
    .of('chat.postMessage', 200)
    .filter((c) => c.body.channel === DM)
    .map((c) => {
      const blocks = typeof c.body.blocks === 'string' ? JSON.parse(c.body.blocks) : (c.body.blocks ?? []);
      const buttons = blocks.flatMap((b: any) => (b.type === 'actions' ? b.elements : [])).map((e: any) => ({ label: e.text.text, value: e.value, action: e.action_id }));
      return { text: String(c.body.text), buttons };
    });
async function postAfter(after: number, test: (m: Posted) => boolean, timeout = 30_000): Promise<Posted> {
  await vi.waitFor(() => expect(posted().slice(after).some(test)).toBe(true), { timeout, interval: 50 });
  return posted().slice(after).find(test)!;
}

const dm = (user: string, text: string) => sendEvent(port, { type: 'message', channel: DM, channel_type: 'im', user, text, ts: ts() });
function share(user: string, id: string, name: string, bytes: Buffer) {
  fake.files.set(id, { name, bytes });
  // As Slack may send it: the file without its URL, to be looked up with files.info.
  return sendEvent(port, { type: 'message', subtype: 'file_share', channel: DM, channel_type: 'im', user, text: '', ts: ts(), files: [{ id, file_access: 'check_file_info' }] });
}
const press = (b: { action: string; value: string }, user = OPERATOR) => sendForm(port, actionFields(fake, b.action, b.value, DM, undefined, undefined, { user }));

beforeAll(async () => {
  await fake.start();
  mkdirSync(dataDir);
  cpSync(GENERATED_DIR, knowledgeDir, { recursive: true });
  const config = testConfig(fake, { DATA_DIR: dataDir, SLACK_OPERATORS: OPERATOR });
  app = await startApp(config, silent, { makeCore: (o) => createCore(loadKnowledge(knowledgeDir), o), knowledgeDir, host: '127.0.0.1' });
  port = app.slack!.port!;
});
afterAll(async () => {
  await app?.stop();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('adding a report from Slack', () => {
  it("refuses a non-operator's file without looking it up", async () => {
    await share(STRANGER, 'FSTRANGER', '海宁统计公报.docx', await bulletinDocx());
    await postAfter(0, (m) => m.text === '只有管理员可以添加报告。');
    expect(fake.of('files.info')).toEqual([]);
    expect(existsSync(reportsDir) ? readdirSync(reportsDir).filter((f) => !f.startsWith('.')) : []).toEqual([]);
  });

  it('reads a shared Word document, takes a correction, adds it on 确认, and answers from it', async () => {
    let before = posted().length;
    await share(OPERATOR, 'FDOCX', '海宁统计公报.docx', await bulletinDocx());
    const shown = await postAfter(before, (m) => m.text.includes('海宁统计公报.docx'), 10_000);
    expect(shown.text).toContain('kind statistics');
    expect(fake.arrived.find((r) => r.method === '/files/FDOCX')?.headers.authorization).toBe('Bearer xoxb-test-token');
    expect(shown.buttons.map((b) => b.label)).toEqual(['确认', '取消']);

    before = posted().length;
    await dm(OPERATOR, '年份=2024');
    const corrected = await postAfter(before, (m) => m.text.includes('figures of 2024 (from operator)'));
    before = posted().length;
    await press(corrected.buttons.find((b) => b.label === '确认')!);
    await postAfter(before, (m) => m.text.includes('知识库已重建并生效'), 60_000);

    before = posted().length;
    await dm(OPERATOR, BULLETIN_QUESTION);
    await postAfter(before, (m) => m.text.includes(BULLETIN_FIGURE));
  }, 120_000);

  it('adds a PDF and removes the Word document through /reports', async () => {
    let before = posted().length;
    await share(OPERATOR, 'FPDF', '重点工作上半年.pdf', TASKS_PDF);
    const shown = await postAfter(before, (m) => m.text.includes('重点工作上半年.pdf'), 20_000);
    before = posted().length;
    await press(shown.buttons.find((b) => b.label === '确认')!);
    await postAfter(before, (m) => m.text.includes('知识库已重建并生效'), 60_000);
    expect(app.core.knowledge.sources.some((s) => s.file.endsWith('重点工作上半年.pdf'))).toBe(true);

    const respondedBefore = fake.calls.length;
    await sendForm(port, { ...commandFields(fake, '/reports', '', DM, 'list'), user_id: OPERATOR });
    await vi.waitFor(() => expect(fake.calls.slice(respondedBefore).some((c) => c.method === '/respond/list')).toBe(true), { timeout: 10_000 });
    const list = fake.calls.slice(respondedBefore).find((c) => c.method === '/respond/list')!.body;
    expect(String(list.text)).toMatch(/^从聊天中添加的报告（2 份）/);
    const remove = list.blocks.flatMap((b: any) => (b.type === 'actions' ? b.elements : [])).find((e: any) => e.text.text === '删除 1');
    before = posted().length;
    await press({ action: remove.action_id, value: remove.value });
    await postAfter(before, (m) => m.text.startsWith('已删除 海宁统计公报.docx') && m.text.includes('已重建并生效'), 60_000);
    expect(existsSync(join(reportsDir, '海宁统计公报.docx'))).toBe(false);
  }, 150_000);
});
