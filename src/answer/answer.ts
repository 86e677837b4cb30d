/**
 * The answer to a query: which composer answers its intent — a figure or statement
 * (figure.ts), several at once (list.ts, place-rank.ts), a task or tasks (task.ts,
 * task-list.ts), a document fact (document.ts), a computation (computation.ts), help — each
 * from what src/question/ found; when the reports do not hold it, the honest "none" (none.ts).
 */
import type { Answer, AskOptions } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import { makeQuery, type Query } from '../question/query.js';
import type { Matches } from '../question/match.js';
import { findFigure } from '../question/figure.js';
import { computeFound } from '../question/compute.js';
import { eachPlace, joinedParts } from '../question/parts.js';
import { documentAsked } from '../question/documents.js';
import { taskFigures } from '../question/task-figures.js';
import { numberedTask, pointedTask } from '../question/tasks.js';
import { concepts, taskYear } from '../question/match.js';
import { noAnswer } from './none.js';
import { tasksFound } from '../question/task-asked.js';
import { answerFigure } from './figure.js';
import { answerParts } from './list.js';
import { answerPlaceRank } from './place-rank.js';
import { taskFigureAnswer } from './task.js';
import { answerTasks } from './task-list.js';
import { answerSources, documentAnswer } from './document.js';
import { answerCompute } from './computation.js';
import { helpAnswer, thanksAnswer } from './help.js';

/** A task carried from the conversation asked of another year than its table's: "none", saying which year it is of. */
function taskOfAnotherYear(k: Knowledge, q: Query): Answer | undefined {
  if (q.intent !== 'task' || q.task?.number === undefined || !q.period || !q.carried?.includes('task') || q.carried.includes('period')) return undefined;
  const task = numberedTask(k, q);
  const year = task ? taskYear(k, task) : undefined;
  if (!task || year === undefined || q.period.year === year) return undefined;
  // (上年 of a 2021 task is 2020, not the year before today.)
  const asked = q.relative === 'last-year' ? `${year - 1}年` : q.period.label;
  return noAnswer(k, q, `第${task.number}项任务是${year}年任务表中的任务；报告中没有它${asked}的情况。`);
}

// What a pointing question says of the task beside pointing at it: nothing (那项任务呢, 那条措施是啥).
const TASK_WORDS = /任务|措施|工作|内容|是啥|是什么|呢|吗|[？?]/g;

/** Answers a query. */
export function answerQuery(k: Knowledge, q: Query, options: AskOptions = {}): Answer {
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const brief = (part: Query) => answerQuery(k, part, { ...options, brief: true });
  // A figure or statement; `found`: the records already matched for it.
  const figure = (fq: Query, found?: Matches) => answerFigure(k, fq, findFigure(k, fq, Boolean(options.brief), found), Boolean(options.brief));
  if (q.placeRank && (q.intent === 'value' || q.intent === 'growth')) return answerPlaceRank(k, q, brief);
  if (q.eachPlace && (q.intent === 'value' || q.intent === 'growth')) return answerQuery(k, eachPlace(k, q), options);
  if (q.parts?.length && q.intent !== 'compute') return answerParts(k, q, brief);
  // A figure asked of a task pointed at by what it is about (三员机制那项…走访了多少): of that task.
  const pointed = pointedTask(k, q);
  // (固投增长8%那项任务: nothing asked of it but itself — the task.)
  if (pointed && !concepts(k, makeQuery({ ...pointed, metric: pointed.text.replace(TASK_WORDS, ' ') })).length) {
    return answerQuery(k, makeQuery({ ...pointed, intent: 'task', metric: '', nature: undefined, unit: undefined, basis: undefined }), options);
  }
  if (pointed) return taskFigureAnswer(k, pointed, taskFigures(k, pointed), figure);
  // A figure asked of one task (第46项新增上市企业几家了, 完成多少 after it): from that task only.
  if ((q.intent === 'value' || q.intent === 'growth') && q.task?.number !== undefined) {
    return taskFigureAnswer(k, q, taskFigures(k, q), figure);
  }
  // 上年呢, 2020年呢 after a task: the task is of its table's year; another year's is not in it.
  const otherYear = taskOfAnotherYear(k, q);
  if (otherYear) return otherYear;
  // 参保率呢, 目标呢 after a task: its own figure of that first, when it states one; else the task.
  if (q.intent === 'task' && q.task?.number !== undefined && !q.task.aspect && (q.metric.trim() || q.nature === 'target')) {
    const own = taskFigures(k, makeQuery({ ...q, intent: 'value' }));
    if (own.answers.length) return taskFigureAnswer(k, makeQuery({ ...q, intent: 'value' }), own, figure);
  }
  // 进度呢 after a task whose progress states a 进度 in percent (“运动家”智慧体育社区进度48.6%): that first, then the task.
  if (q.intent === 'task' && q.task?.number !== undefined && q.task.aspect === 'progress' && !q.metric.trim() && /进度/.test(q.text)) {
    const asked = makeQuery({ ...q, intent: 'value', metric: '进度', task: { ...q.task, aspect: undefined } });
    const own = taskFigures(k, asked);
    if (own.answers.length && own.answers.every((c) => (c.record as { unit?: string }).unit === '%')) return taskFigureAnswer(k, asked, own, figure);
  }
  switch (q.intent) {
    case 'help':
    case 'greeting':
      return helpAnswer(k, q.text, q);
    case 'thanks':
      return thanksAnswer(q);
    case 'sources':
      return answerSources(k, q);
    case 'document': {
      // A document the reports only mention (营商环境3.0版实施方案): what they say of it answers.
      const found = documentAsked(k, q);
      return found === 'mentioned' ? figure(makeQuery({ ...q, intent: 'fact', scope: undefined, ask: undefined })) : documentAnswer(k, q, found);
    }
    case 'compute':
      return answerCompute(k, q, computeFound(k, q, Boolean(options.brief)), Boolean(options.brief));
    case 'task':
    case 'list':
    case 'count':
    case 'rank':
      // No task or measure is about it: a figure named by the word it was asked with (民生实事进度
      // 81.1%), else what the reports say of it, as a statement.
      return answerTasks(k, q, tasksFound(k, q), offset) ?? progressFigure(q, figure) ?? figure(makeQuery({ ...q, intent: 'fact' }));
    default: {
      const a = figure(q);
      // 上半年工业用电量和税收: no one figure is named so; each of the two is, when the reports hold it.
      return a.kind === 'none' ? (answerJoined(k, q, brief) ?? a) : a;
    }
  }
}

/** 民生实事进度 asked of no task: the figure named …进度 (进度率, 完成率), when one answers. */
function progressFigure(q: Query, figure: (fq: Query) => Answer): Answer | undefined {
  const word = q.text.match(/进度|完成率|进展率/)?.[0];
  if (!word || !q.metric.trim() || q.task?.number !== undefined || q.task?.department) return undefined;
  const a = figure(makeQuery({ ...q, intent: 'value', task: undefined, metric: `${q.metric}${word}` }));
  return a.kind === 'indicator' ? a : undefined;
}

/** A figure asked of metrics joined by 和 (without 分别), as parts, when one of them answers. */
function answerJoined(k: Knowledge, q: Query, brief: (part: Query) => Answer): Answer | undefined {
  const parts = joinedParts(k, q);
  if (!parts) return undefined;
  const a = answerParts(k, makeQuery({ ...q, parts }), brief);
  return a.kind === 'none' ? undefined : a;
}
