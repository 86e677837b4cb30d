/**
 * The human-kept data under knowledge/: metric aliases, department short names, places,
 * units, question words and corrections. Read once, validated, shared by the extraction
 * and the question handler.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { fold } from '../text/normalize.js';
import { ROOT } from '../root.js';

export const KNOWLEDGE_DIR = join(ROOT, 'knowledge');
/** Where `npm run knowledge` writes the records and the index. */
export const GENERATED_DIR = join(KNOWLEDGE_DIR, 'generated');

const schemas = {
  aliases: z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) }),
  departments: z.object({ short: z.record(z.string(), z.array(z.string())) }),
  regions: z.object({
    home: z.string().min(1),
    scopes: z.object({ words: z.record(z.string(), z.string()) }),
    placeless: z.object({ patterns: z.array(z.string().min(1)) }),
    thingsNamedAfter: z.object({ endings: z.array(z.string().min(1)), afterPlace: z.object({ endings: z.array(z.string().min(1)) }), parts: z.object({ endings: z.array(z.string().min(1)) }), short: z.record(z.string(), z.string()) }),
    zones: z.object({ kinds: z.array(z.array(z.string().min(1)).min(1)), generic: z.array(z.string().min(1)) }),
    notPlaces: z.object({ names: z.array(z.string().min(2)) }).optional(),
    regions: z.array(
      z.object({
        name: z.string(),
        aliases: z.array(z.string()),
        /** Short names that are common words too (临海, 江山): a place only where a question opens with them. */
        askedAs: z.array(z.string()).optional(),
        within: z.string().optional(),
        level: z.enum(['country', 'province', 'city', 'county', 'town', 'village']),
      }),
    ),
  }),
  units: z.object({ units: z.array(z.string().min(1)) }),
  lexicon: z.object({
    questionWords: z.array(z.string()),
    targetWords: z.array(z.string()),
    budgetEndings: z.object({ words: z.array(z.string().min(1)) }),
    actualWords: z.array(z.string()),
    actualVerbs: z.array(z.string()),
    lightVerbs: z.array(z.string()),
    changeWords: z.array(z.string()),
    bases: z.record(z.string(), z.array(z.string())),
    aspects: z.record(z.enum(['who', 'when', 'status', 'progress', 'why', 'what']), z.array(z.string())),
    wholeProgress: z.object({ words: z.array(z.string().min(1)) }),
    shortVerbs: z.object({ words: z.array(z.string().min(1)), notAfter: z.string(), asks: z.record(z.string(), z.string()).default({}) }),
    resultVerbs: z.object({ words: z.array(z.string().min(1)) }),
    typedShort: z.object({ words: z.record(z.string().min(1), z.string().min(1)) }),
    spoken: z.object({ words: z.record(z.string().min(1), z.string().min(1)) }),
    combined: z.object({ words: z.record(z.string().min(1), z.array(z.string().min(1)).min(2)) }),
    roles: z.object({ lead: z.array(z.string()), part: z.array(z.string()) }),
    unmarked: z.array(z.string()),
    statuses: z.record(z.string(), z.array(z.string())),
    taskWords: z.array(z.string()),
    measureWords: z.array(z.string()),
    documents: z.record(z.string(), z.array(z.string())),
    documentAsks: z.record(z.string(), z.array(z.string())),
    noteWords: z.record(z.string(), z.array(z.string())),
    sourcesWords: z.array(z.string()),
    freshnessWords: z.array(z.string()),
    computeWords: z.record(z.enum(['difference', 'share', 'progress']), z.array(z.string())),
    greetings: z.array(z.string()),
    thanks: z.array(z.string()),
    helpWords: z.array(z.string()),
    looseSuffixes: z.array(z.string()),
    eachPlaceWords: z.array(z.string()),
    quoteWords: z.array(z.string()),
    /** Words before a quote word that say which part of the last answer (进展原文咋写的): the quote all the same. */
    quoteLeads: z.array(z.string()).default([]),
    followUpQualifiers: z.object({ words: z.array(z.string().min(1)), alternatives: z.array(z.array(z.string().min(1))), counterparts: z.array(z.array(z.string().min(1))).default([]) }),
    genericWords: z.object({ words: z.array(z.string().min(1)), doings: z.array(z.string().min(1)).default([]), units: z.record(z.string(), z.string()) }),
    levelsInWords: z.object({ words: z.array(z.string().min(1)) }),
    sinceJanuary: z.object({ words: z.array(z.string().min(1)) }),
    correctionWords: z.object({ words: z.array(z.string().min(1)) }),
    placeRankWords: z.object({ which: z.array(z.string().min(1)), high: z.array(z.string().min(1)), low: z.array(z.string().min(1)) }),
    /** Words of a ranking (全省, 总量 of 总量全省第几) that name no metric of their own. */
    rankFrames: z.array(z.string()),
    moreWords: z.array(z.string()),
    followUpHeads: z.array(z.string()),
    followUpTails: z.array(z.string()),
    relative: z.record(z.enum(['this-year', 'last-year', 'this-month', 'last-month', 'latest']), z.array(z.string())),
    spans: z.record(z.string(), z.tuple([z.number().int(), z.number().int()])),
    pastSpans: z.array(z.string()),
    nextSpans: z.array(z.string()),
    lookAlike: z.array(z.string().min(2)),
  }),
  metrics: z.object({
    qualifiers: z.array(z.string().min(1)),
    heads: z.array(z.string().min(1)),
    rateHeads: z.array(z.string()),
    sharedSubject: z.object({ heads: z.array(z.string().min(1)), short: z.record(z.string(), z.string()) }),
    effectWords: z.object({ words: z.array(z.string().min(1)) }),
    impliedHeads: z.object({ words: z.array(z.string().min(1)) }),
    looseAskedUnits: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    sentenceQualifiers: z.array(z.string()),
    frames: z.array(z.string()),
    distributive: z.array(z.string()),
    sameQualifiers: z.record(z.string(), z.string()),
    impliedQualifiers: z.record(z.string(), z.union([z.string(), z.object({ by: z.array(z.string().min(1)), unless: z.array(z.string().min(1)) })])),
    headDimensions: z.record(z.string(), z.string()),
    actVerbs: z.object({ words: z.array(z.string().min(1)) }).default({ words: [] }),
    /** Words that make a count one of candidates for a thing (苗子, 后备): never the thing's own count. */
    candidates: z.object({ words: z.array(z.string().min(1)) }).default({ words: [] }),
    budgetLevels: z.object({ words: z.array(z.string().min(1)) }).default({ words: [] }),
    apartNames: z.object({ pairs: z.array(z.tuple([z.string().min(1), z.string().min(1)])) }),
    oneCharacterNames: z.record(z.string(), z.string()),
    headUnits: z.record(z.string(), z.string()),
    dimensions: z.record(z.string(), z.array(z.string().min(1))),
    levelWords: z.object({ words: z.array(z.string().min(1)) }),
    perMember: z.object({ opens: z.array(z.string().min(1)), wholes: z.array(z.string().min(1)), asked: z.array(z.string().min(1)) }),
    /** Words that ask an average (村均, 人均): the whole's figure is none of it. */
    averages: z.object({ words: z.array(z.string().min(1)) }).default({ words: [] }),
    /** Measures named alone right after a count, of the things counted (注册资本 of 公有制企业5846户). */
    countedMeasures: z.object({ heads: z.array(z.string().min(1)) }).default({ heads: [] }),
    /** A topic asked bare (外贸) and its headline metrics, first the most asked (进出口总额, 出口). */
    topics: z.object({ words: z.record(z.string(), z.array(z.string().min(1))) }).default({ words: {} }),
  }),
  corrections: z.object({
    corrections: z.array(
      z.object({
        file: z.string(),
        find: z.string().optional(),
        pattern: z.string().optional(),
        replace: z.string(),
        why: z.string(),
      }),
    ),
  }),
};

