/**
 * Which tasks and plan measures a question asks of: one by its number or by what it is about,
 * those of a status or a department, and how many each department leads. Counts run over one
 * document — the latest task table, or the plan asked for — never over a mix; a department
 * "leads" a task when it is named first in the lead cell, and takes part when it is named
 * after that or among the other departments. task-asked.ts says which of these a question gets.
 */
import type { Source, Task } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import { makeQuery, type Query } from './query.js';
import { concepts, coverage, HOME, match, type Concept } from './match.js';
import { fold } from '../text/normalize.js';

/** Newest first; of one date, the one that stands first in the reports (see Knowledge.standing). */
const byDate = (k: Knowledge) => (a: Source, b: Source) => b.date.localeCompare(a.date) || k.standing.get(a.id)! - k.standing.get(b.id)!;

/** The documents whose tasks the query asks of, newest first: the first answers. */
export function documentsOf(k: Knowledge, q: Query): Source[] {
  const withTasks = new Set(k.tasks.map((t) => t.source));
  const kind = q.scope?.kind === 'plan' ? 'plan' : 'tasks';
  // Asked how tasks stand, only a table that says so answers (a table of duties has no statuses).
  const f = q.task ?? {};
  const statusAsked = Boolean(f.statuses?.length || f.unmarked || f.aspect === 'status' || f.aspect === 'progress' || q.intent === 'rank');
  const withStatus = new Set(k.tasks.filter((t) => t.status).map((t) => t.source));
  let docs = k.sources.filter((s) => withTasks.has(s.id) && s.kind === kind && (!statusAsked || kind === 'plan' || withStatus.has(s.id))).sort(byDate(k));
  const place = q.places.find((p) => p.region)?.region;
  // 嘉善第3项: the place's own table or plan, where it has one; with no place named, the city's first.
  // (A place with no table of its own has no 第3项: another place's table never answers for it.)
  if (place) docs = docs.filter((d) => d.region === place);
  else docs = [...docs.filter((d) => d.region === HOME), ...docs.filter((d) => d.region !== HOME)];
  if (q.period?.year) {
    const year = String(q.period.year);
    const dated = docs.filter((d) => d.date.startsWith(year));
    if (dated.length) docs = dated;
  }
  // The table the conversation is in comes first.
  const current = docs.find((d) => d.id === q.scope?.source);
  return current ? [current, ...docs.filter((d) => d !== current)] : docs;
}

export function tasksOf(k: Knowledge, doc: Source | undefined): Task[] {
  return doc ? k.tasks.filter((t) => t.source === doc.id) : [];
}

/** First-named lead: the department that leads. */
export const leads = (t: Task, d: string) => t.lead[0] === d;
/** Named anywhere else: it takes part (or leads jointly, after the first). */
const takesPart = (t: Task, d: string) => !leads(t, d) && (t.lead.includes(d) || t.others.includes(d));

/** The parts of a task's progress (sentences of its items) that say most of the question's words. */
function relevantProgress(t: Task, cs: Concept[], why: boolean): string[] {
  const parts = t.progress.flatMap((p) => p.split(/(?<=[。；;])/)).map((p) => p.trim()).filter(Boolean);
  const weigh = (p: string) => coverage(p.toLowerCase(), cs, false) + (why && /滞后|尚未|未能|影响|原因|延期|推迟|暂缓|受|待/.test(p) ? 0.5 : 0);
  return parts
    .map((p, i) => ({ p, i, w: weigh(p) }))
    .filter((x) => x.w > 0.5)
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .slice(0, 2)
    .map((x) => x.p);
}

/** The part of a task's progress the question is about (嘉湖铁路那块现在咋样了), if any. */
export function progressAsked(k: Knowledge, q: Query, t: Task): string[] {
  const cs = concepts(k, q);
  return cs.length ? relevantProgress(t, cs, q.task?.aspect === 'why') : [];
}

/** The table a 第n项 is asked of: the first (the conversation's, else the newest) that has one. */
function tableOf(k: Knowledge, q: Query, n: number): { doc: Source | undefined; docs: Source[] } {
  const docs = documentsOf(k, q);
  // (The 2021 table's 第48项, though 2022's has 16.)
  return { doc: docs.find((d) => tasksOf(k, d).some((t) => t.number === n)) ?? docs[0], docs };
}

/** The task a query names by number, in the table it is asked of. */
export function numberedTask(k: Knowledge, q: Query): Task | undefined {
  const n = q.task?.number;
  if (n === undefined) return undefined;
  return tasksOf(k, tableOf(k, q, n).doc).find((t) => t.number === n);
}

/** A 第n项 asked: its table, its tasks, the task (if the table has it), and the other tables' 第n项. */
export function taskByNumber(k: Knowledge, q: Query, n: number): { doc?: Source; tasks: Task[]; task?: Task; older: { doc: Source; task: Task }[] } {
  const { doc, docs } = tableOf(k, q, n);
  const tasks = tasksOf(k, doc);
  const older = docs.filter((d) => d !== doc).flatMap((d) => tasksOf(k, d).filter((t) => t.number === n).slice(0, 1).map((task) => ({ doc: d, task })));
  return { doc, tasks, task: tasks.find((t) => t.number === n), older };
}

