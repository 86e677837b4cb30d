/**
 * Scoring a question set the way ../shared/eval/score.mjs does, in-process. A case is one
 * question {"q"} or a conversation {"turns": [...]} whose last answer is scored. It passes
 * when its answer is "none" exactly when it should be ("noneOk": a none passes too), and
 * otherwise holds every `must` string (an array: any one of its strings) and no `forbid`
 * string in its first `within` characters, or in its first line with "lead". A failure is
 * "wrong" when the bot answered with something that is not the answer — the worst outcome —
 * and "none" when it said it has no data although the reports hold the answer.
 */
import { readFileSync } from 'node:fs';
import type { Core } from './core.js';

/** The accuracy floor the project holds itself to, in `npm run eval` and in the tests. */
export const MIN_PERCENT = 95;

export interface EvalCase {
  id: string;
  q?: string;
  turns?: string[];
  must?: (string | string[])[];
  forbid?: string[];
  within?: number;
  lead?: boolean;
  none?: boolean;
  noneOk?: boolean;
  cat?: string;
}

export interface EvalFailure {
  case: EvalCase;
  /** wrong: an answer that is not the one asked; none: "no data" where the reports hold it. */
  kind: 'wrong' | 'none';
  why: string;
  text: string;
}

export interface EvalResult {
  total: number;
  passed: number;
  percent: number;
  wrong: number;
  failures: EvalFailure[];
}

const squash = (s: string) => s.replace(/(\d),(?=\d{3})/g, '$1').replace(/\s+/g, '');

export function readCases(file: string): EvalCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalCase);
}

/** The question of a case as one line: a conversation's turns joined by →. */
export const questionOf = (c: EvalCase) => c.q ?? (c.turns ?? []).join(' → ');

export function evaluate(core: Core, cases: EvalCase[]): EvalResult {
  const failures: EvalFailure[] = [];
  cases.forEach((c, n) => {
    const turns = c.turns ?? [c.q ?? ''];
    const conversation = c.turns ? `eval-${c.id}-${n}` : undefined;
    let a = core.ask(turns[0], conversation ? { conversation } : {});
    for (const t of turns.slice(1)) a = core.ask(t, { conversation });
    let why = '';
    if (c.none) {
      if (a.kind !== 'none') why = `expected "none", got "${a.kind}"`;
    } else if (a.kind === 'none') {
      if (!c.noneOk) why = 'answered "none"';
    } else {
      const head = c.lead ? squash(a.text.split('\n')[0]) : squash(a.text).slice(0, c.within ?? 400);
      const missing = (c.must ?? []).filter((m) => !(Array.isArray(m) ? m : [m]).some((s) => head.includes(squash(s))));
      const present = (c.forbid ?? []).filter((s) => head.includes(squash(s)));
      if (missing.length) why = `missing ${JSON.stringify(missing)}`;
      else if (present.length) why = `says ${JSON.stringify(present)}`;
    }
    if (why) failures.push({ case: c, kind: a.kind === 'none' ? 'none' : 'wrong', why, text: squash(a.text).slice(0, 200) });
  });
  const passed = cases.length - failures.length;
  return {
    total: cases.length,
    passed,
    percent: cases.length ? (100 * passed) / cases.length : 0,
    wrong: failures.filter((f) => f.kind === 'wrong').length,
    failures,
  };
}
