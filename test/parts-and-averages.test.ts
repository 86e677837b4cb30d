/**
 * Whole and part, total and average, over two reworded real reports (holdout48): a question that names
 * neither the part nor the average gets the whole, one that asks an average never gets the total.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractAll } from '../src/knowledge/build.js';
import { buildIndex } from '../src/knowledge/search.js';
import { fromRecords } from '../src/knowledge/load.js';
import { createCore } from '../src/core.js';
import { memoryContexts } from '../src/conversation.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'reports', 'holdout48');
const dir = mkdtempSync(join(tmpdir(), 'parts-'));
for (const f of ['统计公报-黄浦区统计局.txt', '共富村名單-中國網.txt']) copyFileSync(join(FIXTURES, f), join(dir, f));
const records = await extractAll(dir);
const core = createCore(fromRecords(records, buildIndex(records)), { contexts: memoryContexts(), now: () => new Date('2026-11-23T09:00:00+08:00') });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lead = (text: string) => core.ask(text, {}).text.split('\n')[0];

describe('a whole and its part', () => {
  it('gives the whole, not the part its 其中 names, where the part was not asked (新设企业: 3278户, not 新设公有制企业386户)', () => {
    expect(lead('黄浦区2023年新设企业多少户')).toContain('3278');
    expect(lead('黄浦区2023年新设公有制企业多少户')).toContain('386');
  });
});

describe('a total and its average', () => {
  it('never gives the total where an average is asked (村均经营性收入: not 8.46亿元)', () => {
    expect(lead('余杭2021年村均经营性收入多少')).not.toContain('8.46');
    expect(lead('余杭2021年股份经济合作社经营性收入多少')).toContain('8.46');
  });
});
