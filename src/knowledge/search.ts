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

/** The wordings a MiniSearch index is built from: each wording once, with its member records. */
function wordings(records: { indicators: Indicator[]; tasks: Task[]; passages: Passage[] }): IndexDoc[] {
  const groups = new Map<string, IndexDoc>();
  for (const r of [...records.indicators, ...records.tasks, ...records.passages]) {
    const { name, text } = searchable(r);
    const doc = { name: name.replace(/\d+(\.\d+)?/g, '#'), text: text.replace(/\d+(\.\d+)?/g, '#') };
    const key = `${r.type}|${doc.name}|${doc.text}`;
    const group = groups.get(key);
    if (group) group.members.push(r.id);
    else groups.set(key, { id: `g${groups.size}`, ...doc, members: [r.id] });
  }
  return [...groups.values()];
}

/**
 * The index holds each wording once, with the records that share it: figures are not words
 * (digits are left out), so "6月全市全社会用电量…" of this month and of the next one are one
 * entry with two members. Questions pin the month and the place; the members answer for them.
 * This keeps the index, and the work of a search, the size of the vocabulary rather than
 * of the records.
 */
export function buildMiniSearch(records: { indicators: Indicator[]; tasks: Task[]; passages: Passage[] }): MiniSearch<IndexDoc> {
  const index = new MiniSearch<IndexDoc>(INDEX_OPTIONS);
  index.addAll(wordings(records));
  return index;
}

/**
 * The index as MiniSearch would build it (the same terms, frequencies, field lengths and their
 * running averages, so the same scores to the last bit: test/search-index.test.ts), counted
 * straight into postings: MiniSearch's tree of maps was most of a rebuild's time.
 */
export function buildIndex(records: { indicators: Indicator[]; tasks: Task[]; passages: Passage[] }): SearchIndex {
  const docs = wordings(records);
  const tokenize = INDEX_OPTIONS.tokenize!;
  /** Per term, per field: document and frequency, document after document. */
  const byTerm = new Map<string, number[][]>();
  const fieldLength: number[] = [];
  const average = FIELDS.map(() => 0);
  docs.forEach((doc, d) => {
    FIELDS.forEach((field, f) => {
      const tokens = tokenize(doc[field], field);
      const unique = new Set(tokens).size;
      fieldLength.push(unique);
      // As MiniSearch keeps it: the running average, document by document.
      average[f] = (average[f] * d + unique) / (d + 1);
      for (const term of tokens) {
        let fields = byTerm.get(term);
        if (!fields) byTerm.set(term, (fields = FIELDS.map(() => [])));
        const list = fields[f];
        if (list[list.length - 2] === d) list[list.length - 1]++;
        else list.push(d, 1);
      }
    });
  });
  const postings: number[] = [];
  for (const fields of byTerm.values()) {
    for (const list of fields) {
      postings.push(list.length / 2);
      for (const x of list) postings.push(x);
    }
  }
  return SearchIndex.fromJSON({
    documentCount: docs.length,
    averageFieldLength: average,
    fieldLength: toBase64(fieldLength),
    members: docs.map((doc) => doc.members),
    terms: [...byTerm.keys()].join('\n'),
    postings: toBase64(postings),
  });
}

export function loadIndex(json: string): SearchIndex {
  return SearchIndex.fromJSON(JSON.parse(json) as LeanJson);
}

type Postings = Map<number, Map<number, number>>;

/** What MiniSearch 7 keeps inside: field → document → frequency by term, and the lengths BM25 needs. */
interface MiniSearchInside {
  _index: Iterable<[string, Postings]>;
  _documentCount: number;
  _avgFieldLength: number[];
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, { members: string[] }>;
  _fieldIds: Record<string, number>;
}

interface LeanJson {
  documentCount: number;
  averageFieldLength: number[];
  /** Unique terms of each field, document after document (base64, as postings). */
  fieldLength: string;
  members: string[][];
  /** The terms, one a line. */
  terms: string;
  /**
   * Per term, per field in FIELDS order: the number of documents, then document and frequency
   * of each; 32-bit integers in base64, read as they lie (no array of numbers to parse).
   */
  postings: string;
}

export interface SearchResult {
  id: string;
  score: number;
  members: string[];
}

/** A result whose id is written only when read (the matcher reads scores and members of hundreds). */
class Found implements SearchResult {
  constructor(
    private readonly doc: number,
    readonly score: number,
    readonly members: string[],
  ) {}

  get id(): string {
    return `g${this.doc}`;
  }
}

/** Little-endian, as every machine Node runs on reads an Int32Array. */
const toBase64 = (numbers: ArrayLike<number>) => Buffer.from(Int32Array.from(numbers).buffer).toString('base64');

