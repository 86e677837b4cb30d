/**
 * The knowledge the core answers from: the records of knowledge/generated/ and the search
 * index serialized beside them. Loading reads JSON only; nothing is extracted again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Indicator, KnowledgeRecord, Passage, Source, Task } from '../types.js';
import { lexicon, GENERATED_DIR, type Lexicon } from './lexicon.js';
import { loadIndex, type SearchIndex } from './search.js';

export interface Knowledge {
  sources: Source[];
  indicators: Indicator[];
  tasks: Task[];
  passages: Passage[];
  index: SearchIndex;
  lex: Lexicon;
  byId: Map<string, KnowledgeRecord>;
  sourceById: Map<string, Source>;
  /** Lower-cased text a record can be matched against: names, sentence, section, place. */
  haystack: Map<string, string>;
  /** Lower-cased names of each indicator (name, aliases, subject): what the figure is of. */
  nameHaystack: Map<string, string>;
  /** Indicators by lower-cased name: the same metric for other periods and places. */
  byName: Map<string, Indicator[]>;
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
  return parts.join('|').replace(INNER_PUNCTUATION, '').toLowerCase();
}

function haystackOf(r: KnowledgeRecord): string {
  switch (r.type) {
    case 'indicator':
      return matchable([r.name, ...r.aliases, r.subject, r.sentence, r.section]);
    case 'task':
      return matchable([r.text, ...r.progress, r.section]);
    default:
      return matchable([r.text, r.section]);
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

/** Knowledge from records in memory and their index (tests, the benchmark). */
export function fromRecords(records: RecordSet, index: SearchIndex, lex: Lexicon = lexicon()): Knowledge {
  const all: KnowledgeRecord[] = [...records.indicators, ...records.tasks, ...records.passages];
  return {
    ...records,
    index,
    lex,
    byId: new Map(all.map((r) => [r.id, r])),
    sourceById: new Map(records.sources.map((s) => [s.id, s])),
    haystack: new Map(all.map((r) => [r.id, haystackOf(r)])),
    nameHaystack: new Map(records.indicators.map((i) => [i.id, matchable([i.name, ...i.aliases, i.subject])])),
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
