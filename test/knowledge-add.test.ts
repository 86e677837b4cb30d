/** npm run knowledge -- --add FILE: what the operator is shown, asked, and what is kept. */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEEDS_DIR } from '../src/knowledge/build.js';
import { addReport } from '../src/knowledge/add.js';
import type { Source } from '../src/types.js';

const root = mkdtempSync(join(tmpdir(), 'add-'));
const seeds = join(root, 'seeds');
const generated = join(root, 'generated');
mkdirSync(seeds);
for (const f of readdirSync(SEEDS_DIR)) copyFileSync(join(SEEDS_DIR, f), join(seeds, f));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PDF = join(import.meta.dirname, 'fixtures', 'formats', 'tasks-2021-first-rows.pdf');

async function add(file: string, answer: boolean) {
  const lines: string[] = [];
  let asked = false;
  const result = await addReport(file, {
    seedsDir: seeds,
    generatedDir: generated,
    confirm: async () => ((asked = true), answer),
    print: (l) => lines.push(l),
  });
  return { result, lines, asked };
}

describe('adding a report', () => {
  it('shows what the report gives, and adds nothing when the answer is no', async () => {
    const { result, lines, asked } = await add(PDF, false);
    expect(result).toBe('declined');
    expect(asked).toBe(true);
    expect(lines[0]).toMatch(/^tasks-2021-first-rows\.pdf \(pdf, \d+ KB\)$/);
    expect(lines).toContain('  kind tasks (from content) · 《2021年嘉兴市政府工作报告重点工作及政府绩效考核执行情况（上半年）》');
    expect(lines).toContain('  place 嘉兴市 (from title) · figures of 2021 · issuer 市政府办公室 · date 2021-09-08');
    expect(lines.find((l) => /figures, .* tasks/.test(l))).toMatch(/^ {2}22 figures, 6 tasks, \d+ passages · periods 2021年1-6月/);
    expect(lines.slice(lines.indexOf('  for example:') + 1, lines.indexOf('  for example:') + 4)).toHaveLength(3);
    expect(existsSync(join(seeds, 'tasks-2021-first-rows.pdf'))).toBe(false);
    expect(existsSync(generated)).toBe(false);
  }, 60_000);

  it('on yes copies it into seeds/ and rebuilds the knowledge with it', async () => {
    const { result, lines } = await add(PDF, true);
    expect(result).toBe('added');
    expect(readFileSync(join(seeds, 'tasks-2021-first-rows.pdf')).equals(readFileSync(PDF))).toBe(true);
    const sources = JSON.parse(readFileSync(join(generated, 'sources.json'), 'utf8')) as Source[];
    expect(sources.map((s) => s.file)).toContain(join(seeds, 'tasks-2021-first-rows.pdf'));
    expect(lines.at(-1)).toMatch(/^Added seeds\/tasks-2021-first-rows\.pdf; knowledge rebuilt/);
  }, 60_000);

  it('adds nothing it cannot read, and never overwrites a different seed of the same name', async () => {
    const broken = join(root, 'broken.docx');
    writeFileSync(broken, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('word/document.xml'), Buffer.alloc(64)]));
    const unreadable = await add(broken, true);
    expect(unreadable.result).toBe('unreadable');
    expect(unreadable.asked).toBe(false);
    expect(unreadable.lines).toContainEqual(expect.stringMatching(/^ {4}line 1: could not be opened as a Word document/));
    expect(existsSync(join(seeds, 'broken.docx'))).toBe(false);

    const other = join(root, 'other');
    mkdirSync(other);
    const clash = join(other, readdirSync(SEEDS_DIR)[0]);
    writeFileSync(clash, '另一份同名文件。\n');
    const exists = await add(clash, true);
    expect(exists.result).toBe('exists');
    expect(exists.asked).toBe(false);
  }, 60_000);
});
