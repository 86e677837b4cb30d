/**
 * The report desk on its own (src/reports/desk.ts), with the rebuild faked: what an operator
 * is told for each kind of bad input, that a correction is kept as NAME.meta.json, and that a
 * failed rebuild loses nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportDesk, type IncomingFile } from '../src/reports/desk.js';
import { ReportShelf, safeName } from '../src/reports/shelf.js';
import type { Knowledge } from '../src/knowledge/load.js';
import { tempDir } from './digest-fakes.js';
import { bulletinDocx } from './report-files.js';

const OPERATOR = { user: 'test:1', operator: true };
const file = (name: string, bytes: Uint8Array | (() => Promise<Uint8Array>), size?: number): IncomingFile => ({
  name,
  size,
  download: typeof bytes === 'function' ? bytes : async () => bytes,
});

function desk(rebuild: () => Promise<Knowledge> = async () => ({ sources: [{}, {}] }) as unknown as Knowledge) {
  const dir = join(tempDir('report-desk-'), 'reports');
  const swapped: Knowledge[] = [];
  return { dir, swapped, desk: new ReportDesk({ shelf: new ReportShelf(dir), rebuild, swap: (k) => swapped.push(k) }) };
}
const kept = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => !f.startsWith('.')) : []);

describe('the report desk', () => {
  it('tells an operator what it cannot take, and keeps nothing', async () => {
    const { desk: d, dir } = desk();
    expect((await d.receive(OPERATOR, file('a.doc', Buffer.from('x')))).text).toMatch(/只能添加 PDF.*另存为 \.docx/);
    expect((await d.receive(OPERATOR, file('big.pdf', Buffer.from('x'), 21 * 1024 * 1024))).text).toMatch(/^文件太大（21 MB），上限是 20 MB/);
    expect((await d.receive(OPERATOR, file('lost.pdf', () => Promise.reject(new Error('reset'))))).text).toBe('文件没能下载，请稍后再发一次。');
    const broken = await d.receive(OPERATOR, file('broken.docx', Buffer.concat([Buffer.from('PK\x03\x04word/document.xml'), Buffer.alloc(32)])));
    expect(broken.text).toMatch(/could not read:[\s\S]*读不出内容/);
    expect(broken.buttons).toBeUndefined();
    expect(kept(dir)).toEqual([]);
    expect(readdirSync(join(dir, '.pending'))).toEqual([]);
  });

  it('takes a correction as NAME.meta.json, refuses a wrong year, and treats other text as a question', async () => {
    const { desk: d } = desk();
    expect(await d.correct(OPERATOR, '地区=海宁市')).toBeUndefined(); // nothing held
    const shown = await d.receive(OPERATOR, file('海宁.docx', await bulletinDocx()));
    expect(shown.buttons?.map((b) => b.label)).toEqual(['确认', '取消']);
    expect(await d.correct(OPERATOR, '海宁市地区生产总值多少')).toBeUndefined();
    expect(await d.correct({ ...OPERATOR, operator: false }, '年份=2024')).toBeUndefined();
    expect((await d.correct(OPERATOR, '年份=24'))!.text).toMatch(/^年份“24”不对/);
    const corrected = (await d.correct(OPERATOR, '地区：海宁市，年份＝2024年'))!;
    expect(corrected.text).toContain('place 海宁市 (from operator) · figures of 2024 (from operator)');
    const unknown = (await d.correct(OPERATOR, '地区=火星市'))!;
    expect(unknown.text).toMatch(/place 火星市 is not in knowledge\/regions\.json; place ignored/);
  }, 30_000);

  it('keeps the file when the rebuild fails, and says the old knowledge still answers', async () => {
    const { desk: d, dir, swapped } = desk(() => Promise.reject(new Error('the build stopped (exit 1)')));
    const shown = await d.receive(OPERATOR, file('海宁.docx', await bulletinDocx()));
    await d.correct(OPERATOR, '年份=2024');
    const done = await d.act(OPERATOR, shown.buttons![0].action);
    expect(done.text).toMatch(/^已添加 海宁\.docx。\n知识库没能重建（the build stopped \(exit 1\)），仍按原有资料回答/);
    expect(swapped).toEqual([]);
    expect(kept(dir).sort()).toEqual(['海宁.docx', '海宁.docx.meta.json']);
    expect(JSON.parse(readFileSync(join(dir, '海宁.docx.meta.json'), 'utf8'))).toEqual({ year: 2024 });
    // Pressed again, or by someone else: nothing happens twice.
    expect((await d.act(OPERATOR, shown.buttons![0].action)).text).toMatch(/已过期/);
    expect((await d.act({ user: 'test:2', operator: false }, shown.buttons![0].action)).text).toBe('只有管理员可以添加报告。');
  }, 30_000);

  it('cancels: the held file is gone, nothing kept, no rebuild', async () => {
    const { desk: d, dir, swapped } = desk();
    const shown = await d.receive(OPERATOR, file('海宁.docx', await bulletinDocx()));
    expect((await d.act(OPERATOR, shown.buttons![1].action)).text).toBe('已取消，未添加 海宁.docx。');
    expect(kept(dir)).toEqual([]);
    expect(readdirSync(join(dir, '.pending'))).toEqual([]);
    expect(swapped).toEqual([]);
    expect(d.list(OPERATOR).text).toMatch(/^还没有从聊天中添加的报告/);
  }, 30_000);

  it('names a file safely: no folders, not hidden, never a .meta.json', () => {
    expect(safeName('../../etc/passwd.txt', 'x.txt')).toBe('passwd.txt');
    expect(safeName('..\\..\\a.pdf', 'x.pdf')).toBe('a.pdf');
    expect(safeName('.hidden.pdf', 'x.pdf')).toBe('hidden.pdf');
    expect(safeName('a.pdf.meta.json', 'x.json')).toBe('x.json');
    expect(safeName('line\nbreak.pdf', 'x.pdf')).toBe('line_break.pdf');
    expect(safeName(undefined, 'report.pdf')).toBe('report.pdf');
  });
});
