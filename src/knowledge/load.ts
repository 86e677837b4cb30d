/**
 * The knowledge the core answers from: the records of knowledge/generated/ and the search
 * index serialized beside them. Loading reads JSON only; nothing is extracted again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Indicator, KnowledgeRecord, Passage, Source, Task } from '../types.js';
import { lexicon, withPlaces, GENERATED_DIR, type Lexicon } from './lexicon.js';
import { fold } from '../text/normalize.js';
import { loadIndex, type SearchIndex } from './search.js';

export interface Knowledge {
  sources: Source[];
  indicators: Indicator[];
  tasks: Task[];
  passages: Passage[];
  index: SearchIndex;
  lex: Lexicon;
  byId: Map<string, KnowledgeRecord>;
  /**
   * Where each source and record stands in the reports: file by file, then in reading order.
   * Equal scores are ordered by it, never by id: an id hashes the file's path and line, so the
   * same reports in another folder or format would otherwise answer in another order.
   */
  standing: Map<string, number>;
  sourceById: Map<string, Source>;
  /** Folded text a record can be matched against: names, sentence, section, place. */
  haystack: Haystacks;
  /** Folded names of each indicator (name, aliases, subject): what the figure is of. */
  nameHaystack: Haystacks;
  /** Indicators by lower-cased name: the same metric for other periods and places. */
  byName: Map<string, Indicator[]>;
  /** The sentences of a record's paragraph, in order. */
  paragraph(r: Indicator | Passage): string[];
  /** The sentences before a figure's that say its topic: the one before, and its item's lead. */
  topicBefore(r: Indicator): string;
  /** Department names a question may use (folded, longest first): the tasks' own and their short names. */
  departments: { text: string; name: string }[];
}

export interface RecordSet {
  sources: Source[];
  indicators: Indicator[];
  tasks: Task[];
  passages: Passage[];
}

