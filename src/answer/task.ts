/**
 * Answers of one task or plan measure: asked by its number or by what it is about (what was
 * asked first — its department, its status, the part of its progress about the question — then
 * the task), and a figure within it (the figure first, the task it is in after what it is).
 */
import type { Answer, Indicator, Line, Task } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import { makeQuery, type Query } from '../question/query.js';
import { concepts, coverage, type Matches } from '../question/match.js';
import { fold } from '../text/normalize.js';
import type { TasksFound } from '../question/task-asked.js';
import type { TaskFigures } from '../question/task-figures.js';
import { clip, makeAnswer, span, textOf } from './compose.js';
import { departmentsText, docName, itemName, taskLines } from './task-lines.js';
import { asked, noAnswer } from './none.js';

/** One task; `about`: the parts of its progress the question is about, `extra`: lines after it. */
export function taskAnswer(k: Knowledge, q: Query, t: Task, about: string[], extra: Line[] = []): Answer {
  const who = q.task?.aspect === 'who';
  // The part of the progress the question is about comes first (嘉湖铁路那块现在咋样了).
  // (On the first line itself: 相关进展：…智慧体育社区上半年进度48.6%, not a heading over it; of a
  // part that says several things, the clause asked leads, and the whole part follows.)
  const clause = about.length ? askedClause(k, q, about[0]) : undefined;
  const lead: Line[] = clause
    ? [[span('相关进展：'), span(clause, true)], ...about.map((p) => [span(clip(p, 200))])]
    : about.map((p, i) => [...(i ? [] : [span('相关进展：')]), span(clip(p, 200), true)]);
  const body = taskLines(t, { who, progress: q.task?.aspect === 'progress', shown: about, whole: k.lex.lexicon.wholeProgress.words });
  // Asked who leads, the department comes first; otherwise what the question is about does.
  // Asked how it stands, the line with its status does (钱江通道北接线那项任务状态是啥).
  const first = who || q.task?.aspect === 'status' || (q.task?.aspect === 'progress' && body[0].some((x) => x.text.endsWith('进度：')));
  const lines = first ? [body[0], ...lead, ...body.slice(1), ...extra] : [...lead, ...body, ...extra];
  return makeAnswer(k, q.text, 'task', lines, [t], { quote: about[0] ?? t.progress[0] ?? t.text, query: q });
}

/** The clause of a progress part that holds the most of what was asked, when the part says more than it (…省政府民生实事进度率99.6%、…市政府民生实事进度81.1%). */
function askedClause(k: Knowledge, q: Query, part: string): string | undefined {
  if (!q.metric.trim()) return undefined;
  // (…申报材料6月23日通过命名公示: a date opens an event of its own, comma or not.)
  const clauses = part.split(/(?<=[，,；;。、])|(?<=[\u4e00-\u9fff])(?=\d{1,2}月\d{1,2}日)/).map((c) => c.replace(/[，,；;。、]$/, '').trim()).filter((c) => /\d/.test(c));
  if (clauses.length < 2) return undefined;
  const cs = concepts(k, q);
  const scored = clauses.map((c, i) => ({ c, w: coverage(fold(c), cs, false) - i * 0.001 })).sort((a, b) => b.w - a.w);
  return scored[0].w > 0 && scored[0].w > (scored[1]?.w ?? 0) + 0.01 ? scored[0].c : undefined;
}

/** 第n项: the task of the table asked of, or how many it has; older tables' 第n项 named after it. */
export function numberedAnswer(k: Knowledge, q: Query, { n, doc, tasks, task, older, progress }: Extract<TasksFound, { kind: 'numbered' }>): Answer {
  if (!doc) return noAnswer(k, q, '报告中没有任务表或实施意见。');
  if (!task) {
    const numbers = tasks.map((t) => t.number ?? 0);
    const max = Math.max(0, ...numbers);
    return noAnswer(k, q, `${docName(doc)}中没有${itemName(doc, n)}：共${max}${doc.kind === 'plan' ? '条措施' : '项任务'}（第1-${max}${doc.kind === 'plan' ? '条' : '项'}）。`);
  }
  // Older tables have a 第n项 too: say which, and how to ask for it.
  // (Who leads it there is said too: 谁牵头 may be asked of either table.)
  const note: Line[] = older.map(({ doc: d, task: t }) => {
    const who = departmentsText(t);
    return [span(`另：${docName(d)}也有${itemName(d, n)}：${clip(t.text, 30)}${who ? `（${who}）` : ''}。可问“${d.date.slice(0, 4)}年${itemName(d, n)}”。`)];
  });
  return taskAnswer(k, q, task, progress, note);
}

/** A figure asked of one task, from what was found of it: `figure` words the figure; the task follows what it is. */
export function taskFigureAnswer(k: Knowledge, q: Query, { task: t, word, answers, aims }: TaskFigures, figure: (q: Query, found: Matches) => Answer): Answer {
  const name = q.scope?.kind === 'plan' ? `第（${q.task?.number}）条` : `第${q.task?.number}项任务`;
  if (!t) return noAnswer(k, q, `没有找到${name}。`);
  const task = taskLines(t)[0];
  if (!answers.length) {
    const what = word ? `“${word}”的数字` : '这项数字';
    // (What it sets out of it is said below: a target, never on the line of the result asked.)
    const set = aims?.length ? [`${name}的目标：${aims.map((x) => `${x.name}${x.figure}`).join('，')}`] : [];
    return noAnswer(k, q, `${name}的${set.length ? '进展' : '内容和进展'}中没有${what}（${asked(q)}）。`, [...set, textOf([task])]);
  }
  const a = figure(makeQuery({ ...q, task: undefined, scope: undefined }), { answers, nearby: [] });
  // The figure stays first; the task it is in follows what it is. Asked all it sets out (目标呢),
  // every figure of it comes first, each with its name.
  const all = !q.metric.trim() && answers.length > 1;
  const head: Line[] = all ? [[span(q.nature === 'target' ? '目标：' : ''), ...answers.flatMap((c, i) => { const x = c.record as Indicator; return [span(`${i ? '；' : ''}${x.name}`), span(x.figure, true)]; })]] : a.lines.slice(0, 2);
  const lines = [...head, [span('所在任务：'), ...task], ...a.lines.slice(2)];
  return { ...a, lines, text: textOf(lines), query: q };
}
