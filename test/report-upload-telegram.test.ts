/**
 * A report added from the chat, end to end over the fake Telegram API (no network): an
 * operator sends a Word document and a PDF, corrects the year, confirms, and a question about
 * the new report is answered in the same run, and a question asked during the rebuild is
 * answered before it ends; /reports lists and removes one. A non-operator's
 * file, a file of another type and one over the size limit add nothing.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApp, type App } from '../adapters/app.js';
import { loadConfig } from '../src/config.js';
import { createCore } from '../src/core.js';
import { GENERATED_DIR } from '../src/knowledge/lexicon.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { silent, tempDir } from './digest-fakes.js';
import { BULLETIN_FIGURE, BULLETIN_QUESTION, bulletinDocx, TASKS_PDF as PDF } from './report-files.js';
import { callbackUpdate, chatMessage, commandUpdate, documentUpdate, FakeTelegram, inlineButtons, textUpdate, TOKEN } from './fakes/telegram.js';

const OPERATOR = 4242;
const STRANGER = 5151;
const api = new FakeTelegram();
const dir = tempDir('report-upload-');
const dataDir = join(dir, 'data');
const knowledgeDir = join(dir, 'generated');
const reportsDir = join(dataDir, 'reports');
let app: App;

const texts = (chat: number) => api.sentTo(chat).map((c) => String(c.body.text));
const lastTo = (chat: number) => api.sentTo(chat).at(-1);
/** Waits for a new message to the chat that passes `test`; returns it. */
async function replyTo(chat: number, after: number, test: (text: string) => boolean, timeout = 30_000) {
  await vi.waitFor(() => expect(api.sentTo(chat).slice(after).some((c) => test(String(c.body.text)))).toBe(true), { timeout, interval: 50 });
  return api.sentTo(chat).slice(after).find((c) => test(String(c.body.text)))!;
}
const person = (id: number) => ({ id, is_bot: false, first_name: '李' });
const chat = (id: number) => ({ id, type: 'private' });
const press = (data: string, id = OPERATOR) => api.push(callbackUpdate(data, chat(id), person(id)));

async function send(file: { id: string; name: string; bytes: Buffer; size?: number }, from = OPERATOR) {
  api.files.set(file.id, file.bytes);
  api.push(documentUpdate({ id: file.id, name: file.name, size: file.size ?? file.bytes.length }, from));
}

