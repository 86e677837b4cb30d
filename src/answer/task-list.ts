/**
 * Answers of several tasks: a list or a count by status or department (a page at a time, the
 * department's tasks in other tables named apart), a table's tasks by status, which department
 * leads the most; and which task answer a task question gets.
 */
import type { Answer, Line } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from '../question/query.js';
import type { TasksFound } from '../question/task-asked.js';
import { departmentChart, statusChart } from './chart.js';
import { LIST_PAGE, makeAnswer, span } from './compose.js';
import { docName, taskItem } from './task-lines.js';
import { numberedAnswer, taskAnswer } from './task.js';
import { noAnswer } from './none.js';

/** 西湖区的 of a question asked of a place: whose tables there are none of. */
function whose(q: Query): string {
  const place = q.places.find((p) => p.region)?.region;
  return place ? `${place}的` : '';
}

function heading(q: Query, role: 'lead' | 'part'): string {
  const f = q.task ?? {};
  const status = f.statuses?.length ? `${f.statuses.join('、')}的` : f.unmarked ? '未标注进展状态的' : '';
  if (!f.department) return `${status}任务`;
  return `${f.department}${role === 'lead' ? '牵头' : '参与'}的${status}任务`;
}

type Found<K> = Extract<TasksFound, { kind: K }>;

function list(k: Knowledge, q: Query, { doc, lead, part, elsewhere, others }: Found<'list'>, offset: number): Answer {
  if (!doc) return noAnswer(k, q, `报告中没有${whose(q)}任务表或实施意见。`);
  const f = q.task ?? {};
  const unit = doc.kind === 'plan' ? '条' : '项';
  const showStatus = (f.statuses?.length ?? 0) !== 1 && doc.kind !== 'plan';
  // Asked what a department takes part in: those first; asked what it leads: those, then the rest.
  const primary = f.role === 'part' ? part : lead;
  const secondary = f.role === 'part' ? lead : part;
  const all = [...primary, ...secondary];
  if (!all.length) {
    const what = heading(q, f.role === 'part' ? 'part' : 'lead');
    const d = f.department;
    return noAnswer(k, q, `${docName(doc)}中没有${what}。`, others.map((s) => `${docName(s)}中${d}牵头或参与的${s.kind === 'plan' ? '措施' : '任务'}`));
  }
  // 市金融办牵头那项进展: a department that leads one task is asked that task's progress; those it takes part in follow.
  if (f.aspect === 'progress' && f.department && f.role !== 'part' && primary.length === 1 && !offset) {
    const also = secondary.map((t, i) => [...taskItem(t, i + 1, showStatus, f.department), span('（参与）')]);
    const intro: Line[] = also.length ? [[span(`另参与${also.length}${unit}：`)], ...also] : [];
    return taskAnswer(k, q, primary[0], [], [...intro, ...alsoElsewhere(q, elsewhere)]);
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
    const item = taskItem(t, offset + i + 1, showStatus, f.department);
    const tag = f.department && offset + i >= primary.length ? `（${f.role === 'part' ? '牵头' : '参与'}）` : '';
    lines.push(tag ? [...item, span(tag)] : item);
  });
  // A list of one is that task: on the first line, where a phone shows what was asked.
  if (all.length === 1 && !offset) lines.splice(0, 2, [...head, ...lines[1]]);
  const next = offset + page.length;
  if (next < all.length) lines.push([span(`还有${all.length - next}${unit}，发送“更多”或点“更多”查看。`)]);
  lines.push(...alsoElsewhere(q, elsewhere));
  return makeAnswer(k, q.text, 'list', lines, page, { query: q, ...(next < all.length ? { more: { total: all.length, next } } : {}) });
}

function count(k: Knowledge, q: Query, { doc, lead, part, elsewhere }: Found<'count'>): Answer {
  if (!doc) return noAnswer(k, q, `报告中没有${whose(q)}任务表或实施意见。`);
  const f = q.task ?? {};
  const unit = doc.kind === 'plan' ? '条' : '项';
  const lines: Line[] = [];
  if (f.department) {
    // 牵头 may mean named first or named among the leads at all: both counts, said apart.
    const coLead = part.filter((t) => t.lead.includes(f.department!)).length;
    const assist = part.length - coLead;
    lines.push([
      span(`${docName(doc)}中，${heading(q, 'lead')}共`),
      span(`${lead.length}${unit}`, true),
      span(coLead ? `（列牵头部门第一位）；连同联合牵头（列第二位及以后）共` : ''),
      ...(coLead ? [span(`${lead.length + coLead}${unit}`, true)] : []),
      span(assist ? `；另配合${assist}${unit}` : ''),
      // (Every task it is named in, however: some count that as 牵头的任务.)
      span(assist && coLead ? `，共涉及${lead.length + part.length}${unit}` : ''),
    ]);
  } else {
    lines.push([span(`${docName(doc)}中，${heading(q, 'lead')}共`), span(`${lead.length}${unit}`, true)]);
    if ((f.statuses?.length ?? 0) > 1) lines.push([span(f.statuses!.map((s) => `${s}${lead.filter((t) => t.status === s).length}${unit}`).join('，'))]);
  }
  const shown = [...lead, ...part].slice(0, LIST_PAGE);
  shown.forEach((t, i) => lines.push(taskItem(t, i + 1, (f.statuses?.length ?? 0) !== 1 && doc.kind !== 'plan', f.department)));
  lines.push(...alsoElsewhere(q, elsewhere));
  return makeAnswer(k, q.text, 'count', lines, shown, { query: q });
}

/** How many tasks the latest task table holds, by status. */
function summary(k: Knowledge, q: Query, { doc, tasks }: Found<'summary'>): Answer {
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
function ranking(k: Knowledge, q: Query, { doc, tasks, order, part, fewest }: Found<'ranking'>): Answer {
  if (!doc || !tasks.length) return noAnswer(k, q, '报告中没有任务表。');
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

/** The department's tasks in the other tables and its measures in a plan, named apart from those counted. */
function alsoElsewhere(q: Query, { tables, plans }: Found<'list'>['elsewhere']): Line[] {
  const d = q.task?.department;
  return [
    ...tables.map(({ doc: other, lead }) => [span(`另：${docName(other)}中${d}牵头${lead}项${heading(q, 'lead').replace(`${d}牵头的`, '')}（可问“${other.date.slice(0, 4)}年${d}牵头的任务”）。`)]),
    ...plans.map(({ doc: plan, numbers }) => [span(`另：${docName(plan)}中${d}牵头第${numbers.map((n) => `（${n}）`).join('')}条措施（未计入上面的任务）。`)]),
  ];
}

/** A task question's answer, from what src/question/tasks.ts found; undefined when no task or measure is about it. */
export function answerTasks(k: Knowledge, q: Query, found: TasksFound, offset: number): Answer | undefined {
  switch (found?.kind) {
    case 'numbered':
      return numberedAnswer(k, q, found);
    case 'one':
      return taskAnswer(k, q, found.task, found.progress);
    case 'ranking':
      return ranking(k, q, found);
    case 'summary':
      return summary(k, q, found);
    case 'count':
      return count(k, q, found);
    case 'list':
      return list(k, q, found, offset);
    default:
      return undefined;
  }
}
