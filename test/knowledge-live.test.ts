/**
 * A rebuilt knowledge reaches a running core without a restart: the watch on
 * knowledge/generated/ loads it when index.json changes and the core swaps it in whole; a
 * directory that does not load leaves the knowledge that answers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractAll, SEEDS_DIR, writeKnowledge } from '../src/knowledge/build.js';
import { GENERATED_DIR } from '../src/knowledge/lexicon.js';
import { loadKnowledge, type Knowledge } from '../src/knowledge/load.js';
import { watchKnowledge } from '../src/knowledge/live.js';
import { createCore } from '../src/core.js';

const generated = mkdtempSync(join(tmpdir(), 'generated-'));
const seeds = mkdtempSync(join(tmpdir(), 'seeds-'));
for (const f of readdirSync(GENERATED_DIR)) copyFileSync(join(GENERATED_DIR, f), join(generated, f));
for (const f of readdirSync(SEEDS_DIR)) copyFileSync(join(SEEDS_DIR, f), join(seeds, f));
afterAll(() => {
  rmSync(generated, { recursive: true, force: true });
  rmSync(seeds, { recursive: true, force: true });
});

// The next issue of the bulletin, with July's electricity use.
const bulletin = readdirSync(SEEDS_DIR).find((f) => f.includes('第5期'))!;
const next = readFileSync(join(SEEDS_DIR, bulletin), 'utf8')
  .replace('第5期', '第6期')
  .replace('2021年7月19日', '2021年8月18日')
  .replace('6月全市**全社会用电量**52.91亿千瓦时，同比增长1.2%。1-6月全市全社会用电量293.25亿千瓦时，同比增长24.4%。', '7月全市**全社会用电量**55.12亿千瓦时，同比增长3.4%。1-7月全市全社会用电量348.37亿千瓦时，同比增长20.1%。');

describe('a rebuilt knowledge, live', () => {
  const core = createCore(loadKnowledge(generated));
  const question = '7月全市用电量是多少';

  it('is swapped in when the build writes index.json, and the next question is answered from it', async () => {
    expect(core.ask(question).text).not.toContain('55.12');
    const before = core.knowledge;
    let loaded!: (k: Knowledge) => void;
    const reloaded = new Promise<Knowledge>((resolve) => (loaded = resolve));
    const watch = watchKnowledge(generated, (k) => {
      core.swap(k);
      loaded(k);
    }, { debounceMs: 20 });
    try {
      writeFileSync(join(seeds, 'bulletin-6.txt'), next);
      writeKnowledge(await extractAll(seeds), generated);
      const k = await reloaded;
      expect(core.knowledge).toBe(k);
      expect(k).not.toBe(before);
      const answer = core.ask(question);
      expect(answer.text).toContain('55.12');
      // Its records are the new knowledge's, and one of them only the new knowledge has.
      for (const r of answer.records) expect(k.byId.has(r.id)).toBe(true);
      expect(answer.records.some((r) => !before.byId.has(r.id))).toBe(true);
      // The build leaves no temporary file behind.
      expect(readdirSync(generated).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      watch.close();
    }
  }, 60_000);

  it('keeps the knowledge that answers when a file does not load', () => {
    const current = core.knowledge;
    const warnings: string[] = [];
    const watch = watchKnowledge(generated, (k) => core.swap(k), { log: { info: () => {}, warn: (_o: unknown, m?: string) => warnings.push(m ?? '') } as never });
    try {
      writeFileSync(join(generated, 'tasks.json'), '[\n{"id": "t-cut", ');
      expect(watch.reload()).toBe(false);
      expect(core.knowledge).toBe(current);
      expect(warnings).toEqual([expect.stringMatching(/not reloaded/)]);
      expect(core.ask(question).text).toContain('55.12');
    } finally {
      watch.close();
    }
  });
});
