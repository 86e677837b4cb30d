/**
 * The domain's records and the Answer the core returns.
 *
 * Records are what `npm run knowledge` extracts from the documents in seeds/ and writes to
 * knowledge/generated/. Everything the bot says comes from one of them.
 */

import type { Query } from './question/query.js';

/** Whether a figure is what happened or what was aimed for. */
export type Nature = 'actual' | 'target';

/**
 * When a figure holds. Months are 1–12. A cumulative range 1-6月 is {from: 1, to: 6};
 * a single month 6月 is {to: 6}; a balance at the end of June (6月末, 截至6月底) is
 * {kind: 'asof', to: 6}; a whole year is {kind: 'year'}. A span of several years (十三五,
 * 过去五年, 2016-2020年, 今后五年) is {kind: 'span', fromYear, toYear} and never a single year.
 */
export interface Period {
  kind: 'year' | 'month' | 'range' | 'asof' | 'day' | 'since' | 'span' | 'none';
  year?: number;
  from?: number;
  to?: number;
  day?: number;
  /** For a span: its first and last year, when known. */
  fromYear?: number;
  toYear?: number;
  /** As shown to a reader: 2021年1-6月, 2019年, 截至2021年6月底. */
  label: string;
}

export interface Source {
  id: string;
  type: 'source';
  kind: 'bulletin' | 'tasks' | 'plan' | 'news' | 'report' | 'statistics' | 'summary' | 'table';
  title: string;
  issuer: string;
  /** YYYY-MM-DD, or YYYY-MM / YYYY when the document says no more. */
  date: string;
  file: string;
  /** First line of the item in the file, for pages that hold several items. */
  line: number;
  /** The place the document is of; '' when nothing in it, its file's name or the operator says. */
  region: string;
  /** The year the document's figures are about, when its text implies one (a 2021 统计公报: 2021). */
  year?: number;
  /** Its number as issued: 嘉委发〔2017〕12号, 第5期. */
  number?: string;
  /**
   * Lines that say what the document is rather than what it reports, as written: the meeting
   * and speaker line, 发送 / 抄送 lists, the compiling office, 为贯彻落实… of a plan's preamble.
   */
  notes?: string[];
  /** Its top-level section headings, in order (【数据透视】, 一、2019年工作回顾 …). */
  sections?: string[];
  /**
   * Where its place, year and kind came from: the operator's file, the title, the meeting
   * line, the issuer, the body, the file's name … (src/extract/about.ts).
   */
  evidence?: Partial<Record<'place' | 'year' | 'kind', string>>;
  /** Places it names that knowledge/regions.json lacks (萧山区益农镇, 霍山县), learned from its text: questions may name them. */
  places?: { name: string; within?: string; level: 'village' | 'town' | 'county'; ownsShortName?: boolean; aliases?: string[] }[];
}

export interface Growth {
  /** 同比, 环比, 今年以来, 6月, or 增长 when the document gives no basis. */
  basis: string;
  /** Signed: a fall is negative. */
  value: number;
  unit: string;
  /** As written: 同比增长29%. */
  text: string;
}

export interface Indicator {
  id: string;
  type: 'indicator';
  /** The metric as the document names it: 一般公共预算收入. */
  name: string;
  /** Other names from knowledge/aliases.json: 财政收入. */
  aliases: string[];
  /** What the metric is of, when the sentence names it apart: “百年百项”重大项目 (for 开工率). */
  subject: string;
  /** The place the figure is of; '' when its document's place is unknown. */
  region: string;
  /**
   * The thing inside the place the figure is about, when its sentence gives one (a zone, an
   * institute, a park: 嘉兴综合保税区): the figure is that thing's, never the place's.
   */
  owner?: string;
  /** True for a market's figure that is no place's (an exchange's index, a closing price): `region` is where the report is from. */
  placeless?: boolean;
  /**
   * The scope the text gives the figure apart from its sentence's, as written: 不含嘉兴港区、嘉兴电厂,
   * 小口径. A figure 不含/含 something answers only a question that says so.
   */
  scope?: string;
  period: Period;
  /** The number as written, without unit; null when the figure is not a single number. */
  value: number | null;
  unit: string;
  /** The figure as written: 86.87亿元, 6.7万元和4万元, 7%左右. */
  figure: string;
  /** True when the figure itself is a rate of change (固定资产投资增长11.3%). */
  isChange: boolean;
  growth: Growth[];
  nature: Nature;
  /** The sentence the figure was read from. */
  sentence: string;
  section: string;
  source: string;
  line: number;
  /** Which sentence of its line (from 0), for reading it with its neighbours. */
  at?: number;
  /**
   * Which paragraph of a table cell it was read from, when the cell holds several (a Word
   * cell's paragraphs share the row's line): read with its own paragraph's sentences only.
   */
  part?: number;
  /** A headline figure of a bulletin (the bold metrics of 【数据透视】). */
  headline?: boolean;
}

