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
  // Sets written to tempt a wrong figure and of questions and conversations written after the
  // code (test/eval/README): floors on what they measured, that only move up.
  for (const [name, maxWrong, minPercent] of [
    ['temptations', 0, 97],
    ['temptations-2', 0, 95],
    ['temptations-3', 0, 93],
    ['unseen-questions', 0, 95],
    ['unseen-questions-2', 0, 95],
    ['unseen-questions-3', 0, 93],
    ['unseen-chat', 0, 100],
    ['unseen-chat-2', 0, 95],
    ['unseen-chat-3', 0, 90],
    ['temptations-4', 2, 93],
    ['unseen-questions-4', 3, 88],
    ['unseen-chat-4', 1, 85],
    ['temptations-5', 1, 92],
    ['unseen-questions-5', 0, 85],
    ['unseen-chat-5', 0, 90],
    ['temptations-6', 0, 95],
    ['unseen-questions-6', 2, 86],
    ['unseen-chat-6', 0, 80],
    // The third blind round, first scored at 81%/5 wrong, 78.3%/2 wrong and 70%/2 wrong.
    ['temptations-7', 0, 88],
    ['unseen-questions-7', 0, 86],
    ['unseen-chat-7', 0, 75],
    // The fourth blind round, first scored at 83%/4 wrong, 85%/0 wrong and 85%/1 wrong.
    ['temptations-8', 1, 86],
    ['unseen-questions-8', 0, 91],
    ['unseen-chat-8', 0, 95],
    // The fifth blind round, first scored at 83%/4 wrong, 78.3%/2 wrong and 85%/0 wrong.
    ['temptations-9', 0, 90],
    ['unseen-questions-9', 0, 90],
    ['unseen-chat-9', 0, 90],
    // The sixth blind round, first scored at 89%/2 wrong, 80%/4 wrong and 80%/0 wrong (of the 2 wrong left,
    // 11.56% is the growth shown beside the figure asked, and 87.2% is 2019's where 2021's is the latest).
    ['temptations-10', 1, 92],
    ['unseen-questions-10', 2, 88],
    ['unseen-chat-10', 0, 100],
    // The seventh blind round, first scored at 86%/4 wrong, 86.7%/0 wrong and 70%/1 wrong (the 2 wrong left
    // are a forbidden 2万亩 inside the right 1.22万亩, and 11亿元 in the sentence before the answer's).
    ['temptations-11', 2, 87],
    ['unseen-questions-11', 0, 86],
    ['unseen-chat-11', 0, 95],
    // The eighth blind round, first scored at 90%/3 wrong, 76.7%/1 wrong and 80%/1 wrong.
    ['temptations-12', 0, 96],
    ['unseen-questions-12', 0, 80],
    ['unseen-chat-12', 0, 95],
    // The ninth blind round, first scored at 93%/1 wrong, 71.7%/2 wrong and 80%/1 wrong (of the 2 left in the
    // questions, 33.69% is the growth shown beside the right 3.29亿元 on the first line).
    ['temptations-13', 0, 94],
    ['unseen-questions-13', 1, 81],
    ['unseen-chat-13', 0, 95],
    // The tenth blind round, first scored at 93%/3 wrong, 86.7%/1 wrong and 100%/0 wrong (the wrong left in the
    // temptations: 17人 for 13人 in a sentence the page ran together, 拟推荐…13人参评…择优推荐17人为…人选).
    ['temptations-14', 1, 95],
    ['unseen-questions-14', 0, 88],
    ['unseen-chat-14', 0, 100],
    // The eleventh blind round, first scored at 91%/3 wrong, 86.7%/1 wrong and 95%/0 wrong (of the 3 left in the
    // temptations: a forbidden 2万亩 inside the right 1.22万亩; the targets listed under 相关 beside 113家; and
    // 嘉善赋权多少个镇街道 answered with the 862项 those towns hold, not the 9个 towns).
    ['temptations-15', 3, 93],
    ['unseen-questions-15', 0, 91],
    ['unseen-chat-15', 0, 100],
    // The twelfth blind round, first scored at 88%/1 wrong, 85.0%/1 wrong and 85%/0 wrong.
    ['temptations-16', 1, 89],
    ['unseen-questions-16', 1, 86],
    ['unseen-chat-16', 0, 85],
    // The thirteenth blind round, first scored at 81%/6 wrong, 86.7%/1 wrong and 95%/0 wrong (two of the six were
    // the cases' own: a none where the report says 97.08亿元, a forbidden 2500亩 in the right answer's sentence).
    ['temptations-17', 0, 89],
    ['unseen-questions-17', 0, 90],
    ['unseen-chat-17', 0, 95],
    // The fourteenth blind round, first scored at 80%/10 wrong, 60.0%/6 wrong and 60%/1 wrong.
    ['temptations-18', 1, 92],
    ['unseen-questions-18', 4, 61],
    ['unseen-chat-18', 0, 80],
    // The fifteenth blind round, first scored at 81%/3 wrong, 75.0%/1 wrong and 65%/0 wrong.
    ['temptations-19', 1, 87],
    ['unseen-questions-19', 0, 78],
    ['unseen-chat-19', 0, 70],
    // The sixteenth blind round, first scored at 82%/4 wrong, 81.7%/2 wrong and 70%/4 wrong.
    ['temptations-20', 0, 92],
    ['unseen-questions-20', 1, 83],
    ['unseen-chat-20', 0, 90],
    // The seventeenth blind round, first scored at 69%/10 wrong, 35.0%/0 wrong and 55%/0 wrong (phrased apart from
    // every earlier set on purpose: 那边, 这块, 到120家了吗, 一七年).
    ['temptations-21', 3, 80],
    ['unseen-questions-21', 0, 46],
    ['unseen-chat-21', 0, 70],
    ['temptations-22', 5, 76],
    ['unseen-questions-22', 1, 60],
    ['unseen-chat-22', 0, 85],
    // The nineteenth blind round of questions, first scored at 85%/4 wrong, 65%/2 wrong and 75%/1 wrong.
    ['temptations-23', 4, 85],
    ['unseen-questions-23', 2, 65],
    ['unseen-chat-23', 1, 75],
  ] as const) {
    const file = join('test', 'eval', `${name}.jsonl`);
    if (!existsSync(file)) continue;
    it(`${name}: at most ${maxWrong} wrong, at least ${minPercent}%`, () => {
      const result = evaluate(core, readCases(file));
      expect(result.wrong, report(result)).toBeLessThanOrEqual(maxWrong);
      expect(result.percent, report(result)).toBeGreaterThanOrEqual(minPercent);
    });
  }
  for (const set of shared) {
    it(`${set}: at most one wrong answer`, () => {
      const result = evaluate(core, readCases(set));
      expect(result.wrong, report(result)).toBeLessThanOrEqual(1);
    });
  }
});
