/**
 * Whether a record's metric is the one asked. A metric name reads as qualifiers and a head
 * (规上 + 工业 + 总产值); the words of an alias group stand for a whole metric and are set
 * aside first (全社会用电量 is 用电量). Two names are the same metric when they have the same
 * qualifiers and the record's name does not end in a head the question lacks: 单位GDP能耗强度
 * is not GDP, 户籍人口基本养老参保率 is not 人口, 规上工业总产值 is not 工业总产值.
 * The word lists are in knowledge/metrics.json.
 */
import type { Lexicon } from '../knowledge/lexicon.js';
import { fold } from '../text/normalize.js';
import { words, type Words } from './words.js';

export interface MetricReading {
  /** Qualifiers named outside alias words, in order. */
  qualifiers: string[];
  /** The name is alias words alone (布伦特原油, GDP). */
  onlyAliases?: boolean;
  /** The head that ends last in the name, outside alias words. */
  head?: string;
}

interface MetricWords {
  qualifiers: Words;
  heads: Words;
  aliases: Words;
  /** Unit → its dimension (亿元 → money). */
  dimension: Map<string, string>;
  readings: Map<string, MetricReading>;
}

const cache = new WeakMap<Lexicon, MetricWords>();

function metricWords(lex: Lexicon): MetricWords {
  let m = cache.get(lex);
  if (!m) {
    const dimension = new Map<string, string>();
    for (const [dim, units] of Object.entries(lex.metrics.dimensions)) for (const u of units) dimension.set(u, dim);
    m = {
      qualifiers: words([...lex.metrics.qualifiers, ...Object.keys(lex.metrics.sameQualifiers)]),
      heads: words(lex.metrics.heads),
      aliases: words(lex.aliasGroups.flat()),
      dimension,
      readings: new Map(),
    };
    cache.set(lex, m);
  }
  return m;
}

/** Blanks every alias word: what remains is what the name adds to a known metric. */
function outsideAliases(text: string, aliases: Words): string {
  let out = text;
  for (const a of aliases) if (out.includes(a)) out = out.split(a).join('\u0000'.repeat(a.length));
  return out;
}

/**
 * Whether an alias in a record's name only says whose the figure is, and the question says so by
 * its qualifier: 户籍人口 of 户籍人口基本养老参保率, asked as 户籍养老参保率 — more of the name
 * follows it, and it opens with a qualifier the question names.
 */
function whoseAsked(name: string, alias: string, asked: string, qualifiers: Words): boolean {
  const at = name.indexOf(alias);
  return at >= 0 && name.length - (at + alias.length) >= 3 && qualifiers.some((q) => alias.startsWith(q) && alias.length > q.length && asked.includes(q));
}

/** Reads a (folded) metric name into qualifiers and head. Memoized: record names repeat. */
export function readMetric(name: string, lex: Lexicon): MetricReading {
  const m = metricWords(lex);
  let reading = m.readings.get(name);
  if (reading) return reading;
  const text = outsideAliases(fold(name), m.aliases);
  const taken = new Array<boolean>(text.length).fill(false);
  const found: { at: number; word: string }[] = [];
  for (const word of m.qualifiers) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (taken.slice(at, at + word.length).some(Boolean)) continue;
      taken.fill(true, at, at + word.length);
      found.push({ at, word });
    }
  }
  // The head ends the name, or nearly (省重点建设项目获得): a head word deep inside it (企业 of
  // 小微企业发放信用贷款) is what the name is about, not what it measures.
  let head: string | undefined;
  let headEnd = -1;
  for (const word of m.heads) {
    const at = text.lastIndexOf(word);
    if (at >= 0 && at + word.length > headEnd && text.length - (at + word.length) <= 2) {
      head = word;
      headEnd = at + word.length;
    }
  }
  const same = lex.metrics.sameQualifiers;
  // A rate is named by what it is a rate of: 完工率 is not 落地率.
  if (head === '率' && headEnd >= 3) head = text.slice(headEnd - 3, headEnd).replace(/\u0000/g, '') || head;
  reading = {
    qualifiers: found.sort((a, b) => a.at - b.at).map((f) => same[f.word] ?? f.word),
    ...(head ? { head } : {}),
    ...(!text.replace(/[\u0000\s]/g, '') ? { onlyAliases: true } : {}),
  };
  if (m.readings.size > 50_000) m.readings.clear();
  m.readings.set(name, reading);
  return reading;
}

