/**
 * Extraction measured against hand-checked records: each report of test/fixtures/reports/ has
 * NAME.gold.jsonl, the figures of its text with their owner (place, subject), period, nature
 * and value, checked by hand against NAME.txt. A gold record is found among the indicators the
 * build reads from the report by its value and its sentence; then its place and its period are
 * compared. A place that differs is worse than an unknown one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Indicator, Period } from '../src/types.js';
import { documentRecords } from '../src/knowledge/build.js';
import { fold } from '../src/text/normalize.js';
import { lexicon, type LearnedPlace, type Lexicon } from '../src/knowledge/lexicon.js';
import { isWithin } from '../src/text/places.js';

export interface GoldRecord {
  metric: string;
  place: string | null;
  subject?: string;
  period: { kind: string; year?: number | null; from?: number; to?: number; fromYear?: number; toYear?: number };
  nature: 'actual' | 'target';
  value: number;
  unit: string;
  growth?: boolean;
  quote: string;
}

export interface Tally {
  gold: number;
  found: number;
  placeRight: number;
  placeUnknown: number;
  placeWrong: { file: string; gold: GoldRecord; region: string }[];
  periodRight: number;
  periodWrong: { file: string; gold: GoldRecord; period: string }[];
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/**
 * The indicator that reads this gold figure: the same value, from the sentence the quote is in —
 * or, for a table's row (quoted as written, read as header：cell pairs), from the quote's line.
 */
function findIndicator(gold: GoldRecord, inds: Indicator[], lines: string[]): Indicator | undefined {
  const quote = fold(gold.quote).replace(/\s+/g, '');
  const squeezed = (l: string) => fold(l).replace(/\s+/g, '');
  const quoteLines = new Set(lines.flatMap((l, i) => (quote.length >= 8 && squeezed(l).includes(quote) ? [i + 1] : [])));
  const inSentence = (i: Indicator) => {
    const s = fold(i.sentence).replace(/\s+/g, '');
    return s.includes(quote.slice(0, 12)) || quote.includes(s.slice(0, 12)) || s.includes(quote.slice(-12)) || quoteLines.has(i.line);
  };
  const candidates = inds.filter(inSentence);
  const hasValue = (i: Indicator) =>
    gold.growth
      ? i.growth.some((g) => near(g.value, gold.value)) || (i.isChange && i.value !== null && near(Math.abs(i.value), Math.abs(gold.value)))
      : i.value !== null && near(i.value, gold.value) && !i.isChange;
  // A figure several places share (遂昌县、庆元县GDP均增长5.9%) is a record of each: the gold place's.
  const found = candidates.filter(hasValue);
  return found.find((i) => placeFits(gold, i.region)) ?? found[0];
}

/** Whether an extracted period is the gold one (年末 is the year's; a span's ends must agree). */
export function samePeriod(gold: GoldRecord['period'], p: Period): boolean {
  // (A span written as its last year and the year it starts from: {kind: 'span', year: 2021, from: 2017}.)
  if (gold.kind === 'span' && gold.fromYear === undefined && gold.from !== undefined && gold.year) gold = { ...gold, fromYear: gold.from, toYear: gold.year };
  // A two-year average growth of year N (两年平均增长) is read as N's, with that basis.
  if (gold.kind === 'span' && gold.toYear && gold.toYear - (gold.fromYear ?? 0) === 1 && p.kind === 'year' && p.year === gold.toYear) return true;
  if (gold.year === null || gold.year === undefined) return gold.kind === 'span' ? p.kind === 'span' && p.fromYear === gold.fromYear && p.toYear === gold.toYear : p.year === undefined;
  switch (gold.kind) {
    case 'year':
      return (p.kind === 'year' || (p.kind === 'range' && p.from === 1 && p.to === 12) || (p.kind === 'asof' && p.to === 12)) && p.year === gold.year;
    case 'asof':
      return p.year === gold.year && ((p.kind === 'asof' && p.to === gold.to) || (gold.to === 12 && p.kind === 'year'));
    case 'month':
      return p.kind === 'month' && p.year === gold.year && p.to === gold.to;
    case 'range':
      return p.year === gold.year && ((p.kind === 'range' && p.from === gold.from && p.to === gold.to) || (gold.from === 1 && gold.to === 12 && p.kind === 'year'));
    case 'span':
      return p.kind === 'span' && p.fromYear === gold.fromYear && p.toYear === gold.toYear;
    default:
      return false;
  }
}

