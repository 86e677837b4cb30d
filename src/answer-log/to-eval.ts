/**
 * A fix stays fixed: `npm run report -- --to-eval ID` turns a logged question, with the figure
 * (or "none") the operator says is right, into a case of the project's evaluation set
 * (test/eval/questions.jsonl, {"id", "q", "must" | "none"}), which `npm run eval` and the tests
 * hold the bot to.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { LoggedAnswer } from './report.js';

export interface Expected {
  /** Strings the answer must hold (a figure as the reports write it: 293.25, 24.4%). */
  must: string[];
  /** The reports do not hold the answer: it must be "none". */
  none: boolean;
  /** The question to keep instead of the logged one (a follow-up asked on its own). */
  q?: string;
}

/** A value as the set writes it: `"a"`, `["a", "b"]`, `true`. */
function shown(value: unknown): string {
  return Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(', ')}]` : JSON.stringify(value);
}

/** The case as one line of the set, in its key order and spacing. */
export function caseLine(fields: Record<string, unknown>): string {
  return `{${Object.entries(fields).map(([k, v]) => `${JSON.stringify(k)}: ${shown(v)}`).join(', ')}}`;
}

/** The cases of the set (blank lines skipped). */
function casesIn(file: string): { id?: unknown; q?: unknown }[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id?: unknown; q?: unknown });
}

/** The case for a logged answer; throws an Error whose message is one line for the operator. */
export function evalCase(entry: LoggedAnswer, expected: Expected, file: string): Record<string, unknown> {
  const must = expected.must.map((m) => m.trim()).filter(Boolean);
  if (!must.length && !expected.none) throw new Error('say what the right answer holds: --must FIGURE (as often as needed), or --none');
  if (must.length && expected.none) throw new Error('--must and --none contradict each other: give one');
  const carried = entry.query?.carried ?? [];
  if (carried.length && !expected.q) {
    throw new Error(`“${entry.question}” was a follow-up (it took ${carried.join(', ')} from the question before): give it as asked on its own with --q "…"`);
  }
  const q = (expected.q ?? entry.question).trim();
  if (!q) throw new Error('the question is empty');
  const cases = casesIn(file);
  const same = cases.find((c) => c.q === q);
  if (same) throw new Error(`“${q}” is already case ${String(same.id)} of ${file}`);
  const last = Math.max(0, ...cases.map((c) => /^e(\d+)$/.exec(String(c.id))?.[1]).filter(Boolean).map(Number));
  const id = `e${String(last + 1).padStart(3, '0')}`;
  return must.length ? { id, q, must } : { id, q, none: true };
}

/** Appends the case as a line of the set. */
export function appendCase(file: string, fields: Record<string, unknown>): string {
  const line = caseLine(fields);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  appendFileSync(file, `${before && !before.endsWith('\n') ? '\n' : ''}${line}\n`);
  return line;
}
