/**
 * The knowledge build: every document in seeds/ → sources, indicators, tasks and passages,
 * with stable ids, written to knowledge/generated/ one record per line, and the search index
 * beside them. Deterministic: the same seeds and knowledge files give the same bytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Indicator, Passage, Problem, Source, Task } from '../types.js';
import { lexicon as sharedLexicon, withPlaces, KNOWLEDGE_DIR, GENERATED_DIR, type Lexicon } from './lexicon.js';
import { fileNameTown, mostSpecificPlace, ownUnlistedPlaces, ownZones, unlistedTowns } from '../text/places.js';
import { tidy, fold } from '../text/normalize.js';
import type { Format, SourceRecords } from '../extract/document.js';
import { taskTable } from '../extract/formats/tasks.js';
import { bulletin } from '../extract/formats/bulletin.js';
import { plan } from '../extract/formats/plan.js';
import { page } from '../extract/formats/page.js';
import { general } from '../extract/formats/general.js';
import { clean, asWritten, columnsToPipes, joinLines, withoutTranslations } from '../extract/clean.js';
import { figureRowsToPipes } from '../extract/figure-rows.js';
import { layout } from '../extract/layout.js';
import { aboutFile, isMetaFile } from '../extract/about.js';
import { readFormat } from '../extract/read/index.js';
import { blocksToLines } from '../extract/read/lines.js';
import { buildIndex, indexWordings, type SearchIndex } from './search.js';
import type { RecordsCache } from './cache.js';

export const ROOT = join(KNOWLEDGE_DIR, '..');
export const SEEDS_DIR = join(ROOT, 'seeds');

/** Tried in order; the general reader takes whatever the fixed layouts do not. */
const FORMATS: Format[] = [taskTable, bulletin, plan, page, general];

export interface Records {
  sources: Source[];
  indicators: Indicator[];
  tasks: Task[];
  passages: Passage[];
  problems: Problem[];
}

/** FNV-1a, base 36: short ids that stay put while the record does. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

function uniqueIds<T extends { id: string }>(records: T[]): T[] {
  const seen = new Map<string, number>();
  for (const r of records) {
    const n = seen.get(r.id) ?? 0;
    seen.set(r.id, n + 1);
    if (n) r.id = `${r.id}-${n}`;
  }
  return records;
}

function applyCorrections(file: string, text: string, lex: Lexicon): string {
  let out = text;
  for (const c of lex.corrections.corrections) {
    if (c.file !== '*' && !basename(file).includes(c.file)) continue;
    if (c.find !== undefined) out = out.split(c.find).join(c.replace);
    if (c.pattern !== undefined) out = out.replace(new RegExp(c.pattern, 'g'), c.replace);
  }
  return out;
}

/**
 * Reads one document of any format (src/extract/read): its blocks become lines, read by the
 * one document reader that fits. Never throws: what cannot be read becomes a Problem.
 */
export async function readDocument(file: string, bytes: Uint8Array, lex: Lexicon): Promise<{ items: SourceRecords[]; problems: Problem[] }> {
  const inside = relative(ROOT, file);
  const name = inside.startsWith('..') ? file : inside;
  const reading = await readFormat(bytes);
  const unread: Problem[] = reading.problems.map((message) => ({ file: name, line: 1, message }));
  if (!reading.blocks.length) return { items: [], problems: unread };
  const raw = blocksToLines(reading.blocks).join('\n');
  const tidied = tidy(figureRowsToPipes(columnsToPipes(withoutTranslations(applyCorrections(file, raw.replace(/\r\n?/g, '\n'), lex))), layout(), lex.unitList));
  if (!tidied.trim()) return { items: [], problems: [{ file: name, line: 1, message: 'empty document; skipped' }] };
  const cleaned = clean(tidied.split('\n'), layout());
  const lines = cleaned.lines;
  const text = lines.join('\n');
  const format = FORMATS.find((f) => f.detect(text))!;
  // Towns the text names after their county that the gazetteer lacks are places while it is read.
  // So are places of its head the gazetteer lacks (在霍山县第十八届人民代表大会…).
  const after = unlistedTowns(text, lex);
  // (So is a zone the document speaks for: 来源:宁波大榭开发区.)
  // (And a town the file's name names that the text names again: 織里鎮重點工作推進情況.txt.)
  const named = fileNameTown(basename(file), text, lex);
  const own = [...ownUnlistedPlaces(text, lex, tidied), ...ownZones(text, lex), ...(named ? [named] : [])];
  const towns = [...after, ...own.filter((p) => !after.some((t) => t.name === p.name))];
  const here = withPlaces(lex, towns);
  try {
    const site = cleaned.site ? mostSpecificPlace(cleaned.site, here) : undefined;
    const about = { ...aboutFile(file, here, layout()), ...(site ? { site } : {}) };
    const { items, problems } = format.read(text, lines, here, about);
    if (towns.length) for (const item of items) item.source.places = towns;
    if (about.problem) problems.push({ line: 1, message: about.problem });
    if (cleaned.written) {
      // Read in simplified characters; quoted as written.
      const joined = joinLines(cleaned);
      for (const item of items) {
        for (const ind of item.indicators) ind.sentence = asWritten(ind.sentence, cleaned, joined);
        for (const p of item.passages) p.text = asWritten(p.text, cleaned, joined);
      }
    }
    return { items, problems: [...unread, ...problems.map((p) => ({ file: name, ...p }))] };
  } catch (error) {
    return { items: [], problems: [...unread, { file: name, line: 1, message: `could not be read as ${format.name}: ${(error as Error).message}` }] };
  }
}

