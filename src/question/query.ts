/**
 * The structured query: everything a question pins down, explicit. Parsing produces it;
 * matching, answering, follow-ups, multi-part questions and computations work on it, never
 * on the question's text again.
 */
import type { Nature, Period } from '../types.js';

/** What kind of reply the question wants. */
export type Intent =
  /** A figure: 6月全市用电量是多少. */
  | 'value'
  /** A figure's rate of change: 用电量同比增长多少. */
  | 'growth'
  /** Tasks or measures that fit filters: 哪些任务滞后, 市科技局牵头的任务. */
  | 'list'
  /** How many tasks or measures fit filters: 部分滞后的有几项. */
  | 'count'
  /** Who leads the most, which ranks first: 哪个部门牵头最多. */
  | 'rank'
  /** One task or measure: its text, status, departments, progress. */
  | 'task'
  /** A statement the reports make: 企业开办要实现哪几个一. */
  | 'fact'
  /** About a document itself: 谁发的, 哪天发的, 第几期. */
  | 'document'
  /** The documents the bot holds: 有哪些报告, 数据更新到什么时候. */
  | 'sources'
  /** A figure computed from stated ones: 差多少, 占比, 完成目标的百分之几. */
  | 'compute'
  | 'help'
  | 'greeting'
  | 'thanks';

/** Each intent as an operator reads it (the answer log's report). */
export const INTENT_LABELS: Record<Intent, string> = {
  value: '数值',
  growth: '增速',
  list: '任务清单',
  count: '任务计数',
  rank: '排名',
  task: '任务',
  fact: '陈述',
  document: '文件信息',
  sources: '文件列表',
  compute: '计算',
  help: '帮助',
  greeting: '问候',
  thanks: '致谢',
};

/** What of a task the question asks for. */
export type TaskAspect = 'what' | 'who' | 'status' | 'progress' | 'when' | 'why';

export interface PlaceRef {
  /** The place named (from knowledge/regions.json), or null where none can be told. */
  region: string | null;
  /** The words used. */
  text: string;
  /** A word for "this place" (全市): the home city's, in a question. */
  relative?: boolean;
  /** The place a scope word of the conversation was read beside (全省呢 after 开化): the next scope word goes back to it. */
  beside?: string;
}

/** A document the question limits itself to. */
/** Whether a document's number is the one asked: 嘉委发12号 (no year, as typed) is 嘉委发〔2017〕12号. */
export function sameNumber(asked: string, has: string | undefined): boolean {
  if (!has) return false;
  if (asked === has) return true;
  const bare = asked.match(/^(.+?)(\d{1,4})号$/);
  return Boolean(bare && !asked.includes('〔') && has.replace(/〔(?:19|20)\d{2}〕/, '') === asked);
}

export interface DocumentScope {
  /** The kind of document: the 嘉善 plan's 第（n）条 is a plan, 第n项任务 a task table. */
  kind?: 'plan' | 'tasks' | 'bulletin' | 'report' | 'statistics' | 'summary' | 'news' | 'table';
  /** An issue or document number: 第5期 → 5, 嘉委发〔2017〕12号, 嘉委发12号 (its year not typed). */
  number?: string;
  /** Words that name the document (嘉善实施意见, 信息交流), folded. */
  words?: string;
  /** The source a conversation is in: 谁牵头 after a table's list asks of that table. */
  source?: string;
}

export interface TaskFilter {
  number?: number;
  statuses?: string[];
  department?: string;
  /** 牵头: the tasks it leads (named first); 参与, 配合: those it takes part in. */
  role?: 'lead' | 'part';
  /** A missing status was asked for: 哪项任务没标进展状态. */
  unmarked?: boolean;
  aspect?: TaskAspect;
}

export type ComputeOp =
  /** A − B: 多多少, 高多少, 差多少. */
  | 'difference'
  /** B − A, what A lacks of B: 离目标还差多少. */
  | 'shortfall'
  /** A / B as a share: 占比, 占…的几成. */
  | 'share'
  /** actual / target: 完成目标的百分之几. */
  | 'progress';

