/**
 * Reports of any size, and the same report twice: a file over the limit is skipped with one
 * line naming it (a 60 MB one is generated here), the same text under two names and a page
 * saved with its items many times over are read once and reported, a record count beyond what
 * a spread into push() survives is appended, and a file name with a newline stays on its line.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { append, extractAll, MAX_DOCUMENT_BYTES, SEEDS_DIR } from '../src/knowledge/build.js';
import { problemLine } from '../src/knowledge/explain.js';
import { oneLineName } from '../src/safe-text.js';
import { tempDir } from './digest-fakes.js';

const seeds = tempDir('seeds-');
afterAll(() => rmSync(seeds, { recursive: true, force: true }));

const PAGE = '桐乡投资资讯与政府工作报告-网页.txt';
const BULLETIN = '发展改革工作信息交流-第5期-2021-07-19.txt';

describe('reports of any size', () => {
  it('skips a file over the limit with one line naming it, reads the same text once, and a repeated page once', async () => {
    const big = join(seeds, '全年汇编.txt');
    const line = Buffer.from('全市实现地区生产总值6355.28亿元，同比增长8.5%。\n');
    const chunk = Buffer.concat(Array.from({ length: Math.ceil((1024 * 1024) / line.length) }, () => line));
    writeFileSync(big, '');
    for (let mb = 0; mb < 60; mb++) writeFileSync(big, chunk, { flag: 'a' });
    expect(readFileSync(big).length).toBeGreaterThan(MAX_DOCUMENT_BYTES);
    copyFileSync(join(SEEDS_DIR, BULLETIN), join(seeds, BULLETIN));
    copyFileSync(join(SEEDS_DIR, BULLETIN), join(seeds, '第5期-副本.txt'));
    const page = readFileSync(join(SEEDS_DIR, PAGE), 'utf8');
    writeFileSync(join(seeds, PAGE), Array.from({ length: 4 }, () => page).join('\n'));

    const once = await extractAll(SEEDS_DIR);
    const onePage = once.sources.filter((s) => s.file.endsWith(PAGE)).length;
    const records = await extractAll(seeds);
    const messages = records.problems.map((p) => `${p.file}: ${p.message}`);
    expect(messages.filter((m) => m.includes('全年汇编.txt'))).toEqual([
      expect.stringMatching(/全年汇编\.txt: too large to read \(60(\.\d)? MB, the limit is 50 MB\); skipped$/),
    ]);
    expect(messages.filter((m) => m.includes('the same text as'))).toEqual([expect.stringMatching(/第5期-副本\.txt: the same text as .*发展改革工作信息交流-第5期-2021-07-19\.txt; read once$/)]);
    expect(messages.filter((m) => m.includes('repeat an earlier one'))).toEqual([
      expect.stringMatching(new RegExp(`${PAGE}: ${onePage * 3} items repeat an earlier one word for word \\(《.*》 3 more times.*\\); read once$`)),
    ]);
    expect(records.sources.filter((s) => s.file.endsWith(PAGE))).toHaveLength(onePage);
    expect(records.sources.filter((s) => s.title.includes('第5期'))).toHaveLength(1);
    expect(records.problems).toHaveLength(3);
  }, 120_000);

  it('appends a million records without a spread into push()', () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(() => [].push(...(many as never[]))).toThrow(RangeError); // what build.ts did
    const out: number[] = [1];
    append(out, many);
    expect(out).toHaveLength(1_000_001);
  });

  it('writes a file name with a newline as \\n, on its own line', async () => {
    expect(oneLineName('a\nb\tc\\d\u001b[31m.txt')).toBe('a\\nb\\tc\\\\d\\x1b[31m.txt');
    const dir = join(seeds, 'named');
    mkdirSync(dir);
    writeFileSync(join(dir, '坏\n名字.txt'), Buffer.from([0xff, 0xfe, 0x00]));
    const lines = (await extractAll(dir)).problems.map(problemLine);
    expect(lines).toEqual([expect.stringMatching(/^.*坏\\n名字\.txt:1: not UTF-8 text; skipped$/)]);
  });
});
