/**
 * Which answers carry a chart, and its data: counties compared on one metric and period (bars,
 * highest first, the home city's figure as a line), one metric over periods of one kind (a
 * line), tasks by status (stacked bars). Only values the answer's text gives are drawn; one or
 * two values are no chart.
 */
import { fold } from '../text/normalize.js';
import type { Chart, Indicator, KnowledgeRecord, Period, Task } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import { sourceText } from './compose.js';

/** Fewer values than this say nothing a line of text does not. */
export const CHART_MIN = 3;

/** The unit shown after a title: 生产总值增速（%）. */
const titled = (what: string, unit: string) => (unit ? `${what}（${unit}）` : what);

export interface PlaceValue {
  place: string;
  value: number;
  unit: string;
  record: Indicator;
}

/**
 * Counties side by side on one metric and period: sorted highest first, whatever the question
 * ranked by; `home` is the city's own figure of the same metric and period, when the reports
 * give it (drawn only beside the city's own counties); `every`: all its counties were asked.
 */
export function placeChart(k: Knowledge, metric: string, items: PlaceValue[], home: PlaceValue | undefined, every: boolean): Chart | undefined {
  const units = new Set(items.map((x) => x.unit));
  const periods = new Set(items.map((x) => x.record.period.label));
  if (items.length < CHART_MIN || units.size > 1 || periods.size > 1) return undefined;
  const sorted = [...items].sort((a, b) => b.value - a.value);
  const unit = items[0].unit;
  const period = items[0].record.period.label;
  // Every county of the home city asked (各县, 哪个县最快), or places named one by one (海宁、桐乡、嘉善GDP分别).
  const city = k.lex.regions.home;
  const within = new Map(k.lex.regions.regions.map((r) => [r.name, r.within]));
  const ours = items.every((x) => within.get(x.place) === city);
  const place = ours && every ? `${city}各县（市、区）` : sorted.map((x) => x.place).join('、');
  const reference = ours && home && home.unit === unit && home.record.period.label === period ? { name: home.place, value: home.value } : undefined;
  return {
    kind: 'bar',
    title: titled(`${period}${place}${metric}`, unit),
    unit,
    period,
    place,
    source: sourceText(k, [...items.map((x) => x.record), ...(reference ? [home!.record] : [])]),
    categories: sorted.map((x) => x.place),
    series: [{ name: metric, values: sorted.map((x) => x.value) }],
    ...(reference ? { reference } : {}),
  };
}

/** Periods of one kind: years with years, single months with single months (never 1-6月 with 6月). */
function kindOf(p: Period): string | undefined {
  if (p.kind === 'year' && p.year) return 'year';
  if (p.kind === 'month' && p.year && p.to && p.from === undefined) return 'month';
  return undefined;
}

const order = (p: Period) => (p.year ?? 0) * 100 + (p.to ?? 0);

/**
 * One metric of one place over several periods of one kind, as the answer lists them (the
 * figure and its 相关 lines): a line, oldest first, of those of the first one's metric, place,
 * unit and kind of period (never 1-6月 among months).
 */
export function seriesChart(k: Knowledge, figures: Indicator[]): Chart | undefined {
  const [first] = figures;
  if (!first) return undefined;
  const kind = kindOf(first.period);
  // (地区生产总值 and 生产总值 are one metric: names of one alias group are the same line.)
  const metricOf = (name: string) => {
    const at = (k.lex?.aliasGroups ?? []).findIndex((g) => g.includes(fold(name)));
    return at >= 0 ? `#${at}` : name;
  };
  const same = (x: Indicator) =>
    metricOf(x.name) === metricOf(first.name) && x.region === first.region && x.unit === first.unit && x.nature === first.nature && x.value !== null && kindOf(x.period) === kind;
  if (!kind || !same(first)) return undefined;
  // One value a period: the same figure said twice is one point. (Other metrics beside it are not drawn.)
  const byPeriod = new Map<string, Indicator>();
  for (const x of figures.filter(same)) if (!byPeriod.has(x.period.label)) byPeriod.set(x.period.label, x);
  const points = [...byPeriod.values()].sort((a, b) => order(a.period) - order(b.period));
  if (points.length < CHART_MIN) return undefined;
  const what = `${first.name}${first.nature === 'target' ? '目标' : ''}`;
  const period = `${points[0].period.label}—${points.at(-1)!.period.label}`;
  return {
    kind: 'line',
    title: titled(`${period}${first.region}${what}`, first.unit),
    unit: first.unit,
    period,
    place: first.region,
    source: sourceText(k, points),
    categories: points.map((x) => x.period.label),
    series: [{ name: what, values: points.map((x) => x.value!) }],
  };
}

/**
 * A figure over time from every record of its metric and place: itself and the other periods of
 * its kind the reports give (the digest's headline figures show one period each).
 */
export function seriesOf(k: Knowledge, figure: Indicator): Chart | undefined {
  const kind = kindOf(figure.period);
  if (!kind || figure.value === null) return undefined;
  const same = k.indicators.filter(
    (x) => x.id !== figure.id && x.name === figure.name && x.region === figure.region && x.unit === figure.unit && x.nature === figure.nature && x.value !== null && !x.owner && !x.scope && kindOf(x.period) === kind,
  );
  return seriesChart(k, [figure, ...same]);
}

const statusName = (s: string | null) => s ?? '未标注状态';

/** The statuses of tasks, in the order the table first gives them. */
function statusesOf(tasks: Task[]): (string | null)[] {
  return [...new Set(tasks.map((t) => t.status))];
}

/** A task table's tasks by status: one stacked bar, a part a status. */
export function statusChart(k: Knowledge, table: string, place: string, period: string, tasks: Task[]): Chart | undefined {
  const statuses = statusesOf(tasks);
  if (statuses.length < CHART_MIN || !statuses.some(Boolean)) return undefined;
  return {
    kind: 'stacked',
    title: titled(`${table}任务进展状态`, '项'),
    unit: '项',
    period,
    place,
    source: sourceText(k, tasks.slice(0, 1) as KnowledgeRecord[]),
    categories: [table],
    series: statuses.map((st) => ({ name: statusName(st), values: [tasks.filter((t) => t.status === st).length] })),
  };
}

/** The tasks each department leads (named first in the lead cell), by status: a stacked bar a department. */
export function departmentChart(k: Knowledge, table: string, place: string, period: string, departments: string[], tasks: Task[]): Chart | undefined {
  if (departments.length < CHART_MIN || !tasks.some((t) => t.status)) return undefined;
  const led = (d: string) => tasks.filter((t) => t.lead[0] === d);
  return {
    kind: 'stacked',
    title: titled(`${table}各部门牵头任务进展状态`, '项'),
    unit: '项',
    period,
    place,
    source: sourceText(k, tasks.slice(0, 1) as KnowledgeRecord[]),
    categories: departments,
    series: statusesOf(departments.flatMap(led)).map((st) => ({ name: statusName(st), values: departments.map((d) => led(d).filter((t) => t.status === st).length) })),
  };
}
