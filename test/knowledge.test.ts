import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFiles, extractAll } from '../src/knowledge/build.js';
import { GENERATED_DIR } from '../src/knowledge/lexicon.js';

describe('npm run knowledge', () => {
  const records = extractAll();
  const built = buildFiles(records);

  it('builds exactly what is committed in knowledge/generated (else run `npm run knowledge` and commit)', () => {
    for (const [name, content] of Object.entries(built)) {
      const committed = readFileSync(join(GENERATED_DIR, name), 'utf8');
      expect(committed === content, `knowledge/generated/${name} is stale`).toBe(true);
    }
  });

  it('is deterministic', () => {
    expect(buildFiles(extractAll())).toEqual(built);
  });

  it('reads every seed document without problems', () => {
    expect(records.problems).toEqual([]);
    const kinds: Record<string, number> = {};
    for (const s of records.sources) kinds[s.kind] = (kinds[s.kind] ?? 0) + 1;
    // The page holds 7 news items and 3 work reports (桐乡市 2018, 濮院镇 2017 and 2018).
    expect(kinds).toEqual({ bulletin: 1, tasks: 1, plan: 1, news: 7, report: 4 });
  });
});
