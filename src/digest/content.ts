/**
 * The daily digest as an Answer: platform-free, built from the knowledge only.
 *
 *   每日简报 · 2025年7月22日
 *   （注意：简报中最新的数据是2021年6月的，…）      ← when the newest figure is over two months old
 *   【最新数据】《信息交流》第5期（2021-07-19）      ← the newest figure report's (any kind) headline indicators
 *   · 一般公共预算收入 2021年6月：86.87亿元，同比增长29%
 *   【重点任务进展】…（上半年）（2021-09-08）        ← the latest task report: counts by status
 *   共100项：按时推进88项，进度较快7项，部分滞后3项，进度滞后1项，未标注1项
 *   · 第10项【进度滞后】推进浙北集装箱通道建设…（牵头：市交通运输局）
 *   【新增资料】                                   ← sources not in `since`
 *   直接发送问题，例如：6月全市用电量是多少？
 *
 * It carries one chart (Answer.chart): the first headline figure the reports give over three or
 * more periods of its kind, as a line.
 *
 * The whole digest fits one Telegram message (4096 characters of text, and of HTML once the
 * figures are set in <b>): lists are shortened until it does.
 */
import type { Knowledge } from '../knowledge/load.js';
import type { Answer, Chart, Indicator, KnowledgeRecord, Line, Source, Span, Task } from '../types.js';
import { seriesOf } from '../answer/chart.js';
import { ageNote } from './age.js';

/** Telegram's limit for one message; the digest stays within it. */
export const DIGEST_LIMIT = 4096;

/** Statuses in the order they are counted; a task without one counts as 未标注. */
export const STATUSES = ['按时推进', '进度较快', '部分滞后', '进度滞后', '未标注'] as const;
export const LAGGING = new Set(['部分滞后', '进度滞后']);

export const DIGEST_QUESTION = '/digest';
export const ASK_HINT = '直接发送问题，例如：6月全市用电量是多少？';

export interface DigestOptions {
  /**
   * Source ids already announced by the previous digest. Sources not in the set are listed as
   * new; without a set (no digest before) only the number of documents is given.
   */
  since?: Set<string>;
  /** Shown in the title, e.g. 2025年7月22日. */
  date?: string;
  /** Length limit for the text (default 4096). */
  limit?: number;
}

const span = (text: string, strong = false): Span => (strong ? { text, strong } : { text });

/** The kinds of report whose figures can head the digest. */
const FIGURE_KINDS: readonly Source['kind'][] = ['bulletin', 'statistics', 'summary', 'table'];

function latest(k: Knowledge, kind: Source['kind'], fits: (s: Source) => boolean = () => true): Source | undefined {
  return latestOf(k, [kind], fits);
}

function latestOf(k: Knowledge, kinds: readonly Source['kind'][], fits: (s: Source) => boolean = () => true): Source | undefined {
  return k.sources
    .filter((s) => kinds.includes(s.kind) && fits(s))
    .reduce<Source | undefined>((best, s) => (!best || s.date > best.date ? s : best), undefined);
}

