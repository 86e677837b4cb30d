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
  return [...wordingsByKey(records).values()];
}

/** The wordings by what they say (kind, names and text with digits left out), in the order first met. */
function wordingsByKey(records: { indicators: Indicator[]; tasks: Task[]; passages: Passage[] }): Map<string, IndexDoc> {
  const groups = new Map<string, IndexDoc>();
  for (const r of [...records.indicators, ...records.tasks, ...records.passages]) {
    const { name, text } = searchable(r);
    const doc = { name: name.replace(/\d+(\.\d+)?/g, '#'), text: text.replace(/\d+(\.\d+)?/g, '#') };
    const key = `${r.type}|${doc.name}|${doc.text}`;
    const group = groups.get(key);
    if (group) group.members.push(r.id);
    else groups.set(key, { id: `g${groups.size}`, ...doc, members: [r.id] });
  }
  return groups;
}

/** A wording's key, short: two 32-bit hashes of what it says (FNV-1a and a multiplicative one), base 36. */
function shortKey(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b + c, 0x85ebca6b) >>> 0;
    b = (b ^ (b >>> 13)) >>> 0;
  }
  return `${a.toString(36)}.${b.toString(36)}`;
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

/** An index's terms in the order of their postings, the postings, and the field lengths. */
export interface IndexInside {
  terms: string[];
  postings: Int32Array;
  fieldLength: Int32Array;
}

/** An index built, with the key of each of its wordings: what a later build may take over. */
export interface BuiltIndex {
  index: SearchIndex;
  /** Per wording, in order: what it says, hashed (see shortKey). */
  keys: string[];
}

/** What a build takes over of an index before: its insides, and its wordings' keys. */
export interface IndexBefore {
  index: { inside(): IndexInside };
  keys: string[];
}

export function buildIndex(records: { indicators: Indicator[]; tasks: Task[]; passages: Passage[] }): SearchIndex {
  return indexWordings(records).index;
}

/**
 * The index as MiniSearch would build it (the same terms, frequencies, field lengths and their
 * running averages, so the same scores to the last bit: test/search-index.test.ts), counted
 * straight into postings: MiniSearch's tree of maps was most of a rebuild's time. With the index
 * of a build before (of the same code), the wordings it holds are taken over from its postings
 * and only the others are read: adding one report reads that report's wordings only. Either way
 * the index is the same, to the byte (terms in code-unit order).
 */
export function indexWordings(records: { indicators: Indicator[]; tasks: Task[]; passages: Passage[] }, before?: IndexBefore): BuiltIndex {
  const byKey = wordingsByKey(records);
  const docs = [...byKey.values()];
  const keys = [...byKey.keys()].map(shortKey);
  const tokenize = INDEX_OPTIONS.tokenize!;
  const ids = new Map<string, number>();
  const terms: string[] = [];
  /** Per term, per field: document and frequency, document after document. */
  const lists: number[][][] = [];
  const termId = (term: string) => {
    let id = ids.get(term);
    if (id === undefined) {
      ids.set(term, (id = terms.length));
      terms.push(term);
      lists.push(FIELDS.map(() => []));
    }
    return id;
  };
  const taken = before ? takeOver(before, keys) : undefined;
  const fieldLength: number[] = [];
  const average = FIELDS.map(() => 0);
  docs.forEach((doc, d) => {
    const old = taken?.oldDoc[d] ?? -1;
    FIELDS.forEach((field, f) => {
      let unique: number;
      if (old >= 0) {
        unique = taken!.fieldLength[old * FIELDS.length + f];
        const { from, to } = taken!.span(old, f);
        for (let i = from; i < to; i++) lists[taken!.termOf(i, termId)][f].push(d, taken!.frequency[i]);
      } else {
        const tokens = tokenize(doc[field], field);
        unique = new Set(tokens).size;
        for (const term of tokens) {
          const list = lists[termId(term)][f];
          if (list[list.length - 2] === d) list[list.length - 1]++;
          else list.push(d, 1);
        }
      }
      fieldLength.push(unique);
      // As MiniSearch keeps it: the running average, document by document.
      average[f] = (average[f] * d + unique) / (d + 1);
    });
  });
  const order = terms.map((_, i) => i).sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
  // (Into a typed array of its final size: a corpus has millions of numbers to lay out.)
  let size = 0;
  for (const fields of lists) for (const list of fields) size += 1 + list.length;
  const postings = new Int32Array(size);
  let p = 0;
  for (const id of order) {
    for (const list of lists[id]) {
      postings[p++] = list.length / 2;
      for (let i = 0; i < list.length; i++) postings[p++] = list[i];
    }
  }
  const index = SearchIndex.fromJSON({
    documentCount: docs.length,
    averageFieldLength: average,
    fieldLength: toBase64(fieldLength),
    members: docs.map((doc) => doc.members),
    terms: order.map((id) => terms[id]).join('\n'),
    postings: toBase64(postings),
  });
  return { index, keys };
}

