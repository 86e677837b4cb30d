/**
 * A figure asked: the figure, what it is, the same metric at other times, the sentence (and
 * the one before it, where that says what was asked); a sentence when the question asks a
 * ranking or words no figure's name has; a task when a task is what matched; the honest
 * "none" when nothing fits, or the question does not say which figure.
 */
import type { Answer, Indicator, Line } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from '../question/query.js';
import type { FigureFound } from '../question/figure.js';
import { basisOfPeriod, isChange } from '../question/match.js';
import { seriesChart } from './chart.js';
import { indicatorLines, makeAnswer, quoteLine, relatedLine, span } from './compose.js';
import { answerStatement } from './statement.js';
import { taskLines } from './task-lines.js';
import { noAnswer, noneFor } from './none.js';

/** An indicator answer: the figure, what it is, the same metric at other times, the sentence. */
function answerIndicator(k: Knowledge, q: Query, found: Extract<FigureFound, { kind: 'indicator' }>, brief: boolean): Answer {
  const { best, fallback: lead, related: more, before } = found;
  // (实际增长 asked of a figure the report gives 实际 apart from 名义 — 扣除价格因素后实际增长9.6% — is that one;
  // of any other, it is only how officials say its growth, 实际 as against the target.)
  const real = /实际增/.test(q.text) && best.growth.some((g) => g.basis === '实际') ? '实际' : undefined;
  const basis = q.basis ?? real ?? (q.intent === 'growth' && q.period ? basisOfPeriod(q.period, best) : undefined);
  const lines: Line[] = indicatorLines(best, q.intent === 'growth', basis);
  // A target given where none was asked says so first: 海盐2022年GDP → 目标：增长7.5%左右.
  if (best.nature === 'target' && q.nature !== 'target') lines[0] = [span('目标：'), ...lines[0]];
  // So does a total over years where no span was asked: 海宁固投 → 过去五年（2017-2021年）累计：2543亿元, never a year's level.
  else if (best.period.kind === 'span' && q.period?.kind !== 'span' && !isChange(best) && best.value !== null) lines[0] = [span(`${best.period.label}累计：`), ...lines[0]];
  if (lead) lines[0] = [span(lead), ...lines[0]];
  // Another report gives the same figure otherwise: said right under it, with whose it is.
  for (const x of found.otherReports ?? []) {
    const src = k.sourceById.get(x.source);
    lines.splice(2, 0, [span('另一份报告为：'), span(x.figure, true), span(src ? `（${src.title}${src.date ? `，${src.date}` : ''}）` : '')]);
  }
  if (brief) return makeAnswer(k, q.text, 'indicator', [lines[0], lines[1]], [best], { quote: best.sentence, query: q });
  if (more.length) {
    lines.push([span('相关：')]);
    for (const x of more) lines.push(relatedLine(x, best.region));
  }
  if (before) lines.push(quoteLine(before.sentence, before.words, '前文'));
  lines.push(quoteLine(best.sentence, best.figure));
  // The figure and the same metric at other times, when they are three or more of one kind of period.
  const chart = seriesChart(k, [best, ...more]);
  return makeAnswer(k, q.text, 'indicator', lines, [best, ...more] as Indicator[], { quote: best.sentence, query: q, ...(chart ? { chart } : {}) });
}

/** A figure question's answer, from what src/question/figure.ts found; `brief`: the figure and what it is, no more. */
export function answerFigure(k: Knowledge, q: Query, found: FigureFound, brief: boolean): Answer {
  switch (found.kind) {
    case 'unclear':
      if (found.why === 'metric') return noAnswer(k, q, q.period || q.places.length ? '请说明要查哪项指标，例如：6月全市用电量是多少？' : '没有看懂这个问题。');
      if (found.why === 'head') return noAnswer(k, q, `请说明是哪项指标的${found.word}。`);
      return noAnswer(k, q, `请说明是哪项指标或哪项任务的${found.word}，例如：第48项任务完成多少？`);
    case 'none':
      return noneFor(k, q, found.nearby);
    case 'indicator':
      return answerIndicator(k, q, found, brief);
    case 'task': {
      const t = found.task;
      const lines = taskLines(t, { who: q.task?.aspect === 'who', progress: q.task?.aspect === 'progress', whole: k.lex.lexicon.wholeProgress.words });
      return makeAnswer(k, q.text, 'task', lines, [t], { quote: t.progress[0] ?? t.text, query: q });
    }
    case 'statement':
      return answerStatement(k, q, found);
  }
}