/**
 * Whether an extracted place is the gold one: the place, or the subject when it is a place of its
 * own (西塘镇) — by any name the document's learned place goes by (无锡经开区 for 无锡经济开发区).
 */
function placeFits(gold: GoldRecord, region: string, learned: readonly LearnedPlace[] = [], lex?: Lexicon): boolean {
  // (Or by a name the gazetteer gives it: 杭州湾新区 of 宁波杭州湾新区.)
  const names = [region, ...(learned.find((p) => p.name === region)?.aliases ?? []), ...(lex?.regionByName.get(region)?.aliases ?? [])].map(fold);
  // (Gold in traditional characters, 南昌縣, names the place 南昌县 is.)
  if (names.includes(fold(gold.place ?? ''))) return true;
  // (海盐经济开发区(西塘桥街道): a subject with its other name in brackets is the place of that name too.)
  const subject = fold(gold.subject ?? '');
  const other = subject.match(/^[^(]+\(([^()]+)\)$/)?.[1];
  // (李家巷镇刘家渡村: a subject named after the larger place it lies in is the place its name ends on.)
  return !!subject && (names.includes(subject) || (!!other && names.includes(other)) || names.some((n) => n.length >= 3 && subject.endsWith(n)));
}

export async function measure(dir: string): Promise<Tally & { files: number }> {
  const lex = lexicon();
  const t: Tally & { files: number } = { files: 0, gold: 0, found: 0, placeRight: 0, placeUnknown: 0, placeWrong: [], periodRight: 0, periodWrong: [] };
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const file = join(dir, name);
    const golds = readFileSync(file.replace(/\.txt$/, '.gold.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as GoldRecord);
    const records = await documentRecords(file, lex);
    const lines = readFileSync(file, 'utf8').split('\n');
    const inds = records.indicators;
    const learned = records.sources.flatMap((src) => src.places ?? []);
    t.files++;
    for (const g of golds) {
      t.gold++;
      const ind = findIndicator(g, inds, lines);
      if (!ind) continue;
      t.found++;
      if (!ind.region) t.placeUnknown++;
      // A figure given its thing (临沪新区, 综保区) answers only questions that name it.
      else if (g.subject && ind.owner) t.placeRight++;
      // (So does one given the zone the gold files it under: 丽水经济技术开发区's GDP, in 丽水市, owned by the zone.)
      else if (ind.owner && placeFits(g, ind.owner, learned, lex)) t.placeRight++;
      else if (g.place && placeFits(g, ind.region, learned, lex)) t.placeRight++;
      // A figure filed under a larger place it lies in (a town's under its county) is not another place's.
      else if (g.place && g.subject && isWithin(lex, g.subject, ind.region)) t.placeUnknown++;
      else t.placeWrong.push({ file: name, gold: g, region: ind.region });
      if (samePeriod(g.period, ind.period)) t.periodRight++;
      else t.periodWrong.push({ file: name, gold: g, period: ind.period.label });
    }
  }
  return t;
}

export function summary(label: string, t: Tally & { files: number }): string {
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
  return [
    `${label}: ${t.files} reports, ${t.gold} gold figures, ${t.found} read (recall ${pct(t.found, t.gold)})`,
    `  place: right ${t.placeRight}, unknown ${t.placeUnknown}, WRONG ${t.placeWrong.length} (precision ${pct(t.placeRight, t.placeRight + t.placeWrong.length)})`,
    `  period: right ${t.periodRight} of ${t.found} (${pct(t.periodRight, t.found)})`,
  ].join('\n');
}
