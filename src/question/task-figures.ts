/**
 * A figure within one task (第46项新增上市企业几家了; 完成多少 after a task): only the task's own
 * text and progress answer. 完成 alone asks the result of what the task sets out (新增上市企业12家
 * → 新增上市企业3家 in its progress); where the progress states none, nothing is found — never a
 * figure of another task. src/answer/task.ts puts the figure first and the task after it.
 */
import type { Indicator, Task } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import { makeQuery, type Query } from './query.js';
import { escapeRegExp, fold } from '../text/normalize.js';
import { match, periodFits, type Candidate } from './match.js';
import { numberedTask } from './tasks.js';
import { genericUnit, genericWord, isLightVerb } from './generic.js';
import { afterFrame, dimensionOf } from './metric.js';

const found = (records: Indicator[]): Candidate[] => records.map((record) => ({ record, score: 1, coverage: 1, nameCoverage: 1 }));

/** The figures a task states: in its text (what it sets out) and in its progress (what was done). */
function figuresOf(k: Knowledge, t: Task): { set: Indicator[]; done: Indicator[] } {
  const progress = t.progress.join('|');
  const mine = k.indicators.filter((x) => x.source === t.source);
  return { set: mine.filter((x) => t.text.includes(x.sentence)), done: mine.filter((x) => progress.includes(x.sentence)) };
}

// Words before a counted thing that say how or when it was counted, not what it is.
const COUNTED_HOW = /^(?:于.{0,12}?)?(?:全面)?(?:组织开展.{0,12}?工作)?(?:新认定|新增|新建成|新建|建成|完成|实现|累计|共)?(?:第[一二三四五六七八九十\d]+批)?(?:国家级|省级|市级|国家|省|市)?/;

/** Whether two names count the same thing: equal, or one the other's tail once how it was counted is set aside. */
export function sameThing(a: string, b: string): boolean {
  const [x, y] = [fold(a), fold(b)];
  if (x === y) return true;
  // (…支出再压减 10% set out, …支出下降20.78% done: the same spending.)
  const core = (n: string) => n.replace(COUNTED_HOW, '').replace(/(?:总数|数量|数)$/, '').replace(/(?:再)?(?:压减|下降|减少|降低|提高|增长)$/, '');
  const [cx, cy] = [core(x), core(y)];
  return cx.length >= 4 && cy.length >= 4 && (cx.endsWith(cy) || cy.endsWith(cx));
}

/**
 * Whether a name holds the words asked, in order, with at most two characters between them
 * (研发机构覆盖率 in 规上工业研发机构设置覆盖率, 占全国份额 in 出口总值占全国出口份额): within one task, a
 * word of how a figure was counted does not make it another figure.
 */
function nearlyHolds(name: string, asked: string): boolean {
  if (name.includes(asked)) return true;
  for (let start = name.indexOf(asked[0]); start >= 0; start = name.indexOf(asked[0], start + 1)) {
    let at = start;
    let gaps = 0;
    for (let i = 1; i < asked.length && at >= 0; i++) {
      const next = name.indexOf(asked[i], at + 1);
      gaps += next < 0 ? Infinity : next - at - 1;
      at = next;
    }
    if (at >= 0 && gaps <= 2) return true;
  }
  return false;
}

/** Whether a name holds the words asked (two characters each, the last maybe three) in their order, however far apart. */
function inOrder(name: string, asked: string): boolean {
  if (asked.length < 4) return false;
  const words: string[] = [];
  for (let i = 0; i < asked.length; i += 2) {
    if (asked.length - i === 3) {
      words.push(asked.slice(i));
      break;
    }
    words.push(asked.slice(i, i + 2));
  }
  let at = 0;
  for (const w of words) {
    const next = name.indexOf(w, at);
    if (next < 0) return false;
    at = next + w.length;
  }
  return true;
}

/** The task a figure is asked of (if there is one), the generic word asked (完成), and its figures that answer, best first. */
export interface TaskFigures {
  task?: Task;
  word?: string;
  answers: Candidate[];
  /** What the task sets out of what was asked, where what was done was asked and its progress states none. */
  aims?: Indicator[];
}

