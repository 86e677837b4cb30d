/**
 * A figure asked: the figure, what it is, the same metric at other times, the sentence (and
 * the one before it, where that says what was asked); a sentence when the question asks a
 * ranking or words no figure's name has; a task when a task is what matched; the honest
 * "none" when nothing fits, or the question does not say which figure.
 */
import type { Answer, AskOptions, Indicator, Task } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from '../question/query.js';
import type { Candidate, Matches } from '../question/match.js';
import { matchLatest, relatedFigures, sinceJanuary } from '../question/figure.js';
import { saidInClause, sentenceBefore } from '../question/clauses.js';
import { besideFigure, genericWord } from '../question/generic.js';
import { seriesChart } from './chart.js';
import { indicatorLines, makeAnswer, quoteLine, relatedLine, span } from './compose.js';
import { answerStatement } from './statement.js';
import { taskLines } from './task-lines.js';
import { noAnswer, noneFor } from './none.js';

/** An indicator answer: the figure, what it is, the same metric at other times, the sentence. */
function answerIndicator(k: Knowledge, q: Query, best: Indicator, rest: Candidate[], brief: boolean, lead?: string): Answer {
  const basis = q.basis ?? (q.intent === 'growth' && q.period && best.growth.some((g) => g.basis === q.period!.label) ? q.period.label : undefined);
  const lines = indicatorLines(best, q.intent === 'growth', basis);
  // A target given where none was asked says so first: 海盐2022年GDP → 目标：增长7.5%左右.
  if (best.nature === 'target' && q.nature !== 'target') lines[0] = [span('目标：'), ...lines[0]];
  if (lead) lines[0] = [span(lead), ...lines[0]];
  if (brief) return makeAnswer(k, q.text, 'indicator', [lines[0], lines[1]], [best], { quote: best.sentence, query: q });
  const more = relatedFigures(k, q, best, rest);
  if (more.length) {
    lines.push([span('相关：')]);
    for (const x of more) lines.push(relatedLine(x, best.region));
  }
  const before = sentenceBefore(k, q, best);
  if (before) lines.push(quoteLine(before.sentence, before.words, '前文'));
  lines.push(quoteLine(best.sentence, best.figure));
  // The figure and the same metric at other times, when they are three or more of one kind of period.
  const chart = seriesChart(k, [best, ...more]);
  return makeAnswer(k, q.text, 'indicator', lines, [best, ...more], { quote: best.sentence, query: q, ...(chart ? { chart } : {}) });
}

/** A figure or a statement; `found`: the records already matched for this query. */
export function answerFigure(k: Knowledge, q: Query, options: AskOptions, found?: Matches): Answer {
  if (!q.metric) return noAnswer(k, q, q.period || q.places.length ? '请说明要查哪项指标，例如：6月全市用电量是多少？' : '没有看懂这个问题。');
  // 总额多少 alone: a head measures some metric, and the question does not say which.
  const bare = q.metric.replace(/\s+/g, '');
  if (bare in k.lex.metrics.headUnits) return noAnswer(k, q, `请说明是哪项指标的${bare}。`);
  // 总投资呢 after a figure: that of the same subject, said right after it.
  const beside = q.beside && !found ? besideFigure(k, q.beside) : undefined;
  if (beside) return answerIndicator(k, q, beside, [], Boolean(options.brief));
  // 完成多少, 总投资呢 with nothing before it to be of: never a search of the word everywhere.
  const word = found ? undefined : genericWord(q, k.lex);
  if (word) return noAnswer(k, q, `请说明是哪项指标或哪项任务的${word}，例如：第48项任务完成多少？`);
  const { m, fallback } = matchLatest(k, q, found ?? sinceJanuary(k, q));
  const best = m.answers[0];
  if (!best) {
    const said = saidInClause(k, q, m.nearby);
    return said ? answerStatement(k, q, said.record, [], fallback, said.clause) : noneFor(k, q, m.nearby);
  }
  const r = best.record;
  const asksFigure = q.intent === 'value' || q.intent === 'growth';
  // A sentence answers a figure question only when it says every word of it.
  if (asksFigure && r.type !== 'indicator' && best.coverage < 0.99) return noneFor(k, q, m.nearby);
  if (r.type === 'indicator') {
    // A ranking, or words that are in the sentence but in no figure's name: the sentence answers.
    if (!options.brief && (q.intent === 'fact' || /排第几|排名|第几名|第几位|位次|列第几|居第几/.test(q.text))) {
      return answerStatement(k, q, r, m.answers.slice(1), fallback);
    }
    return answerIndicator(k, q, r, m.answers.slice(1), Boolean(options.brief), fallback);
  }
  if (r.type === 'task') {
    const lines = taskLines(r as Task, { who: q.task?.aspect === 'who', progress: q.task?.aspect === 'progress' });
    return makeAnswer(k, q.text, 'task', lines, [r], { quote: (r as Task).progress[0] ?? (r as Task).text, query: q });
  }
  return answerStatement(k, q, r, m.answers.slice(1), fallback);
}
