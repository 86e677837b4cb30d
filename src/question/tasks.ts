/**
 * Answers about tasks and plan measures: one by its number or by what it is about, lists and
 * counts by status or department, and which department leads the most. Counts run over one
 * document — the latest task table, or the plan asked for — never over a mix; a department
 * "leads" a task when it is named first in the lead cell, and takes part when it is named
 * after that or among the other departments.
 */
import type { Answer, Line, Source, Task } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from './query.js';
import * as compose from '../answer/compose.js';
import { LIST_PAGE, makeAnswer, span } from '../answer/compose.js';
import { departmentChart, statusChart } from '../answer/chart.js';
import { concepts, coverage, HOME, match, type Concept } from './match.js';
import { noAnswer } from '../answer/none.js';

/** Newest first; of one date, the one that stands first in the reports (see Knowledge.standing). */
const byDate = (k: Knowledge) => (a: Source, b: Source) => b.date.localeCompare(a.date) || k.standing.get(a.id)! - k.standing.get(b.id)!;

/** The documents with tasks a query is about: the plan or table it names, else the latest task table. */
/** The documents whose tasks the query asks of, newest first: the first answers. */
function documentsOf(k: Knowledge, q: Query): Source[] {
  const withTasks = new Set(k.tasks.map((t) => t.source));
  const kind = q.scope?.kind === 'plan' ? 'plan' : 'tasks';
  // Asked how tasks stand, only a table that says so answers (a table of duties has no statuses).
  const f = q.task ?? {};
  const statusAsked = Boolean(f.statuses?.length || f.unmarked || f.aspect === 'status' || f.aspect === 'progress' || q.intent === 'rank');
  const withStatus = new Set(k.tasks.filter((t) => t.status).map((t) => t.source));
  let docs = k.sources.filter((s) => withTasks.has(s.id) && s.kind === kind && (!statusAsked || kind === 'plan' || withStatus.has(s.id))).sort(byDate(k));
  const place = q.places.find((p) => p.region)?.region;
  // 嘉善第3项: the place's own table or plan, where it has one; with no place named, the city's first.
  if (place && docs.some((d) => d.region === place)) docs = docs.filter((d) => d.region === place);
  else if (!place) docs = [...docs.filter((d) => d.region === HOME), ...docs.filter((d) => d.region !== HOME)];
  if (q.period?.year) {
    const year = String(q.period.year);
    const dated = docs.filter((d) => d.date.startsWith(year));
    if (dated.length) docs = dated;
  }
  // The table the conversation is in comes first.
  const current = docs.find((d) => d.id === q.scope?.source);
  return current ? [current, ...docs.filter((d) => d !== current)] : docs;
}

function tasksOf(k: Knowledge, doc: Source | undefined): Task[] {
  return doc ? k.tasks.filter((t) => t.source === doc.id) : [];
}

/** What a document is, in a word or two; its full title is in the source line. */
function docName(doc: Source): string {
  const year = doc.date.slice(0, 4);
  if (doc.kind === 'plan') return `${doc.region === HOME ? '' : doc.region.replace(/[县市区镇]$/, '')}实施意见`;
  return `${year ? `${year}年` : ''}${doc.region === HOME ? '' : doc.region}重点工作任务表`;
}

/** 第（15）条措施 or 第15项任务. */
function itemName(doc: Source | undefined, n: number): string {
  return doc?.kind === 'plan' ? `第（${n}）条措施` : `第${n}项任务`;
}

/** First-named lead: the department that leads. */
const leads = (t: Task, d: string) => t.lead[0] === d;
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

