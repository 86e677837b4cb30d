/**
 * Adding one report: read it as the build will, show what it gives (kind, title, place,
 * period, issuer, date, how many figures and tasks, three of its records, what could not be
 * read), and on confirmation copy it into seeds/ and rebuild the knowledge. A running bot
 * picks the rebuild up by itself (live.ts).
 */
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Indicator, Passage, Task } from '../types.js';
import { documentRecords, extractAll, writeKnowledge, SEEDS_DIR, type Records } from './build.js';
import { GENERATED_DIR } from './lexicon.js';
import { documentLines } from './explain.js';
import { formatOf } from '../extract/read/index.js';

const NATURE = { actual: '实际', target: '目标' } as const;

const indicatorSample = (i: Indicator) => `${i.name} · ${i.region} · ${i.period.label} · ${NATURE[i.nature]} = ${i.figure}`;
const taskSample = (t: Task) => `#${t.number ?? '-'} ${t.text.slice(0, 40)}${t.text.length > 40 ? '…' : ''} · 牵头 ${t.lead.join('、') || '—'}${t.status ? ` · ${t.status}` : ''}`;
const passageSample = (p: Passage) => `${p.text.slice(0, 60)}${p.text.length > 60 ? '…' : ''}`;

/** Three records spread over the document: figures first, then tasks, then passages. */
function samples(records: Records): string[] {
  const spread = <T>(list: T[], n: number) => (list.length <= n ? list : Array.from({ length: n }, (_, i) => list[Math.floor((i * (list.length - 1)) / Math.max(1, n - 1))]));
  const out = spread(records.indicators, 3).map(indicatorSample);
  out.push(...spread(records.tasks, 3 - out.length).map(taskSample));
  out.push(...spread(records.passages, 3 - out.length).map(passageSample));
  return out.slice(0, 3);
}

/** Where a piece of the identity came from (the operator checks it, and corrects it when the evidence is weak). */
const from = (evidence: string | undefined) => (evidence ? ` (from ${evidence})` : '');

/** What one document gives, as the operator checks it before adding it. */
export function summary(file: string, records: Records): string[] {
  const bytes = readFileSync(file);
  const out = [`${basename(file)} (${formatOf(bytes)}, ${Math.ceil(statSync(file).size / 1024)} KB)`];
  for (const s of records.sources) {
    out.push(`  kind ${s.kind}${from(s.evidence?.kind)} · 《${s.title.replace(/^《|》$/g, '')}》`);
    out.push(
      `  place ${s.region || '—'}${from(s.evidence?.place)} · figures of ${s.year ?? '—'}${from(s.evidence?.year)} · issuer ${s.issuer || '—'} · date ${s.date || '—'}${s.number ? ` · ${s.number}` : ''}`,
    );
  }
  const periods = new Map<string, number>();
  for (const i of records.indicators) periods.set(i.period.label, (periods.get(i.period.label) ?? 0) + 1);
  const top = [...periods].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3);
  out.push(`  ${records.indicators.length} figures, ${records.tasks.length} tasks, ${records.passages.length} passages${top.length ? ` · periods ${top.map(([p, n]) => `${p} (${n})`).join(', ')}` : ''}`);
  const some = samples(records);
  if (some.length) out.push('  for example:', ...some.map((s) => `    ${s}`));
  if (records.problems.length) out.push('  could not read:', ...records.problems.map((p) => `    line ${p.line}: ${p.message}`));
  return out;
}

export interface AddOptions {
  seedsDir?: string;
  /** The reports added from the chat, read after seeds/ so that the rebuild keeps them. */
  reportsDir?: string;
  generatedDir?: string;
  /** Asked after the summary is shown; the report is added only on true. */
  confirm: () => Promise<boolean>;
  print: (line: string) => void;
}

export type AddResult = 'added' | 'declined' | 'unreadable' | 'exists';

/** Reads, shows, asks, and on yes copies the file into seeds/ and rebuilds. */
export async function addReport(file: string, options: AddOptions): Promise<AddResult> {
  const seedsDir = options.seedsDir ?? SEEDS_DIR;
  const path = resolve(file);
  const records = await documentRecords(path);
  for (const line of summary(path, records)) options.print(line);
  if (!records.sources.length) {
    options.print('Nothing in it can be read; not added.');
    return 'unreadable';
  }
  const target = join(seedsDir, basename(path));
  const same = existsSync(target) && readFileSync(target).equals(readFileSync(path));
  if (existsSync(target) && !same) {
    options.print(`seeds/${basename(path)} exists and differs: rename the file, or remove the old one first; not added.`);
    return 'exists';
  }
  if (!(await options.confirm())) {
    options.print('Not added.');
    return 'declined';
  }
  if (!same) copyFileSync(path, target);
  const all = await extractAll(options.reportsDir ? [seedsDir, options.reportsDir] : seedsDir);
  writeKnowledge(all, options.generatedDir ?? GENERATED_DIR);
  for (const line of documentLines(all)) options.print(line);
  for (const p of all.problems) options.print(`${p.file}:${p.line}: ${p.message}`);
  options.print(`Added seeds/${basename(path)}; knowledge rebuilt (${all.sources.length} sources). A running bot answers from it from the next question.`);
  return 'added';
}