function fromBase64(text: string): Int32Array {
  const bytes = Buffer.from(text, 'base64');
  // A copy of its own: the buffer may be a slice of Node's shared pool, not aligned to 4 bytes.
  return new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const BOOSTS = FIELDS.map((f) => BOOST[f]);

/**
 * The index as a question reads it: MiniSearch's scores, to the last bit, over postings kept in
 * one typed array. Loading MiniSearch's own JSON rebuilds a tree of maps (most of the start-up
 * time, and of the memory); this loads as one array and one map of terms. Built from a MiniSearch
 * index, so the build and the bare MiniSearch of the bench count the same words.
 */
export class SearchIndex {
  private constructor(
    private readonly json: LeanJson,
    private readonly at: Map<string, number>,
    private readonly postings: Int32Array,
    private readonly fieldLength: Int32Array,
  ) {}

  static of(mini: MiniSearch<IndexDoc>): SearchIndex {
    const inside = mini as unknown as MiniSearchInside;
    const fieldIds = FIELDS.map((f) => inside._fieldIds[f]);
    const terms: string[] = [];
    const postings: number[] = [];
    for (const [term, fields] of inside._index) {
      terms.push(term);
      for (const id of fieldIds) {
        const docs = [...(fields.get(id) ?? [])].sort((a, b) => a[0] - b[0]);
        postings.push(docs.length);
        for (const [doc, tf] of docs) postings.push(doc, tf);
      }
    }
    const docs = inside._documentCount;
    const fieldLength: number[] = [];
    const members: string[][] = [];
    for (let d = 0; d < docs; d++) {
      const lengths = inside._fieldLength.get(d) ?? [];
      for (const id of fieldIds) fieldLength.push(lengths[id] ?? 0);
      members.push(inside._storedFields.get(d)?.members ?? []);
    }
    const averageFieldLength = fieldIds.map((id) => inside._avgFieldLength[id] ?? 0);
    return SearchIndex.fromJSON({ documentCount: docs, averageFieldLength, fieldLength: toBase64(fieldLength), members, terms: terms.join('\n'), postings: toBase64(postings) });
  }

  static fromJSON(json: LeanJson): SearchIndex {
    const postings = fromBase64(json.postings);
    const at = new Map<string, number>();
    let p = 0;
    for (const term of json.terms ? json.terms.split('\n') : []) {
      at.set(term, p);
      for (let f = 0; f < FIELDS.length; f++) p += 1 + 2 * postings[p];
    }
    const lean = { ...json, postings: '', fieldLength: '', terms: '' };
    return new SearchIndex(lean, at, postings, fromBase64(json.fieldLength));
  }

  toJSON(): LeanJson {
    const terms = [...this.at.keys()];
    return { ...this.json, fieldLength: toBase64(this.fieldLength), terms: terms.join('\n'), postings: toBase64(this.postings) };
  }

  /** How many wordings hold a term, over both fields. */
  documentFrequency(term: string): number {
    let p = this.at.get(term);
    if (p === undefined) return 0;
    let n = 0;
    for (let f = 0; f < FIELDS.length; f++) {
      n += this.postings[p];
      p += 1 + 2 * this.postings[p];
    }
    return n;
  }

  /**
   * The wordings holding any of the query's terms, best first: BM25 per field with the boosts,
   * summed over terms and multiplied by the number of terms matched, as MiniSearch's search
   * with combineWith OR does (in its order of adding, so equal scores keep its order).
   */
  search(query: string, options: { filter?: (result: SearchResult) => boolean } = {}): SearchResult[] {
    const n = this.json.documentCount;
    const w = (this.work ??= newWork(n));
    if (w.term > 1 << 30) Object.assign(w, newWork(n)); // the stamps start again before they overflow
    const thisQuery = ++w.query;
    // Wordings in the order they are first found: equal scores keep it through the (stable) sort.
    const order: number[] = [];
    const seen = new Set<string>();
    for (const term of tokensOfFolded(query)) {
      let p = this.at.get(term);
      if (p === undefined) continue;
      const again = seen.has(term);
      seen.add(term);
      const thisTerm = ++w.term;
      const termDocs = w.termDocs;
      termDocs.length = 0;
      for (let f = 0; f < FIELDS.length; f++) {
        const matching = this.postings[p];
        const avg = this.json.averageFieldLength[f];
        const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
        for (let i = 0; i < matching; i++) {
          const doc = this.postings[p + 1 + 2 * i];
          const tf = this.postings[p + 2 + 2 * i];
          const length = this.fieldLength[doc * FIELDS.length + f];
          const raw = idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / avg)));
          const weighted = BOOSTS[f] * raw;
          if (w.inTerm[doc] !== thisTerm) {
            w.inTerm[doc] = thisTerm;
            w.termScore[doc] = weighted;
            termDocs.push(doc);
          } else w.termScore[doc] = w.termScore[doc] + weighted;
        }
        p += 1 + 2 * matching;
      }
      for (const doc of termDocs) {
        if (w.inQuery[doc] !== thisQuery) {
          w.inQuery[doc] = thisQuery;
          w.score[doc] = w.termScore[doc];
          w.terms[doc] = 1;
          order.push(doc);
        } else {
          w.score[doc] = w.score[doc] + w.termScore[doc];
          if (!again) w.terms[doc]++;
        }
      }
    }
    const results: SearchResult[] = [];
    for (const doc of order) {
      const result = new Found(doc, w.score[doc] * w.terms[doc], this.json.members[doc]);
      if (!options.filter || options.filter(result)) results.push(result);
    }
    return results.sort((a, b) => b.score - a.score);
  }

  /** Scratch arrays of a search, one slot a wording, kept between searches (a search runs to its end before the next). */
  private work?: Work;
}

interface Work {
  query: number;
  term: number;
  /** The search and the term that last touched each wording: no clearing between searches. */
  inQuery: Int32Array;
  inTerm: Int32Array;
  score: Float64Array;
  termScore: Float64Array;
  /** How many of the query's terms each wording holds. */
  terms: Int32Array;
  /** The wordings one term touches. */
  termDocs: number[];
}

function newWork(n: number): Work {
  return { query: 0, term: 0, inQuery: new Int32Array(n), inTerm: new Int32Array(n), score: new Float64Array(n), termScore: new Float64Array(n), terms: new Int32Array(n), termDocs: [] };
}

/** How many wordings hold a term (the matcher leaves out terms so common that scoring them costs more than they tell). */
export function documentFrequency(index: SearchIndex, term: string): number {
  return index.documentFrequency(term);
}