export interface Task {
  id: string;
  type: 'task';
  source: string;
  number: number | null;
  text: string;
  progress: string[];
  lead: string[];
  others: string[];
  status: string | null;
  section: string;
  region: string;
  line: number;
  /** When it is due (完成时限 of a responsibility table), as written. */
  deadline?: string;
  /** What it aims for (预期目标 of a task table), as written. */
  goal?: string;
}

export interface Passage {
  id: string;
  type: 'passage';
  text: string;
  region: string;
  period: Period;
  nature: Nature;
  section: string;
  source: string;
  line: number;
  /** Which sentence of its line (from 0), for reading it with its neighbours. */
  at?: number;
  /**
   * Which paragraph of a table cell it was read from, when the cell holds several (a Word
   * cell's paragraphs share the row's line): read with its own paragraph's sentences only.
   */
  part?: number;
}

export type KnowledgeRecord = Indicator | Task | Passage;

/** A document that could not be read, or a part of one, reported by file and line. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

/** A run of text; `strong` marks figures, which renderers set in bold. */
export interface Span {
  text: string;
  strong?: boolean;
}
export type Line = Span[];

/**
 * A chart of what an answer compares — counties on one metric, one metric over periods, tasks
 * by status — as data: the core decides it (src/answer/chart.ts), src/chart/ draws it, adapters
 * send the picture. Every value it holds is one the answer's text gives.
 */
export interface Chart {
  /** bar: counties side by side, sorted; line: one metric over periods of one kind; stacked: tasks by status. */
  kind: 'bar' | 'line' | 'stacked';
  /** Metric, place and period: 2021年嘉兴市各县（市、区）生产总值增速. */
  title: string;
  /** Of every value: %, 亿元, 项. */
  unit: string;
  period: string;
  place: string;
  /** The documents the values come from, as the answer's source line names them. */
  source: string;
  /** What is compared, in the order drawn: counties, periods, departments. */
  categories: string[];
  /** One series for a bar or line chart; one a status for stacked bars. Values in categories' order. */
  series: { name: string; values: number[] }[];
  /** The home city's (or province's) figure, drawn as a line across the bars, where the reports give it. */
  reference?: { name: string; value: number };
}

export type AnswerKind = 'indicator' | 'task' | 'list' | 'count' | 'passage' | 'none' | 'help';

export interface Answer {
  question: string;
  kind: AnswerKind;
  /** Plain text, as a user sees it: the lines joined. */
  text: string;
  /** The same text with figures marked, for renderers that can set bold. */
  lines: Line[];
  records: { id: string; type: KnowledgeRecord['type'] }[];
  sources: { title: string; date: string }[];
  /** The source sentence behind the leading record (the 原文 button). */
  quote?: string;
  /** For capped lists: how many items there are and where the next page starts. */
  more?: { total: number; next: number };
  /** What the question was read as (for the answer log and follow-ups). */
  query?: Query;
  /**
   * Likely next questions that the records can answer, for buttons under the answer: the
   * button's label and the question it asks in the same conversation.
   */
  /**
   * Likely next questions. `after` is the conversation as this answer left it: a button asks
   * its question there, not wherever the conversation has gone since (AskOptions.after).
   */
  followUps?: { label: string; question: string; after?: string }[];
  /** What the answer compares, to be drawn (three values or more). */
  chart?: Chart;
}

export interface AskOptions {
  /** First list item to show, for the 更多 button. */
  offset?: number;
  /** Shortest form: the figure line and the source only (/kpi, inline results). */
  brief?: boolean;
  /**
   * The conversation the question belongs to (a Telegram private chat, one user in a group,
   * a Slack thread or DM, the console session, a CLI chat id). A follow-up takes what it
   * leaves out from the conversation's last query.
   */
  conversation?: string;
  /**
   * A button's question: the conversation as the answer it sits under left it (its
   * followUps[].after). The question is asked from there, and the conversation goes on from it.
   */
  after?: string;
}

/**
 * Where conversations keep their last query between questions: in memory, or the bot's
 * store in DATA_DIR so a restart does not forget. Values are opaque JSON text; the core
 * decides what they hold and when they expire.
 */
export interface ContextStore {
  get(conversation: string): { value: string; at: number } | undefined;
  set(conversation: string, value: string, at: number): void;
  /**
   * A store across processes (PostgreSQL) is asynchronous and answering is not: before a
   * question the conversation is read in (prepare), after it the write is awaited (settle).
   */
  prepare?(conversation: string): Promise<void>;
  settle?(conversation: string): Promise<void>;
}
