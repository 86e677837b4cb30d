/**
 * The grammar of questions that hold more than one: the two sides of a computation (A比B高多少,
 * A占B的比重, A完成目标的百分之几, A离B还差多少) and the parts of "A和B分别是多少".
 */
import type { ComputeOp } from './query.js';

export interface Sides {
  op: ComputeOp;
  /** The figure computed from. */
  a: string;
  /** The figure compared with: its own words, or only what differs from A (目标, 2016年). */
  b: string;
}

// (A may be left out here too: 占全年目标几成 after a figure.)
const SHARE = /^(.*?)占(.+?)(?:的)?(?:比重|比例|几成|百分之几|百分比|多少)/;
const PROGRESS = /^(.*?)(?:完成了?|达到了?|占)((?:年度|全年|今年|\d+年|[一二三四五两]年)?目标(?:任务)?(?:投资)?)(?:的)?(?:百分之几|多少|几成|比例|进度|\d+%)?/;
// A may be left out (比5月多多少, 比全省高多少): a follow-up, the conversation's last figure.
// (同比提高多少, 环比高多少: a change on a basis, not a comparison of two figures.)
const DIFFERENCE = /^(.*?)(?:(?<![同环])比|较|相比|和|与|跟)(.+?)(?:还|要|更)?(?:高了?|低了?|多了?|少了?|增加了?|减少了?|相差|差了?)(?:多少|几|还是)/;
const SHORTFALL = /^(.+?)(?:离|距|距离)(.+?)(?:还|尚)?(?:差|有|缺)(?:多少|几)/;

/** The two sides of a computation a question asks, if it asks one. */
export function computeSides(folded: string): Sides | undefined {
  const text = folded.replace(/[?？!！。]+$/u, '');
  let m = text.match(SHORTFALL);
  if (m) return { op: 'shortfall', a: m[1], b: m[2] };
  m = text.match(PROGRESS);
  if (m) return { op: 'progress', a: m[1], b: m[2] };
  m = text.match(SHARE);
  if (m) return { op: 'share', a: m[1], b: m[2] };
  m = text.match(DIFFERENCE);
  if (m) return { op: 'difference', a: m[1], b: m[2] };
  return undefined;
}

/** Verbs that open a list and hold for each of its items. */
export const LEADING = /^(新增|新建|新引进|新认定|累计|完成|实现|引进|培育)/;

/** Words that join the parts of "A和B分别是多少". */
const JOIN = /和|与|及|以及|、/;

/**
 * The parts of a metric that names several (财政收入和税收, 新增规上企业、亿元企业): the run of
 * words that holds the joins is split; words before and after it belong to every part. Two
 * parallel words written together (医废危废, 援疆援青) are two parts as well.
 */
export function splitParts(metric: string, heads: readonly string[] = []): string[] | undefined {
  // 南湖实验室和中电科南湖研究院各引进科研人员: what follows 各 is each part's.
  const runs = metric.replace(/(和|与|及|、)([^\s]*?)各(?=[\u4e00-\u9fff]{2})/, '$1$2 ').split(/\s+/).filter(Boolean);
  const at = runs.findIndex((r) => JOIN.test(r));
  const before = runs.slice(0, Math.max(0, at)).join('');
  if (at >= 0) {
    const after = runs.slice(at + 1).join('');
    const parts = runs[at].split(JOIN).filter((p) => p.length >= 2);
    if (parts.length < 2) return undefined;
    // 新增规上企业、亿元企业: a leading 新增 holds for every part.
    const lead = parts[0].match(LEADING)?.[0];
    // 小麦、水稻、蔬菜播种面积: short names of things, the last with what is measured of each, share it.
    const last = parts[parts.length - 1];
    const size = parts[0].length;
    const measured = last.slice(size);
    const shared = !after && size <= 4 && !LEADING.test(last) && parts.slice(0, -1).every((p) => p.length === size && !heads.some((h) => p.endsWith(h))) && measured.length >= 2 && heads.some((h) => measured.endsWith(h)) ? measured : '';
    return parts.map((p, i) => `${before}${i && lead && !LEADING.test(p) ? lead : ''}${p}${i < parts.length - 1 ? shared : ''}${after}`);
  }
  // 医废危废年处置能力 → 医废年处置能力, 危废年处置能力; 援疆援青 → 援疆, 援青.
  for (const [i, run] of runs.entries()) {
    const m = run.match(/^(.)(.)(.)(.)(.*)$/u);
    if (!m || !(m[2] === m[4] || m[1] === m[3]) || m[1] === m[3] && m[2] === m[4]) continue;
    const rest = runs.slice(i + 1).join('');
    const pre = runs.slice(0, i).join('');
    return [`${pre}${m[1]}${m[2]}${m[5]}${rest}`, `${pre}${m[3]}${m[4]}${m[5]}${rest}`];
  }
  return undefined;
}