/** The alias groups a text names, by index; `loosely`: also a member written with one character left out (消费品零售额). */
const groupMemos = new WeakMap<Lexicon, Map<string, number[]>>();
function groupsIn(text: string, lex: Lexicon, loosely = false): number[] {
  let groupMemo = groupMemos.get(lex);
  if (!groupMemo) groupMemos.set(lex, (groupMemo = new Map()));
  const key = `${loosely ? 1 : 0}${text}`;
  let out = groupMemo.get(key);
  if (out) return out;
  const t = fold(text);
  out = [];
  lex.aliasGroups.forEach((group, i) => {
    if (group.some((m) => t.includes(m) || (loosely && m.length >= 5 && [...m].some((_, j) => j > 0 && j < m.length - 1 && t.includes(m.slice(0, j) + m.slice(j + 1)))))) out!.push(i);
  });
  if (groupMemo.size > 50_000) groupMemo.clear();
  groupMemo.set(key, out);
  return out;
}

/** Whether a (folded) metric is named by alias words alone (布伦特原油, GDP). */
export function onlyAliases(metric: string, lex: Lexicon): boolean {
  return readMetric(metric, lex).onlyAliases === true;
}

export function qualifiersOf(metric: string, lex: Lexicon): string[] {
  return readMetric(metric, lex).qualifiers;
}

/** True when `text` holds `word`, or its characters in order within two extra (零售额 in 零售总额). */
export function holdsLoosely(text: string, word: string): boolean {
  if (text.includes(word)) return true;
  // 占比 is said 占规上工业增加值比重: a share of a whole named between.
  if (word === '占比' && /占[^|，,；;。]{1,16}?(?:比重|比例)/.test(text)) return true;
  if (word.length < 2) return false;
  for (let start = text.indexOf(word[0]); start >= 0; start = text.indexOf(word[0], start + 1)) {
    let at = start;
    let ok = true;
    for (const ch of word.slice(1)) {
      const next = text.indexOf(ch, at + 1);
      if (next < 0 || next - start >= word.length + 2) {
        ok = false;
        break;
      }
      at = next;
    }
    if (ok) return true;
  }
  return false;
}

/**
 * Whether a record is the metric asked. `name` is the record's metric name and `subject` what
 * it is of (“百年百项”重大项目 for 开工率): qualifiers count in either, the head only in the
 * name. `forms` is everything the record is called (name, aliases, subject) and `own` the words
 * around its figure in the sentence: a question's qualifier or head may stand there when the
 * name is short.
 */
/** A long name that runs a frame into the metric (…申报工作新认定第一批省科技型中小企业): the metric after the frame. */
export function afterFrame(name: string, lex: Lexicon): string {
  if (name.length <= 10) return name;
  let cut = 0;
  for (const f of lex.metrics.frames) {
    const at = name.lastIndexOf(f);
    if (at >= 0 && at + f.length < name.length - 1) cut = Math.max(cut, at + f.length);
  }
  return name.slice(cut);
}