type Schemas = typeof schemas;
export type LexiconData = { [K in keyof Schemas]: z.infer<Schemas[K]> };

export interface Region {
  name: string;
  aliases: string[];
  askedAs?: string[];
  within?: string;
  level: 'country' | 'province' | 'city' | 'county' | 'town' | 'village';
}

export interface Lexicon extends LexiconData {
  /**
   * Every place name or alias, folded, longest first, with the place it names; a word for
   * "this place" (全市) has the level it names (`scope`) instead.
   */
  placeNames: { text: string; region: string | null; scope?: string }[];
  regionByName: Map<string, Region>;
  /** Folded alias → the group it belongs to (folded members). */
  aliasGroups: string[][];
  /** Folded short or full department name → full name. */
  departmentNames: { text: string; name: string }[];
  /** Units, longest first. */
  unitList: string[];
  /** Sentences whose figures are no place's (regions.json `placeless`). */
  placeless: RegExp[];
}

function readJson<K extends keyof Schemas>(dir: string, name: K): LexiconData[K] {
  const file = join(dir, `${name}.json`);
  const parsed = schemas[name].safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data as LexiconData[K];
}

const byLength = <T extends { text: string }>(a: T, b: T) => b.text.length - a.text.length || a.text.localeCompare(b.text);

export function loadLexicon(dir = KNOWLEDGE_DIR): Lexicon {
  const data: LexiconData = {
    aliases: readJson(dir, 'aliases'),
    departments: readJson(dir, 'departments'),
    regions: readJson(dir, 'regions'),
    units: readJson(dir, 'units'),
    lexicon: readJson(dir, 'lexicon'),
    metrics: readJson(dir, 'metrics'),
    corrections: readJson(dir, 'corrections'),
  };
  return derive(data, dir);
}