beforeAll(async () => {
  await api.start();
  mkdirSync(dataDir);
  cpSync(GENERATED_DIR, knowledgeDir, { recursive: true });
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.root, DATA_DIR: dataDir, TELEGRAM_OPERATORS: `${OPERATOR}` });
  app = await startApp(config, silent, { makeCore: (o) => createCore(loadKnowledge(knowledgeDir), o), knowledgeDir, host: '127.0.0.1' });
});
afterAll(async () => {
  await app?.stop();
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('adding a report from Telegram', () => {
  it("refuses a non-operator's file in one line, without downloading it", async () => {
    await send({ id: 'strangerdoc', name: '海宁统计公报.docx', bytes: await bulletinDocx() }, STRANGER);
    await replyTo(STRANGER, 0, (t) => t === '只有管理员可以添加报告。');
    expect(api.arrived.some((r) => r.method.includes('strangerdoc') || r.body?.file_id === 'strangerdoc')).toBe(false);
    api.push(commandUpdate('/reports', STRANGER));
    await replyTo(STRANGER, 1, (t) => t === '只有管理员可以添加报告。');
    expect(existsSync(reportsDir) ? readdirSync(reportsDir).filter((f) => !f.startsWith('.')) : []).toEqual([]);
    // Even an operator's list is not shown in a group.
    const group = { id: -100555, type: 'supergroup' };
    api.push(chatMessage('/reports', group, person(OPERATOR), { entities: [{ type: 'bot_command', offset: 0, length: 8 }] }));
    await replyTo(group.id, 0, (t) => t === '请在与机器人的私聊中使用 /reports。');
  }, 30_000);

  it('says what it cannot take: another type, too large', async () => {
    const before = texts(OPERATOR).length;
    await send({ id: 'exe', name: 'setup.exe', bytes: Buffer.from('MZ') });
    await replyTo(OPERATOR, before, (t) => t.includes('只能添加 PDF、Word'));
    await send({ id: 'huge', name: '大文件.pdf', bytes: Buffer.from('%PDF-1.4'), size: 30 * 1024 * 1024 });
    await replyTo(OPERATOR, before, (t) => t.startsWith('文件太大（30 MB）'));
  }, 30_000);

  it('reads a Word document, takes a correction, adds it on 确认, and answers from it in the same run', async () => {
    const question = BULLETIN_QUESTION;
    let before = texts(OPERATOR).length;
    api.push(textUpdate(question, OPERATOR));
    const unknown = await replyTo(OPERATOR, before, () => true);
    expect(String(unknown.body.text)).not.toContain(BULLETIN_FIGURE);

    before = texts(OPERATOR).length;
    await send({ id: 'haining', name: '海宁统计公报.docx', bytes: await bulletinDocx() });
    const shown = await replyTo(OPERATOR, before, (t) => t.includes('海宁统计公报.docx'), 10_000);
    const text = String(shown.body.text);
    expect(text).toContain('kind statistics');
    expect(text).toMatch(/place 海宁市 \(from \w+/);
    expect(text).toContain('地区生产总值 · 海宁市');
    expect(text).toContain('地区=海宁市 年份=2024');
    expect(inlineButtons(shown).map(([label]) => label)).toEqual(['确认', '取消']);

    // The year is nowhere in the text: the operator says it.
    before = texts(OPERATOR).length;
    api.push(textUpdate('年份=2024', OPERATOR));
    const corrected = await replyTo(OPERATOR, before, (t) => t.includes('海宁统计公报.docx'));
    expect(String(corrected.body.text)).toContain('figures of 2024 (from operator)');
    const [, ok] = inlineButtons(corrected).find(([label]) => label === '确认')!;

    before = texts(OPERATOR).length;
    press(ok);
    await replyTo(OPERATOR, before, (t) => t.includes('知识库已重建并生效'), 60_000);
    expect(readdirSync(reportsDir).filter((f) => !f.startsWith('.')).sort()).toEqual(['海宁统计公报.docx', '海宁统计公报.docx.meta.json']);
    expect(JSON.parse(readFileSync(join(reportsDir, '海宁统计公报.docx.meta.json'), 'utf8'))).toEqual({ year: 2024 });
    expect(statSync(reportsDir).mode & 0o777).toBe(0o700);

    before = texts(OPERATOR).length;
    api.push(textUpdate(question, OPERATOR));
    const answer = await replyTo(OPERATOR, before, () => true);
    expect(String(answer.body.text)).toContain(BULLETIN_FIGURE);

    // 确认 pressed again adds nothing twice.
    before = texts(OPERATOR).length;
    press(ok);
    await replyTo(OPERATOR, before, (t) => t.includes('已过期'));
  }, 120_000);

  it('adds a PDF, lists both under /reports, and removes one with its button', async () => {
    let before = texts(OPERATOR).length;
    await send({ id: 'tasks', name: '重点工作上半年.pdf', bytes: PDF });
    const shown = await replyTo(OPERATOR, before, (t) => t.includes('重点工作上半年.pdf'), 20_000);
    expect(String(shown.body.text)).toContain('kind tasks');
    const [, ok] = inlineButtons(shown).find(([label]) => label === '确认')!;
    before = texts(OPERATOR).length;
    press(ok);
    // Asked while the child process rebuilds: answered at once, from the knowledge that answers now.
    api.push(textUpdate('6月全市一般公共预算收入是多少', OPERATOR));
    await replyTo(OPERATOR, before, (t) => t.includes('知识库已重建并生效'), 60_000);
    const after = texts(OPERATOR).slice(before);
    expect(after.findIndex((t) => t.includes('86.87'))).toBeGreaterThanOrEqual(0);
    expect(after.findIndex((t) => t.includes('86.87'))).toBeLessThan(after.findIndex((t) => t.includes('知识库已重建并生效')));
    expect(app.core.knowledge.sources.some((s) => s.file.endsWith('重点工作上半年.pdf'))).toBe(true);

    before = texts(OPERATOR).length;
    api.push(commandUpdate('/reports', OPERATOR));
    const list = await replyTo(OPERATOR, before, (t) => t.startsWith('从聊天中添加的报告（2 份）'));
    expect(String(list.body.text)).toMatch(/1\. 海宁统计公报\.docx[\s\S]*2\. 重点工作上半年\.pdf/);
    const [, remove] = inlineButtons(list).find(([label]) => label === '删除 1')!;
    before = texts(OPERATOR).length;
    press(remove);
    await replyTo(OPERATOR, before, (t) => t.startsWith('已删除 海宁统计公报.docx') && t.includes('已重建并生效'), 60_000);
    expect(existsSync(join(reportsDir, '海宁统计公报.docx'))).toBe(false);
    expect(existsSync(join(reportsDir, '海宁统计公报.docx.meta.json'))).toBe(false);
    expect(app.core.knowledge.sources.some((s) => s.file.endsWith('海宁统计公报.docx'))).toBe(false);
  }, 150_000);
});
