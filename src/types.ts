/**
 * The domain's records and the Answer the core returns.
 *
 * Records are what `npm run knowledge` extracts from the documents in seeds/ and writes to
 * knowledge/generated/. Everything the bot says comes from one of them.
 */

/** Whether a figure is what happened or what was aimed for. */
export type Nature = 'actual' | 'target';

/**
 * When a figure holds. Months are 1–12. A cumulative range 1-6月 is {from: 1, to: 6};
 * a single month 6月 is {to: 6}; a balance at the end of June (6月末, 截至6月底) is
 * {kind: 'asof', to: 6}; a whole year is {kind: 'year'}.
 */
export interface Period {
  kind: 'year' | 'month' | 'range' | 'asof' | 'day' | 'since' | 'none';
  year?: number;
  from?: number;
  to?: number;
  day?: number;
  /** As shown to a reader: 2021年1-6月, 2019年, 截至2021年6月底. */
  label: string;
}

export interface Source {
  id: string;
  type: 'source';
  kind: 'bulletin' | 'tasks' | 'plan' | 'news' | 'report';
  title: string;
  issuer: string;
  /** YYYY-MM-DD, or YYYY-MM / YYYY when the document says no more. */
  date: string;
  file: string;
  /** First line of the item in the file, for pages that hold several items. */
  line: number;
  region: string;
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
  region: string;
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
}

export interface AskOptions {
  /** First list item to show, for the 更多 button. */
  offset?: number;
  /** Shortest form: the figure line and the source only (/kpi, inline results). */
  brief?: boolean;
}
