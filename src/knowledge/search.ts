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
  section: string;
}

export const FIELDS = ['name', 'text', 'section'] as const;

/** Names weigh most: a question names a metric far more often than it quotes a sentence. */
export const BOOST = { name: 3, text: 1, section: 0.5 };

// Index fields are folded before tokenizing; queries arrive folded already.
export const INDEX_OPTIONS: Options<IndexDoc> = {
  fields: [...FIELDS],
  storeFields: [],
  tokenize: (text, field) => tokensOfFolded(field === undefined ? text : fold(text)),
  processTerm: (term) => term,
  searchOptions: { boost: BOOST, prefix: false, fuzzy: false, combineWith: 'OR' },
};

export function indexDoc(r: KnowledgeRecord): IndexDoc {
  switch (r.type) {
    case 'indicator':
      return { id: r.id, name: [r.name, ...(r as Indicator).aliases, r.subject].join(' '), text: r.sentence, section: r.section };
    case 'task':
      return {
        id: r.id,
        name: (r as Task).text,
        text: [...r.progress, ...r.lead, ...r.others].join(' '),
        section: r.section,
      };
    default:
      return { id: r.id, name: '', text: (r as Passage).text, section: r.section };
  }
}

export function buildIndex(records: { indicators: Indicator[]; tasks: Task[]; passages: Passage[] }): MiniSearch<IndexDoc> {
  const index = new MiniSearch<IndexDoc>(INDEX_OPTIONS);
  index.addAll([...records.indicators, ...records.tasks, ...records.passages].map(indexDoc));
  return index;
}

export function loadIndex(json: string): MiniSearch<IndexDoc> {
  return MiniSearch.loadJSON<IndexDoc>(json, INDEX_OPTIONS);
}

export type SearchIndex = MiniSearch<IndexDoc>;
