/**
 * The operator's report over the answer log (`npm run report`): the questions the reports could
 * not answer, grouped by what they asked (the structured query, not the wording), with counts
 * and an example; the 👎 with their reasons and words; the most asked metrics, tasks and
 * documents; answers per day and platform; the time the core took. Plain text for a terminal,
 * or the entries as CSV for a spreadsheet. Pure functions over rows: the CLI reads them.
 */
import type Database from 'better-sqlite3';
import { INTENT_LABELS, type Query } from '../question/query.js';

export interface Feedback {
  vote: 'up' | 'down';
  reasons: string[];
  words: string | null;
}

export interface LoggedAnswer {
  id: string;
  /** When, in ms since the epoch. */
  at: number;
  platform: string;
  conversation: string | null;
  user: string | null;
  question: string;
  query?: Query;
  kind: string;
  records: string[];
  ms: number;
  feedback: Feedback[];
}

/** What the report says of a record: a metric's name, a task, and the document it is from. */
export interface RecordInfo {
  metric?: string;
  task?: string;
  document?: string;
}

/** The log's entries since `since` (ms), oldest first, with their feedback; or the one entry `id`. */
export function readLog(db: Database.Database, since = 0, id?: string): LoggedAnswer[] {
  const only = id === undefined ? '' : ' AND id = ?';
  const args = id === undefined ? [since] : [since, id];
  const rows = db.prepare(`SELECT * FROM answers WHERE at >= ?${only} ORDER BY at, id`).all(...args) as Record<string, unknown>[];
  const votes = db
    .prepare(`SELECT f.answer, f.vote, f.reasons, f.words FROM feedback f JOIN answers a ON a.id = f.answer WHERE a.at >= ?${only.replace('id', 'a.id')} ORDER BY f.at`)
    .all(...args) as { answer: string; vote: 'up' | 'down'; reasons: string; words: string | null }[];
  const byAnswer = new Map<string, Feedback[]>();
  for (const v of votes) {
    const list = byAnswer.get(v.answer) ?? [];
    list.push({ vote: v.vote, reasons: parse<string[]>(v.reasons) ?? [], words: v.words });
    byAnswer.set(v.answer, list);
  }
  return rows.map((r) => ({
    id: String(r.id),
    at: Number(r.at),
    platform: String(r.platform),
    conversation: (r.conversation as string | null) ?? null,
    user: (r.user as string | null) ?? null,
    question: String(r.question),
    query: r.query ? parse<Query>(String(r.query)) : undefined,
    kind: String(r.kind),
    records: parse<string[]>(String(r.records)) ?? [],
    ms: Number(r.ms),
    feedback: byAnswer.get(String(r.id)) ?? [],
  }));
}

function parse<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/* ------------------------------------------------------------ what a query asked */

/** The metric a query asked for, without the places it named (宁波gdp → gdp). */
function metricOf(q: Query): string {
  let metric = q.metric;
  for (const p of q.places) metric = metric.split(p.text).join(' ');
  return metric.replace(/\s+/g, '');
}

/** The parts of a structured query the report groups by, each as a reader would name it. */
export function askedParts(q: Query | undefined): string[] {
  if (!q) return ['(未记录)'];
  const metric = metricOf(q);
  const task = q.task;
  return [
    INTENT_LABELS[q.intent] ?? q.intent,
    q.compute ?? '',
    metric,
    q.places.map((p) => p.region ?? p.text).join('、'),
    q.period?.label ?? '',
    q.nature === 'target' ? '目标' : '',
    q.basis ?? '',
    task?.number !== undefined ? `第${task.number}项` : '',
    task?.aspect ?? '',
    task?.department ?? '',
    (task?.statuses ?? []).join('、'),
    q.scope?.number ?? q.scope?.words ?? '',
    q.ask ?? '',
    (q.parts ?? []).length ? `${q.parts!.length}部分` : '',
  ].filter(Boolean);
}

/* ------------------------------------------------------------ the report */

export interface Gap {
  asked: string[];
  count: number;
  /** The latest question asked so, and its entry id. */
  example: { question: string; id: string };
}

export interface Report {
  from?: number;
  to?: number;
  total: number;
  none: number;
  up: number;
  down: number;
  gaps: Gap[];
  /** Answers with at least one 👎, latest first. */
  downs: { entry: LoggedAnswer; reasons: string[]; words: string[] }[];
  reasons: [string, number][];
  metrics: [string, number][];
  tasks: [string, number][];
  documents: [string, number][];
  /** Day (YYYY-MM-DD in the time zone) → platform → answers. */
  perDay: { day: string; counts: Record<string, number> }[];
  platforms: string[];
  p50?: number;
  p99?: number;
}

