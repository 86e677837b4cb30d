/**
 * Scoring a question set the way ../shared/eval/score.mjs does, in-process: a question
 * passes when its answer is "none" exactly when it should be, and otherwise holds every
 * `must` string and no `forbid` string in its first `within` characters.
 */
import { readFileSync } from 'node:fs';
import type { Core } from './core.js';

/** The accuracy floor the project holds itself to, in `npm run eval` and in the tests. */
export const MIN_PERCENT = 95;

export interface EvalCase {
  id: string;
  q: string;
  must?: (string | string[])[];
  forbid?: string[];
  within?: number;
  none?: boolean;
}

export interface EvalResult {
  total: number;
  passed: number;
  percent: number;
  failures: { case: EvalCase; why: string; text: string }[];
}

const squash = (s: string) => s.replace(/(\d),(?=\d{3})/g, '$1').replace(/\s+/g, '');

export function readCases(file: string): EvalCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalCase);
}

export function evaluate(core: Core, cases: EvalCase[]): EvalResult {
  const failures: EvalResult['failures'] = [];
  for (const c of cases) {
    const a = core.ask(c.q);
    let why = '';
    if (c.none) {
      if (a.kind !== 'none') why = `expected "none", got "${a.kind}"`;
    } else if (a.kind === 'none') {
      why = 'answered "none"';
    } else {
      const head = squash(a.text).slice(0, c.within ?? 400);
      const missing = (c.must ?? []).filter((m) => !(Array.isArray(m) ? m : [m]).some((s) => head.includes(squash(s))));
      const present = (c.forbid ?? []).filter((s) => head.includes(squash(s)));
      if (missing.length) why = `missing ${JSON.stringify(missing)}`;
      else if (present.length) why = `says ${JSON.stringify(present)}`;
    }
    if (why) failures.push({ case: c, why, text: squash(a.text).slice(0, 200) });
  }
  const passed = cases.length - failures.length;
  return { total: cases.length, passed, percent: cases.length ? (100 * passed) / cases.length : 0, failures };
}