function aliasesOf(name: string, lex: Lexicon): string[] {
  const folded = fold(name);
  const out: string[] = [];
  lex.aliases.groups.forEach((group, g) => {
    if (lex.aliasGroups[g].some((member) => folded.includes(member))) {
      for (const member of group) if (!folded.includes(fold(member))) out.push(member);
    }
  });
  return out;
}

/** Department names as a city's tables write them, made whole: 交通运输局 → 市交通运输局 (a county's stays its own). */
function normalizeDepartments(tasks: Task[], lex: Lexicon): void {
  const known = new Set([...tasks.flatMap((t) => [...t.lead, ...t.others]), ...Object.keys(lex.departments.short)]);
  const whole = (name: string) => (!name.startsWith('市') && known.has(`市${name}`) ? `市${name}` : name);
  for (const t of tasks) {
    if (lex.regionByName.get(t.region)?.level !== 'city') continue;
    t.lead = t.lead.map(whole);
    t.others = t.others.map(whole);
  }
}

/** The records one document gives, with ids as the whole build gives them. */
export async function documentRecords(file: string, lex: Lexicon = sharedLexicon(), bytes: Buffer = readFileSync(file)): Promise<Records> {
  const out: Records = { sources: [], indicators: [], tasks: [], passages: [], problems: [] };
  const { items, problems } = await readDocument(file, bytes, lex);
  append(out.problems, problems);
  for (const item of items) {
    const fileName = relative(ROOT, file).startsWith('..') ? file : relative(ROOT, file);
    const { key, ...rest } = item.source;
    const source: Source = { id: `s-${hash(fileName + key)}`, ...rest, file: fileName };
    out.sources.push(source);
    for (const t of item.tasks) out.tasks.push({ id: `t-${hash(`${source.id}|${t.number}|${t.line}`)}`, source: source.id, ...t });
    for (const ind of item.indicators) {
      const id = `i-${hash(`${source.id}|${ind.line}|${ind.name}|${ind.figure}`)}`;
      out.indicators.push({ id, ...ind, aliases: aliasesOf(ind.name, lex), source: source.id });
    }
    for (const p of item.passages) out.passages.push({ id: `p-${hash(`${source.id}|${p.line}|${p.text}`)}`, ...p, source: source.id });
  }
  return out;
}

/** A report larger than this is skipped with one problem line: the build holds a whole document in memory while reading it. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/** Appends one by one: spreading a large array into push() overflows the call stack. */
export function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

/** A file as problems name it: inside the project relative to it, else as given. */
function shownFile(file: string): string {
  const inside = relative(ROOT, file);
  return inside.startsWith('..') ? file : inside;
}

/** Whether a seed should be read, or the one problem line that says why not. */
function tooLarge(file: string): Problem | undefined {
  const size = statSync(file).size;
  if (size <= MAX_DOCUMENT_BYTES) return undefined;
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  return { file: shownFile(file), line: 1, message: `too large to read (${mb(size)}, the limit is ${mb(MAX_DOCUMENT_BYTES)}); skipped` };
}

/**
 * The document's items without those that repeat an earlier one word for word (a web page
 * saved with the same item many times): same title, date, kind and records. One problem line
 * says how many were dropped.
 */
function withoutRepeats(one: Records, file: string): Records {
  const bySource = new Map<string, string[]>();
  const add = (source: string, text: string) => bySource.get(source)?.push(text);
  for (const s of one.sources) bySource.set(s.id, [s.kind, s.title, s.date, s.region]);
  for (const t of one.tasks) add(t.source, `${t.number}|${t.text}`);
  for (const i of one.indicators) add(i.source, `${i.name}|${i.figure}|${i.sentence}`);
  for (const p of one.passages) add(p.source, p.text);
  const seen = new Map<string, string>();
  const repeats = new Set<string>();
  const titles = new Map<string, number>();
  for (const s of one.sources) {
    const digest = createHash('sha256').update(bySource.get(s.id)!.join('\u0000')).digest('hex');
    if (!seen.has(digest)) {
      seen.set(digest, s.id);
      continue;
    }
    repeats.add(s.id);
    titles.set(s.title, (titles.get(s.title) ?? 0) + 1);
  }
  if (repeats.size === 0) return one;
  const kept = <T extends { source: string }>(records: T[]) => records.filter((r) => !repeats.has(r.source));
  const named = [...titles].slice(0, 3).map(([title, n]) => `《${title.slice(0, 40)}》 ${n} more time${n > 1 ? 's' : ''}`);
  const more = titles.size > 3 ? ` and ${titles.size - 3} more` : '';
  const problem: Problem = {
    file: shownFile(file),
    line: 1,
    message: `${repeats.size} item${repeats.size > 1 ? 's' : ''} repeat an earlier one word for word (${named.join(', ')}${more}); read once`,
  };
  return {
    sources: one.sources.filter((s) => !repeats.has(s.id)),
    indicators: kept(one.indicators),
    tasks: kept(one.tasks),
    passages: kept(one.passages),
    problems: [...one.problems, problem],
  };
}