function sourceTitle(s: Source): string {
  const title = /^[《“"]/.test(s.title) ? s.title : `《${s.title}》`;
  return `${title}${s.date ? `（${s.date}）` : ''}`;
}

function short(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').replace(/[。；;，,\s]+$/, '').trim();
  const chars = [...clean];
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('')}…`;
}

function indicatorName(ind: Indicator): string {
  return ind.subject && !ind.name.includes(ind.subject) ? `${ind.subject}${ind.name}` : ind.name;
}

function indicatorLine(ind: Indicator, cityRegion: string): Line {
  const where = ind.region && ind.region !== cityRegion ? `${ind.region} ` : '';
  const growth = ind.growth.map((g) => g.text.replace(/^[，,、]/, '')).join('，');
  return [
    span(`· ${where}${indicatorName(ind)} ${ind.period.label}：`),
    span(ind.figure, true),
    ...(growth ? [span(`，${growth}`)] : []),
  ];
}

function taskLine(t: Task): Line {
  const number = t.number !== null ? `第${t.number}项` : '';
  const lead = t.lead.length ? `（牵头：${t.lead.join('、')}）` : '';
  return [span(`· ${number}【${t.status}】${short(t.text, 40)}${lead}`)];
}

interface Caps {
  headlines: number;
  lagging: number;
  fresh: number;
}

interface Parts {
  lines: Line[];
  records: KnowledgeRecord[];
  sources: Source[];
  chart?: Chart;
}

function compose(k: Knowledge, opts: DigestOptions, caps: Caps): Parts {
  const lines: Line[] = [];
  const records: KnowledgeRecord[] = [];
  const sources: Source[] = [];
  let chart: Chart | undefined;
  lines.push([span(`每日简报${opts.date ? ` · ${opts.date}` : ''}`)]);

  // The newest report that gives figures, of whatever kind: a 统计公报 or a monthly summary
  // newer than the last 信息交流 leads. Task tables, plans and news have their own place or none.
  const bulletin = latestOf(k, FIGURE_KINDS, (s) => k.indicators.some((i) => i.source === s.id && i.nature === 'actual'));
  if (bulletin) {
    const own = k.indicators.filter((i) => i.source === bulletin.id);
    const headline = own.filter((i) => i.headline === true);
    // A bulletin without marked headlines: its first actual figures stand in.
    const shown = (headline.length ? headline : own.filter((i) => i.nature === 'actual')).slice(0, caps.headlines);
    if (shown.length) {
      const age = ageNote(shown.map((i) => i.period), opts.date);
      if (age) lines.push([span(age)]);
      lines.push([span(`【最新数据】${sourceTitle(bulletin)}`)]);
      for (const ind of shown) lines.push(indicatorLine(ind, bulletin.region));
      if (headline.length > shown.length) lines.push([span(`（另有${headline.length - shown.length}项，可直接提问）`)]);
      records.push(...shown);
      sources.push(bulletin);
      for (const ind of shown) if (!chart) chart = seriesOf(k, ind);
    }
  }

  // The latest task report that says how its tasks stand (a table of duties has no statuses).
  const report = latest(k, 'tasks', (s) => k.tasks.some((t) => t.source === s.id && t.status));
  if (report) {
    const tasks = k.tasks.filter((t) => t.source === report.id);
    if (tasks.length) {
      const counts = new Map<string, number>(STATUSES.map((s) => [s, 0]));
      for (const t of tasks) {
        const status = t.status ?? '未标注';
        counts.set(status, (counts.get(status) ?? 0) + 1);
      }
      const parts = [...counts].filter(([, n]) => n > 0).map(([s, n]) => `${s}${n}项`);
      lines.push([span(`【重点任务进展】${sourceTitle(report)}`)]);
      lines.push([span(`共${tasks.length}项：${parts.join('，')}`)]);
      const lagging = tasks
        .filter((t) => t.status !== null && LAGGING.has(t.status))
        .sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity));
      if (lagging.length) {
        lines.push([span('滞后任务：')]);
        for (const t of lagging.slice(0, caps.lagging)) lines.push(taskLine(t));
        if (lagging.length > caps.lagging) {
          lines.push([span(`（另有${lagging.length - caps.lagging}项，发送 /lagging 查看全部）`)]);
        }
        records.push(...lagging.slice(0, caps.lagging));
      }
      sources.push(report);
    }
  }

  if (opts.since) {
    const fresh = k.sources.filter((s) => !opts.since!.has(s.id)).sort((a, b) => b.date.localeCompare(a.date));
    if (fresh.length) {
      lines.push([span('【新增资料】')]);
      for (const s of fresh.slice(0, caps.fresh)) lines.push([span(`· ${sourceTitle(s)}`)]);
      if (fresh.length > caps.fresh) lines.push([span(`（另有${fresh.length - caps.fresh}份，发送 /sources 查看全部）`)]);
    }
  } else if (k.sources.length) {
    lines.push([span(`【资料】共${k.sources.length}份文件，发送 /sources 查看`)]);
  }

  lines.push([span(ASK_HINT)]);
  return { lines, records, sources, ...(chart ? { chart } : {}) };
}

export function textOfLines(lines: Line[]): string {
  return lines.map((l) => l.map((s) => s.text).join('')).join('\n');
}

/** The length of the lines as Telegram HTML: figures in <b></b>, & < > escaped. */
export function htmlLength(lines: Line[]): number {
  let n = Math.max(0, lines.length - 1);
  for (const line of lines) {
    for (const s of line) {
      n += s.text.length + (s.text.match(/[&<>]/g)?.length ?? 0) * 4 + (s.strong ? 7 : 0);
    }
  }
  return n;
}

/** Builds the digest; every list is shortened until the whole fits `limit` characters. */
export function buildDigest(k: Knowledge, opts: DigestOptions = {}): Answer {
  const limit = opts.limit ?? DIGEST_LIMIT;
  const caps: Caps = { headlines: 30, lagging: 30, fresh: 10 };
  let parts = compose(k, opts, caps);
  while (Math.max(textOfLines(parts.lines).length, htmlLength(parts.lines)) > limit) {
    // Lagging tasks are what readers act on: they are cut last.
    if (caps.fresh > 3) caps.fresh = Math.floor(caps.fresh / 2);
    else if (caps.headlines > 8) caps.headlines = Math.floor(caps.headlines / 2);
    else if (caps.lagging > 5) caps.lagging = Math.floor(caps.lagging / 2);
    else if (caps.fresh + caps.lagging + caps.headlines > 0) {
      caps.fresh = Math.max(0, caps.fresh - 1);
      caps.lagging = Math.max(0, caps.lagging - 1);
      caps.headlines = Math.max(0, caps.headlines - 1);
    } else {
      // Only titles and counts left (cannot happen with sane titles): keep the lines that fit.
      const kept: Line[] = [];
      for (const line of parts.lines.map((l) => [span(short(textOfLines([l]), 200))])) {
        if (htmlLength([...kept, line]) > limit) break;
        kept.push(line);
      }
      parts.lines = kept;
      break;
    }
    parts = compose(k, opts, caps);
  }
  const sourceIds = new Set<string>();
  return {
    question: DIGEST_QUESTION,
    kind: 'list',
    text: textOfLines(parts.lines),
    lines: parts.lines,
    records: parts.records.map((r) => ({ id: r.id, type: r.type })),
    sources: parts.sources
      .filter((s) => !sourceIds.has(s.id) && sourceIds.add(s.id))
      .map((s) => ({ title: s.title, date: s.date })),
    ...(parts.chart ? { chart: parts.chart } : {}),
  };
}