/** The tasks of the query's document that fit its status and department filters. */
export function filtered(k: Knowledge, q: Query, doc: Source | undefined): { lead: Task[]; part: Task[] } {
  let tasks = tasksOf(k, doc);
  const f = q.task ?? {};
  if (f.statuses?.length) tasks = tasks.filter((t) => t.status && f.statuses!.includes(t.status));
  if (f.unmarked) tasks = tasks.filter((t) => !t.status);
  // (示范点意见市合作交流办牵头几条: a word of the table's own title, 嘉善县域科学发展示范点实施意见, says which table, not which tasks.)
  const title = doc ? fold(doc.title) : '';
  const metric = q.metric.split(/\s+/).filter((w) => !(w.length >= 2 && title.includes(fold(w)))).join(' ');
  const cs = metric ? concepts(k, metric === q.metric ? q : makeQuery({ ...q, metric })) : [];
  if (cs.length) {
    // Words besides the filters narrow the list to tasks about them (碳达峰那项).
    const about = tasks.filter((t) => coverage(k.haystack.get(t.id)!, cs) >= 0.99);
    // 湖嘉申航道为啥滞后: if no task of the filter is about it, no task of the filter answers.
    if (about.length || q.intent === 'task') tasks = about;
  }
  const d = f.department;
  if (!d) return { lead: tasks, part: [] };
  return { lead: tasks.filter((t) => leads(t, d)), part: tasks.filter((t) => takesPart(t, d)) };
}

/**
 * The table a filtered question asks of — the first (the conversation's, else the newest) in
 * which a task fits the filters: a department that leads nothing in the 2022 table may lead
 * three in 2021's — and its tasks that fit, those the department leads and those it takes part in.
 */
export function tasksAsked(k: Knowledge, q: Query): { doc?: Source; lead: Task[]; part: Task[] } {
  const docs = documentsOf(k, q);
  for (const doc of docs) {
    const { lead, part } = filtered(k, q, doc);
    if (lead.length + part.length > 0) return { doc, lead, part };
  }
  return { doc: docs[0], ...filtered(k, q, docs[0]) };
}

/** A task or measure found by what it is about (湖嘉申航道那项为啥滞后). */
export function taskAbout(k: Knowledge, q: Query): Task | undefined {
  if (!q.metric) return undefined;
  const scoped = q.scope?.kind ? documentsOf(k, q)[0] : undefined;
  const found = match(k, makeQuery({ ...q, period: undefined, nature: undefined, basis: undefined, unit: undefined }), ['task']).answers.filter(
    (c) => c.coverage >= 0.99 || (c.coverage >= 0.8 && q.metric.length >= 6),
  );
  return found.map((c) => c.record as Task).find((t) => !scoped || t.source === scoped.id);
}

// 市国资委那项, 三员机制这项: a task pointed at by what it is about or who leads it.
const POINTED = /(那项|这项|那一项|这一项|那个任务|这个任务|那条|这条)/;

/**
 * A figure asked of a task pointed at by what it is about (三员机制那项上半年走访了多少个私企业,
 * 市国资委那项完成了多少家…): the query of that figure within the one task it points at, or
 * undefined when it points at none or at several.
 */
export function pointedTask(k: Knowledge, q: Query): Query | undefined {
  const at = q.text.search(POINTED);
  if (at < 2 || (q.intent !== 'value' && q.intent !== 'growth') || q.task?.number !== undefined) return undefined;
  const about = q.text.slice(0, at);
  const rest = q.text.slice(at).replace(POINTED, '');
  const named = k.departments.find((d) => about.includes(d.text));
  // What the task is about, besides who leads it; what its progress is asked for.
  const aboutWords = concepts(k, makeQuery({ ...q, metric: named ? about.replace(named.text, ' ') : about }));
  const askedWords = concepts(k, makeQuery({ ...q, metric: rest }));
  for (const doc of documentsOf(k, q)) {
    const tasks = tasksOf(k, doc).filter((t) => !named || t.lead.includes(named.name));
    const fit = aboutWords.length ? tasks.filter((t) => coverage(k.haystack.get(t.id)!, aboutWords) >= 0.99) : tasks;
    // (Of several a department leads, the one whose progress says what is asked.)
    const said = fit.length > 1 ? fit.filter((t) => coverage(k.haystack.get(t.id)!, askedWords) >= 0.6) : fit;
    if (said.length === 1) return makeQuery({ ...q, text: rest, metric: q.metric.replace(about, ' ').trim(), task: { number: said[0].number ?? undefined }, scope: { source: doc.id } });
    if (fit.length) return undefined;
  }
  return undefined;
}