/** The documents of one folder, in name order: files only (a pending upload waits in a dot-folder). */
function documentsIn(dir: string): string[] {
  return (
    readdirSync(dir, { withFileTypes: true })
      // NAME.meta.json is what the operator says of NAME, read with it.
      .filter((e) => e.isFile() && !e.name.startsWith('.') && !isMetaFile(e.name))
      .map((e) => e.name)
      .sort()
      .map((name) => join(dir, name))
  );
}

/**
 * Reads every document of the folders given, folder by folder: seeds/ and, for a bot that
 * takes reports from the chat, the reports kept in DATA_DIR/reports (a folder that does not
 * exist yet gives nothing).
 */
export async function extractAll(folders: string | readonly string[] = SEEDS_DIR, lex: Lexicon = sharedLexicon(), cache?: RecordsCache): Promise<Records> {
  const out: Records = { sources: [], indicators: [], tasks: [], passages: [], problems: [] };
  const dirs = typeof folders === 'string' ? [folders] : folders;
  const files = dirs.flatMap((dir, i) => (i > 0 && !existsSync(dir) ? [] : documentsIn(dir)));
  /** The first file of each text read, by its SHA-256: the same report saved under two names is read once. */
  const texts = new Map<string, string>();
  for (const file of files) {
    const large = tooLarge(file);
    if (large) {
      out.problems.push(large);
      continue;
    }
    const bytes = readFileSync(file);
    const digest = createHash('sha256').update(bytes).digest('hex');
    const first = texts.get(digest);
    if (first !== undefined) {
      out.problems.push({ file: shownFile(file), line: 1, message: `the same text as ${first}; read once` });
      continue;
    }
    texts.set(digest, shownFile(file));
    // One at a time, in name order: the ids and the output stay the same run after run.
    const read = () => documentRecords(file, lex, bytes);
    const one = withoutRepeats(await (cache ? cache.records(file, shownFile(file), bytes, read) : read()), file);
    append(out.sources, one.sources);
    append(out.indicators, one.indicators);
    append(out.tasks, one.tasks);
    append(out.passages, one.passages);
    append(out.problems, one.problems);
  }
  cache?.prune();
  normalizeDepartments(out.tasks, lex);
  uniqueIds(out.indicators);
  uniqueIds(out.tasks);
  uniqueIds(out.passages);
  return out;
}

/** One record a line: a change to a record is a change to its line. */
export function toJsonLines(records: unknown[]): string {
  return records.length ? `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n` : '[]\n';
}

/** The files the build writes, by name, with their contents. */
export function buildFiles(records: Records, index: SearchIndex = buildIndex(records)): Record<string, string> {
  return {
    'sources.json': toJsonLines(records.sources),
    'indicators.json': toJsonLines(records.indicators),
    'tasks.json': toJsonLines(records.tasks),
    'passages.json': toJsonLines(records.passages),
    'problems.json': toJsonLines(records.problems),
    'index.json': JSON.stringify(index) + '\n',
  };
}

/**
 * Writes the files, each whole by rename and index.json last: a running bot that reloads when
 * index.json changes (live.ts) never reads a half-written file or half of a build. With the
 * records cache, the index takes over the wordings of the one written before (search.ts
 * indexWordings): the same index, without reading every wording again.
 */
export function writeKnowledge(records: Records, dir = GENERATED_DIR, cache?: RecordsCache): void {
  mkdirSync(dir, { recursive: true });
  const before = cache?.builtIndex(existsSync(join(dir, 'index.json')) ? readFileSync(join(dir, 'index.json'), 'utf8') : undefined);
  const built = indexWordings(records, before);
  const contents = buildFiles(records, built.index);
  const files = Object.entries(contents).sort(([a], [b]) => Number(a === 'index.json') - Number(b === 'index.json'));
  for (const [name, content] of files) writeFileSync(join(dir, `.${name}.tmp`), content);
  for (const [name] of files) renameSync(join(dir, `.${name}.tmp`), join(dir, name));
  cache?.keepIndex(built, contents['index.json']);
}