/**
 * The postings of the wordings an earlier index holds, by wording: for each new wording the
 * old one that says the same (by key), and each old one's terms and frequencies, field by
 * field, in typed arrays (a corpus's million postings as small arrays kept the collector busy).
 */
function takeOver(before: IndexBefore, keys: string[]) {
  const oldOf = new Map(before.keys.map((key, doc) => [key, doc]));
  const oldDoc = keys.map((key) => oldOf.get(key) ?? -1);
  const { terms, postings, fieldLength } = before.index.inside();
  const F = FIELDS.length;
  const docs = before.keys.length;
  const used = new Uint8Array(docs);
  for (const d of oldDoc) if (d >= 0) used[d] = 1;
  // Where each used wording's postings of each field start: counted, then filled.
  const start = new Int32Array(docs * F + 1);
  const walk = (visit: (term: number, f: number, doc: number, tf: number) => void) => {
    let p = 0;
    for (let t = 0; t < terms.length; t++) {
      for (let f = 0; f < F; f++) {
        const n = postings[p];
        for (let i = 0; i < n; i++) {
          const doc = postings[p + 1 + 2 * i];
          if (used[doc]) visit(t, f, doc, postings[p + 2 + 2 * i]);
        }
        p += 1 + 2 * n;
      }
    }
  };
  walk((_, f, doc) => start[doc * F + f + 1]++);
  for (let i = 1; i < start.length; i++) start[i] += start[i - 1];
  const term = new Int32Array(start[start.length - 1]);
  const frequency = new Int32Array(term.length);
  const at = start.slice();
  walk((t, f, doc, tf) => {
    const i = at[doc * F + f]++;
    term[i] = t;
    frequency[i] = tf;
  });
  // Old term → new term id, given when first met.
  const newId = new Int32Array(terms.length).fill(-1);
  return {
    oldDoc,
    fieldLength,
    frequency,
    span: (doc: number, f: number) => ({ from: start[doc * F + f], to: start[doc * F + f + 1] }),
    termOf: (i: number, termId: (term: string) => number) => {
      const t = term[i];
      if (newId[t] < 0) newId[t] = termId(terms[t]);
      return newId[t];
    },
  };
}

/** An index file's insides without the map of terms a search needs (a build that takes it over only walks it). */
export function insideOf(json: string): { inside(): IndexInside } {
  const lean = JSON.parse(json) as LeanJson;
  const inside = { terms: lean.terms ? lean.terms.split('\n') : [], postings: fromBase64(lean.postings), fieldLength: fromBase64(lean.fieldLength) };
  return { inside: () => inside };
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

  /** The terms in the order of their postings, the postings, and the field lengths (for a build that takes them over). */
  inside(): IndexInside {
    return { terms: [...this.at.keys()], postings: this.postings, fieldLength: this.fieldLength };
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
    const order = w.order;
    let found = 0;
    const seen = new Set<string>();
    for (const term of tokensOfFolded(query)) {
      let p = this.at.get(term);
      if (p === undefined) continue;
      const again = seen.has(term);
      seen.add(term);
      const thisTerm = ++w.term;
      const termDocs = w.termDocs;
      let touched = 0;
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
            termDocs[touched++] = doc;
          } else w.termScore[doc] = w.termScore[doc] + weighted;
        }
        p += 1 + 2 * matching;
      }
      for (let i = 0; i < touched; i++) {
        const doc = termDocs[i];
        if (w.inQuery[doc] !== thisQuery) {
          w.inQuery[doc] = thisQuery;
          w.score[doc] = w.termScore[doc];
          w.terms[doc] = 1;
          order[found++] = doc;
        } else {
          w.score[doc] = w.score[doc] + w.termScore[doc];
          if (!again) w.terms[doc]++;
        }
      }
    }
    const results: SearchResult[] = [];
    for (let i = 0; i < found; i++) {
      const doc = order[i];
      const result = new Found(doc, w.score[doc] * w.terms[doc], this.json.members[doc]);
      if (!options.filter || options.filter(result)) results.push(result);
    }
    // (Compared, not subtracted: a comparator that returns a fraction allocates it, each of the thousands of calls.)
    return results.sort((a, b) => (a.score < b.score ? 1 : a.score > b.score ? -1 : 0));
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
  termDocs: Int32Array;
  /** The wordings the search found, in the order first found. */
  order: Int32Array;
}

function newWork(n: number): Work {
  return { query: 0, term: 0, inQuery: new Int32Array(n), inTerm: new Int32Array(n), score: new Float64Array(n), termScore: new Float64Array(n), terms: new Int32Array(n), termDocs: new Int32Array(n), order: new Int32Array(n) };
}

/** How many wordings hold a term (the matcher leaves out terms so common that scoring them costs more than they tell). */
export function documentFrequency(index: SearchIndex, term: string): number {
  return index.documentFrequency(term);
}
