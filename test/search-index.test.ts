/**
 * The search index the bot loads (one typed array of postings) gives MiniSearch's own results:
 * the same wordings, in the same order, with the same scores to the last bit, so that how the
 * index is kept never changes an answer.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/load.js';
import { buildIndex, buildMiniSearch, loadIndex, SearchIndex } from '../src/knowledge/search.js';
import { tokenize } from '../src/text/tokenize.js';
import { readCases } from '../src/evaluate.js';
import { ROOT } from '../src/root.js';
import { join } from 'node:path';

const knowledge = loadKnowledge();
const mini = buildMiniSearch(knowledge);
const questions = readCases(join(ROOT, 'test', 'eval', 'questions.jsonl')).flatMap((c) => c.turns ?? (c.q ? [c.q] : []));

describe('the search index', () => {
  it('scores and orders as MiniSearch does, for every question of the project set, built or loaded', () => {
    const built = buildIndex(knowledge);
    const loaded = loadIndex(JSON.stringify(built));
    for (const question of questions) {
      // The matcher searches a question's character pairs, a repeated one too.
      const query = [...tokenize(question), ...tokenize(question).slice(0, 2)].join(' ');
      const expected = mini.search(query).map((r) => [r.id, r.score]);
      expect(built.search(query).map((r) => [r.id, r.score])).toEqual(expected);
      expect(loaded.search(query).map((r) => [r.id, r.score])).toEqual(expected);
      expect(knowledge.index.search(query).map((r) => [r.id, r.score])).toEqual(expected);
    }
  });

  it('is built as MiniSearch builds it: the same lengths, averages and postings of every term', () => {
    const ours = buildIndex(knowledge).toJSON();
    const theirs = SearchIndex.of(mini).toJSON();
    const byTerm = (json: typeof ours) => {
      const postings = new Int32Array(Buffer.from(json.postings, 'base64').buffer.slice(0));
      const out = new Map<string, number[]>();
      let p = 0;
      for (const term of json.terms.split('\n')) {
        const start = p;
        for (let f = 0; f < 2; f++) p += 1 + 2 * postings[p];
        out.set(term, [...postings.subarray(start, p)]);
      }
      return out;
    };
    expect({ ...ours, terms: '', postings: '' }).toEqual({ ...theirs, terms: '', postings: '' });
    expect(byTerm(ours)).toEqual(byTerm(theirs));
  });

  it('counts the postings of a term, field by field, as MiniSearch holds them', () => {
    const index = knowledge.index;
    for (const term of ['用电', '增长', 'gdp', '第', 'zzzz']) {
      expect(index.documentFrequency(term)).toBe(mini.search(term, { fields: ['name'] }).length + mini.search(term, { fields: ['text'] }).length);
    }
  });
});