export interface Query {
  /** The question as asked. */
  text: string;
  intent: Intent;
  /** The metric or topic, as content words (folded), qualifiers included: 规上工业总产值. */
  metric: string;
  /** Words of the metric that another metric must not lack or add: 人民币, 规上, 全社会, 支出. */
  qualifiers: string[];
  places: PlaceRef[];
  /** The part or reckoning of a figure asked: 不含嘉兴港区, 含港区, 大口径. */
  reckoning?: string;
  /** 各县（市、区）: the figure of every county, one line each. */
  eachPlace?: boolean;
  /** 哪个县…最快 (high) or 最慢 (low): the counties' figures in order, the first leading. */
  placeRank?: 'high' | 'low';
  period?: Period;
  /** Only figures of this year, any part of it: 完成了多少 after a 2021 target asks 2021's result, not 2019's. */
  withinYear?: number;
  /** A relative period the question used, resolved against today's date into `period`. */
  relative?: 'this-year' | 'last-year' | 'this-month' | 'last-month' | 'latest';
  /** Target or result, when the question says. */
  nature?: Nature;
  /** 同比, 环比, 比上年, 年均 — when the question names the basis of a change. */
  basis?: string;
  /** The unit the answer should be in (多少家 → 家). */
  unit?: string;
  scope?: DocumentScope;
  task?: TaskFilter;
  /** For intent 'compute': the operation; its inputs are `parts`. */
  compute?: ComputeOp;
  /** Several questions in one (A和B分别是多少), or the inputs of a computation. */
  parts?: Query[];
  /** What of a document or of the sources is asked: issuer, date, number, title, freshness … */
  ask?: string;
  /** Further facts of the document the same question asks (哪天在人代会上作的: the meeting too). */
  alsoAsk?: string[];
  /**
   * A list asked with what its members are (哪几个区, 哪六个): the word they end in and how
   * many, when the question says.
   */
  members?: { count?: number; noun?: string };
  /**
   * A generic word asked after a figure (总投资呢 after 引进项目7个): the figure it follows and the
   * word; the figure of that word said right after it in its sentence answers first.
   */
  beside?: { id: string; word: string; counted?: boolean };
  /**
   * The thing a follow-up is of (引进世界500强几个 after 临沪高能级智慧产业新区's 工业投入): only
   * its figures answer, as if the question named it.
   */
  owner?: string;
  /** The question marks itself as a follow-up (那1-6月呢, 目标呢). */
  followUp?: boolean;
  /** The question corrects the last one (不对，我问的是大学生): what it names takes the place of what was asked. */
  corrects?: boolean;
  /** One-character typos read as the word they resemble: [as typed, as read]. */
  corrections?: [string, string][];
  /** Parts taken from the conversation's last query (a follow-up), by name: 指标, 地区, 时期. */
  carried?: string[];
  /** What a computation compares with (第二名 of 比第二名高多少): a gap to it (高于第二名9个百分点) is its figure. */
  comparedWith?: boolean;
}

/** Every field of a query, present even when undefined: the compiler then names one left out of makeQuery. */
type EveryField = { [K in keyof Required<Query>]: Query[K] };

/**
 * The query with every field present, in one order, so that every query has one shape: the
 * parser's and the matcher's optimized code then meets no new shape mid-run and is not thrown
 * away and compiled again (the per-question spikes of `npm run bench`). A field left out is
 * undefined, as before. A spread (`{ ...q, period }`) makes another shape, so a changed query
 * is `makeQuery({ ...q, period })`.
 */
export function makeQuery(f: Query): Query {
  const q: EveryField = {
    text: f.text,
    intent: f.intent,
    metric: f.metric,
    qualifiers: f.qualifiers,
    places: f.places,
    reckoning: f.reckoning,
    eachPlace: f.eachPlace,
    placeRank: f.placeRank,
    period: f.period,
    withinYear: f.withinYear,
    relative: f.relative,
    nature: f.nature,
    basis: f.basis,
    unit: f.unit,
    scope: f.scope,
    task: f.task,
    compute: f.compute,
    parts: f.parts,
    ask: f.ask,
    alsoAsk: f.alsoAsk,
    members: f.members,
    beside: f.beside,
    owner: f.owner,
    followUp: f.followUp,
    corrects: f.corrects,
    corrections: f.corrections,
    carried: f.carried,
    comparedWith: f.comparedWith,
  };
  return q;
}

/** A query read back from JSON (a conversation's context), its parts too, in the one shape. */
export function storedQuery(f: Query): Query {
  const q = makeQuery(f);
  if (q.parts) q.parts = q.parts.map(storedQuery);
  return q;
}