function taskAnswer(k: Knowledge, q: Query, t: Task, extra: Line[] = []): Answer {
  const who = q.task?.aspect === 'who';
  const cs = concepts(k, q);
  // The part of the progress the question is about comes first (嘉湖铁路那块现在咋样了).
  const about = cs.length ? relevantProgress(t, cs, q.task?.aspect === 'why') : [];
  const lead: Line[] = about.length ? [[span('相关进展：')], ...about.map((p) => [span(compose.clip(p, 200), true)])] : [];
  const body = compose.taskLines(t, { who, progress: q.task?.aspect === 'progress', shown: about });
  // Asked who leads, the department comes first; otherwise what the question is about does.
  // Asked how it stands, the line with its status does (钱江通道北接线那项任务状态是啥).
  const first = who || q.task?.aspect === 'status' || (q.task?.aspect === 'progress' && body[0].some((x) => x.text.endsWith('进度：')));
  const lines = first ? [body[0], ...lead, ...body.slice(1), ...extra] : [...lead, ...body, ...extra];
  return makeAnswer(k, q.text, 'task', lines, [t], { quote: about[0] ?? t.progress[0] ?? t.text, query: q });
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

function byNumber(k: Knowledge, q: Query): Answer {
  const n = q.task!.number!;
  const { doc, docs } = tableOf(k, q, n);
  const older = docs.filter((d) => d !== doc);
  const tasks = tasksOf(k, doc);
  const task = tasks.find((t) => t.number === n);
  if (!doc) return noAnswer(k, q, '报告中没有任务表或实施意见。');
  if (!task) {
    const numbers = tasks.map((t) => t.number ?? 0);
    const max = Math.max(0, ...numbers);
    return noAnswer(k, q, `${docName(doc)}中没有${itemName(doc, n)}：共${max}${doc.kind === 'plan' ? '条措施' : '项任务'}（第1-${max}${doc.kind === 'plan' ? '条' : '项'}）。`);
  }
  // Older tables have a 第n项 too: say which, and how to ask for it.
  // (Who leads it there is said too: 谁牵头 may be asked of either table.)
  const note: Line[] = older.flatMap((d) => {
    const t = tasksOf(k, d).find((x) => x.number === n);
    if (!t) return [];
    const who = compose.departmentsText(t);
    return [[span(`另：${docName(d)}也有${itemName(d, n)}：${compose.clip(t.text, 30)}${who ? `（${who}）` : ''}。可问“${d.date.slice(0, 4)}年${itemName(d, n)}”。`)]];
  });
  return taskAnswer(k, q, task, note);
}

/** The tasks of the query's document that fit its status and department filters. */
function filtered(k: Knowledge, q: Query, doc: Source | undefined): { lead: Task[]; part: Task[] } {
  let tasks = tasksOf(k, doc);
  const f = q.task ?? {};
  if (f.statuses?.length) tasks = tasks.filter((t) => t.status && f.statuses!.includes(t.status));
  if (f.unmarked) tasks = tasks.filter((t) => !t.status);
  const cs = q.metric ? concepts(k, q) : [];
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
 * The table a filtered question asks of: the first (the conversation's, else the newest) in
 * which a task fits the filters — a department that leads nothing in the 2022 table may lead
 * three in 2021's.
 */
function tableFor(k: Knowledge, q: Query): Source | undefined {
  const docs = documentsOf(k, q);
  const fits = (d: Source) => {
    const { lead, part } = filtered(k, q, d);
    return lead.length + part.length > 0;
  };
  return docs.find(fits) ?? docs[0];
}

function heading(q: Query, role: 'lead' | 'part'): string {
  const f = q.task ?? {};
  const status = f.statuses?.length ? `${f.statuses.join('、')}的` : f.unmarked ? '未标注进展状态的' : '';
  if (!f.department) return `${status}任务`;
  return `${f.department}${role === 'lead' ? '牵头' : '参与'}的${status}任务`;
}

function list(k: Knowledge, q: Query, offset: number): Answer {
  const doc = tableFor(k, q);
  if (!doc) return noAnswer(k, q, '报告中没有任务表或实施意见。');
  const { lead, part } = filtered(k, q, doc);
  const f = q.task ?? {};
  const unit = doc.kind === 'plan' ? '条' : '项';
  const showStatus = (f.statuses?.length ?? 0) !== 1 && doc.kind !== 'plan';
  // Asked what a department takes part in: those first; asked what it leads: those, then the rest.
  const primary = f.role === 'part' ? part : lead;
  const secondary = f.role === 'part' ? lead : part;
  const all = [...primary, ...secondary];
  if (!all.length) {
    const what = heading(q, f.role === 'part' ? 'part' : 'lead');
    return noAnswer(k, q, `${docName(doc)}中没有${what}。`, elsewhereFor(k, q, doc));
  }
  const page = all.slice(offset, offset + LIST_PAGE);
  const head: Line = f.department
    ? [
        span(`${docName(doc)}中，${f.department}${f.role === 'part' ? '参与' : '牵头'}的${heading(q, 'lead').replace(`${f.department}牵头的`, '')}共`),
        span(`${primary.length}${unit}`, true),
        span(secondary.length ? `，另${f.role === 'part' ? '牵头' : '参与（列名于牵头部门第二位及以后或配合）'}${secondary.length}${unit}` : ''),
        span(offset ? `（第${offset + 1}-${offset + page.length}${unit}）：` : '：'),
      ]
    : [span(`${docName(doc)}中，${heading(q, 'lead')}共`), span(`${all.length}${unit}`, true), span(offset ? `（第${offset + 1}-${offset + page.length}${unit}）：` : '：')];
  const lines: Line[] = [head];
  page.forEach((t, i) => {
    const item = compose.taskItem(t, offset + i + 1, showStatus, f.department);
    const tag = f.department && offset + i >= primary.length ? `（${f.role === 'part' ? '牵头' : '参与'}）` : '';
    lines.push(tag ? [...item, span(tag)] : item);
  });
  const next = offset + page.length;
  if (next < all.length) lines.push([span(`还有${all.length - next}${unit}，发送“更多”或点“更多”查看。`)]);
  lines.push(...alsoElsewhere(k, q, doc));
  return makeAnswer(k, q.text, 'list', lines, page, { query: q, ...(next < all.length ? { more: { total: all.length, next } } : {}) });
}

function count(k: Knowledge, q: Query): Answer {
  const doc = tableFor(k, q);
  if (!doc) return noAnswer(k, q, '报告中没有任务表或实施意见。');
  const { lead, part } = filtered(k, q, doc);
  const f = q.task ?? {};
  const unit = doc.kind === 'plan' ? '条' : '项';
  const lines: Line[] = [];
  if (f.department) {
    lines.push([span(`${docName(doc)}中，${heading(q, 'lead')}共`), span(`${lead.length}${unit}`, true), span(part.length ? `；另参与${part.length}${unit}（列名于牵头部门第二位及以后或配合）` : '')]);
  } else {
    lines.push([span(`${docName(doc)}中，${heading(q, 'lead')}共`), span(`${lead.length}${unit}`, true)]);
    if ((f.statuses?.length ?? 0) > 1) lines.push([span(f.statuses!.map((s) => `${s}${lead.filter((t) => t.status === s).length}${unit}`).join('，'))]);
  }
  const shown = [...lead, ...part].slice(0, LIST_PAGE);
  shown.forEach((t, i) => lines.push(compose.taskItem(t, i + 1, (f.statuses?.length ?? 0) !== 1 && doc.kind !== 'plan', f.department)));
  lines.push(...alsoElsewhere(k, q, doc));
  return makeAnswer(k, q.text, 'count', lines, shown, { query: q });
}

/** How many tasks the latest task table holds, by status. */
function summary(k: Knowledge, q: Query): Answer {
  const [doc] = documentsOf(k, q);
  const tasks = tasksOf(k, doc);
  if (!doc || !tasks.length) return noAnswer(k, q, '报告中没有任务表。');
  const numbered = tasks.filter((t) => t.number !== null).length;
  const statuses = [...new Set(tasks.map((t) => t.status))];
  const plan = doc.kind === 'plan';
  const lines: Line[] = [
    [span(`${docName(doc)}共`), span(`${numbered}${plan ? '条' : '项'}`, true), span(`${plan ? '措施' : '任务'}${tasks.length > numbered ? `（另有${tasks.length - numbered}项未编号的子任务）` : ''}`)],
  ];
  // A table that states no progress (a plan, a table of who leads what) has no statuses to count.
  if (statuses.some(Boolean)) lines.push([span(statuses.map((st) => `${st ?? '未标注状态'}${tasks.filter((t) => t.status === st).length}项`).join('，'))]);
  const chart = statusChart(k, docName(doc), doc.region, doc.date, tasks);
  return makeAnswer(k, q.text, 'count', lines, tasks.slice(0, 1), { query: q, ...(chart ? { chart } : {}) });
}

/** Which departments lead the most tasks of the document, and how many they take part in. */
function ranking(k: Knowledge, q: Query): Answer {
  const [doc] = documentsOf(k, q);
  let tasks = tasksOf(k, doc);
  if (q.task?.statuses?.length) tasks = tasks.filter((t) => t.status && q.task!.statuses!.includes(t.status));
  if (!doc || !tasks.length) return noAnswer(k, q, '报告中没有任务表。');
  const led = new Map<string, number>();
  const part = new Map<string, number>();
  for (const t of tasks) {
    if (t.lead[0]) led.set(t.lead[0], (led.get(t.lead[0]) ?? 0) + 1);
    for (const d of new Set([...t.lead.slice(1), ...t.others])) part.set(d, (part.get(d) ?? 0) + 1);
  }
  const fewest = /最少/.test(q.text);
  const order = [...led].sort((a, b) => (fewest ? a[1] - b[1] : b[1] - a[1]) || a[0].localeCompare(b[0]));
  const top = order[0];
  const unit = doc.kind === 'plan' ? '条' : '项';
  const lines: Line[] = [[span(`${docName(doc)}中，${fewest ? '牵头最少' : '牵头最多'}的是${top[0]}：`), span(`${top[1]}${unit}`, true), span(`（另参与${part.get(top[0]) ?? 0}${unit}）`)]];
  const unnumbered = tasks.filter((t) => t.number === null).length;
  lines.push([span(`牵头任务数（按牵头部门栏中排第一的部门计${unnumbered ? `，含${unnumbered}项未编号的子任务` : ''}）：`)]);
  const shown = order.slice(0, 5);
  for (const [d, n] of shown) lines.push([span(`· ${d} ${n}${unit}，参与${part.get(d) ?? 0}${unit}`)]);
  const chart = departmentChart(k, docName(doc), doc.region, doc.date, shown.map(([d]) => d), tasks);
  return makeAnswer(k, q.text, 'list', lines, tasks.slice(0, 1), { query: q, ...(chart ? { chart } : {}) });
}

/**
 * A department's tasks in the other tables, and its measures in a plan, named apart when the
 * answer counted one task table (市科技局牵头几项: 2 in 2022's, and 9 in 2021's).
 */
function alsoElsewhere(k: Knowledge, q: Query, doc: Source): Line[] {
  const d = q.task?.department;
  if (!d || doc.kind === 'plan' || q.scope?.kind) return [];
  const out: Line[] = [];
  if (!q.period && !q.scope?.source) {
    for (const other of documentsOf(k, q).filter((x) => x.id !== doc.id && x.kind === 'tasks')) {
      const { lead } = filtered(k, q, other);
      if (lead.length) out.push([span(`另：${docName(other)}中${d}牵头${lead.length}项${heading(q, 'lead').replace(`${d}牵头的`, '')}（可问“${other.date.slice(0, 4)}年${d}牵头的任务”）。`)]);
    }
  }
  const plans = k.sources.filter((s) => s.kind === 'plan');
  for (const plan of plans) {
    const led = k.tasks.filter((t) => t.source === plan.id && leads(t, d)).map((t) => `（${t.number}）`);
    if (led.length) out.push([span(`另：${docName(plan)}中${d}牵头第${led.join('')}条措施（未计入上面的任务）。`)]);
  }
  return out;
}

function elsewhereFor(k: Knowledge, q: Query, doc: Source): string[] {
  const d = q.task?.department;
  if (!d) return [];
  return k.sources
    .filter((s) => s.id !== doc.id && k.tasks.some((t) => t.source === s.id && (t.lead.includes(d) || t.others.includes(d))))
    .map((s) => `${docName(s)}中${d}牵头或参与的${s.kind === 'plan' ? '措施' : '任务'}`);
}

/** A task or measure found by what it is about (湖嘉申航道那项为啥滞后). */
function byContent(k: Knowledge, q: Query): Answer | undefined {
  if (!q.metric) return undefined;
  const scoped = q.scope?.kind ? documentsOf(k, q)[0] : undefined;
  const found = match(k, { ...q, period: undefined, nature: undefined, basis: undefined, unit: undefined }, ['task']).answers.filter(
    (c) => c.coverage >= 0.99 || (c.coverage >= 0.8 && q.metric.length >= 6),
  );
  const tasks = found.map((c) => c.record as Task).filter((t) => !scoped || t.source === scoped.id);
  if (!tasks.length) return undefined;
  return taskAnswer(k, q, tasks[0]);
}

export function answerTasks(k: Knowledge, q: Query, offset: number): Answer | undefined {
  const f = q.task ?? {};
  if (q.intent === 'task' && f.number !== undefined) return byNumber(k, q);
  if (q.intent === 'rank') return ranking(k, q);
  const topic = q.places.reduce((m, p) => m.split(p.text).join(' '), q.metric).trim();
  if (q.intent === 'count' && !f.statuses?.length && !f.department && !f.unmarked && !topic) return summary(k, q);
  if (q.intent === 'count') return count(k, q);
  if (q.intent === 'list') return list(k, q, offset);
  if (q.intent === 'task') {
    if (f.statuses?.length || f.department || f.unmarked) {
      const { lead } = filtered(k, q, tableFor(k, q));
      const about = concepts(k, q).length > 0;
      if (lead.length === 1 || (about && lead.length)) return taskAnswer(k, q, lead[0]);
      if (about) return undefined;
      return list(k, q, offset);
    }
    return byContent(k, q);
  }
  return undefined;
}
