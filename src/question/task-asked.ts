/**
 * Which answer a task question gets (第n项, one task by what it is about, a list, a count, a
 * table by status, which department leads most) and what it is made of: the tasks, how many
 * each department leads, and the department's tasks in other documents. src/answer/task.ts and
 * task-list.ts word it.
 */
import type { Source, Task } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from './query.js';
import { concepts } from './match.js';
import { documentsOf, filtered, leads, progressAsked, taskAbout, taskByNumber, tasksAsked, tasksOf } from './tasks.js';

/** How many tasks each department leads (named first) and takes part in, leaders in the order asked (最多, 最少). */
function leadCounts(q: Query, tasks: Task[]): { order: [string, number][]; part: Map<string, number>; fewest: boolean } {
  const led = new Map<string, number>();
  const part = new Map<string, number>();
  for (const t of tasks) {
    if (t.lead[0]) led.set(t.lead[0], (led.get(t.lead[0]) ?? 0) + 1);
    for (const d of new Set([...t.lead.slice(1), ...t.others])) part.set(d, (part.get(d) ?? 0) + 1);
  }
  const fewest = /最少/.test(q.text);
  const order = [...led].sort((a, b) => (fewest ? a[1] - b[1] : b[1] - a[1]) || a[0].localeCompare(b[0]));
  return { order, part, fewest };
}

/**
 * A department's tasks in the other tables, and its measures in the plans, for an answer that
 * counted one task table (市科技局牵头几项: 2 in 2022's, and 9 in 2021's).
 */
function elsewhere(k: Knowledge, q: Query, doc: Source): { tables: { doc: Source; lead: number }[]; plans: { doc: Source; numbers: (number | null)[] }[] } {
  const d = q.task?.department;
  if (!d || doc.kind === 'plan' || q.scope?.kind) return { tables: [], plans: [] };
  const others = !q.period && !q.scope?.source ? documentsOf(k, q).filter((x) => x.id !== doc.id && x.kind === 'tasks') : [];
  const tables = others.map((other) => ({ doc: other, lead: filtered(k, q, other).lead.length })).filter((x) => x.lead);
  const plans = k.sources
    .filter((s) => s.kind === 'plan')
    .map((plan) => ({ doc: plan, numbers: k.tasks.filter((t) => t.source === plan.id && leads(t, d)).map((t) => t.number) }))
    .filter((x) => x.numbers.length);
  return { tables, plans };
}

/** The other documents in which the department asked of leads or takes part in a task. */
function documentsWith(k: Knowledge, q: Query, doc: Source): Source[] {
  const d = q.task?.department;
  if (!d) return [];
  return k.sources.filter((s) => s.id !== doc.id && k.tasks.some((t) => t.source === s.id && (t.lead.includes(d) || t.others.includes(d))));
}

type Elsewhere = ReturnType<typeof elsewhere>;

/** What a task question found, by the answer it gets; undefined when no task or measure is about it. */
export type TasksFound =
  | ({ kind: 'numbered'; n: number; progress: string[] } & ReturnType<typeof taskByNumber>)
  | { kind: 'one'; task: Task; progress: string[] }
  | ({ kind: 'ranking'; doc?: Source; tasks: Task[] } & ReturnType<typeof leadCounts>)
  | { kind: 'summary'; doc?: Source; tasks: Task[] }
  | { kind: 'count'; doc?: Source; lead: Task[]; part: Task[]; elsewhere: Elsewhere }
  | { kind: 'list'; doc?: Source; lead: Task[]; part: Task[]; elsewhere: Elsewhere; others: Source[] }
  | undefined;

const one = (k: Knowledge, q: Query, task: Task): TasksFound => ({ kind: 'one', task, progress: progressAsked(k, q, task) });

/** The tasks a list, count or filter asks of, with the department's tasks elsewhere (or, finding none, the documents it has some in). */
function listed(k: Knowledge, q: Query, kind: 'count' | 'list'): TasksFound {
  const { doc, lead, part } = tasksAsked(k, q);
  const none = { tables: [], plans: [] };
  if (kind === 'count') return { kind, doc, lead, part, elsewhere: doc ? elsewhere(k, q, doc) : none };
  const found = lead.length + part.length > 0;
  return { kind, doc, lead, part, elsewhere: doc && found ? elsewhere(k, q, doc) : none, others: doc && !found ? documentsWith(k, q, doc) : [] };
}

/** Which tasks a task question (第n项, a list, a count, a ranking, one by what it is about) asks of. */
export function tasksFound(k: Knowledge, q: Query): TasksFound {
  const f = q.task ?? {};
  if (q.intent === 'task' && f.number !== undefined) {
    const found = taskByNumber(k, q, f.number);
    return { kind: 'numbered', n: f.number, ...found, progress: found.task ? progressAsked(k, q, found.task) : [] };
  }
  if (q.intent === 'rank') {
    const [doc] = documentsOf(k, q);
    let tasks = tasksOf(k, doc);
    if (f.statuses?.length) tasks = tasks.filter((t) => t.status && f.statuses!.includes(t.status));
    return { kind: 'ranking', doc, tasks, ...leadCounts(q, tasks) };
  }
  const topic = q.places.reduce((m, p) => m.split(p.text).join(' '), q.metric).trim();
  if (q.intent === 'count' && !f.statuses?.length && !f.department && !f.unmarked && !topic) {
    const [doc] = documentsOf(k, q);
    return { kind: 'summary', doc, tasks: tasksOf(k, doc) };
  }
  if (q.intent === 'count') return listed(k, q, 'count');
  if (q.intent === 'list') return listed(k, q, 'list');
  if (q.intent === 'task') {
    if (f.statuses?.length || f.department || f.unmarked) {
      const { lead } = tasksAsked(k, q);
      const about = concepts(k, q).length > 0;
      if (lead.length === 1 || (about && lead.length)) return one(k, q, lead[0]);
      if (about) return undefined;
      return listed(k, q, 'list');
    }
    const t = taskAbout(k, q);
    return t && one(k, q, t);
  }
  return undefined;
}