export function sameMetric(
  asked: string,
  askedReading: MetricReading,
  fullName: string,
  subject: string,
  forms: string,
  own: string,
  unit: string,
  lex: Lexicon,
  recordHead = true,
  clause = own,
  sentence = clause,
  flow = false,
  partOfWhole = false,
): boolean {
  // 高新技术产业增加值占比 asks 高新技术产业增加值占规上工业增加值比重: a share of the record's
  // whole; the whole (占…) names no qualifier of the metric.
  const share = /占比$/.test(asked) ? fullName.match(/^(.+?)占.+?(?:比重|比例)$/) : null;
  if (share) {
    const part = asked.slice(0, -2);
    const reading = readMetric(part, lex);
    // (装备制造业占比: an industry's share is its 增加值's, the head its growth implies too.)
    const implied = reading.head ? undefined : lex.metrics.impliedHeads.words.find((h) => share[1].endsWith(h) && share[1].length > h.length + 1);
    const whole = implied ? share[1].slice(0, -implied.length) : share[1];
    return sameMetric(part, reading, whole, subject, whole, whole, '', lex, recordHead, whole, sentence);
  }
  const name = afterFrame(fullName, lex);
  // What the frame said (…开展高新技术企业申报工作) is no qualifier of the metric after it.
  if (name !== fullName) {
    const tail = fold(name);
    const after = (text: string) => (text.includes(tail) ? text.slice(text.indexOf(tail)) : text);
    forms = after(forms);
    clause = after(clause);
    own = after(own);
  }
  const record = readMetric(name, lex);
  // (A rate named bare, 完成率 of 住宅小区新增电动自行车充电端口: how its subject was counted, 新增, is not what the rate is of.)
  const bareRate = /率$/.test(name) && name.length <= 4;
  const ofSubject = subject ? readMetric(subject, lex).qualifiers.filter((q) => !(bareRate && /^(?:新|累计)/.test(q))) : [];
  const qualifiers = [...record.qualifiers, ...ofSubject];
  // A qualifier of the record the question does not name makes it another metric — but 引进
  // asked names 新引进 (what is brought in is new).
  const folded = fold(name);
  // (新增引进 likewise: 引进 asked.)
  // (新建高标准农田 of 建高标准农田: the verb asked right before what the record names after it.)
  const newly = (word: string) =>
    (word.length >= 3 && word.startsWith('新') && folded.includes(word) && asked.includes(word.slice(1))) ||
    (word.length === 2 && word.startsWith('新') && folded.startsWith(word) && folded.length > 3 && asked.includes(folded.slice(1))) || (word === '新增' && /新增(引进|招引)/.test(folded) && /引进|招引/.test(asked));
  // (规上企业 asks of 规上工业企业: a qualifier the question's others imply.)
  const impliedBy = (qual: string, text: string) => {
    const rule = lex.metrics.impliedQualifiers[qual];
    return typeof rule === 'object' && rule.by.some((w) => text.includes(w.toLowerCase())) && !rule.unless.some((w) => text.includes(w.toLowerCase()));
  };
  // (装备制造 asks of 装备制造业: an industry named without its 业.)
  const implied = (qual: string) => impliedBy(qual, asked) || (qual.length >= 3 && qual.endsWith('业') && asked.includes(qual.slice(0, -1)));
  // (Counted over part of a year, 上半年高层次人才, what is counted is what came new: 新引进高层次人才2873名.)
  const fresh = (qual: string) => flow && /^新/.test(qual);
  // (高新技术产业 asked of its 规上工业增加值 — a part a table gives of a whole —: the part named carries the whole's
  // qualifiers and names.)
  const partNamed = partOfWhole && subject.length >= 2 && asked.includes(fold(subject));
  const ofWhole = (qual: string) => partNamed && record.qualifiers.includes(qual);
  for (const qual of qualifiers) if (!askedReading.qualifiers.includes(qual) && !implied(qual) && !fresh(qual) && !ofWhole(qual) && !lex.metrics.qualifiers.some((w) => (lex.metrics.sameQualifiers[w] ?? w) === qual && newly(w))) return false;
  // A qualifier of the question the record lacks, likewise (one its own words state will do, or
  // imply: 规模以上企业…增加值 is 规上工业's).
  for (const qual of askedReading.qualifiers) {
    if (qualifiers.includes(qual) || forms.includes(qual) || clause.includes(qual) || impliedBy(qual, forms)) continue;
    if (lex.metrics.sentenceQualifiers.includes(qual) && sentence.includes(qual)) continue;
    if (readMetric(forms, lex).qualifiers.includes(qual) || readMetric(clause, lex).qualifiers.includes(qual)) continue;
    return false;
  }
  // An alias group names a whole metric: the record and the question name the same ones.
  const askedGroups = groupsIn(asked, lex, true);
  // (Not one that only says whose the figure is: 户籍人口 of 户籍人口基本养老参保率.)
  const recordGroups = groupsIn(name, lex).filter((g) => !lex.aliasGroups[g].some((a) => whoseAsked(folded, a, asked, metricWords(lex).qualifiers)));
  if (recordGroups.some((g) => !askedGroups.includes(g)) && !partNamed) return false;
  if (askedGroups.some((g) => !recordGroups.includes(g) && !groupsIn(forms, lex).includes(g) && !groupsIn(own, lex).includes(g))) return false;
  // The record's name ends in what it measures: that must be what is asked — unless the head
  // only says how it is measured (总额, 人数), which the unit says as well.
  const dimension = dimensionOf(unit, lex);
  // (A change of it, 进出口总额增长9.3%, is measured in % but still of the 总额.)
  const measuredBy = (h: string) => h in lex.metrics.headUnits && (unit === '' || lex.metrics.headUnits[h] === dimension);
  if (recordHead && record.head && !holdsLoosely(asked, record.head) && !measuredBy(record.head)) return false;
  const head = askedReading.head;
  if (head && !holdsLoosely(forms, head) && !holdsLoosely(own, head) && lex.metrics.headUnits[head] !== dimension) return false;
  // (小麦播种面积 asked: 20余万吨 is no area, whatever the sentence around it names.)
  const measures = head ? lex.metrics.headUnits[head] : undefined;
  if (measures && unit && dimension !== unit && dimension !== measures) return false;
  return true;
}

/** The dimension of a unit (money, area, count …), or the unit itself when unknown. */
export function dimensionOf(unit: string, lex: Lexicon): string {
  return metricWords(lex).dimension.get(unit) ?? unit;
}