function tally(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function top(counts: Map<string, number>, n: number): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number | undefined {
  if (!sorted.length) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** YYYY-MM-DD HH:MM of an instant in a time zone. */
export function localTime(at: number, timezone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

export function buildReport(entries: LoggedAnswer[], info: (id: string) => RecordInfo | undefined, timezone: string, limit = 10): Report {
  const gaps = new Map<string, Gap>();
  const metrics = new Map<string, number>();
  const tasks = new Map<string, number>();
  const documents = new Map<string, number>();
  const reasons = new Map<string, number>();
  const days = new Map<string, Record<string, number>>();
  const platforms = new Set<string>();
  const downs: Report['downs'] = [];
  let up = 0;
  let down = 0;

  for (const e of entries) {
    if (e.kind === 'none') {
      const asked = askedParts(e.query);
      const key = JSON.stringify(asked);
      const gap = gaps.get(key) ?? { asked, count: 0, example: { question: e.question, id: e.id } };
      gap.count += 1;
      gap.example = { question: e.question, id: e.id }; // entries are oldest first: the latest wins
      gaps.set(key, gap);
    }
    const about = e.records.map(info).filter((r): r is RecordInfo => r !== undefined);
    const named = new Set(about.map((r) => r.metric).filter((m): m is string => !!m));
    // Unanswered (or answered from no figure): the metric as asked.
    if (!named.size && e.query && (e.query.intent === 'value' || e.query.intent === 'growth') && metricOf(e.query)) named.add(metricOf(e.query));
    for (const m of named) tally(metrics, m);
    for (const t of new Set(about.map((r) => r.task).filter((t): t is string => !!t))) tally(tasks, t);
    if (!about.some((r) => r.task) && e.query?.task?.number !== undefined) tally(tasks, `第${e.query.task.number}项`);
    for (const d of new Set(about.map((r) => r.document).filter((d): d is string => !!d))) tally(documents, d);

    const day = localTime(e.at, timezone).slice(0, 10);
    const counts = days.get(day) ?? {};
    counts[e.platform] = (counts[e.platform] ?? 0) + 1;
    days.set(day, counts);
    platforms.add(e.platform);

    const against = e.feedback.filter((f) => f.vote === 'down');
    up += e.feedback.length - against.length;
    down += against.length;
    if (against.length) {
      const said = against.flatMap((f) => f.reasons);
      for (const r of said) tally(reasons, r);
      downs.push({ entry: e, reasons: [...new Set(said)], words: against.map((f) => f.words).filter((w): w is string => !!w) });
    }
  }

  const times = entries.map((e) => e.ms).sort((a, b) => a - b);
  return {
    from: entries[0]?.at,
    to: entries.at(-1)?.at,
    total: entries.length,
    none: entries.filter((e) => e.kind === 'none').length,
    up,
    down,
    gaps: [...gaps.values()].sort((a, b) => b.count - a.count || a.asked.join().localeCompare(b.asked.join())),
    downs: downs.reverse(),
    reasons: top(reasons, limit),
    metrics: top(metrics, limit),
    tasks: top(tasks, limit),
    documents: top(documents, limit),
    perDay: [...days].sort((a, b) => a[0].localeCompare(b[0])).map(([day, counts]) => ({ day, counts })),
    platforms: [...platforms].sort(),
    p50: percentile(times, 50),
    p99: percentile(times, 99),
  };
}

/* ------------------------------------------------------------ as text */

/** Columns a character takes in a terminal: CJK and fullwidth forms take two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}]/u.test(ch) ? 2 : 1;
  return w;
}

/** Cuts to at most `max` columns, with … when cut. */
function clip(text: string, max: number): string {
  if (width(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (width(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

const padEnd = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - width(text)));
const padStart = (text: string, w: number) => ' '.repeat(Math.max(0, w - width(text))) + text;

/** Rows as aligned columns; `right` marks the columns aligned right (numbers). */
function table(head: string[], rows: string[][], right: Set<number> = new Set()): string[] {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    '  ' + cells.map((c, i) => (right.has(i) ? padStart(c, widths[i]) : i === cells.length - 1 ? c : padEnd(c, widths[i]))).join('  ');
  return [line(head), ...rows.map(line)];
}

const percent = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : '–');
const millis = (ms: number | undefined) => (ms === undefined ? '–' : `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`);
const listed = (pairs: [string, number][]) => (pairs.length ? pairs.map(([k, n]) => `${k} ${n}`).join(' · ') : '–');

export function renderReport(report: Report, timezone: string, since?: string): string {
  const out: string[] = [];
  const span = report.from === undefined ? '' : `${localTime(report.from, timezone)} – ${localTime(report.to!, timezone)}`;
  out.push(`Answer log${since ? ` since ${since}` : ''}: ${report.total} answers${span ? `, ${span} (${timezone})` : ''}`);
  if (!report.total) return `${out[0]}\n`;
  out.push(`  without an answer ("none"): ${report.none} (${percent(report.none, report.total)}) · 👍 ${report.up} · 👎 ${report.down}`);

  out.push('', `Questions without an answer, by what they asked (${report.gaps.length} groups)`);
  if (report.gaps.length) {
    out.push(
      ...table(
        ['count', 'asked', 'example', 'id'],
        report.gaps.map((g) => [String(g.count), clip(g.asked.join(' · '), 48), clip(g.example.question, 36), g.example.id]),
        new Set([0]),
      ),
    );
  } else out.push('  none');

  out.push('', `👎 (${report.downs.length} answers)${report.reasons.length ? `: ${listed(report.reasons)}` : ''}`);
  if (report.downs.length) {
    out.push(
      ...table(
        ['when', 'platform', 'question', 'answer', 'reasons', 'words', 'id'],
        report.downs.map((d) => [
          localTime(d.entry.at, timezone),
          d.entry.platform,
          clip(d.entry.question, 30),
          d.entry.kind,
          d.reasons.join('、') || '–',
          clip(d.words.join(' / ') || '–', 30),
          d.entry.id,
        ]),
      ),
    );
  } else out.push('  none');

  out.push('', 'Most asked');
  out.push(`  metrics:   ${listed(report.metrics)}`);
  out.push(`  tasks:     ${listed(report.tasks)}`);
  out.push(`  documents: ${listed(report.documents)}`);

  out.push('', 'Answers per day and platform');
  out.push(
    ...table(
      ['day', ...report.platforms, 'total'],
      report.perDay.map(({ day, counts }) => [
        day,
        ...report.platforms.map((p) => String(counts[p] ?? 0)),
        String(Object.values(counts).reduce((a, b) => a + b, 0)),
      ]),
      new Set(report.platforms.map((_, i) => i + 1).concat(report.platforms.length + 1)),
    ),
  );

  out.push('', `Time to answer (the core): p50 ${millis(report.p50)} · p99 ${millis(report.p99)} · ${report.total} answers`);
  return `${out.join('\n')}\n`;
}

/* ------------------------------------------------------------ as CSV */

/** A CSV cell: quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = [
  'id', 'time', 'platform', 'conversation', 'user', 'question', 'asked', 'kind', 'records', 'ms', 'up', 'down', 'reasons', 'words',
] as const;

/** One row per answer, for a spreadsheet; a byte order mark first so that Excel reads the Chinese. */
export function toCsv(entries: LoggedAnswer[], timezone: string): string {
  const rows = entries.map((e) => {
    const downs = e.feedback.filter((f) => f.vote === 'down');
    return [
      e.id,
      localTime(e.at, timezone),
      e.platform,
      e.conversation ?? '',
      e.user ?? '',
      e.question,
      askedParts(e.query).join(' · '),
      e.kind,
      e.records.join(' '),
      e.ms,
      e.feedback.length - downs.length,
      downs.length,
      [...new Set(downs.flatMap((f) => f.reasons))].join('、'),
      downs.map((f) => f.words).filter(Boolean).join(' / '),
    ].map(cell);
  });
  return '\ufeff' + [CSV_COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
}

/* ------------------------------------------------------------ --since */

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * `--since`: a span back from now (24h, 7d, 2w) or a day (2025-07-01, from its midnight in the
 * time zone). Undefined for anything else.
 */
export function parseSince(text: string, now: number, timezone: string): number | undefined {
  const span = /^(\d{1,5})([hdw])$/.exec(text.trim());
  if (span) return now - Number(span[1]) * UNIT_MS[span[2]];
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!day) return undefined;
  const utc = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  if (Number.isNaN(utc) || new Date(utc).toISOString().slice(0, 10) !== text.trim()) return undefined;
  // The zone's offset at that moment: what its clock shows, read as UTC, minus the moment.
  const shown = localTime(utc, timezone);
  const offset = Date.parse(`${shown.replace(' ', 'T')}:00Z`) - utc;
  return utc - offset;
}
