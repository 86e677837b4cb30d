/**
 * What is known of a document before its text is read, and how its identity is decided.
 *
 * Three kinds of evidence, in the order they are trusted: what the operator said of the file
 * (a `NAME.meta.json` beside it: place, year, kind), what the text itself says (title, meeting
 * line, issuer, header, body — found by the document readers), and, only where the text says
 * nothing, the file's name (people name files by what they are: 2024年上半年海宁市经济运行.txt).
 * Where none settles the place or the year, it stays unknown: never a default.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import type { Period, Source } from '../types.js';
import type { Lexicon } from '../knowledge/lexicon.js';
import type { Layout } from './layout.js';
import { mostSpecificPlace } from '../text/places.js';
import { findPeriods } from '../text/period.js';
import { fold } from '../text/normalize.js';

export type Kind = Source['kind'];

/** Where a piece of a document's identity came from, as the build reports it. */
export type Evidence = 'operator' | 'title' | 'meeting' | 'speaker' | 'issuer' | 'header' | 'table title' | 'body' | 'date' | 'file name' | 'content';

export interface Said {
  place?: string;
  /** The document's own year, as its title would give it (a 2024 work report: 2024). */
  year?: number;
  kind?: Kind;
  /** A part of the year the name gives (上半年, 1-7月), for summaries. */
  span?: Period;
  /** What the name calls the document (祁门县民生实事进度表): its title where its text gives none at all. */
  title?: string;
}

export interface About {
  operator: Said;
  fileName: Said;
  /** The place of the government whose site a page is on (its breadcrumb's 泰顺县人民政府). */
  site?: string;
  /** What was wrong with the operator's file, if anything. */
  problem?: string;
}

const KINDS = ['bulletin', 'tasks', 'plan', 'news', 'report', 'statistics', 'summary', 'table'] as const;
const metaSchema = z
  .object({
    place: z.string().min(1).optional(),
    year: z.number().int().min(1949).max(2100).optional(),
    kind: z.enum(KINDS).optional(),
  })
  .strict();

/** The operator's file beside a document: `NAME.meta.json` for `NAME` (any format). */
export const metaFileOf = (file: string) => `${file}.meta.json`;
export const isMetaFile = (name: string) => name.endsWith('.meta.json');

function operatorSaid(file: string, lex: Lexicon): { said: Said; problem?: string } {
  const meta = metaFileOf(file);
  if (!existsSync(meta)) return { said: {} };
  let parsed;
  try {
    parsed = metaSchema.safeParse(JSON.parse(readFileSync(meta, 'utf8')));
  } catch (error) {
    return { said: {}, problem: `${basename(meta)} is not JSON (${(error as Error).message}); ignored` };
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { said: {}, problem: `${basename(meta)}: ${issue.path.join('.') || 'field'}: ${issue.message}; ignored` };
  }
  const { place, year, kind } = parsed.data;
  const named = place === undefined ? undefined : lex.regionByName.has(place) ? place : mostSpecificPlace(fold(place), lex);
  if (place !== undefined && !named) return { said: { year, kind }, problem: `${basename(meta)}: place ${place} is not in knowledge/regions.json; place ignored` };
  return { said: { place: named, year, kind } };
}

/** What a file's name says: its place, year, kind and part of the year. */
export function fileNameSaid(file: string, lex: Lexicon, layout: Layout): Said {
  const name = fold(basename(file).replace(/\.[a-z0-9]+$/i, ''));
  const year = Number(name.match(/((?:19|20)\d{2})年?/)?.[1]) || undefined;
  const kind = (Object.keys(layout.fileKinds) as (keyof Layout['fileKinds'])[]).find((k) => layout.fileKinds[k].some((w) => name.includes(w)));
  const span = findPeriods(name, year).find((p) => p.period.to !== undefined && p.period.kind !== 'year')?.period;
  return { place: mostSpecificPlace(name, lex), year, kind, span, title: name };
}

export function aboutFile(file: string, lex: Lexicon, layout: Layout): About {
  const { said, problem } = operatorSaid(file, lex);
  return { operator: said, fileName: fileNameSaid(file, lex, layout), ...(problem ? { problem } : {}) };
}

/** The first candidate with a value, and where it came from. */
export function decide<T>(...candidates: [Evidence, T | undefined][]): { value?: T; from?: Evidence } {
  const hit = candidates.find(([, v]) => v !== undefined && v !== null && (v as unknown) !== '');
  return hit ? { value: hit[1], from: hit[0] } : {};
}
