import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../src/core.js';
import { evaluate, readCases, MIN_PERCENT } from '../src/evaluate.js';

const core = createCore();
const sets = [join('test', 'eval', 'questions.jsonl'), join('..', 'shared', 'eval', 'dev.jsonl')].filter(existsSync);

describe('accuracy', () => {
  for (const set of sets) {
    it(`${set} stays at or above ${MIN_PERCENT}%`, () => {
      const result = evaluate(core, readCases(set));
      const report = result.failures.map((f) => `${f.case.id} ${f.case.q}: ${f.why}`).join('\n');
      expect(result.percent, report).toBeGreaterThanOrEqual(MIN_PERCENT);
    });
  }
});