export function taskFigures(k: Knowledge, q: Query): TaskFigures {
  const figures = anyPeriod(k, q);
  // (2019年引进多少 after 第20项: a period asked is one the figure is of, or nothing is.)
  const asked = q.period && !q.carried?.includes('period') ? q.period : undefined;
  return asked ? { ...figures, answers: figures.answers.filter((c) => periodFits(asked, (c.record as Indicator).period)) } : figures;
}

function anyPeriod(k: Knowledge, q: Query): TaskFigures {
  const task = numberedTask(k, q);
  if (!task) return { answers: [] };
  const { set, done } = figuresOf(k, task);
  const word = genericWord(q, k.lex);
  // A task table reports progress: of its task a figure asked is what was done, what it sets out only when asked
  // so (新优质学校新增几所 after 第83项 is not its 20所). A plan's measures state nothing done: theirs are its figures.
  const aimsAnswer = q.nature === 'target' || k.sources.find((s) => s.id === task.source)?.kind === 'plan';
  let aims: Indicator[] = [];
  if (word && isLightVerb(word, k.lex)) {
    // 完成多少: the result of a figure the task sets out, by its name in the progress (新认定科技型中小企业600家
    // → 新认定第一批省科技型中小企业971家: the same thing counted, whatever is said of the batch).
    const results = done.filter((x) => x.nature === 'actual');
    // (44个省市县长工程项目落地28个: a progress figure that restates what was set out, 44, is its scope; 28 is done.)
    const restated = (x: Indicator) => set.some((s) => s.value === x.value && s.unit === x.unit);
    const fresh = (list: Indicator[]) => (list.some((x) => !restated(x)) ? list.filter((x) => !restated(x)) : list);
    const same = fresh(results.filter((x) => set.some((s) => sameThing(s.name, x.name))));
    // Else what was done in the unit of what was set out (引进…超亿美元项目70个以上 → …产业项目46个),
    // or, where the task sets out no figure, what its progress says is done (目前已完成改造150户).
    const inUnit = fresh(results.filter((x) => set.some((s) => s.unit === x.unit)));
    const saidDone = set.length ? [] : results.filter((x) => /完成/.test(x.name));
    // (Else how far it has got, in percent: “运动家”智慧体育社区进度48.6%.)
    const progress = results.filter((x) => x.unit === '%' && /进度|完成/.test(x.name));
    return { task, word, answers: found(same.length ? same : inUnit.length ? inUnit : saidDone.length ? saidDone : progress) };
  }
  // 完成率呢, 参保率呢, 进度呢: the task's own figure named so (what was done first), in the unit the word asks.
  // (新锐型青年企业家培育了多少: the verb after the thing is how it was asked, not its name.)
  // (税务部分: a word that only says it is a part or a number need not be written.)
  const loose = k.lex.lexicon.looseSuffixes.find((w) => w.length >= 2 && fold(q.metric.replace(/\s+/g, '')).endsWith(w));
  const whole = fold((word ?? q.metric).replace(/\s+/g, '')).replace(loose && !word ? new RegExp(`${loose}$`) : /$^/, '');
  // (引进了多少 alone: the verb is all that names what was done.)
  const cut = whole.replace(/(?:培育|建设|建成|新建|完成|实现|新增|引进|达到|认定|下降|增长|减少|提高|上升|降低)+$/, '');
  const asked = cut.length >= 2 ? cut : whole;
  // (…完成多少: what was done, never what was set out.)
  // (So does a verb with 了: 压减了多少, 上市了几家, 建成几个了.)
  // (完成投资多少 too: a result named by its verb first, 计划完成投资 being what was set out.)
  const resultAsked = (cut !== whole && /完成|实现|达到/.test(whole.slice(cut.length))) || (q.nature !== 'target' && (/[\u4e00-\u9fff]了(?:多少|几)|(?:多少|几)[\u4e00-\u9fff]?了/.test(q.text) || /^(?:完成|实现)(?!率|进度|情况)[\u4e00-\u9fff]{2}/.test(whole)));
  // (What was done is never a count of candidates: 上市了几家 is no 上市…苗子群10家 — though 重点培育企业几家 is;
  // nor when the candidates named are asked what became of them: 苗子企业上市了几家.)
  const became = q.text.match(/([\u4e00-\u9fff]{2})了(?:多少|几)/)?.[1];
  const poolOf = (name: string, w: string) => !!became && name.includes(became) && name.indexOf(became) < name.indexOf(w);
  const candidates = (x: Indicator) => resultAsked && k.lex.metrics.candidates.words.some((w) => { const name = fold(afterFrame(x.name, k.lex)); return name.includes(w) && (!q.text.includes(w) || poolOf(name, w)); });
  if (asked.length >= 2) {
    // (接待考察多少人次: the unit asked, of 81批1012人次.)
    const unit = (word ? genericUnit(word, k.lex) : undefined) ?? q.unit;
    // (A change asked, 下降了多少: figures that state one first.)
    const changed = (x: Indicator) => Number(q.intent === 'growth' && (x.growth.length > 0 || x.isChange));
    // (In the unit the word asks, or one of its dimension: 4215万元 is an amount of 完成投资 too.)
    const inDimension = (x: Indicator) => !unit || x.unit === unit || dimensionOf(x.unit, k.lex) === dimensionOf(unit, k.lex);
    // (已竣工 of 竣工17个, 引进…超亿美元项目 of 超亿美元项目5个: what says it is done or brought in
    // asks the thing all the same; 签约项目总投资 of 签约项目's 总投资额: the subject with the name.)
    const bare = asked.replace(/^(?:已经|已|共|累计|引进|新增|新建|建成|完成|实现)+/, '');
    // (The words as asked first: 完成投资 is not 总投资, though both are 投资.)
    // (Of the name after its frame: 开展…申报工作新认定…企业971家 counts those 认定, 56个精品村申报工作 the applications.)
    const holds = (f: string) => (x: Indicator) => (nearlyHolds(fold(x.name), f) || Boolean(x.subject && nearlyHolds(fold(x.subject + x.name), f))) && inDimension(x) && !candidates(x);
    // (生态环境问题整改率 of 上报各类生态环境问题159434个,…,整改率99.53%: the name ends what was asked, its part of the
    // sentence says the rest before it — 援青 of 援疆上,今年安排资金1.5亿元 does not.)
    // (The nearest first: 抖音号…吸粉约5.2万人 before 微信公众号…吸粉约5.3万人.)
    const saidAround = (x: Indicator): number => {
      const name = fold(x.name);
      const at = x.sentence.indexOf(x.figure);
      const part = fold(at < 0 ? '' : x.sentence.slice(0, at).split(/[；;。]/).at(-1)!);
      const rest = asked.slice(0, -name.length);
      if (name.length < 2 || !asked.endsWith(name) || !rest || !nearlyHolds(part, rest) || !inDimension(x)) return -1;
      const said = part.lastIndexOf(rest.slice(0, 2));
      // (Not past another figure in its unit: 抖音号…吸粉约5.2万人微信公众号…吸粉约5.3万人 names 5.2万 only.)
      const between = said < 0 ? part : part.slice(said);
      if (new RegExp(`\\d(?:\\.\\d+)?\\s*${escapeRegExp(fold(x.unit))}`).test(between)) return -1;
      return said < 0 ? part.length : part.length - said;
    };
    const around = (xs: Indicator[]) => xs.map((x) => [x, saidAround(x)] as const).filter(([, d]) => d >= 0).sort((a, b) => a[1] - b[1]).map(([x]) => x);
    const named = (xs: Indicator[]) => {
      const as = xs.filter(holds(asked));
      const found = as.length || bare.length < 2 || bare === asked ? as : xs.filter(holds(bare));
      // (The words whole before with a gap: 税务 of 税务63.3亿元 before 建成智慧办税服务厅.)
      const whole = (x: Indicator) => Number(fold(x.name).includes(asked) || fold(x.name).includes(bare));
      if (found.length) return found.sort((a, b) => changed(b) - changed(a) || whole(b) - whole(a));
      const near = around(xs);
      if (near.length) return near;
      // (入驻了几个项目 of 已入驻5个国家级高端人才项目: the words asked, in order, however far apart — where one figure of
      // the task holds them.)
      const apart = xs.filter((x) => inOrder(fold(x.name), asked) && inDimension(x) && !candidates(x));
      return apart.length === 1 ? apart : [];
    };
    // (What was done of a thing the task sets out comes before other things so named: 新增上市企业3家 before 上市…苗子群10家.)
    const ofSet = (xs: Indicator[]) => [...xs].sort((a, b) => Number(set.some((s) => sameThing(s.name, b.name))) - Number(set.some((s) => sameThing(s.name, a.name))));
    // (Asked what was done of something only what was set out names: the same thing in the progress.)
    const doneOfNamed = (xs: Indicator[]) => (xs.length ? xs : done.filter((x) => x.nature === 'actual' && named(set).some((s) => sameThing(s.name, x.name))));
    // (完成率呢 of a task whose progress says 完成年度目标任务的82.8%: that share of its target is its 完成率.)
    const ofTarget = (xs: Indicator[]) => (/完成率$|完成进度$/.test(asked) && !named(xs).length ? xs.filter((x) => x.unit === '%' && /^完成/.test(x.name) && /目标|计划|任务/.test(x.name)) : []);
    // (重点项目完成了多少个 of 54个重点项目已完成38个: the figure whose name says it was done, before the count of all.)
    const saysDone = (xs: Indicator[]) => (asked === whole ? xs : [...xs].sort((a, b) => Number(holds(whole)(b)) - Number(holds(whole)(a))));
    const own = q.nature === 'target' ? named(set) : resultAsked ? saysDone(doneOfNamed(ofSet(named(done).filter((x) => x.nature !== 'target')))) : [...ofSet(named(done)), ...ofTarget(done), ...(aimsAnswer ? named(set) : [])];
    if (own.length) return { task, word, answers: found(own) };
    if (!aimsAnswer) aims = named(set);
  }
  // 目标呢 after a task: what it sets out.
  if (!q.metric.trim() && q.nature === 'target') return { task, word, answers: found(set) };
  // 现在有多少家 after a task: its figures in the unit asked, what was done first.
  // (现在累计多少项: 累计 says only how it is counted.)
  const unnamed = !q.metric.trim() || k.lex.lexicon.followUpQualifiers.words.includes(q.metric.trim());
  if (unnamed && q.unit && q.unit !== '%') {
    const inUnit = (xs: Indicator[]) => xs.filter((x) => x.unit === q.unit);
    const doneIn = inUnit(done).filter((x) => x.nature === 'actual');
    return { task, word, answers: found(doneIn.length ? doneIn : q.nature === 'actual' ? [] : inUnit(set)) };
  }
  const own = new Set([...set, ...done].map((x) => x.id));
  const m = match(k, makeQuery({ ...q, task: undefined, scope: undefined, intent: q.intent === 'growth' ? 'growth' : 'value' }), ['indicator']);
  // (新增了多少家 where the task only sets out 40家: no result is no answer — the target is not what was done.)
  const answers = m.answers.filter((c) => own.has(c.record.id) && !candidates(c.record as Indicator) && !((resultAsked || q.nature === 'actual' || !aimsAnswer) && (c.record as Indicator).nature === 'target'));
  // What was done before what was set out, unless a target is asked.
  if (q.nature !== 'target') answers.sort((a, b) => Number(done.includes(b.record as Indicator)) - Number(done.includes(a.record as Indicator)));
  if (!answers.length && !aimsAnswer && !aims.length) aims = m.answers.map((c) => c.record as Indicator).filter((x) => own.has(x.id) && x.nature === 'target');
  return { task, word, answers, ...(answers.length || !aims.length ? {} : { aims }) };
}