/** The lookups made from the lists: place names longest first, places by name, departments, units. */
function derive(data: LexiconData, dir = KNOWLEDGE_DIR): Lexicon {
  const placeNames = [
    ...data.regions.regions.flatMap((r) => [r.name, ...r.aliases].map((text) => ({ text: fold(text), region: r.name as string | null }))),
    ...Object.entries(data.regions.scopes.words).map(([text, scope]) => ({ text: fold(text), region: null, scope })),
    // (杭州湾 holds 杭州 and names no place: read whole, it names none.)
    ...(data.regions.notPlaces?.names ?? []).map((text) => ({ text: fold(text), region: null })),
  ].sort(byLength);
  const regionByName = new Map(data.regions.regions.map((r) => [r.name, r]));
  for (const r of data.regions.regions) {
    if (r.within && !regionByName.has(r.within)) throw new Error(`${join(dir, 'regions.json')}: ${r.name} lies within ${r.within}, which is no place of the list`);
  }
  if (!regionByName.has(data.regions.home)) throw new Error(`${join(dir, 'regions.json')}: home ${data.regions.home} is no place of the list`);
  const departmentNames = Object.entries(data.departments.short)
    .flatMap(([name, shorts]) => [name, ...shorts].map((text) => ({ text: fold(text), name })))
    .sort(byLength);
  return {
    ...data,
    placeNames,
    regionByName,
    aliasGroups: data.aliases.groups.map((g) => g.map(fold)),
    departmentNames,
    unitList: [...data.units.units].sort((a, b) => b.length - a.length),
    placeless: data.regions.placeless.patterns.map((p) => new RegExp(p)),
  };
}

/** A place a report names that the gazetteer lacks (萧山区益农镇): learned from the text, with the place it lies in. */
export interface LearnedPlace {
  name: string;
  /** The larger place it lies in; absent when the text does not say (霍山县 of a province the gazetteer lacks). */
  within?: string;
  level: 'village' | 'town' | 'county';
  /** Its short name is its in this text, whatever else bears it (龙港 of 龙港镇, in 2013, before 龙港市 was). */
  ownsShortName?: boolean;
  /** The names people ask it by, where they are not its short name (庆元经开区 of 庆元经济开发区). */
  aliases?: string[];
  /** The text names it so itself (…开发区(以下简称“经开区”)): its aliases are its here, whatever else bears them. */
  ownsAliases?: boolean;
}

const learnedMemo = new WeakMap<Lexicon, Map<string, Lexicon>>();

/** The lexicon with places learned from reports added; the lexicon itself when there are none. */
export function withPlaces(lex: Lexicon, places: readonly LearnedPlace[]): Lexicon {
  // (A village learned within a town learned with it: 李家巷镇刘家渡村.)
  const lies = (p: LearnedPlace) => !p.within || lex.regionByName.has(p.within) || places.some((t) => t.name === p.within && lex.regionByName.has(t.within ?? ''));
  const fresh = [...new Map(places.filter((p) => !lex.regionByName.has(p.name) && lies(p)).map((p) => [p.name, p])).values()];
  if (!fresh.length) return lex;
  const key = fresh.map((p) => `${p.name}<${p.within ?? ''}${p.ownsShortName ? '!' : ''}${p.ownsAliases ? '!!' : ''}${p.aliases ? `=${p.aliases.join(',')}` : ''}`).sort().join('|');
  let memo = learnedMemo.get(lex);
  if (!memo) learnedMemo.set(lex, (memo = new Map()));
  let out = memo.get(key);
  if (!out) {
    // (A short name, 益农 of 益农镇, only where it is two characters or more and no place's already.)
    const short = (name: string) => name.replace(/(镇|乡|街道|县|区|市)$/, '');
    const named = new Set(lex.placeNames.map((n) => n.text));
    const regions = fresh.map((p) => ({ name: p.name, ...(p.within ? { within: p.within } : {}), level: p.level, aliases: p.aliases ? p.aliases.filter((a) => p.ownsAliases || !named.has(fold(a))) : short(p.name).length >= 2 && (p.ownsShortName || !named.has(short(p.name))) ? [short(p.name)] : [] }));
    const owned = new Set([...fresh.filter((p) => p.ownsShortName).map((p) => short(p.name)), ...fresh.filter((p) => p.ownsAliases).flatMap((p) => p.aliases ?? [])]);
    const known = lex.regions.regions.map((r) => (r.aliases.some((a) => owned.has(a)) ? { ...r, aliases: r.aliases.filter((a) => !owned.has(a)) } : r));
    memo.set(key, (out = derive({ ...lex, regions: { ...lex.regions, regions: [...known, ...regions] } })));
  }
  return out;
}

let shared: Lexicon | undefined;
/** The lexicon of the project's knowledge/ folder, read once. */
export function lexicon(): Lexicon {
  return (shared ??= loadLexicon());
}
