/**
 * A figure within one task (第46项新增上市企业几家了; 完成多少 after a task): only the task's own
 * text and progress answer, the figure first and the task it is in after it. 完成 alone asks
 * the result of what the task sets out (新增上市企业12家 → 新增上市企业3家 in its progress), and
 * where the progress states none, the answer is "none" — never a figure of another task.
 */
import type { Answer, Indicator, Task } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from './query.js';
import { fold } from '../text/normalize.js';
import * as compose from '../answer/compose.js';
import { span } from '../answer/compose.js';
import { match, type Candidate, type Matches } from './match.js';
import { asked, noAnswer } from '../answer/none.js';
import { numberedTask } from './tasks.js';
import { genericWord, isLightVerb } from './generic.js';

const found = (records: Indicator[]): Candidate[] => records.map((record) => ({ record, score: 1, coverage: 1, nameCoverage: 1 }));

/** The figures a task states: in its text (what it sets out) and in its progress (what was done). */
function figuresOf(k: Knowledge, t: Task): { set: Indicator[]; done: Indicator[] } {
  const progress = t.progress.join('|');
  const mine = k.indicators.filter((x) => x.source === t.source);
  return { set: mine.filter((x) => t.text.includes(x.sentence)), done: mine.filter((x) => progress.includes(x.sentence)) };
}

export function answerTaskFigure(k: Knowledge, q: Query, figure: (q: Query, found: Matches) => Answer): Answer {
  const t = numberedTask(k, q);
  const name = q.scope?.kind === 'plan' ? `第（${q.task?.number}）条` : `第${q.task?.number}项任务`;
  if (!t) return noAnswer(k, q, `没有找到${name}。`);
  const { set, done } = figuresOf(k, t);
  const word = genericWord(q, k.lex);
  let answers: Candidate[];
  if (word && isLightVerb(word, k.lex)) {
    // 完成多少: the result of a figure the task sets out, by the same name in its progress.
    answers = found(done.filter((x) => set.some((s) => fold(s.name) === fold(x.name))));
  } else {
    const own = new Set([...set, ...done].map((x) => x.id));
    const m = match(k, { ...q, task: undefined, scope: undefined, intent: q.intent === 'growth' ? 'growth' : 'value' }, ['indicator']);
    answers = m.answers.filter((c) => own.has(c.record.id));
    // What was done before what was set out, unless a target is asked.
    if (q.nature !== 'target') answers.sort((a, b) => Number(done.includes(b.record as Indicator)) - Number(done.includes(a.record as Indicator)));
  }
  const task = compose.taskLines(t)[0];
  if (!answers.length) {
    const what = word ? `“${word}”的数字` : '这项数字';
    return noAnswer(k, q, `${name}的内容和进展中没有${what}（${asked(q)}）。`, [compose.textOf([task])]);
  }
  const a = figure({ ...q, task: undefined, scope: undefined }, { answers, nearby: [] });
  // The figure stays first; the task it is in follows what it is.
  const lines = [...a.lines.slice(0, 2), [span('所在任务：'), ...task], ...a.lines.slice(2)];
  return { ...a, lines, text: compose.textOf(lines), query: q };
}
