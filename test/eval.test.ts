import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../src/core.js';
import { knowledgeOf, SET_SEEDS } from './seed-set.js';
import { evaluate, questionOf, readCases, MIN_PERCENT } from '../src/evaluate.js';

// The seeds the sets were written about, by file: a report added later changes none of these answers.
const core = createCore(knowledgeOf(SET_SEEDS));
const own = join('test', 'eval', 'questions.jsonl');
const shared = ['dev', 'dev-2', 'dev-chat'].map((s) => join('..', 'shared', 'eval', `${s}.jsonl`)).filter(existsSync);

const report = (r: ReturnType<typeof evaluate>) => r.failures.map((f) => `${f.kind} ${f.case.id} ${questionOf(f.case)}: ${f.why}`).join('\n');

describe('accuracy', () => {
  it(`the project's own set: no wrong answer, and at least ${MIN_PERCENT}%`, () => {
    const result = evaluate(core, readCases(own));
    expect(result.wrong, report(result)).toBe(0);
    expect(result.percent, report(result)).toBeGreaterThanOrEqual(MIN_PERCENT);
  });
  for (const set of shared) {
    it(`${set}: at most one wrong answer`, () => {
      const result = evaluate(core, readCases(set));
      expect(result.wrong, report(result)).toBeLessThanOrEqual(1);
    });
  }
});
