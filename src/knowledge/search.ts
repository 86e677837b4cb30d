/**
 * The MiniSearch index over indicators, tasks and passages. Built once by the knowledge
 * build and serialized beside the records; loaded with the same options at start-up.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { Indicator, KnowledgeRecord, Passage, Task } from '../types.js';
import { tokensOfFolded } from '../text/tokenize.js';
import { fold } from '../text/normalize.js';

interface IndexDoc {
  id: string;
  name: string;
  text: string;
  /** The records that share this wording (the same sentence of another month or place). */
  members: string[];
}

export const FIELDS = ['name', 'text'] as const;

/** Names weigh most: a question names a metric far more often than it quotes a sentence. */
export const BOOST = { name: 3, text: 1 };

// Index fields are folded before tokenizing; queries arrive folded already.
export const INDEX_OPTIONS: Options<IndexDoc> = {
  fields: [...FIELDS],
  storeFields: ['members'],
  tokenize: (text, field) => tokensOfFolded(field === undefined ? text : fold(text)),
  processTerm: (term) => term,
  searchOptions: { boost: BOOST, prefix: false, fuzzy: false, combineWith: 'OR' },
};

/**
 * What of a record is searchable: names, and the sentence with its section (a news title, or
 * the task a progress figure belongs to). A task's progress is left out: it is indexed as its
 * own indicators and passages already.
 */
function searchable(r: KnowledgeRecord): { name: string; text: string } {
  switch (r.type) {
    case 'indicator':
      return { name: [r.name, ...(r as Indicator).aliases, r.subject].join(' '), text: `${r.sentence} ${r.section}` };
    case 'task':
      return { name: (r as Task).text, text: [...r.lead, ...r.others].join(' ') };
    default:
      return { name: '', text: `${(r as Passage).text} ${r.section}` };
  }
}

/**
 * The index holds each wording once, with the records that share it: figures are not words
 * (digits are left out), so "6月全市全社会用电量…" of this month and of the next one are one
 * entry with two members. Questions pin the month and the place; the members answer for them.
 * This keeps the index, and the work of a search, the size of the vocabulary rather than
 * of the records.
 */
export function buildIndex(records: { indicators: Indicator[]; tasks: Task[]; passages: Passage[] }): MiniSearch<IndexDoc> {
  const groups = new Map<string, IndexDoc>();
  for (const r of [...records.indicators, ...records.tasks, ...records.passages]) {
    const { name, text } = searchable(r);
    const doc = { name: name.replace(/\d+(\.\d+)?/g, '#'), text: text.replace(/\d+(\.\d+)?/g, '#') };
    const key = `${r.type}|${doc.name}|${doc.text}`;
    const group = groups.get(key);
    if (group) group.members.push(r.id);
    else groups.set(key, { id: `g${groups.size}`, ...doc, members: [r.id] });
  }
  const index = new MiniSearch<IndexDoc>(INDEX_OPTIONS);
  index.addAll([...groups.values()]);
  return index;
}

export function loadIndex(json: string): MiniSearch<IndexDoc> {
  return MiniSearch.loadJSON<IndexDoc>(json, INDEX_OPTIONS);
}

export type SearchIndex = MiniSearch<IndexDoc>;

type Postings = Map<number, Map<number, number>>;

/**
 * How many documents hold a term. MiniSearch keeps this in its term map but does not expose
 * it; the matcher uses it to leave out terms so common that scoring them costs more than
 * they tell (version 7's `_index`, a SearchableMap of field → document → frequency).
 */
const frequencies = new WeakMap<SearchIndex, Map<string, number>>();

export function documentFrequency(index: SearchIndex, term: string): number {
  // The index does not change once loaded, so a term's frequency is counted once.
  let memo = frequencies.get(index);
  if (!memo) frequencies.set(index, (memo = new Map()));
  let n = memo.get(term);
  if (n !== undefined) return n;
  n = 0;
  const data = (index as unknown as { _index: { get(term: string): Postings | undefined } })._index.get(term);
  for (const docs of data?.values() ?? []) n += docs.size;
  if (memo.size > 200_000) memo.clear(); // questions of random text must not grow it without end
  memo.set(term, n);
  return n;
}
