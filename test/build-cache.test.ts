/**
 * The records cache of the bot's rebuilds (src/knowledge/cache.ts): a build that takes a
 * document's records from it gives the same knowledge as one that reads every document, a
 * changed document is read again, and what no build uses any more is deleted.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFiles, extractAll, SEEDS_DIR } from '../src/knowledge/build.js';
import { RecordsCache } from '../src/knowledge/cache.js';
import { ROOT } from '../src/root.js';

const dir = mkdtempSync(join(tmpdir(), 'jx-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the records cache', () => {
  it('builds what a build without it builds, reads a changed report again and forgets the old one', async () => {
    const reports = join(dir, 'reports');
    const cacheDir = join(reports, '.build-cache');
    const report = join(reports, '桐乡市2021年统计公报.txt');
    rmSync(reports, { recursive: true, force: true });
    mkdirSync(reports, { recursive: true });
    copyFileSync(join(ROOT, 'test', 'fixtures', 'reports', 'dev', '桐乡市2021年统计公报.txt'), report);
    const plain = buildFiles(await extractAll([SEEDS_DIR, reports]));
    const first = buildFiles(await extractAll([SEEDS_DIR, reports], undefined, new RecordsCache(cacheDir)));
    const kept = readdirSync(cacheDir);
    const again = buildFiles(await extractAll([SEEDS_DIR, reports], undefined, new RecordsCache(cacheDir)));
    expect(first).toEqual(plain);
    expect(again).toEqual(plain);
    expect(readdirSync(cacheDir)).toEqual(kept);

    writeFileSync(report, '桐乡市2021年国民经济和社会发展统计公报\n全年全市实现地区生产总值1234.5亿元，比上年增长9.9%。\n');
    const changed = buildFiles(await extractAll([SEEDS_DIR, reports], undefined, new RecordsCache(cacheDir)));
    expect(changed).toEqual(buildFiles(await extractAll([SEEDS_DIR, reports])));
    expect(changed['indicators.json']).toContain('1234.5');
    expect(readdirSync(cacheDir).length).toBe(kept.length);
    expect(readdirSync(cacheDir)).not.toEqual(kept);
  });
});
