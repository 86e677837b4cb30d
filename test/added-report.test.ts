/**
 * A report added beside the seeds changes only the answers it should: of the project's own
 * question set, answered from the seeds plus a new county bulletin (as an operator adds one
 * from the chat), only the case that asks for the 统计公报 answers differently; the new
 * report's own question is answered from it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../src/core.js';
import { evaluate, questionOf, readCases } from '../src/evaluate.js';
import { knowledgeOf, SET_SEEDS } from './seed-set.js';
import { extractAll, SEEDS_DIR } from '../src/knowledge/build.js';
import { fromRecords } from '../src/knowledge/load.js';
import { buildIndex } from '../src/knowledge/search.js';
import { tempDir } from './digest-fakes.js';
import { BULLETIN_FIGURE, BULLETIN_QUESTION, bulletinDocx } from './report-files.js';

describe('a report added beside the seeds', () => {
  it('changes only the case that asks for a 统计公报, and answers its own question', async () => {
    const reports = join(tempDir('added-report-'), 'reports');
    mkdirSync(reports);
    writeFileSync(join(reports, '海宁统计公报.docx'), await bulletinDocx());
    writeFileSync(join(reports, '海宁统计公报.docx.meta.json'), JSON.stringify({ year: 2024 }));
    const records = await extractAll([SEEDS_DIR, reports]);
    const core = createCore(fromRecords(records, buildIndex(records)));
    expect(core.ask(BULLETIN_QUESTION).text).toContain(BULLETIN_FIGURE);
    // A case may change only where it asks about what the report is (a 统计公报) or whose (海宁).
    const cases = readCases(join('test', 'eval', 'questions.jsonl'));
    const failing = (c: typeof core) => new Map(evaluate(c, cases).failures.map((f) => [f.case.id, f]));
    const before = failing(createCore(knowledgeOf(SET_SEEDS)));
    const after = failing(core);
    const changed = [...after.values()].filter((f) => !before.has(f.case.id));
    expect(changed.filter((f) => !/统计公报|海宁/.test(questionOf(f.case))).map((f) => `${f.case.id} ${questionOf(f.case)}: ${f.why}`)).toEqual([]);
    expect(changed.map((f) => f.case.id)).toEqual(['s025']); // 有哪些统计公报: none before, the new bulletin now
  }, 60_000);
});
