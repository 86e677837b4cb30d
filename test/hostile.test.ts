import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createCore } from '../src/core.js';
import type { Answer } from '../src/types.js';

const core = createCore();
const KINDS = ['indicator', 'task', 'list', 'count', 'passage', 'none', 'help'];

/** Inputs a chat delivers when people, or programs, misbehave. */
const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\u0007', '\u001b', '\ud800', '\udfff', '\u202e', '\ufeff', '🙂', '👨‍👩‍👧', '\n', '\t', '　'), maxLength: 100 }),
  fc.string({ unit: fc.constantFrom(...'.*+?^${}()|[]\\/\'";--%_=<>&#@!`~'), maxLength: 100 }),
  fc.constantFrom("'; DROP TABLE tasks; --", '" OR 1=1 --', '(a+)+$', '.*.*.*.*.*=.*', '${jndi:ldap://x}', '<script>alert(1)</script>', '第99999999999项任务', '第0项任务', '第-1项任务', '1-13月用电量', '0月用电量', '99999年GDP'),
  fc.tuple(fc.constantFrom('6月全市用电量', '哪些任务滞后', 'GDP'), fc.string({ unit: 'grapheme', maxLength: 50 })).map(([a, b]) => a + b),
  fc.nat({ max: 10_000 }).map((n) => '用电量'.repeat(Math.ceil(n / 3)).slice(0, n)),
  fc.constant('滞'.repeat(10_000)),
);

function isAnswer(a: Answer): boolean {
  return typeof a.text === 'string' && KINDS.includes(a.kind) && Array.isArray(a.records) && Array.isArray(a.sources) && Array.isArray(a.lines);
}

describe('hostile input', () => {
  it('never throws and always returns an Answer (5,000 inputs)', () => {
    fc.assert(
      fc.property(hostile, (input) => {
        const a = core.ask(input);
        expect(isAnswer(a)).toBe(true);
        expect(a.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 5000 },
    );
  }, 180_000);

  it('a 10,000-character message gets an answer', () => {
    const a = core.ask('6月全市用电量是多少'.repeat(1000));
    expect(isAnswer(a)).toBe(true);
  });

  it('the CLI batch mode answers every line (ending at LF or CR LF; a lone CR is a space)', () => {
    // Lone CRs, Unicode line separators and NEL stay inside their line; lines end at LF or CR LF.
    const lines = fc.sample(hostile, { numRuns: 300, seed: 7 }).map((s, i) => s.replace(/\n/g, ' ') + (i % 3 === 0 ? '\r' : ''));
    lines.push('6月全市\r用电量', '{"q": "6月全市用电量是多少？", "chat": "c1"}', '{"q": "同比增长多少", "chat": "c1"}', '{"chat": 1}');
    const input = lines.join('\n') + '\n';
    const expected = input.split('\n').filter((l) => l.replace(/\r/g, ' ').trim()).length;
    const run = spawnSync(process.execPath, ['--import', 'tsx', join('src', 'cli', 'ask.ts'), '--json'], {
      input,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.status).toBe(0);
    const out = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(out).toHaveLength(expected);
    for (const a of out) expect(KINDS).toContain(a.kind);
    expect(out.slice(-4).map((a) => a.question)).toEqual(['6月全市 用电量', '6月全市用电量是多少？', '同比增长多少', '{"chat": 1}']);
  }, 60_000);
});
