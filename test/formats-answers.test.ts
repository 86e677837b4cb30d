/**
 * The same reports in other formats answer every question alike: the seeds and the real-report
 * fixtures as .txt in one folder, and in another as officials receive them (the task table an
 * Excel sheet, reports Word documents and web pages, made by test/make-formats.ts), give the
 * same text for each question of the project's sets. Record ids differ between the two (they
 * hash the file's path and lines), so this also holds the order of equal-scoring records — the
 * none-answer's "报告中有…" — to where they stand in the reports, never to their ids.
 * (PDF is left out here: test/read-formats.test.ts checks its records on committed fixtures.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentRecords, extractAll, SEEDS_DIR, type Records } from '../src/knowledge/build.js';
import { buildIndex } from '../src/knowledge/search.js';
import { fromRecords } from '../src/knowledge/load.js';
import { createCore } from '../src/core.js';
import * as make from './make-formats.js';

const REALDOCS = join(import.meta.dirname, 'fixtures', 'realdocs');
const EVAL = join(import.meta.dirname, 'eval');
const asText = mkdtempSync(join(tmpdir(), 'formats-txt-'));
const asReceived = mkdtempSync(join(tmpdir(), 'formats-other-'));
afterAll(() => {
  rmSync(asText, { recursive: true, force: true });
  rmSync(asReceived, { recursive: true, force: true });
});

const stem = (name: string) => name.replace(/\.txt$/, '');
const texts = [
  ...readdirSync(SEEDS_DIR).map((f) => join(SEEDS_DIR, f)),
  ...readdirSync(REALDOCS).filter((f) => f.endsWith('.txt')).map((f) => join(REALDOCS, f)),
];

/** Each text in another format: the task table as a sheet, the rest Word and web pages in turn. */
async function writeFormats(): Promise<void> {
  let turn = 0;
  for (const file of texts) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    copyFileSync(file, join(asText, name));
    if (name === make.TASK_SEED) {
      const table = make.taskTable(await documentRecords(file));
      writeFileSync(join(asReceived, `${stem(name)}.xlsx`), await make.taskXlsx(table));
      continue;
    }
    const lines = make.reportLines(readFileSync(file, 'utf8'));
    if (turn++ % 2 === 0) writeFileSync(join(asReceived, `${stem(name)}.docx`), await make.reportDocx(lines));
    else writeFileSync(join(asReceived, `${stem(name)}.html`), make.reportHtml(lines));
  }
}

const questionsOf = (set: string) =>
  readFileSync(join(EVAL, set), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { q: string }).q);

const now = () => new Date('2026-11-23T09:00:00+08:00');
const coreOf = (r: Records) => createCore(fromRecords(r, buildIndex(r)), { now });

describe('the same reports in other formats', () => {
  it('give the same answer, word for word, to every question of the sets', async () => {
    await writeFormats();
    const [txt, other] = [await extractAll(asText), await extractAll(asReceived)];
    expect(other.sources.length).toBe(txt.sources.length);
    const [a, b] = [coreOf(txt), coreOf(other)];
    const questions = ['questions.jsonl', 'realdocs-dev.jsonl', 'realdocs-holdout.jsonl', 'owners-realdocs.jsonl'].flatMap(questionsOf);
    expect(questions.length).toBeGreaterThan(900);
    // A Word paragraph and a text line may differ in spaces only.
    const differing = questions.filter((q) => a.ask(q).text.replace(/ /g, '') !== b.ask(q).text.replace(/ /g, ''));
    expect(differing).toEqual([]);
  }, 120_000);
});
