/**
 * A rebuild after a report is added, removed or changed takes over the wordings the index
 * written before holds (search.ts indexWordings, with the records cache's keys) and gives the
 * index a build from nothing gives, to the byte.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFiles, extractAll, SEEDS_DIR, writeKnowledge } from '../src/knowledge/build.js';
import { RecordsCache } from '../src/knowledge/cache.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { indexWordings } from '../src/knowledge/search.js';
import { ROOT } from '../src/root.js';

const dir = mkdtempSync(join(tmpdir(), 'jx-reuse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an index that takes over the one before', () => {
  it('is the index built from nothing, whichever records were there before', () => {
    const k = loadKnowledge();
    const all = { indicators: k.indicators, tasks: k.tasks, passages: k.passages };
    const whole = JSON.stringify(indexWordings(all).index);
    const [first, second] = k.sources.map((s) => s.id);
    const without = (ids: string[]) => ({
      indicators: k.indicators.filter((r) => !ids.includes(r.source)),
      tasks: k.tasks.filter((r) => !ids.includes(r.source)),
      passages: k.passages.filter((r) => !ids.includes(r.source)),
    });
    // A report added (in the middle of the order), two added, and one removed.
    expect(JSON.stringify(indexWordings(all, indexWordings(without([second]))).index)).toBe(whole);
    expect(JSON.stringify(indexWordings(all, indexWordings(without([first, second]))).index)).toBe(whole);
    const fewer = without([first]);
    expect(JSON.stringify(indexWordings(fewer, indexWordings(all)).index)).toBe(JSON.stringify(indexWordings(fewer).index));
  });

  it('is written by a rebuild with the records cache as a build from nothing writes it', async () => {
    const reports = join(dir, 'reports');
    const out = join(dir, 'generated');
    const cacheDir = join(reports, '.build-cache');
    mkdirSync(reports, { recursive: true });
    const fixture = (name: string) => join(ROOT, 'test', 'fixtures', 'reports', 'dev', name);
    copyFileSync(fixture('桐乡市2021年统计公报.txt'), join(reports, '桐乡市2021年统计公报.txt'));
    const rebuild = async () => {
      const cache = new RecordsCache(cacheDir);
      writeKnowledge(await extractAll([SEEDS_DIR, reports], undefined, cache), out, cache);
      const plain = buildFiles(await extractAll([SEEDS_DIR, reports]));
      for (const name of readdirSync(out)) expect(readFileSync(join(out, name), 'utf8'), name).toBe(plain[name]);
      return cache;
    };
    await rebuild();
    // Added: the index before is taken over.
    const added = readdirSync(join(ROOT, 'test', 'fixtures', 'reports', 'dev')).find((f) => f.endsWith('.txt') && !f.startsWith('桐乡市2021'))!;
    copyFileSync(fixture(added), join(reports, `0-${added}`));
    const cache = new RecordsCache(cacheDir);
    expect(cache.builtIndex(readFileSync(join(out, 'index.json'), 'utf8'))).toBeDefined();
    await rebuild();
    // Changed, then removed.
    writeFileSync(join(reports, '桐乡市2021年统计公报.txt'), '桐乡市2021年国民经济和社会发展统计公报\n全年全市实现地区生产总值1234.5亿元，比上年增长9.9%。\n');
    await rebuild();
    rmSync(join(reports, `0-${added}`));
    await rebuild();
    // An index.json the cache did not see written is not taken over.
    expect(new RecordsCache(cacheDir).builtIndex('{}')).toBeUndefined();
  });
});
