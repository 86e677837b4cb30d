/**
 * knowledge/layout.json: page clutter, header fields, title words, kind words, table columns and the
 * phrases that date a text, read once and checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KNOWLEDGE_DIR } from '../knowledge/lexicon.js';

const words = z.array(z.string().min(1));

const schema = z.object({
  clutter: z.object({ lines: words, patterns: words, watermarks: words }),
  header: z.object({ fields: z.object({ number: words, issuer: words, date: words, other: words }) }),
  titles: z.object({ words }),
  kinds: z.object({ statistics: words, report: words, summary: words }),
  columns: z.object({
    number: words,
    task: words,
    lead: words,
    others: words,
    people: words,
    deadline: words,
    progress: words,
    status: words,
    name: words,
    place: words,
    year: words,
    target: words,
    actual: words,
    growth: words,
    note: words,
  }),
  figureColumns: z.object({ thisMonth: words, cumulative: words, amounts: words, bases: words, changes: words }),
  progressStatuses: z.record(z.string(), z.union([words, z.string()])),
  years: z.record(z.string(), z.union([z.number(), z.string()])),
  fileNames: z.object({ kinds: z.object({ statistics: words, report: words, summary: words, tasks: words }) }),
});

export type ColumnRole = keyof z.infer<typeof schema>['columns'];
export type HeaderField = keyof z.infer<typeof schema>['header']['fields'];

export interface Layout {
  clutterLines: Set<string>;
  clutterPatterns: RegExp[];
  watermarks: string[];
  /** Header field names, longest first, with what each gives. */
  headerFields: { name: string; field: HeaderField }[];
  /** The names of each field in the order they are trusted (成文日期 before 发布日期). */
  fieldNames: Record<HeaderField, string[]>;
  /** Words that name a kind of document: a line near the top holding one may be the title. */
  titleWords: string[];
  kinds: z.infer<typeof schema>['kinds'];
  /** Column header words, longest first, with their role. */
  columns: { word: string; role: ColumnRole }[];
  /** Phrases that date a text, with the year each implies. */
  years: { phrase: string; year: number }[];
  /** Words of a file's name that say its document's kind. */
  fileKinds: z.infer<typeof schema>['fileNames']['kinds'];
  /** A statistics table's column words, longest first: the month's (本月), the year's so far (累计), other amounts, and the bases and words of a change (同比, ±). */
  figureColumns: { thisMonth: string[]; cumulative: string[]; amounts: string[]; bases: string[]; changes: string[] };
  /** Words that end a progress cell with its status (…,按时推进), longest first, with the status. */
  progressStatuses: { word: string; status: string }[];
}

export function loadLayout(dir = KNOWLEDGE_DIR): Layout {
  const file = join(dir, 'layout.json');
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const d = parsed.data;
  const byLength = <T>(key: (t: T) => string) => (a: T, b: T) => key(b).length - key(a).length || key(a).localeCompare(key(b));
  return {
    clutterLines: new Set(d.clutter.lines.map((l) => l.replace(/\s+/g, ''))),
    clutterPatterns: d.clutter.patterns.map((p) => new RegExp(p)),
    watermarks: d.clutter.watermarks,
    headerFields: Object.entries(d.header.fields)
      .flatMap(([field, names]) => names.map((name) => ({ name, field: field as HeaderField })))
      .sort(byLength((f) => f.name)),
    fieldNames: d.header.fields,
    titleWords: d.titles.words,
    kinds: d.kinds,
    fileKinds: d.fileNames.kinds,
    columns: Object.entries(d.columns)
      .flatMap(([role, ws]) => ws.map((word) => ({ word, role: role as ColumnRole })))
      .sort(byLength((c) => c.word)),
    figureColumns: {
      thisMonth: [...d.figureColumns.thisMonth].sort(byLength((w) => w)),
      cumulative: [...d.figureColumns.cumulative].sort(byLength((w) => w)),
      amounts: [...d.figureColumns.amounts].sort(byLength((w) => w)),
      bases: [...d.figureColumns.bases].sort(byLength((w) => w)),
      changes: [...d.figureColumns.changes].sort(byLength((w) => w)),
    },
    progressStatuses: Object.entries(d.progressStatuses)
      .filter((e): e is [string, string[]] => Array.isArray(e[1]))
      .flatMap(([status, ws]) => ws.map((word) => ({ word, status })))
      .sort(byLength((w) => w.word)),
    years: Object.entries(d.years)
      .filter(([phrase]) => phrase !== '_doc')
      .map(([phrase, year]) => ({ phrase, year: Number(year) })),
  };
}

let shared: Layout | undefined;
export function layout(): Layout {
  return (shared ??= loadLayout());
}
