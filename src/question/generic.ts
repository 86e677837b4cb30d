/**
 * Generic words: what is measured without of what (完成多少, 完成率呢, 总投资呢). Such a question
 * is about the subject of the conversation's last answer — its metric, or the task it showed —
 * and never a search of the word across all records (knowledge/lexicon.json genericWords).
 */
import type { Indicator } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Lexicon } from '../knowledge/lexicon.js';
import type { Query } from './query.js';
import { fold } from '../text/normalize.js';
import { dimensionOf } from './metric.js';
import { sentenceMates } from './sentences.js';

const SO_FAR = /^(?:已经|已|累计|共计|总共|一共|共|实际)/;

/** The question's metric when it is only a generic word (完成率) or a light verb (完成), else undefined. */
export function genericWord(q: Query, lex: Lexicon): string | undefined {
  let m = q.metric.replace(/\s+/g, '');
  for (const p of q.places) m = m.split(p.text).join('');
  // (约多少, 大概多少: how the number is asked, not what.)
  m = m.replace(/(?:大约|大概|约)$/, '');
  // (累计呢, 城镇呢 qualify the last metric: conversation.ts reads those.)
  if (!m || lex.lexicon.followUpQualifiers.words.includes(m)) return undefined;
  const words = lex.lexicon.genericWords.words;
  // (建成几家, 新增多少: what was done, and of what is not said.)
  if (words.includes(m) || lex.lexicon.genericWords.doings.includes(m) || isLightVerb(m, lex)) return m;
  // (已完成投资, 累计完成投资: a word of how far it went says no more of what — and is kept: 累计完成投资
  // of a task is not its 项目完成投资.)
  const bare = m.replace(SO_FAR, '');
  if (bare === m) return undefined;
  if (isLightVerb(bare, lex)) return bare;
  return words.includes(bare) ? m : undefined;
}

/** The unit a generic word asks in (总投资: 亿元), whatever it says of how far it went. */
export function genericUnit(word: string, lex: Lexicon): string | undefined {
  return lex.lexicon.genericWords.units[word.replace(SO_FAR, '')];
}

/** 完成, 实现, 达到: a result asked of something left unsaid. */
export function isLightVerb(word: string, lex: Lexicon): boolean {
  return lex.lexicon.lightVerbs.includes(word) || lex.lexicon.actualVerbs.includes(word);
}

/** A figure that states how much of a target, plan or budget is done: 完成年度目标的75.7%, 完成…计划的83.5%, 为调整预期的99.8%. */
export const PROGRESS_STATED = /(?:完成|达到|占|为|是).*(?:目标|计划|预算|预期)|(?:目标|计划)完成率/;

/**
 * The figure of a generic word said right after the last figure, in the same clause run of its
 * sentence: 总投资58.3亿元 after 引进先进制造业项目7个. Another figure or a ；between them makes
 * it another subject's (进度96.3%;…生猪出栏24万头,完成率57.2%: not 水稻's 完成率).
 */
export function besideFigure(k: Knowledge, beside: NonNullable<Query['beside']>): Indicator | undefined {
  // The count of the thing asked, found in the sentence already (3168家小微企业): that figure.
  if (beside.counted) return k.byId.get(beside.id) as Indicator | undefined;
  // 完成了百分之几: how much of its target or plan the figure is, as its sentence states it.
  if (isLightVerb(beside.word, k.lex)) return figureBeside(k, beside.id, (x) => x.unit === '%' && PROGRESS_STATED.test(x.name));
  const word = fold(beside.word);
  // (总投资 asks money: 完成总投资的55.5% is a share of it.)
  const unit = genericUnit(beside.word, k.lex);
  const measured = (x: Indicator) => !unit || dimensionOf(x.unit, k.lex) === dimensionOf(unit, k.lex);
  return figureBeside(k, beside.id, (x) => fold(x.name).endsWith(word) && measured(x));
}

/** The first figure after another in its sentence, in the same run of clauses, that `fits`. */
export function figureBeside(k: Knowledge, id: string, fits: (x: Indicator) => boolean): Indicator | undefined {
  const last = k.byId.get(id);
  if (last?.type !== 'indicator') return undefined;
  const sentence = last.sentence;
  const from = sentence.indexOf(last.figure);
  if (from < 0) return undefined;
  const end = from + last.figure.length;
  const siblings = sentenceMates(k, last);
  let best: { x: Indicator; at: number } | undefined;
  for (const x of siblings) {
    const at = sentence.indexOf(x.figure, end);
    if (at < 0 || !fits(x)) continue;
    const between = sentence.slice(end, at);
    if (/[；;。]/.test(between) || siblings.some((y) => y !== x && between.includes(y.figure))) continue;
    if (!best || at < best.at) best = { x, at };
  }
  return best?.x;
}