/** Quotes and enumeration commas sit inside names (“运动家”社区, 碳达峰、碳中和); questions leave them out. */
const INNER_PUNCTUATION = /[、“”"‘’'《》〈〉「」·\s]/g;

function matchable(parts: string[]): string {
  return fold(parts.join('|')).replace(INNER_PUNCTUATION, '');
}

/**
 * A record's text as questions are matched against it, folded (a sentence of a traditional
 * document stays as written in the record: 據最終核實 is matched as 据最终核实). Folded when
 * first needed and kept: a question looks at a few dozen records, not all of them.
 */
export class Haystacks {
  private readonly folded = new Map<string, string>();
  constructor(private readonly text: (id: string) => string[] | undefined) {}

  get(id: string): string | undefined {
    let hay = this.folded.get(id);
    if (hay === undefined) {
      const parts = this.text(id);
      if (!parts) return undefined;
      this.folded.set(id, (hay = matchable(parts)));
    }
    return hay;
  }
}

/**
 * What a record is matched against. A figure's sentence often leaves its topic to the sentence
 * before it (…全面整治各类市容秩序乱象。截至目前，共排查问题56013个…解决率98.71%): that sentence
 * counts too.
 */
function haystackOf(r: KnowledgeRecord, before: (r: Indicator) => string): string[] {
  switch (r.type) {
    case 'indicator':
      return [r.name, ...r.aliases, r.subject, r.sentence, r.section, before(r)];
    case 'task':
      return [r.text, ...r.progress, r.section];
    default:
      return [r.text, r.section];
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function departmentNames(tasks: Task[], lex: Lexicon): { text: string; name: string }[] {
  const known = new Set(lex.departmentNames.map((d) => d.name));
  const fromTasks = [...new Set(tasks.flatMap((t) => [...t.lead, ...t.others]))]
    .filter((name) => !known.has(name) && name.length >= 3)
    .map((name) => ({ text: name.toLowerCase(), name }));
  return [...lex.departmentNames, ...fromTasks].sort((a, b) => b.text.length - a.text.length || a.text.localeCompare(b.text));
}

/**
 * The sentences of each paragraph, in order, by source and line: a statement is read with its
 * neighbours, and a figure with the sentence before it. Built when first needed.
 */
function paragraphs(records: RecordSet): (r: Indicator | Passage) => string[] {
  let map: Map<string, string[]> | undefined;
  const key = (r: { source: string; line: number; part?: number }) => `${r.source}|${r.line}|${r.part ?? ''}`;
  return (r) => {
    if (!map) {
      const parts = new Map<string, Map<number, { whole?: string; parts: string[] }>>();
      for (const x of [...records.indicators, ...records.passages]) {
        if (x.at === undefined) continue;
        let sentences = parts.get(key(x));
        if (!sentences) parts.set(key(x), (sentences = new Map()));
        const sentence = sentences.get(x.at) ?? { parts: [] };
        sentences.set(x.at, sentence);
        // A sentence with figures also gives passages of its parts: the whole sentence stands for
        // them. Without figures, its parts (up to each ；) are passages, read together again.
        if (x.type === 'indicator') sentence.whole = x.sentence;
        else if (!sentence.parts.includes(x.text)) sentence.parts.push(x.text);
      }
      const text = (s: { whole?: string; parts: string[] }) => s.whole ?? s.parts.join('；');
      map = new Map([...parts].map(([id, s]) => [id, [...s].sort((a, b) => a[0] - b[0]).map(([, t]) => text(t))]));
    }
    return map.get(key(r)) ?? [r.type === 'indicator' ? r.sentence : r.text];
  };
}

/** A paragraph that opens as an item of a list (7.桐乡市:…, （三）…, 海宁市:…). */
const ITEM_LEAD = /^(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]+[）)]|[\u4e00-\u9fff]{2,4}[市县区镇][:：])/;

/** Knowledge from records in memory and their index (tests, the benchmark). */
export function fromRecords(records: RecordSet, index: SearchIndex, gazetteer: Lexicon = lexicon()): Knowledge {
  // Questions may name the towns the reports taught (萧山区益农镇).
  // (A short name a place owned in its own report, 龙港 of 龙港镇 in 2013, is the gazetteer's again in a question.)
  const lex = withPlaces(gazetteer, records.sources.flatMap((s) => s.places ?? []).map(({ ownsShortName: _owns, ...p }) => p));
  const all: KnowledgeRecord[] = [...records.indicators, ...records.tasks, ...records.passages];
  const byId = new Map(all.map((r) => [r.id, r]));
  const paragraph = paragraphs(records);
  // The sentence before often names the topic (…整治各类市容秩序乱象。截至目前，共排查问题…);
  // a numbered item's or a place's lead (7.桐乡市:…深化城市有机更新。…已竣工17个) names it for all.
  const before = (r: Indicator) => {
    const sentences = paragraph(r);
    const at = sentences.indexOf(r.sentence);
    if (at <= 0) return '';
    const lead = at > 1 && ITEM_LEAD.test(sentences[0]) ? `${sentences[0]}|` : '';
    return `${lead}${sentences[at - 1]}`;
  };
  return {
    ...records,
    index,
    lex,
    byId,
    standing: new Map([...records.sources, ...all].map((r, i) => [r.id, i])),
    paragraph,
    topicBefore: before,
    sourceById: new Map(records.sources.map((s) => [s.id, s])),
    haystack: new Haystacks((id) => {
      const r = byId.get(id);
      return r && haystackOf(r, before);
    }),
    nameHaystack: new Haystacks((id) => {
      const r = byId.get(id);
      return r?.type === 'indicator' ? [r.name, ...r.aliases, r.subject] : undefined;
    }),
    byName: groupBy(records.indicators, (i) => i.name.toLowerCase()),
    departments: departmentNames(records.tasks, lex),
  };
}

export function loadKnowledge(dir = GENERATED_DIR): Knowledge {
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
  return fromRecords(
    {
      sources: read<Source[]>('sources.json'),
      indicators: read<Indicator[]>('indicators.json'),
      tasks: read<Task[]>('tasks.json'),
      passages: read<Passage[]>('passages.json'),
    },
    loadIndex(readFileSync(join(dir, 'index.json'), 'utf8')),
  );
}
