/**
 * Figures in a sentence of a report: each number with a unit becomes an indicator, named by
 * the words before it (一般公共预算收入86.87亿元), or after it for a count (105个“百年百项”重大项目).
 * A rate that follows a figure (，同比增长29%) is that figure's growth; "A、B分别为x、y" pairs
 * names with values. Period, place and target/actual come from the sentence and its context.
 */
import { escapeRegExp, fold } from '../text/normalize.js';
import type { Growth, Indicator, Nature, Period } from '../types.js';
import type { Lexicon } from '../knowledge/lexicon.js';
import { findPeriods, label } from '../text/period.js';
import { findPlaces, isWithin, leadingPlace, leadingThing, thingsIn, thingsPlace, zonesAfterPlace } from '../text/places.js';

export interface Context {
  region: string;
  /** The year a bare 6月 or 今年 belongs to: the document's year. */
  year?: number;
  /** The period of a figure whose sentence names none. */
  period: Period;
  nature: Nature;
  section: string;
  /**
   * The period a target is for when its sentence names none, or only 全年/今年: in a work
   * report of 2023 the targets are 2023's even where its results are 2022's.
   */
  targets?: Period;
  /** The year the text was written in, which its 过去五年 and 今后五年 count from. */
  now?: number;
  /** The thing the paragraph's sentences before spoke of (张江长三角科技城平湖园), for sentences with no subject of their own. */
  owner?: string;
  /** True when that thing is the zones of a kind in the place (全省经济开发区): every sentence after is theirs. */
  zones?: boolean;
  /** The years of the paragraph's 从2011年的…增加到2016年的…, for a 从…到 after it that names none. */
  fromTo?: { from: number; to: number };
  /** The projects the paragraph opened by counting (宜兴市级重大项目共203只), for its later sentences' figures of investment. */
  projects?: string;
}

export type IndicatorDraft = Omit<Indicator, 'id' | 'source' | 'line' | 'aliases'>;

const DELIMITERS = '，,；;：:、。！？!?';
// (按可比价计算比上年增长: the basis said twice; the second is the one kept.)
const GROWTH_VERB = /(?:按可比价格?计算(?=比|较|同比)|扣除价格因素(?:后|影响)?)?(可比价同比|按可比价计算|可比价|名义|实际|同比|同口径|可比口径|环比|比上年同期|较上年同期|比同期|较同期|同期|比上年末|较上年末|比年初|较年初|比上年|较上年|比去年|较去年|今年以来|两年平均|年均|可比)?(增长|增加|提高|提升|上涨|上升|下降|降低|减少|回落|下跌|下滑|增幅|增速|涨幅|降幅|微降|略降|微增|略增)(了)?(?:超过|超|近|约|达到|达)?$/;
const CHANGE_VERB = /增长|增加|提高|提升|上涨|上升|下降|降低|减少|回落|下跌|下滑|微降|略降|微增|略增/;
// What a change is measured against, when written out: 与前两年平均相比, 比前两年平均.
const BASIS_WRITTEN = /(?:与|同|和|跟)[^，,；;、与同和跟]{2,14}?(?:相比|比较)|(?:比|较)(?:(?:前|上|去)[^，,；;、]{1,10}?|年初)(?=分别|同期|增长|增加|提高|提升|上涨|上升|下降|降低|减少|回落|下跌|$)/;
// A list before 分别 that is only such a basis: 与前两年平均相比分别下降…
const BASIS_LISTED = new RegExp(`^(?:${BASIS_WRITTEN.source})$`);
const BASIS_WRITTEN_END = new RegExp(`(?:${BASIS_WRITTEN.source})$`);
// A change with its basis, as the end of the words before a rate: 比前两年平均下降.
const WRITTEN_CHANGE = new RegExp(`(?:${BASIS_WRITTEN.source})?${GROWTH_VERB.source}`);
const FALLING = /下降|降低|减少|回落|下跌|下滑|降幅|微降|略降/;
// (1-5月其规模以上工业企业收入总额, 镇海的规模以上…: 其/的 after the owner are no part of the name.)
// (左右创建…: the end of the figure before, 10个左右, no word of the next name.)
const LEAD_FILLER = /^(左右|以上|以下|以内|[一二三四五六七八九十]是|首先|其次|再次|最后|其中|另外|此外|同时|并且|要(?=力争|确保|争取|实现|努力)|共计|累计|合计|总计|全年实现|全年|当年|当月|单月|本月|预计|努力实现|确保|力争|争取|实现|已经|已|均|还|再|约|近(?=[\d一二三四五六七八九十两百千万几]|$)|超过|达到|同比|环比|的|其(?![中他余它次实间]))+/;
// (实际利用外资确保28亿美元: the target's verb ends no name.)
const TRAIL_FILLER = /(同比|环比|预计|确保|力争|争取|达到了|达到|实现了|实现|达|为|是|突破|超过|超|约|接近|近|共计|共|累计|合计|计|增至|提高到|提高至|提升至|提升到|上升到|升至|下降到|降至|降到|至|到|有|已达|已|分别为|分别达到|分别达|分别|均为|均达到|均|都|高达|的|了|在|以上|以下|继|并|也)+$/;
// A clause that opens with a verb of doing has no subject of its own: its owner is the one before.
// Verbs a list's first item may share with the rest (利用内资…、外资…).
const LIST_VERB = /^(实际利用|利用|引进|新引进|新增|完成|实现|累计完成)/;
const DONE_FIRST = /^(已|累计|共|新增|完成|实现|引进|招引|签约|开工|落地|建成|新建|培育|举办|接待|成立|创建|入驻|孵化|带动|拉动|吸引|推出|发放|完成了|实现了|区域内|园区内|区内|园内|总投资|计划总投资|一期|二期|占地|用地|建筑面积)/;
const PLACE_WORDS = /^(全市|我市|本市|全县|我县|本县|全镇|我镇|本镇|全村|全区|我区|本区|全省|我省|本省|全国|市本级)/;
// What has happened: 已, 完成了, 截至 say so whatever the context. 累计 and 完成…目标 say so
// more weakly: 累计 also counts what a target aims for (工业企业上云累计突破3万家 among a
// report's tasks), and a year ahead (到2020年累计完成…) makes a target of either.
// 完成 alone is also what a target asks for (力争…完成合同外资4000万美元).
const ACTUAL_STRONG = /已经|已|完成了|实现了|截至|截止/;
const ACTUAL_WEAK = /累计|完成[^，,；;]{0,8}(目标|计划|任务)/;
// Verbs that set targets govern every clause after them in their part of the sentence; the
// noun 目标 only its own clause (占三年目标投资的32%，推动项目开工41个: the 41 is a result).
// 计划 alone names programmes (硕博倍增计划); before a verb it plans (全年计划完成…2225户), though
// 总计划开工数 is a count. 预计 estimates results, so it marks no target; 预期寿命 is a result too.
const TARGET_VERB = /确保|力争|(?<!斗)争取(?!到(?!(?:19|20)\d{2}))|预期(?!寿命)|要求|(?<!总|超出|超过|高于|低于|占)计划(?:年内|全年|今年|当年|年底前)?(?=完成|新增|新建|实施|建设|投资|引进|开工|完工|竣工|投产|改造|培育|招引|建成)(?![\u4e00-\u9fff]{0,6}完成率)/;
// 到2020年, 2020年底前: a deadline, a target when the year is not past when the text was written.
const DEADLINE = /到((?:19|20)\d{2})年|((?:19|20)\d{2})年(?:底前|前(?![\d一二三四五六七八九十两]+个?(?:月|季度)))/g;
const TARGET_NOUN = /目标/;
// What met or passed a target, before the colon that lists them (7个指标符合预期目标:).
const MET_TARGET = /(?:符合|达到|完成|实现|超过|超额完成|好于|高于)[^，,；;。:：]{0,4}目标[:：]/g;
// One example before a count (濮院时尚中心等16个项目): a place that opens it is the example's,
// not the count's. Several (盐官古城游客服务中心、民宿街、员工中心等16个子项目) share it.
// A clause that builds a pilot under a quoted name: (试点)建设“智安街道”.
// (建设“15分钟健身圈” and 打造“青创之城” name what the whole place builds, no pilot.)
const PILOT = /^(?:开展|推进|深化)?(?:试点|示范)(?:建设|打造|创建)[“"]([^”"]{2,12})[”"]$|^(?:开展|推进)?(?:建设|打造|创建)[“"]([^”"]{2,12})[”"](?:试点|示范点)$/;
// A sentence that opens by naming the survey or index its figures come from: …X（STI）显示:.
const FRAME = /^(?:[^，,。；;：:]{0,12}[，,])?[^，,。；;：:]{0,40}?([\u4e00-\u9fff]{2,12}(?:指数|调查|监测|统计))\*{0,2}(?:[（(][A-Za-z]{2,8}[)）])?\*{0,2}(?:显示|表明)[：:，,]/;
const ONE_PROJECT = /^其中([\u4e00-\u9fff“”"()（）]{4,24}?项目)(?:推进|进展|建设|进度|已|目前)/;
const EXAMPLES = /^[^，,；;。、\d]*等(\d|$)/;
// …最多的区县为柯城区 / 即江山市 / 居首位的是海宁: a clause that ends by naming what it is about.
const NAMED_AS = /(?:为|是|即)([\u4e00-\u9fff（）()]{2,12})$/;

/** The place a clause ends on as the one it is about (…最多的区县为柯城区), if a known, non-relative place. */
function holderNamed(clause: string, lex: Lexicon, own: string): string | undefined {
  const named = clause.trim().match(NAMED_AS)?.[1];
  if (!named) return undefined;
  const place = findPlaces(named, lex, own).find((p) => p.index === 0 && p.text === named && p.region && !p.relative);
  return place?.region ?? undefined;
}
// The words that open the conditions of a class (划定标准是:…, 申报条件为…): what follows is a bar, not a result.
const CRITERIA = /(?:标准|条件|门槛)(?:是|为)?[:：]|(?:标准|条件|门槛)(?:是|为)(?=[^，,；;。]{0,12}\d)/;
// A parenthetical clause: words, a verb, then a figure (省厅已将…目标调整为22%, 其中工业投资增长
// 12.5%, 累计完成投资45亿元). Notes (注, 含, 按…) and bare amounts (198亩, 年度计划82个) are none.
// The scope an aside gives its figures: 若不含嘉兴港区、嘉兴电厂, 含宁波杭州湾新区.
const SCOPE_ASIDE = /^(?:若|如|如果)?(不含|含|剔除|扣除|包含)([^，,；;:：]{2,24}?)(?=[，,；;:：]|$)/;
const NAMED_SCOPE = /^(不含|剔除|扣除)([\u4e00-\u9fff、]{2,12}?)(?:后)?的(?=[\u4e00-\u9fff]{2})/;
// A sentence that opens on its scope: 不含常州经开区计算, 若剔除嘉兴港区, …
const SCOPE_OPENING = /^\s*(?:若|如|如果)?(不含|剔除|扣除)([\u4e00-\u9fff、]{2,16}?)(?:计算|统计|核算)?[，,]/;
// A scope written right after a figure: 622.31亿元(小口径,下同), 1649.39亿元（含宁波杭州湾新区）.
const SCOPE_AFTER = /^\s*[（(]\s*((?:大|小|管理|统计|核算|全)口径|(?:不含|含)[^，,；;)）]{2,20})/;
const ASIDE_CLAUSE = /^(?!注|说明|备注|含|不含|包括|即|按|以|依|下同|数据|资料|单位)(?=(?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){6})[^，,；;：:]{2,}?(为|达到|达|提高|提升|增至|降至|降到|增长|下降|突破|超过|完成|实现|新增|累计)[^，,；;：:\d]*\d/;
// 目标调整为22%: a figure that a target is set to is a target, whatever happened to set it.
const SET_TARGET = /目标值?(?:(?:调整|调高|调低|上调|下调|设定|确定|设)(?:为|到|至)?|为|是)$/;
// A thing a figure is said of after 的: a project, a firm, a company named (20亿元的胜科纳米(苏州)…项目).
const OF_THING = /^的([\u4e00-\u9fff（）()]{4,30}?(?:项目|公司|企业|基地))/;
// The name of a share (占规上工业增加值的比重, 占比, 所占比重).
const SHARE_NAME = /^占|占比$|比重$/;
// A rate: per cent or per mille (占全国出口份额12.97‰).
const RATE = /^(%|‰)$/;
// The verb of a share (占…的32%, 完成…的75.7%).
const SHARE_OF = /^(占|完成|达到)/;
// 占三年目标投资1000亿的32%, 完成年度目标任务的99.3%: a share of a target is the progress made
// towards it, a result.
const PROGRESS = /(占|完成|达到|达|为|是)[^，,；;。]*(?:目标|计划)[^，,；;。]*的$/;
// Parts of a place counted together (14个乡镇, 5个街道, 12个园区): what they do is not the place's.
const PLACE_PARTS = /^(?:乡镇|镇|乡|街道|镇街|镇\(街道\)|村|行政村|社区|园区|开发区|片区|区块|平台)(?:[（(][^)）]{1,6}[)）])?$/;
const COUNT_UNITS = /^(万?个|万?家|万?项|万?名|万?人|万?户|万?件|条|所|座|幢|栋|处|批|艘|辆|台|万?套|张|万?只)$/;
// The verbs of a level passed: 突破60亿大关, 超过70亿元目标.
const PASSED_VERB = /(?:突破|超过|跨过|跨越|越过|迈上|站上|完成)$/;
// Units of an area, a length or a weight: 新建3.2万亩高标准农田 names what it measures after it.
const MEASURED_UNITS = /^(万?亩|公顷|万?平方米|平方公里|公里|千米|万?吨)$/;
// 其余, 余下, 剩余: the rest of what was counted before, no thing of its own.
const REST_OF = /^(?:其余|余下|剩余|剩下|其他|其它)$/;

/** Whether a name says only what was done, or how much (已完成, 开工率, 完成投资): a figure of the subject before it. */
function ofSubject(name: string): boolean {
  return name.length <= 4 || DONE_FIRST.test(name) || /^(?:高于|低于|快于|慢于|超过|比)|已|率$|进度$|比例$|占比$|比重$|投资额?$|总额$/.test(name);
}

// (去年全年为12个), (上年同期为8个), (2024年为12个): a figure of another year, in brackets after one.
const EARLIER_IN_BRACKETS = /^[（(]((?:去年|上年|前年|(?:19|20)\d{2}年)(?:全年|同期)?)(?:为|是|有)?(\d+(?:\.\d+)?)([^)）\d]{0,4})[)）]/;
// Words that measure something: the shared tail of names listed before 分别 (A、B增加值占比分别…).
const MEASURE = /(人均可支配收入|可支配收入|增加值|参保率|覆盖率|完成率|比重|占比|收入|产值|投资|总额|增速|增幅)/;
// A name that is only a verb (跃升, 增長) or a preposition (依据2021年5‰人口变动抽样调查) names nothing.
const VERB_ONLY = /^(跃升|跃居|增长|上升|上扬|继续上扬|下降|分别|达到|突破|依据|根据|按照|依照|通过)$/;
// In a span of years (过去五年), a figure reached (达到, 突破) is the level at the span's end;
// one counted over it (累计, 新增, 年均) belongs to the span.
const OVER_SPAN = /累计|新增|共|合计|总计|年均|平均|先后|五年|连续|多年/;
const REACHED = /达到|达|实现|突破|超过|提高到|提升到|增加到|增长到|增至|升至|跃升到|跃升至|跃居|上升到|为$|是$/;
// 从673.4亿元增加到1122.8亿元: the verb between a span's start and its end.
const FROM_TO = /^(?:分别)?(?:一下子?|一举|一路|大幅|快速|迅速|稳步)?(?:增加|提高|提升|增长|跃升|飙升|猛增|激增|扩大|上升|攀升|回升|发展|壮大|下降|下滑|减少|降低|缩小|缩减|回落|增|降|升)?(?:到|至)了?(?:(?:19|20)\d{2}年(?:底|末)?的?)?$/;
const FROM = /(?:从|由)(?:[^，,；;。从由]{0,12}?的)?$/;
const JOINED = /^[、和及与]$/;
// 增速比全省高出1.8个百分点, 分别比全省平均高出4.0个和9.4个百分点: a gap to another place's
// figure, not a figure of the document's place.
// 为调整预期的99.8%, 完成年度计划的68.4%: the share of its plan the figure before made.
const BARE_PLAN = /^(?:年初|年度|全年|调整)?(?:预期|预算|计划|目标)(?:数|任务)?$/;
const OF_PLAN = /^(?:为|是|完成|达到?|占)(?:年初|年度|全年|调整)?(?:预期|预算|计划|目标)(?:数|任务|数的)?$/;
// (So is 高出年初预期目标1.3个百分点: a gap to the target.)
const COMPARED = /(比|较|高于|低于)(全省|全国|省|全市|全区|平均)[^，,；;。]{0,8}$|(?:高出|超出|低于|高于)(?:年初|年度)?(?:预期|计划)?目标$/;
// 增速为7%: the growth of the figure before, named by a noun.
const GROWTH_NOUN = /^(同比)?(增速|增幅|增长率|增长速度|增长)$/;
// Where the noun after a count ends: at a verb (24个行政执法部门推行…), less an adverb before
// it (6个民生实事工程基本完成). What was done to it (3个项目已完工) is still its name.
// (So does what they took part in: 9家国际产业合作园参加…评审会, 4家…园在第二十三届浙洽会上集中亮相;
// and a verb of the next count: 13人参评…教坛新秀择优推荐17人.)
const NOUN_END = /(中有|完成|实现|开工|竣工|建成|投入|引进|新增|达到|签约|落地|累计|占比|占全|列入|列为|列全|获得|获评|入选|覆盖|增长|下降|达成|采取|推行|实施|开展|参加|参与|亮相|入驻|落户|(?:择优|拟)?推荐|(?<![正现所存实自])在[^，,。；;在]{1,16}?[上中内])/;
// A verb of NOUN_END alone, ending its clause.
const ENDING_VERB = new RegExp(`^(?:${NOUN_END.source})$`);
// What a count of people did, right after it and to its clause's end (752人实现脱贫, 3万人受益).
// Verbs of making or bringing in, ending the words before a count of what was made (…出台22条稳外贸政策).
const MADE_VERB = /(?:出台|推出|制定|发布|实施|开展|新建|建成|创建|打造|设立|建立|组建|引进|招引|签约|举办|培育)$/;
const DID_AFTER_COUNT = /^(?:实现|已经?|全部|均)?(?:脱贫|脱低|就业|再就业|受益|参保|参加[\u4e00-\u9fff]{2,8}|参与[\u4e00-\u9fff]{2,8}|入选[\u4e00-\u9fff]{2,8})(?=[，,。；;]|$)/;
const VERB_CUT = /(完成|实现|开工|竣工|建成|投入|引进|新增|达到|签约|落地|累计|占比|占全|列入|列为|列全|获得|获评|入选|覆盖|增长|下降|达成|采取)/;

interface Hit {
  index: number;
  end: number;
  number: string;
  unit: string;
  figure: string;
}

function numberPattern(lex: Lexicon): RegExp {
  const units = lex.unitList.map((u) => u.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
  // A number not glued to letters (G60, 5G, T1线), maybe with thousands separators (6,355.28),
  // optional 多/余 before the unit, optional 左右/以上 after it — but glued to a metric's own
  // Latin name (实现GDP1192.6亿元) it is that metric's. A bare number after 为/达
  // (综合指数为88.73) counts as unitless. (成立70周年 is an anniversary, no count of weeks; 55.6人均… of a ratio
  // run into the next name is no count of people.)
  const latinNames = lex.aliasGroups.flat().filter((w) => /^[a-z]{2,}$/.test(w)).flatMap((w) => [w, w.toUpperCase()]);
  const gluedName = latinNames.length ? `(?<=(?:${latinNames.join('|')}))|` : '';
  return new RegExp(
    `(?:${gluedName}(?<![A-Za-z\\d.第]))(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(多|余)?(${units})(左右|以上|多)?(?![A-Za-z]|(?<=周)年|(?<=人)均)` +
      `|(?<=(?:为|达到|达|是))(\\d+\\.\\d+|\\d{2,})(?=[，,；;。）)]|$)`,
    'g',
  );
}

const patterns = new WeakMap<Lexicon, RegExp>();

function findHits(text: string, lex: Lexicon): Hit[] {
  let pattern = patterns.get(lex);
  if (!pattern) patterns.set(lex, (pattern = numberPattern(lex)));
  const hits: Hit[] = [];
  for (const m of text.matchAll(pattern)) {
    const index = m.index ?? 0;
    if (m[5] !== undefined) {
      hits.push({ index, end: index + m[0].length, number: m[5], unit: '', figure: m[5] });
      continue;
    }
    const [, written, , unit] = m;
    const number = written.replace(/,/g, '');
    // 2019年 is a date, not a figure; so are the numbers of 1-6月.
    if (unit === '年' && /^(19|20)\d{2}$/.test(number)) continue;
    // (A minus after a list's mark or a verb is a sign: 分别增长0.5%、-0.5%.)
    if ((text[index - 1] === '-' || text[index - 1] === '－') && /[、和及与为长降,，]/.test(text[index - 2] ?? '') && unit) {
      hits.push({ index: index - 1, end: index + m[0].length, number: `-${number}`, unit, figure: `-${m[0]}` });
      continue;
    }
    if (text[index - 1] === '-' || text[index - 1] === '—') continue;
    hits.push({ index, end: index + m[0].length, number, unit, figure: m[0] });
  }
  return hits;
}

/** Where “…” quotations start and end. */
function quotedSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let at = text.indexOf('“'); at >= 0; at = text.indexOf('“', at + 1)) {
    const end = text.indexOf('”', at);
    if (end < 0) break;
    out.push([at, end]);
    at = end;
  }
  return out;
}

/** The chunk before a figure with parenthetical asides blanked, so they bound nothing. */
function blankAsides(text: string): string {
  return text.replace(/（[^（）]*）|\([^()]*\)/g, (s) => '\u0001'.repeat(s.length));
}

function lastDelimiter(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (DELIMITERS.includes(text[i])) return i + 1;
  return from;
}

function stripPeriods(text: string): string {
  let out = text;
  for (const m of findPeriods(text).reverse()) out = out.slice(0, m.index) + out.slice(m.index + m.length);
  return out;
}

/** Clean a chunk of words into a metric name. */
function cleanName(chunk: string, lex: Lexicon): string {
  // A cell of a table read as prose (|市商务局|5|研发投入强度): only the last cell names.
  let s = chunk.replace(/\u0001/g, '').replace(/\*\*/g, '').replace(/^.*\|/, '');
  // 指导嘉善到2020年累计完成…面积: what stands before a deadline says who is to do it, not what.
  const due = findPeriods(s).filter((m) => /^(到|至|截至|截止)/.test(s.slice(m.index, m.index + m.length)) || /(到|至)$/.test(s.slice(0, m.index))).at(-1);
  if (due && hasWords(s.slice(due.index + due.length))) s = s.slice(due.index + due.length);
  s = stripPeriods(s);
  // 省厅已将…覆盖率目标调整为: what was set, not who set it nor that it was a target.
  s = s.replace(/^[^，,；;]{0,6}?(?:已经|已)?[将把](?=[\u4e00-\u9fff]{4})/, '').replace(/目标值?(?:调整|调高|调低|上调|下调|设定|确定)(?:为|到|至)$/, '');
  // A list number (2. or 3、) is no part of a name; a range (10-50万元群体) is.
  // So is a row or footnote number glued to it (1实现生产总值), but not a number with its unit
  // (3个重点项目) or a name that is a number (12345热线).
  s = s.replace(/^\d{1,2}[.、．]\s*(?=[^\d])/, '');
  // (A decimal run into the name, 55.6人均地区生产总值 after a ratio that lost its comma, is the ratio's.)
  s = s.replace(/^\d+\.\d+(?=[\u4e00-\u9fff])/, '');
  const glued = s.match(/^\d{1,2}(?=[\u4e00-\u9fff])/);
  if (glued && !lex.unitList.some((u) => s.startsWith(u, glued[0].length))) s = s.slice(glued[0].length);
  for (let again = true; again; ) {
    const before = s;
    // 五年新增上市公司: how long it was counted over is the period's, not the name's.
    s = s.replace(PLACE_WORDS, '').replace(LEAD_FILLER, '').replace(/^(近|过去)?[两二三四五六七八九十]年(来|间|内|中)?(?=[\u4e00-\u9fff]{2}|$)/, '');
    const place = leadingPlace(s, lex);
    if (place && s.startsWith(place.text)) s = s.slice(place.text.length);
    // 嘉兴市区PM2.5: the part (市区) stays in the name, its city goes.
    const city = findPlaces(s.slice(0, 8), lex)[0];
    if (city?.index === 0 && city.text.endsWith('市') && s[city.text.length] === '区') s = s.slice(city.text.length - 1);
    // A footnote number glued after 全市 (全市1实现生产总值).
    const note = s.match(/^\d{1,2}(?=[\u4e00-\u9fff])/);
    if (note && before !== s && !lex.unitList.some((u) => s.startsWith(u, note[0].length))) s = s.slice(note[0].length);
    s = s.replace(/^[，,：:、;；\s]+/, '');
    again = s !== before;
  }
  // 共计/累计 inside a name (中心城区共计新增停车位) say how it was counted, not what; nor does
  // 实现 between a subject and what it achieved (规上工业实现增加值).
  // (60岁及以上, 每户平均: what ends a class or an average is its name's, not a filler.)
  s = (/(?:及以上|及以下|平均)$/.test(s) ? s : s.replace(TRAIL_FILLER, '')).replace(/共计|累计|合计|总计(?!划)/g, '').replace(/(?<=[\u4e00-\u9fff]{2})实现(?=增加值|总产值|产值|营业收入|收入|利润|税收|销售)/g, '').trim();
  // A name cut out of a title or a quotation (…责任分解》和《…) names nothing.
  const unbalanced = (open: string, close: string) => s.split(open).length !== s.split(close).length;
  // (30项民生实事里: where among them, no part of what it names.)
  s = s.replace(/(?<=[\u4e00-\u9fff]{4})里$/, '');
  // (无锡市级重大项目经滚动调整后现为58只: how it came to be so, and 现, are no part of it.)
  s = s.replace(/(?<=[\u4e00-\u9fff]{2})(?:经(?:过)?[\u4e00-\u9fff]{1,8}?后)?(?:现|目前|现在)$/, '').replace(/(?<=[\u4e00-\u9fff]{2})经(?:过)?[\u4e00-\u9fff]{1,8}?后$/, '');
  // (…比重从2006年的10.11%: where a span starts is no part of what it names.)
  s = s.replace(/(?<=[\u4e00-\u9fff]{2})(?:从|由)的?$/, '');
  return VERB_ONLY.test(s) || unbalanced('《', '》') || unbalanced('“', '”') ? '' : s;
}

/**
 * The periods a sentence gives its figures: not the bases of comparisons (较上年末, 比上年,
 * 同2019年相比, 是2016年的1.7倍), which say what a figure is compared with.
 */
// A clause with no figure that ends on 的 and a place's name: it says which place is meant.
const DESCRIBES_PLACE = /^[^\d]*的[\u4e00-\u9fff]{1,10}(?:省|市|区|县|镇|乡|街道|新区|开发区)$/;

/** 全年(2024年)共争取…: the year in brackets says which 全年, and is the sentence's (and the period its paragraph goes on in). */
export const YEAR_WORD_DATED = /(?:全年|今年|去年|上年|本年|当年)[（(]((?:19|20)\d{2}年)[)）]/g;

// 总投资, 完成投资, 年度计划投资, 到资: what is said of projects counted before.
const INVESTMENT_NAME = /^(?:项目)?(?:累计)?(?:总投资|(?:完成|计划)?(?:年度|全年|当年)?(?:计划)?投资|到资)(?:额)?$/;

/** The projects a sentence opens by counting (浦江县省重点建设项目3个, 宜兴市级重大项目共203只), if it does. */
export function countedProjects(drafts: readonly IndicatorDraft[]): IndicatorDraft | undefined {
  return drafts[0] && COUNT_UNITS.test(drafts[0].unit) && /(?:项目|工程)$/.test(drafts[0].name) ? drafts[0] : undefined;
}

// Where a noun after a count ends: a delimiter, or a 和 before the next count (…驿站和1个…: at the words' end, the next figure).
const AND_COUNT = new RegExp(`[${DELIMITERS}]|[和及与](?=\\d)`);
const AND_NEXT_COUNT = new RegExp(`[${DELIMITERS}]|[和及与](?=\\d|$)`);

export function ownPeriods(text: string, ctx: Pick<Context, 'year' | 'now'>) {
  // 比上年, 与1-6月: a period compared with; 从2004年起: when a state began, not when a figure was.
  return findPeriods(text, ctx.year, ctx.now).filter(
    (m) =>
      !/[比较同与是]$/.test(text.slice(Math.max(0, m.index - 1), m.index)) &&
      !/^(?:起|开始)/.test(text.slice(m.index + m.length)) &&
      // 延续了一季度…的增长势头: the period continued from, not the figure's.
      !/(?:延续|保持|继续)了?$/.test(text.slice(Math.max(0, m.index - 3), m.index)) &&
      // 去年重新夺回“浙江经济第一区”的杭州市余杭区,以GDP1615.5亿元…: a clause that only says which place, of a period of its own.
      !DESCRIBES_PLACE.test(text.slice(m.index + m.length).split(/[，,；;。]/)[0]),
  );
}

const yearPeriod = (year: number): Period => ({ kind: 'year', year, label: label({ kind: 'year', year }) });
const spanPeriod = (fromYear: number, toYear: number): Period => ({ kind: 'span', fromYear, toYear, label: `${fromYear}-${toYear}年` });
// 五年累计, 三年来共: a count or an average over that many years.
const OVER_YEARS = /(?:^|[，,、;；]|近|过去|预计)([两二三四五六七八九十])年(?:来|间|内|中)?(?:累计|年均|共计|共|合计)/;

// (An age group names people: 0-14岁.)
const hasWords = (name: string) => /[\u4e00-\u9fff]{2,}|[A-Za-z]{2,}|\d+岁/.test(name);

function growthOf(chunk: string, hit: Hit): Growth | undefined {
  const m = chunk.match(GROWTH_VERB);
  if (!m) return undefined;
  const basisPeriod = findPeriods(chunk).at(-1);
  // 比前两年平均下降: compared with the average of two years before, not 两年平均 growth.
  const written = chunk.slice(0, (m.index ?? 0) + (m[1]?.length ?? 0)).match(BASIS_WRITTEN_END)?.[0];
  const basis = (written && written !== m[1] && !basisPeriod ? written : m[1]) ?? (basisPeriod ? basisPeriod.period.label : '增长');
  const value = Number(hit.number) * (FALLING.test(m[2]) ? -1 : 1);
  return { basis, value, unit: hit.unit, text: `${chunk.slice(chunk.lastIndexOf(m[0]))}${hit.figure}`.replace(/^[，,]/, '') };
}

/** 增速为7%: a growth named by a noun rather than a verb. */
function growthNamed(chunk: string, hit: Hit): Growth | undefined {
  const m = chunk.match(/^(同比)?(增速|增幅|增长率|增长速度)(为|是|达到|达)?$/);
  if (!m || !RATE.test(hit.unit)) return undefined;
  return { basis: m[1] ?? '增长', value: Number(hit.number), unit: hit.unit, text: `${chunk}${hit.figure}` };
}

/**
 * Names listed before 分别 share the last one's tail. 高新技术产业、装备制造、战略性新兴产业增加值
 * 占比: the others take its measure (增加值占比). 医废、危废年处置能力: a short name parallel to
 * the start of the last (医废 ~ 危废, the same length and the same last character) takes what
 * follows that start; so does one that ends in it (进出口、出口总额). Where the parallel words
 * differ after a longer name (房屋征收项目一期、二期签约率), the last takes the name's head too.
 */
const CHANGE_TAIL = /^的(?:同比|环比|比上年)?(?:增幅|增速|增长率|增长速度|降幅)$/;

function shareTail(names: string[]): string[] {
  const last = names.at(-1);
  if (!last || names.length < 2) return names;
  // …战略性新兴和高新技术等产业增加值: what follows 等 is every name's (产业增加值), less the
  // kind a name already ends in (数字经济核心制造业 + 增加值).
  const etc = last.indexOf('等');
  if (etc > 0 && hasWords(last.slice(etc + 1))) {
    const tail = last.slice(etc + 1);
    const measure = tail.match(MEASURE);
    const kind = measure?.index ? tail.slice(0, measure.index) : tail;
    return names.map((n, i) =>
      i === names.length - 1 ? last.slice(0, etc) + tail : MEASURE.test(n) ? n : n.endsWith(kind.at(-1)!) ? n + (measure?.index ? tail.slice(measure.index) : '') : n + tail,
    );
  }
  const m = last.match(MEASURE);
  // (对欧盟、美国和东盟的进出口额, 锂离子电池、集成电路…和笔记本计算机的产量: what follows the last's 的 is every name's.)
  const of = last.lastIndexOf('的');
  const ofTail = of > 0 && hasWords(last.slice(of + 1)) ? last.slice(of) : '';
  let head = '';
  const out = names.map((n, i) => {
    if (i === names.length - 1) return n;
    // (全社会固定资产投资、规上工业产值…的同比增幅: a rate of change after the 的 is every name's, measured or not.)
    if (ofTail && !n.includes('的') && (!MEASURE.test(n) || CHANGE_TAIL.test(ofTail))) return n + ofTail;
    // (轻、重工业增加值: 轻 is 轻工业增加值; 大型、中型企业工业增加值: 大型 is 大型企业工业增加值.)
    if (n.length === 1 && last.length >= 3) return n + last.slice(1);
    if (n.length === 2 && last.length > 4 && n[1] === last[1] && n !== last.slice(0, 2) && !MEASURE.test(n)) return n + last.slice(2);
    // (城镇和农村居民人均可支配收入: a word of two parallel to the last's first two takes what follows them, 居民 too.)
    if (m && m.index !== undefined && n.length === 2 && !MEASURE.test(n) && m.index > 2 && m.index <= 4 && last.slice(0, 2) !== n) return n + last.slice(2);
    if (m && m.index !== undefined) return MEASURE.test(n) ? n : n + last.slice(m.index);
    const k = last.indexOf(n.at(-1)!) + 1;
    if (k < 1 || k > 3 || last.length - k < 2) return n;
    const parallel = last.slice(0, k);
    const mine = n.slice(-k);
    if (mine === parallel ? n.length > k + 1 : mine.length !== k || n.length > k + 6) return n;
    // A one-character head is a qualifier of its own word (新开工、竣工…项目: 新 is 开工's).
    if (mine !== parallel && n.length >= k + 2) head ||= n.slice(0, -k);
    return n + last.slice(k);
  });
  if (head && !last.startsWith(head)) out[out.length - 1] = head + last;
  return out;
}

/**
 * 商品房销售面积和销售额: a short name after the first that starts with words the first has after
 * its own opening (销售 of 商品房销售面积) is of the same thing: it takes that opening (商品房销售额).
 */
function shareHead(names: string[]): string[] {
  const first = names[0];
  if (!first || names.length < 2) return names;
  return names.map((n, i) => {
    if (i === 0 || n.length < 2 || n.length > 4) return n;
    const at = first.indexOf(n.slice(0, 2));
    return at >= 2 && !first.includes(n) ? first.slice(0, at) + n : n;
  });
}

/**
 * Names before 分别 that are more than the values after them: a run of names without the
 * list's tail and the one with it name one thing (交通投资、社会事业投资、生态环保、城市更新和
 * 水利设施投资分别增长…: the last three are one). Undefined when that does not pair them.
 */
function groupNames(names: string[], values: number): string[] | undefined {
  const last = names.at(-1);
  if (!last || names.length <= values || values < 2) return undefined;
  const tail = last.match(MEASURE)?.[0] ?? last.slice(-2);
  const groups: string[][] = [[]];
  names.forEach((n, i) => {
    groups.at(-1)!.push(n);
    if (n.endsWith(tail) && i < names.length - 1) groups.push([]);
  });
  return groups.length === values && groups.every((g) => g.at(-1)!.endsWith(tail)) ? groups.map((g) => g.join('、')) : undefined;
}

/** The last two characters of a name's words, asides taken out: what it counts (企业). */
const headNoun = (words: string) => words.replace(/\u0001/g, '').replace(/[（(][^（）()]*[）)]/g, '').match(/([\u4e00-\u9fff]{2})[”"]?$/)?.[1];

/**
 * A number written without its unit in a list of counts (…高排放企业158家,整治“低散乱污”企业
 * (作坊)2616,…): right after a noun, ending its clause, in the clause after a count of the same
 * noun, it counts in that count's unit. Nothing else: a bare number elsewhere is left unread.
 */
function withBareCounts(text: string, blank: string, hits: Hit[]): Hit[] {
  const out = [...hits];
  for (const m of text.matchAll(/(?<=[\u4e00-\u9fff”）)])\d{2,}(?=[，,；;。]|$)/g)) {
    const index = m.index ?? 0;
    if (blank[index] === '\u0001' || out.some((h) => index >= h.index && index < h.end) || /^(19|20)\d{2}$/.test(m[0])) continue;
    const prev = out.filter((h) => h.end <= index).at(-1);
    if (!prev || !COUNT_UNITS.test(prev.unit)) continue;
    const between = text.slice(prev.end, index);
    const comma = between.search(/[，,]/);
    // The clause right after the count's, and nothing else in between.
    if (comma < 0 || /[，,；;。、]/.test(between.slice(comma + 1).replace(/[（(][^（）()]*[）)]/g, ''))) continue;
    const prevNoun = headNoun(text.slice(lastDelimiter(blank, 0, prev.index), prev.index));
    if (!prevNoun || headNoun(between.slice(comma + 1)) !== prevNoun) continue;
    out.push({ index, end: index + m[0].length, number: m[0], unit: prev.unit, figure: m[0] });
  }
  // 分别为2332、33953和46268亿元: numbers listed before the one that carries the unit share it.
  for (const h of [...out].sort((a, b) => b.index - a.index)) {
    let at = h.index;
    for (let m = text.slice(0, at).match(/(?<![\d.])(\d+(?:\.\d+)?)([、和及])$/); m; m = text.slice(0, at).match(/(?<![\d.])(\d+(?:\.\d+)?)([、和及])$/)) {
      const index = at - m[0].length;
      if (blank[index] === '\u0001' || out.some((o) => index >= o.index && index < o.end)) break;
      out.push({ index, end: index + m[1].length, number: m[1], unit: h.unit, figure: `${m[1]}${h.unit}` });
      at = index;
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * Indicators of one sentence. `sentence` is tidy text without its final 。.
 */
export function extractFigures(sentence: string, ctx: Context, lex: Lexicon): IndicatorDraft[] {
  // 依次为…,依次增长…: 分别 in other words. 第一、二、三产业: each 产业 its own name.
  // 存、贷款余额分别…: each one-character item takes the last one's rest (存款余额、贷款余额).
  const text = sentence
    .replace(/\*\*/g, '')
    .replace(/依次/g, '分别')
    // 年均分别增长7.3%和8.6%: the basis is each value's, as 分别年均增长 says it.
    .replace(/(年均|两年平均)分别(?=增长|下降|提高|增加|减少)/g, '分别$1')
    // 分别为3.6万元、2.1万元,同比增长4.8%和5.6%: a list of changes right after a list of values is
    // theirs in order, as 分别 would say it again.
    .replace(/(分别(?:为|是|达到|达)[^，,；;。]*[、和][^，,；;。]*[，,]\s*(?:同比|比上年|较上年|年均)?)(?=(?:增长|下降|增加|提高|减少)-?\d+(?:\.\d+)?%[、和])/g, '$1分别')
    // 20*年我区完成…: a year a template site masked says nothing, and names nothing.
    .replace(/(?:19|20)[*＊×xX]{1,2}\s*年/g, '')
    // 按可比价计算(下同)比上年增长8.0%: a note on the notes after it, no words of the figure.
    .replace(/[（(](?:下同|下同\S{0,4}|以下同)[）)]/g, '')
    // (三次产业结构为2.8:41.1:56.1, …调整为15.7:51.3:33.0: the shares of the three sectors, each a figure of its own.)
    .replace(/((?:三次产业|一、二、三产业?|一二三产)(?:的)?(?:结构比例|结构比|比重结构|结构|比例|比重)(?:[^，,；;。]{0,40}?)(?:调整为|为|是|达到))(\d+(?:\.\d+)?)[:：](\d+(?:\.\d+)?)[:：](\d+(?:\.\d+)?)(?![:：\d])/g, (_all, said: string, a: string, b: string, c: string) => `${said}，第一产业比重${a}%、第二产业比重${b}%、第三产业比重${c}%`)
    .replace(YEAR_WORD_DATED, '$1')
    .replace(/第一、二、三产业/g, '一产、二产、三产')
    // (第二、第三产业对GDP增长的贡献率依次为60.4%和33.0%: each item's own 产业, written once after the last.)
    .replace(/第([一二三])、第([一二三])(?:、第([一二三]))?产业/g, (_all, a: string, b: string, c?: string) => [a, b, c].filter(Boolean).map((x) => `第${x}产业`).join('、'))
    // (在全省100个县(市、区)财政总收入完成情况排名里: how many a ranking ranks, no figure of the place.)
    .replace(/在(全省|全国|全市|省内|全区)\d+个([^，,；;。\d]{0,24}?)(排名|排行|中排|中位列|中居)/g, '在$1$2$3')
    // 地区生产总值突破千亿大关,由…增加到1037.1亿元: a level passed in words, then the figure of the metric named before it.
    .replace(/(?:突破|跨过|跨越|迈上|站上|越过)(?:[零一二三四五六七八九十百千万亿两]+|\d+(?:\.\d+)?[万亿千百]*)[\u4e00-\u9fff]{0,3}?(?:大关|关口|台阶)[，,](?=由|从|(?:达到|达|为|增加到|增长到|提高到|增加|增长|提高)?\d)/g, '')
    // (财政收入接连迈过20亿元、30亿元两个台阶: thresholds passed, no level of the year — the level is beyond the last.)
    .replace(/(?:接连|先后|连续|相继)?(?:迈过|跨过|跨越|突破|迈上|站上|越过)(?:\d+(?:\.\d+)?[亿万千百]*元?[、和])+\d+(?:\.\d+)?[亿万千百]*元?(?:[两三四五]个)?(?:台阶|大关|关口)/g, '')
    // GDP总量逼近3000亿元,达到2923.2亿元: a round level neared or passed, then the figure itself.
    // (湖州和丽水GDP增速超过8%,分别为8.3%、8.2%: the values follow the bound.)
    .replace(/(?:首次|首度|已经|已|再次|历史性地?)?(?:逼近|接近|突破|超过|越过|不足|不到|低于)(?:\d+(?:\.\d+)?|[一二三四五六七八九十百千万亿两]+)[亿万千百]*[元人户个家吨亩%]?[，,](?=达到|达|为|分别)/g, '')
    // (两地进出口总额也都在3000亿之上,分别为…: a bound both lie beyond, then their values.)
    .replace(/(?:也)?(?:都|均)?在(?:\d+(?:\.\d+)?|[一二三四五六七八九十百千万亿两]+)[亿万千百]*[元人户个家吨亩]?(?:之上|以上|之下|以下)[，,](?=分别)/g, '')
    // (进出口、出口总额 is two names already: the item before 、 ends a word the rest starts again.)
    .replace(/([\u4e00-\u9fff])、([\u4e00-\u9fff])([\u4e00-\u9fff]{0,2}(?:余额|总额|额|量))(?=分别|均|为|达)/g, (all, a: string, b: string, rest: string) => (rest.startsWith(a) ? all : `${a}${rest}、${b}${rest}`))
    // 农、林、牧、渔总产值分别…: three or more such items, each the name it stands for (knowledge/metrics.json).
    .replace(/((?:[\u4e00-\u9fff]、){2,})([\u4e00-\u9fff])([\u4e00-\u9fff]{0,3}(?:产值|增加值|余额|总额|额|量))(?=分别|均|为|达)/g, (all, list: string, last: string, rest: string) => {
      const items = [...list.split('、').filter(Boolean), last];
      const names = lex.metrics.oneCharacterNames;
      return items.every((c) => names[c]) ? items.map((c) => `${names[c]}${rest}`).join('、') : all;
    });
  const blank = blankAsides(text);
  // A number inside quotation marks is part of a name (“10分钟品质文化圈”, “555”行动).
  const quoted = quotedSpans(text);
  const periods = ownPeriods(text, ctx);
  // Nor is a number that is part of a period (前9个月).
  const spansOfPeriods = findPeriods(text);
  const inPeriod = (h: Hit) => spansOfPeriods.some((p) => h.index >= p.index && h.index < p.index + p.length);
  // 唯一全年GDP超过2000亿的地区, 能否跨过1500亿门槛: a mark that places pass, not a figure of one.
  // (突破4000亿元关口 as a target is the target's figure.)
  // (新增产值超过10亿元的企业6家, 投资1亿元以上的项目12个: the bound of a class counted after it, too.)
  const bound = (h: Hit) => (/(?:超过|超|高于|大于|不低于)$/.test(text.slice(0, h.index)) || /^(?:以上|以下|及以上)/.test(text.slice(h.end)) || /(?:以上|以下)$/.test(h.figure)) && /^(?:以上|以下|及以上)?的[\u4e00-\u9fff]{1,8}?(?:达到|达|有|共|为)?\d/.test(text.slice(h.end));
  // (划定标准是:规上工业总产值1000亿元以上,或…: what a place must reach to be counted, no place's figure.)
  // (100%的村集体经济经常性收入100万元以上: the share of a class is of those past the bound, no figure of one.)
  const criterion = (h: Hit) => CRITERIA.test(text.slice(0, h.index)) || (/以上|以下/.test(h.figure + text.slice(h.end, h.end + 2)) && /\d%的[^，,；;。\d]{2,20}$/.test(text.slice(0, h.index)));
  // (落地10亿级产业项目8个, 百亿级产业集群: a size class names the things counted, no figure of its own.)
  // (增速低于预期13个百分点: a gap to what was expected, neither a figure nor an aim.)
  const shortOfAim = (h: Hit) => /(?:低于|高于|超出|超过|好于|快于|慢于|不及|落后于?)(?:预期|目标|计划|序时进度)(?:值|目标)?$/.test(text.slice(0, h.index));
  // (重点筛查60岁以上人群7400人, 65周岁及以上老年人: an age bracket of the people counted, no figure.)
  const ageBracket = (h: Hit) => /岁$/.test(h.unit) && /^(?:以上|以下|及以上|及以下|至\d+岁)?[的\u4e00-\u9fff]/.test(text.slice(h.end)) && /以上|以下|至/.test(h.figure + text.slice(h.end, h.end + 3));
  const mark = (h: Hit) => /^(?:的(?:地区|城市|区县|县市|县区)|门槛|级)/.test(text.slice(h.end)) || bound(h) || criterion(h) || shortOfAim(h) || ageBracket(h);
  const found = findHits(text, lex).filter((h) => blank[h.index] !== '\u0001' && !quoted.some(([a, b]) => h.index > a && h.index < b) && !inPeriod(h) && !mark(h));
  const hits = withBareCounts(text, blank, found);
  const drafts: IndicatorDraft[] = [];
  let subject = '';
  // Whether a figure was said of the subject yet (2个…建设已完成1个): a count after one that was is a thing of its own.
  let subjectUsed = false;
  /**
   * A count named by its noun: the subject of what follows it (2个嵌入式养老机构建设已完成1个、15个农村幸福院建设…),
   * once something was said of the one before; not a part counted before anything was said of the whole, nor 其余
   * (30项民生实事里,有3项不设…,其余27项中,已完成19项: 民生实事 stays), nor a part under 其中.
   */
  const counts = (noun: string, from: number, at: number) => {
    const keep = subject && (!subjectUsed || /其中/.test(blank.slice(from, at)) || REST_OF.test(noun));
    // (4项具体问题已整改完成: a count that says what was done of it is said of already.)
    if (!keep) [subject, subjectUsed] = [noun, /已|完成/.test(noun)];
  };
  // The parts of a place a count names, with the words it gives them (沿海前沿区域 of 14个乡镇): the owners of what they did.
  const partsOwner = new Map<string, string>();
  /** Whether a count's noun names parts of a place that do what its clause goes on to say (14个乡镇(园区)实现…). */
  const partsDoing = (hit: Hit, noun: string) => PLACE_PARTS.test(noun) && /^[\u4e00-\u9fff]/.test(text.slice(hit.end + noun.length).replace(/^[（(][^)）]{1,6}[)）]/, ''));
  let group: { names: string[]; listed: string[]; basis?: string; drafts: IndicatorDraft[]; hits: Hit[]; change: boolean; prevEnd: number; start: number; places: string[]; months: number[] } | undefined;

  // 全年/今年 in 完成全年目标任务的82.8% names a target, not the period of the figure: a
  // vague year yields to an earlier, exact period of the same sentence.
  const vague = (m: { index: number; length: number }) => /^(全年|年内|今年|本年|本年度)$/.test(text.slice(m.index, m.index + m.length));
  /** The period the sentence gives before `at`, or the context's; a target's own year where the text has one. */
  const partStart = (at: number) => Math.max(text.lastIndexOf('；', at - 1), text.lastIndexOf(';', at - 1)) + 1;
  // A period inside an earlier part of the sentence (评定…为一季度重大产业项目“领跑者”;百年百项…)
  // holds for that part; one that opens its part (6月底,全市…) holds for the parts after it too.
  // (So does one after who says it: 海关数据显示,2023年浙江省进出口额…;其中出口….)
  // (政府工作报告说,据初步统计,2018年…;一般公共预算总收入…: who said it, then the year of all the sentence's parts.)
  const holdsAt = (p: { index: number }, at: number) => p.index >= partStart(at) || /^[\s\d.、．（）()]*$|^(?:[^，,；;。]{0,10}(?:说|表示|指出)[，,])?[^，,；;。]{0,14}(?:显示|表明|统计|获悉|介绍|公布)[，,:：]\s*$/.test(text.slice(partStart(p.index), p.index));
  // (由2016年末的38降至27: the year a span starts from is that start's alone, not the period of what follows.)
  const startPoint = (p: { index: number }) => /(?:由|从)$/.test(text.slice(0, p.index));
  // (共引进亿元以上项目19个(去年全年为12个),其中10亿元以上3个: a period in brackets holds inside them only.)
  const inBrackets = (p: { index: number }, at: number) => {
    const open = Math.max(text.lastIndexOf('(', p.index), text.lastIndexOf('（', p.index));
    return open > Math.max(text.lastIndexOf(')', p.index), text.lastIndexOf('）', p.index)) && /[)）]/.test(text.slice(p.index, at));
  };
  // (和一季度相比,税收收入由增转降…增值税34.30亿元: the period a figure is set against is none of its own.)
  const comparedWith = (p: { index: number; length: number }) => /(?:与|和|同|跟)$/.test(text.slice(0, p.index)) && /^(?:相比|比较)/.test(text.slice(p.index + p.length));
  const basePeriod = (at: number, nature: Nature): Period => {
    // (…比重从2006年的10.11%增加, its end cut off: a start is its own year's.)
    const started = /^[\d.]+[^，,；;。\d]{0,8}?(?:到|至)[\d.]/.test(text.slice(at)) ? undefined : periods.find((p) => startPoint(p) && p.index < at && /^的?$/.test(text.slice(p.index + p.length, at)));
    if (started) return started.period;
    const before = periods.filter((p) => p.index < at && holdsAt(p, at) && !startPoint(p) && !inBrackets(p, at) && !comparedWith(p));
    const last = before.at(-1);
    const own = nature === 'target' && ctx.targets ? ctx.targets : ctx.period;
    // (完成全年指标任务的110.4%: 全年 there is the target's; the figure is of the text's own period.)
    const ofTarget = last && vague(last) && /^[^，,；;。]{0,2}(?:指标|目标|任务|计划)/.test(text.slice(last.index + last.length));
    if (last && vague(last)) return nature === 'target' && ctx.targets ? ctx.targets : (before.filter((p) => !vague(p)).at(-1)?.period ?? (ofTarget && nature === 'actual' ? own : last.period));
    return last?.period ?? own;
  };
  // (The sentence with its lists' 、 no stop: an item's clause runs back to the list's start.)
  const unlisted = text.replace(/、/g, ' ');
  const periodAt = (at: number, chunk: string, nature: Nature): Period => {
    const p = basePeriod(at, nature);
    // 2021年,…五年累计完成固定资产投资1043亿元, 五年年均增长5.7%: counted over the years that end at the year.
    // (预计五年累计完成固定资产投资2676.8亿元、社会消费品零售总额2131亿元: so is each item listed after it.)
    const clause = text.slice(lastDelimiter(unlisted, 0, at), at);
    const years = (chunk.match(OVER_YEARS) ?? clause.match(OVER_YEARS))?.[1];
    const n = years ? '二三四五六七八九十'.indexOf(years.replace('两', '二')) + 2 : 0;
    if (n && nature === 'actual' && p.kind === 'year' && p.year !== undefined) return spanPeriod(p.year - n + 1, p.year);
    // 2月份全区累计用电量: a month's running total counts from January.
    if (p.kind === 'month' && p.to !== undefined && p.to > 1 && /累计/.test(clause)) return { kind: 'range', year: p.year, from: 1, to: p.to, label: label({ kind: 'range', year: p.year, from: 1, to: p.to }) };
    // Results over 过去五年: a level reached is the span's last year's; what was counted over
    // the span stays the span's. Targets for a span stay the span's.
    if (p.kind !== 'span' || nature !== 'actual' || p.toYear === undefined || OVER_SPAN.test(chunk) || !REACHED.test(chunk)) return p;
    // (…利用内资450亿元、外资21.4亿美元,进出口总额达1928亿元: after sums of the span in its part of the sentence, a 达
    // adds one more — not after a ；, 实际利用外资19亿美元;上市公司总数…达到19家.)
    const part = Math.max(text.lastIndexOf('；', at), text.lastIndexOf(';', at));
    if (drafts.some((d) => d.period.kind === 'span' && d.nature === 'actual' && /元$/.test(d.unit) && !d.isChange && text.indexOf(d.figure) > part)) return p;
    return yearPeriod(p.toYear);
  };
  /** The thing inside the place that the nearest clause naming an owner opens with (see leadingThing). */
  const ownerAt = (at: number): string => {
    const part = text.slice(0, at).split(/[；;]/).at(-1) ?? '';
    const clauses = part.split(/[，,。]/);
    for (let i = clauses.length - 1; i >= 0; i--) {
      const clause = clauses[i].replace(/^\d{1,2}[.、．]/, '');
      const place = leadingPlace(clause, lex, ctx.region);
      // 海宁市:鹃湖国际科技城荣获…: a place that heads a thing of its own.
      // (全省经济开发区规上工业总产值…: the province's zones', not the province's.)
      if (place) return /^[:：]/.test(clause.slice(place.index + place.text.length)) ? (leadingThing(clause.slice(place.index + place.text.length + 1), lex) ?? '') : (zonesAfterPlace(clause, place, lex) ?? '');
      const thing = leadingThing(clause, lex);
      if (thing) return thing;
      // (总部位于温州经开区的麦田能源股份有限公司,年产值…: a clause that is only a thing, described before its 的.)
      const described = thingsIn(clause, lex).find((t) => clause.endsWith(`的${t}`));
      if (described && i < clauses.length - 1) return described;
      // 试点建设“智安街道”,建成34个场景应用: a pilot built under a name of its own owns what is done in it.
      // (其中先科半导体…制造项目推进较快,已完成投资3.32亿元: one project of those counted owns what is said of it.)
      const project = i < clauses.length - 1 ? clause.match(ONE_PROJECT)?.[1] : undefined;
      if (project) return project;
      const pilotMatch = clause.match(PILOT);
      const pilot = pilotMatch?.[1] ?? pilotMatch?.[2];
      if (pilot && i < clauses.length - 1) return pilot;
    }
    // A sentence that opens with what was done (引进数字经济项目21个) is of the thing the
    // sentences before it spoke of (推动张江长三角科技城平湖园建设), if any.
    // A sentence whose subject is 项目 (1-6月,项目完成投资3.22亿元) is of its project: the thing before, or that project.
    const opening = text.replace(/^[\s\d\-—～~月日年末底至截止到上半今以来,，、.:：]*(?:目前|现|当前|截至目前)?[,，]?/, '');
    if (/^(该)?项目/.test(opening)) return ctx.owner || '项目';
    // (2024年全省经济开发区实际使用外资…;进出口总额…: the zones the sentence opened on hold for all its parts.)
    const first = text.split(/[，,。；;]/)[0].replace(/^\d{1,2}[.、．]/, '');
    const opener = leadingPlace(first, lex, ctx.region);
    const zones = opener && zonesAfterPlace(first, opener, lex);
    if (zones) return zones;
    // (2021年,完成地区生产总值…: a sentence opening with a year of its own is a new topic, not the thing before's.)
    if (/^\s*(?:19|20)\d{2}年/.test(text)) return '';
    // (The zones of a kind a paragraph opened on stay its subject: 2024年全省经济开发区…。固定资产投资同比增长3.3%.)
    return ctx.owner && (DONE_FIRST.test(opening) || ctx.zones) ? ctx.owner : '';
  };
  const regionAt = (at: number): string => {
    // The last clause of the figure's part of the sentence (up to a ；) that opens with a place
    // names the figure's place; one that opens with 全市 or 我市 names the document's own.
    const part = text.slice(0, at).split(/[；;]/).at(-1) ?? '';
    // (其中越城区26个、柯桥区48个: a place that opens an item of a list after 、 is that item's.)
    const item = part.split(/[，,。]/).at(-1)!.split('、');
    const itemPlace = item.length > 1 && /\d/.test(item.at(-2)!) ? leadingPlace(item.at(-1)!, lex, ctx.region) : undefined;
    // (Only where the item is the place and its figure, after one with its own: 桐乡复合材料、平湖箱包、海宁纺织3个
    // and 南湖、嘉善、桐乡3个 count them all.)
    const itemRest = itemPlace ? item.at(-1)!.slice(itemPlace.text.length) : '';
    if (itemPlace?.region && !itemPlace.relative && itemPlace.index === 0 && /^(?:为|达到?|有|共|计)?$/.test(itemRest)) return itemPlace.region;
    const clauses = part.split(/[，,。]/);
    for (let i = clauses.length - 1; i >= 0; i--) {
      const clause = clauses[i].replace(/^\d{1,2}[.、．]/, '');
      // 衢州市常住人口最多的区县为柯城区,常住人口53.24万人: the place a clause ends on as what it names is the owner.
      const holder = holderNamed(clause, lex, ctx.region);
      if (holder) return holder;
      // 全市, 全省, 我县: the document's own place, or the larger one they name, at their level.
      const place = leadingPlace(clause, lex, ctx.region);
      // A word for a place the document's own does not lie in (全区 of an unknown zone): unknown.
      if (place?.relative) return place.region ?? '';
      // 濮院时尚中心等16个项目: a place that opens the one example names the example.
      if (place?.region && !EXAMPLES.test(clause.slice(place.index))) return place.region;
      // (A thing named after a place, its owner, lies in that place.)
      const named = place ? undefined : thingsPlace(clause, lex, ctx.region);
      if (named?.region && isWithin(lex, named.region, ctx.region) && !EXAMPLES.test(clause.slice(named.index))) return named.region;
    }
    // 在余姚,今年1-9月…;利润累计增长的企业有659家: the place the sentence opened on frames all its parts.
    const opened = /^[，,\s]*在[\u4e00-\u9fff]{2,8}[,，]/.test(text) ? leadingPlace(text.split(/[，,]/)[0], lex, ctx.region) : undefined;
    if (opened?.region && !opened.relative) return opened.region;
    return sentenceOpener(at) ?? ctx.region;
  };
  /**
   * 南昌县财政总收入达到38亿元,…;地方一般公共预算收入达到21.8亿元: the place a sentence opens
   * on, the only one its earlier parts name, is the subject of its later parts too.
   */
  const sentenceOpener = (at: number): string | undefined => {
    const before = text.slice(0, at);
    const parts = before.slice(Math.max(before.lastIndexOf('。'), before.lastIndexOf('！')) + 1).split(/[；;]/);
    if (parts.length < 2) return undefined;
    const earlier = parts.slice(0, -1).join('；');
    const first = leadingPlace(earlier.replace(/^[\s\d.、．]+/, ''), lex, ctx.region);
    if (!first?.region || first.relative || first.index !== 0) return undefined;
    const named = findPlaces(earlier, lex, ctx.region).filter((p) => p.region);
    return named.every((p) => p.region === first.region && !p.relative) ? first.region : undefined;
  };
  /**
   * The places a figure's clause opens with when it names several (遂昌县、庆元县GDP均增长5.9%):
   * each of them, when 均/都/同 says the figure is every one's; else [''], as the clause does not
   * say whose it is. Undefined when the clause opens with one place or none.
   */
  const sharedPlaces = (at: number): string[] | undefined => {
    const part = text.slice(0, at).split(/[；;]/).at(-1) ?? '';
    const clause = (part.split(/[，,。]/).at(-1) ?? '').replace(/^\d{1,2}[.、．]/, '');
    const places: string[] = [];
    let rest = clause;
    for (;;) {
      const p = leadingPlace(rest, lex, ctx.region);
      if (!p?.region || p.relative || p.index !== 0) break;
      places.push(p.region);
      rest = rest.slice(p.text.length);
      if (!/^[和、及与]/.test(rest)) break;
      rest = rest.slice(1);
    }
    if (places.length < 2 || EXAMPLES.test(rest)) return undefined;
    return /[均都同皆]/.test(rest) ? places : [''];
  };
  const shared = new Map<IndicatorDraft, string[]>();
  /** Whether text sets a deadline that was still ahead when the text was written. */
  const deadline = (s: string) => [...s.matchAll(DEADLINE)].some((m) => ctx.now === undefined || Number(m[1] ?? m[2]) >= ctx.now);
  const targetVerb = (s: string) => TARGET_VERB.test(s) || deadline(s);
  // A cue counts within the figure's own part of the sentence (up to a ；), not across it.
  const natureAt = (chunk: string, at: number): Nature => {
    if (SET_TARGET.test(chunk)) return 'target';
    if (ACTUAL_STRONG.test(chunk)) return 'actual';
    // 年度计划完成率57.4%: how much of a plan was done is a result, whatever the plan was.
    if (/(?:计划|目标)?完成率(?:为|达|达到)?$/.test(chunk.trim()) && !/力争|确保|争取|要/.test(chunk)) return 'actual';
    // (…7个指标符合预期目标:全区完成一般公共预算收入43.56亿元: what met a target, after its colon, is a result.)
    const before = text.slice(0, at);
    const met = [...before.matchAll(MET_TARGET)].at(-1);
    const part = (met ? before.slice(met.index! + met[0].length) : before).split(/[；;]/).at(-1) ?? '';
    const clause = part.split(/[，,]/).at(-1) ?? '';
    if (PROGRESS.test(blank.slice(lastDelimiter(blank, 0, at), at))) return targetVerb(part) ? 'target' : 'actual';
    // A target verb of the figure's own clause, or a deadline ahead, beats 累计 and 完成…目标.
    if (targetVerb(chunk) || deadline(part)) return 'target';
    // In a target's text (a task, a plan) 累计 counts what is aimed for: 累计超过160亿美元.
    if (ACTUAL_WEAK.test(ctx.nature === 'target' ? chunk.replace(/累计/g, '') : chunk)) return 'actual';
    // 年内计划完成投资290亿元,1-6月完成投资110.95亿元: a clause of its own that opens with part of the year is what was done in it.
    const opens = findPeriods(clause.replace(/^[\s,，]+/, ''))[0];
    if (opens?.index === 0 && ['range', 'month', 'asof'].includes(opens.period.kind) && !targetVerb(clause)) return 'actual';
    if (targetVerb(part) || TARGET_NOUN.test(clause)) return 'target';
    // 预期目标是:A;B;C — a target before a colon governs the list after it.
    const colon = Math.max(text.lastIndexOf(':', at), text.lastIndexOf('：', at));
    const lead = text.slice(0, colon).replace(/[是为]$/, '');
    if (colon >= 0 && !met && (targetVerb(text.slice(0, colon)) || /目标(?:任务)?$/.test(lead))) return 'target';
    return ctx.nature;
  };
  const placeless = lex.placeless.some((p) => p.test(sentence));
  const make = (name: string, hit: Hit, chunk: string, isChange: boolean): IndicatorDraft => {
    const nature = natureAt(chunk, hit.index);
    const scope = text.slice(hit.end).match(SCOPE_AFTER)?.[1];
    const draft: IndicatorDraft = {
      ...(scope ? { scope } : {}),
      ...(placeless ? { placeless } : {}),
      type: 'indicator',
      name,
      // (What was done of it, 已完成1个, 开工率98.1%, 完成投资: of the subject counted; a figure named whole,
      // 群众安全感达97.58% after 17项量化指标达标, is no figure of it.)
      subject: subject && subject !== name && (ofSubject(name) || partsOwner.has(subject)) ? ((subjectUsed = true), subject) : '',
      region: regionAt(hit.index),
      ...(ownerAt(hit.index) ? { owner: ownerAt(hit.index) } : {}),
      period: periodAt(hit.index, chunk, nature),
      value: Number(hit.number),
      unit: hit.unit,
      figure: hit.figure,
      isChange,
      growth: [],
      nature,
      sentence,
      section: ctx.section,
    };
    // 是今年浙江省获批的4个试点县之一: the count of a set the subject is one of is the set's
    // owner's — the place the clause names before it, or no place the text gives.
    if (/^[^，,。；;]{0,12}之一/.test(text.slice(hit.end))) {
      const clause = text.slice(lastDelimiter(blank, 0, hit.index), hit.index);
      draft.region = findPlaces(clause, lex, ctx.region).filter((p) => p.region).at(-1)?.region ?? '';
    }
    // (包含引进总投资20亿元的胜科纳米…半导体检测项目: a figure said of the thing after its 的 is that thing's.)
    const of = text.slice(hit.end).match(OF_THING);
    if (of) draft.owner = of[1];
    // 突破60亿大关: a level passed, not the figure itself — said so; 突破70亿元目标: the target's figure.
    const passed = text.slice(0, hit.index).match(PASSED_VERB)?.[0];
    const mark = text.slice(hit.end).match(/^(大关|关口|目标)/)?.[1];
    if (passed && mark === '目标') draft.nature = 'target';
    else if (passed && mark) draft.figure = `${passed}${hit.figure}${mark}`;
    // (单月产值首次突破60亿元: the level first passed, not the figure — the figure, 62.9亿元, is said apart.)
    else if (passed && passed !== '完成' && /首次$/.test(text.slice(0, hit.index - passed.length))) {
      draft.figure = `首次${passed}${hit.figure}`;
      draft.name = draft.name.replace(/首次$/, '');
    }
    // (规上工业总产值突破1500亿元: a level passed is a bound, said as one — never a figure to compute with.)
    else if (passed === '突破' || passed === '超过') draft.figure = `${passed}${hit.figure}`;
    const places = sharedPlaces(hit.index);
    if (places) {
      draft.region = places[0];
      if (places.length > 1) shared.set(draft, places);
    }
    return draft;
  };

  // 从673.4亿元增加到1122.8亿元, 由4.89万元、2.90万元分别提高到6.98万元、4.36万元: where a
  // span starts and where it ends, found before the figures are named one by one.
  const spans = new Map<number, { starts: Hit[]; ends: Hit[] }>();
  const inSpan = new Set<number>();
  for (let i = 0; i < hits.length; i++) {
    if (!FROM.test(blank.slice(i > 0 ? hits[i - 1].end : 0, hits[i].index))) continue;
    let j = i;
    while (j + 1 < hits.length && JOINED.test(blank.slice(hits[j].end, hits[j + 1].index))) j++;
    const k = j + 1;
    if (k >= hits.length || !FROM_TO.test(blank.slice(hits[j].end, hits[k].index))) continue;
    let e = k;
    while (e + 1 < hits.length && e - k < j - i && JOINED.test(blank.slice(hits[e].end, hits[e + 1].index))) e++;
    if (e - k !== j - i) continue;
    spans.set(i, { starts: hits.slice(i, j + 1), ends: hits.slice(k, e + 1) });
    for (let x = i; x <= e; x++) inSpan.add(x);
    i = e;
  }
  /** The figures of one 从…到: the start with the period before the span, the end with its last. */
  const fromTo = (starts: Hit[], ends: Hit[], prevEnd: number) => {
    const first = starts[0];
    const begin = lastDelimiter(blank, prevEnd, first.index);
    const chunk = text.slice(begin, first.index);
    const name = cleanName(chunk.replace(FROM, ''), lex);
    if (!hasWords(name)) return;
    const nature = natureAt(chunk, first.index);
    const base = basePeriod(first.index, nature);
    const own = (from: number, to: number) => periods.filter((p) => p.index >= from && p.index < to && !vague(p)).at(-1)?.period;
    // (村里去年的经营性收入由53.88万元升到100万元: a period before 由 is the span's, where it ended; one after it, 由2016年末的38, where it started.)
    const fromAt = begin + (chunk.match(FROM)?.index ?? chunk.length);
    const spanned = own(begin, fromAt);
    const started = (p: Period): Period => (p.kind === 'year' && p.year ? yearPeriod(p.year - 1) : { kind: 'none', label: '起始' });
    const startPeriod = own(fromAt, first.index) ?? (spanned ? started(spanned) : undefined) ?? (ctx.fromTo ? yearPeriod(ctx.fromTo.from) : undefined) ?? (base.kind === 'span' && base.fromYear ? yearPeriod(base.fromYear - 1) : started(base));
    const endPeriod = own(starts.at(-1)!.end, ends[0].index) ?? spanned ?? (ctx.fromTo ? yearPeriod(ctx.fromTo.to) : undefined) ?? (base.kind === 'span' && base.toYear ? yearPeriod(base.toYear) : base);
    const one = (hs: Hit[], period: Period): IndicatorDraft => ({
      ...make(name, hs[0], chunk, false),
      nature,
      period,
      value: hs.length === 1 ? Number(hs[0].number) : null,
      figure: hs.map((h) => h.figure).join('、'),
    });
    drafts.push(one(starts, startPeriod), one(ends, endPeriod));
  };

  /** How many values run from hit i on, joined by 、 and 和 (50.7%、50.6%…和26.4%). */
  const countAfter = (i: number): number => {
    let n = 1;
    while (i + n < hits.length && JOINED.test(blank.slice(hits[i + n - 1].end, hits[i + n].index))) n++;
    return n;
  };

  /**
   * What a share (占…的32%) whose clause starts at `clauseStart` is of: the figure of the clause
   * right before it (攻坚项目累计完成投资320亿元，占…), named as it was named.
   */
  const shareSubject = (before: number, clauseStart: number): string => {
    const prev = before > 0 ? hits[before - 1] : undefined;
    // (…减负278.2亿元、占全国1.3%: after a 、 too, where the share's clause opens with 占.)
    const between = blank.slice(prev?.end ?? 0, clauseStart);
    if (!prev || !(/^[，,]$/.test(between) || (between === '、' && text.startsWith('占', clauseStart)))) return '';
    // (…35.47亿元,同比增长11.8%,占GDP比重57.7%: the growth's clause is still of that figure.)
    return [...drafts].reverse().find((d) => d.figure === prev.figure || d.growth.some((g) => g.text.endsWith(prev.figure)))?.name ?? '';
  };

  /** The noun phrase right after a count, up to the next delimiter, figure or verb. */
  const nounAfter = (i: number): string | undefined => {
    const nextStart = i + 1 < hits.length ? hits[i + 1].index : text.length;
    let after = blank.slice(hits[i].end, nextStart);
    // Up to a delimiter, or a 和 that joins the next counted thing (8项集成改革和8大标志性工程) — right before its figure too.
    const stop = after.search(i + 1 < hits.length ? AND_NEXT_COUNT : AND_COUNT);
    // (Whether the clause ends here, or the next figure comes first: 项目落地28个.)
    const closed = stop >= 0 || nextStart === text.length;
    if (stop >= 0) after = after.slice(0, stop);
    // 31人为…教坛新秀: the count's noun is what they were made.
    after = after.replace(/^[为是]/, '');
    const cut = after.search(NOUN_END);
    let noun = cleanName((cut > 0 ? after.slice(0, cut).replace(/(基本|全部|均|都|正在)+$/, '') : after).replace(/\u0001/g, ''), lex);
    // 已有39项提前完成年度任务, 尚有7项未完成年度任务: counted by what they did, with no noun of
    // their own before the verb (提前, 未 say how): the count is of that doing.
    if (cut > 0 && cut <= 2 && /^(?:提前|如期|按时|超额|已|未|尚未|没有)?$/.test(after.slice(0, cut))) noun = cleanName(after.replace(/\u0001/g, ''), lex);
    // (25个项目开工、27个项目竣工: counts of one thing that its clauses tell apart by the verb ending each — 开工 apart
    // from 竣工 — are named with it.)
    const verb = after.slice(cut).replace(/\u0001/g, '').trim();
    if (cut > 0 && closed && noun && ENDING_VERB.test(verb)) {
      const verbs = new Set([...text.matchAll(new RegExp(`\\d+[个项家座所条]${escapeRegExp(noun)}(${NOUN_END.source})(?=[${DELIMITERS}]|$)`, 'g'))].map((m) => m[1]));
      if (verbs.size >= 2) noun = cleanName(after.replace(/\u0001/g, ''), lex);
    }
    // 12个高能级产业园产业当前集聚度达到72.7%: the rate after names the rate; the count counts the thing it is of.
    // (So does 399家规模以上企业工业总产值96.1亿元: a count before an amount of what they made.)
    const thing = i + 1 < hits.length && (RATE.test(hits[i + 1].unit) || !COUNT_UNITS.test(hits[i + 1].unit)) ? leadingThing(noun, lex) : undefined;
    if (thing) noun = thing;
    return hasWords(noun) && noun.length <= 24 ? noun : undefined;
  };

  let compared = false;
  // 九大县市区的GDP排名依次为义乌(1485.6亿元)、婺城(654.48亿元)…, 平湖市(6.8%)、秀洲区(6.2%):
  // places with their figure in brackets, each a record of the metric the sentence named before them.
  const bracketed = [...text.matchAll(/([\u4e00-\u9fff]{2,8})[（(]\s*(-?\d+(?:\.\d+)?)\s*(%|亿元|万元|元|亿|万人|个|家)\s*[）)]/g)]
    .map((m) => ({ m, place: findPlaces(m[1], lex, ctx.region).find((p) => p.region && p.index + p.text.length === m[1].length) }))
    .filter((x) => x.place);
  // (比全省(6.3%)和金华(6.7%)分别高出…: the yardsticks' own figures of what was just said — read after it, below.)
  let yardsticks: { before: number; values: typeof bracketed } | undefined;
  if (bracketed.length >= 2) {
    const first = bracketed[0].m.index! + bracketed[0].m[1].length - bracketed[0].place!.text.length;
    const before = text.slice(0, first).split(/[。；;]/).at(-1)!.split(/[，,]/).at(-1)!;
    if (/(?:比|较|高于|快于|低于|慢于)$/.test(before)) yardsticks = { before: first, values: bracketed };
    const named = before
      .replace(/(?:的)?(?:排名|排序|位次)?(?:依次|分别)?(?:为|是)?[:：]?$/, '')
      .replace(/^.*?(?:县（市、区）|县市区|县区|区县|县市|各地)的?/, '');
    const rate = /(?:增速|增幅|增长率?)$/.test(named);
    const metric = cleanName(named.replace(/(?:增速|增幅|增长率?)$/, ''), lex);
    if (hasWords(metric) && !yardsticks && bracketed.every((x) => !x.place!.relative)) {
      for (const { m, place } of bracketed) {
        const at = m.index! + m[0].indexOf(m[2]);
        const hit: Hit = { index: at, end: at + m[2].length + m[3].length, number: m[2], unit: m[3], figure: `${m[2]}${m[3]}` };
        const growth = rate && m[3] === '%' ? [{ basis: '增长', value: Number(m[2]), unit: '%', text: `增长${m[2]}%` }] : [];
        const { owner: _owner, ...d } = make(metric, hit, before, growth.length > 0);
        void _owner;
        drafts.push({ ...d, region: place!.region!, growth });
      }
    }
  }
  hits.forEach((hit, i) => {
    const prevEnd = i > 0 ? hits[i - 1].end : 0;
    // The subject a count named (44个省市县长工程项目) is its part's, up to a ；.
    if (/[；;]/.test(text.slice(prevEnd, hit.index))) subject = '';
    const span = spans.get(i);
    if (span) {
      if (group) closeGroup();
      fromTo(span.starts, span.ends, prevEnd);
      return;
    }
    if (inSpan.has(i)) return;
    const start = lastDelimiter(blank, prevEnd, hit.index);
    const chunk = text.slice(start, hit.index);
    const joined = /^[、和及与]?$/.test(blank.slice(prevEnd, hit.index).replace(/\u0001/g, ''));

    // A run of values after 分别: pair them with the names before 分别.
    if (group && joined) {
      group.hits.push(hit);
      return;
    }
    if (group) closeGroup();
    // 全市GDP跨入4000亿时代, 迈入千亿俱乐部: a milestone entered, no figure of the period.
    if (/(?:跨入|迈入|进入|跻身|迈上|站上)$/.test(blank.slice(start, hit.index)) && /^(?:时代|俱乐部|方阵|行列)/.test(text.slice(hit.end))) return;
    // 连续18年保持全省首位: how long, not how much.
    if (/^(年|个月|天)$/.test(hit.unit) && /连续$/.test(blank.slice(start, hit.index))) return;
    if (compared && joined) return;
    // (比全国平均水平10489元高出8884元: the gap after the figure compared with is no figure of the place either.)
    if (compared && /^(?:高出?|低|多出?|少|快|慢|超出?)了?$/.test(blank.slice(prevEnd, hit.index).replace(/\u0001/g, ''))) return;
    compared = COMPARED.test(blank.slice(start, hit.index).replace(/分别/g, ''));
    if (compared) return;
    const respectively = chunk.lastIndexOf('分别');
    if (respectively >= 0) {
      // The names before 分别 run back over 、 to the clause's start.
      const listStart = lastDelimiter(blank.replace(/、/g, '\u0002'), prevEnd, hit.index);
      let list = blank.slice(listStart, start + respectively);
      // 12个省“千项万亿”项目、51个市重点项目的年度投资完成率分别达到152%、105%: counts among the names
      // say how many each has; the names run back over them, counts left out.
      const wide = lastDelimiter(blank.replace(/、/g, '\u0002'), 0, hit.index);
      const counted = hits.filter((h) => h.index >= wide && h.end <= start + respectively);
      if (wide < listStart && counted.length && counted.every((h) => COUNT_UNITS.test(h.unit)) && blank.slice(wide, start + respectively).includes('、')) {
        let at = wide;
        list = '';
        for (const h of counted) {
          list += blank.slice(at, h.index);
          at = h.end;
        }
        list += blank.slice(at, start + respectively);
        // (Each name says what it counts: no count's noun is the subject of them all.)
        subject = '';
      }
      // 与前两年平均相比分别下降32.8%和24.7%: what the figures before are compared with, no names.
      // 增速超过全市平均水平的有汽车制造、计算机通信…和化纤等行业,分别增长…: with no names
      // of their own, the values take the list that ends the clause before.
      if (!hasWords(cleanName(list, lex))) {
        const before = blank.slice(prevEnd, listStart).replace(/[，,]$/, '');
        const clause = before.slice(lastDelimiter(before.replace(/、/g, '\u0002'), 0, before.length));
        const items = clause.replace(/^.*(?:有|是|为|包括|如)(?=[^、]*、)/, '');
        if ((items.match(/[、和及与]/g) ?? []).length + 1 === countAfter(i)) list = items;
      }
      const basis = list.replace(/^[，,；;\s]+/, '').match(BASIS_LISTED)?.[0];
      const listed = basis
        ? []
        : cleanName(list, lex)
            .split(/[、和及与]/)
            .map((n) => cleanName(n, lex))
            // (轻、重工业增加值: a character alone before the last shares its words.)
            .filter((n, i, all) => hasWords(n) || (/^[\u4e00-\u9fff]$/.test(n) && i < all.length - 1));
      const names = shareHead(shareTail(listed));
      // 南湖区、秀洲区规上工业增加值分别增长8.1%和10.2%: places listed, each with its figure.
      const parts = list.replace(/^[，,；;\s]+/, '').replace(/^(?:其中|另外|此外|同时)/, '').split(/[、和及与]/);
      // (平湖的独山港镇、新埭镇: the place inside the one the part opens with.)
      const places = parts.map((part) => (findPlaces(part, lex)[0]?.index === 0 ? leadingPlace(part, lex, ctx.region) : undefined)).filter((p) => p?.region).map((p) => p!.region!);
      // 3月、4月、5月、6月规上工业增加值当月增速分别为…: months listed, each with its figure.
      const months = parts.map((part) => part.replace(/^.*?(?=\d{1,2}月)/, '').match(/^(\d{1,2})月(?!份?[底末])/)).filter((m) => m && Number(m[1]) >= 1 && Number(m[1]) <= 12).map((m) => Number(m![1]));
      group = { names, listed, basis, drafts: [], hits: [hit], change: GROWTH_VERB.test(chunk.slice(respectively).replace(TRAIL_FILLER, '')), prevEnd, start, places: places.length === parts.length ? places : [], months: months.length === parts.length ? months : [] };
      return;
    }

    const growthChunk = blank.slice(start, hit.index).replace(/^[，,、]/, '');
    const growth = growthOf(growthChunk, hit) ?? growthNamed(growthChunk, hit);
    const said = cleanName(growth ? growthChunk.replace(WRITTEN_CHANGE, '').replace(/^(同比)?(增速|增幅|增长率|增长速度|增长)(为|是|达到|达)?$/, '') : blank.slice(start, hit.index), lex);
    // (占全国1.3%和全省11.1%: a share of another whole, joined on to the one before — 占全省.)
    const lastDraft = drafts.at(-1);
    const sharedOf = !growth && RATE.test(hit.unit) && lastDraft && /^占/.test(lastDraft.name) && lastDraft.figure === hits[i - 1]?.figure ? said.match(/^[和及与、]([\u4e00-\u9fff]{1,6})$/)?.[1] : undefined;
    // (达到预算的94.2%: how much of its plan the figure before made keeps its verb — no 预算 of its own.)
    const ofPlan = blank.slice(start, hit.index).replace(/^[，,、\s]+/, '').replace(/的$/, '');
    const name = sharedOf ? `占${sharedOf}` : !growth && RATE.test(hit.unit) && BARE_PLAN.test(said) && OF_PLAN.test(ofPlan) ? ofPlan : said;
    // 引进…世界500强企业、超亿美元项目、超百亿元项目合计22个: a total of the list before it, named by all of it.
    if (!growth && /(?:合计|共计|总计)$/.test(blank.slice(start, hit.index)) && /、$/.test(text.slice(0, start))) {
      const listStart = lastDelimiter(blank.replace(/、/g, '\u0002'), prevEnd, hit.index);
      const whole = cleanName(text.slice(listStart, hit.index), lex);
      if (hasWords(whole)) {
        drafts.push(make(whole, hit, chunk, false));
        return;
      }
    }
    if (growth && !hasWords(name)) {
      // 同比增长29%: the growth of the figure before it. A 年均增长 after the level a span
      // reached (从…跃升到6355亿元,年均增长7%) is the span's, a figure of its own.
      const prev = drafts.at(-1);
      const over = periodAt(hit.index, growthChunk, 'actual');
      if (prev && /年均/.test(growth.basis) && over.kind === 'span' && prev.period.kind !== 'span') {
        drafts.push({ ...make(prev.name, hit, growthChunk, true), period: over, growth: [growth] });
        return;
      }
      // 由2011年的1520亿元增至2016年的2243.1亿元,年均增长8.6%: the years of the 由…至 are its span.
      const first = drafts.at(-2);
      if (prev && /年均/.test(growth.basis) && first?.name === prev.name && first.period.kind === 'year' && prev.period.kind === 'year' && first.period.year! < prev.period.year!) {
        const years = { kind: 'span' as const, fromYear: first.period.year, toYear: prev.period.year, label: `${first.period.year}-${prev.period.year}年` };
        drafts.push({ ...make(prev.name, hit, growthChunk, true), period: years, growth: [growth] });
        return;
      }
      // …;桐乡市增长4.8%: another place's growth of the same metric, a figure of its own.
      // Its metric is the last one a growth was given of (回升幅度 of the places between is a change of a growth).
      const grown = [...drafts].reverse().find((d) => d.growth.length > 0);
      if (prev && regionAt(hit.index) !== prev.region) {
        if (grown) drafts.push({ ...make(grown.name, hit, growthChunk, true), growth: [growth] });
        return;
      }
      // …;新产品产值快速增长,同比增长40.3%: across a ；the growth is of the metric its own part names, not the figure before.
      // (Only where a clause of its own names it first: 两年平均增长6.0% after a ；is still the figure's.)
      const part = text.slice(0, hit.index).split(/[；;]/).at(-1)!;
      const clauses = part.split(/[，,]/);
      if (prev && clauses.length >= 2 && /[；;]/.test(text.slice(text.indexOf(prev.figure) + prev.figure.length, hit.index))) {
        const named = cleanName(clauses[0].replace(/(?:快速|稳步|持续|大幅|较快)?(?:增长|上升|提升|回升)$/, ''), lex);
        if (hasWords(named) && !/平均|同比|比上年|较上年|增速|增幅|相比|相较|对比|比较/.test(clauses[0])) {
          drafts.push({ ...make(named, hit, growthChunk, true), growth: [growth] });
          return;
        }
      }
      // (一季度GDP增长7.1%,力争上半年增长7.5%以上: a growth of a period of its own, or aimed at, is a figure of its own.)
      // (A price of a day keeps its changes over the month and the year: 6月30日…74.67美元，6月上涨7.5%.)
      const ownPeriod = prev?.period.kind !== 'day' && findPeriods(growthChunk.replace(WRITTEN_CHANGE, '')).length > 0 && over.label !== prev?.period.label;
      if (prev && (ownPeriod || (prev.nature === 'actual' && targetVerb(growthChunk)))) {
        drafts.push({ ...make(prev.name, hit, growthChunk, true), growth: [growth] });
        return;
      }
      // (…29.9亿元,占…比重为52.7%;同比增长12%: a share changes by 个百分点 — a growth in % is the level's before it.)
      // (So is one after how much of its plan the level made: 国有资源有偿使用收入64854万元,完成预算的232%,增长350%.)
      const ofShare = prev && RATE.test(prev.unit) && (SHARE_NAME.test(prev.name) || OF_PLAN.test(prev.name)) && RATE.test(growth.unit);
      const level = ofShare ? [...drafts].reverse().find((d) => !RATE.test(d.unit)) : undefined;
      // (服务业增加值占GDP比重达到67.8%,增长9.5%: with no level said, the growth is of what the share is of.)
      const whole = ofShare && !level ? prev!.name.match(/^(.{2,}?)占/)?.[1] : undefined;
      if (whole) {
        drafts.push({ ...make(whole, hit, growthChunk, true), growth: [growth] });
        return;
      }
      (level ?? prev)?.growth.push(growth);
      return;
    }
    // 0-14岁88511人,占15.75%: a share said of nothing else is the figure before's share of the whole (its 占比).
    const bareShare = !hasWords(name) && !growth && i > 0 && RATE.test(hit.unit) && /^[，,]?所?占$/.test(chunk.trim()) ? drafts.at(-1) : undefined;
    if (bareShare && bareShare.figure === hits[i - 1].figure && !RATE.test(bareShare.unit) && hasWords(bareShare.name)) {
      drafts.push({ ...make(`${bareShare.name}占比`, hit, chunk, false), subject: bareShare.name });
      return;
    }
    // 占三年目标投资1000亿的32%: a share of the whole just given, named by what it is a share
    // of; the whole is named without the verb (三年目标投资 1000亿).
    if (!hasWords(name) && i > 0 && RATE.test(hit.unit) && blank.slice(prevEnd, hit.index) === '的') {
      const clauseStart = lastDelimiter(blank, 0, hits[i - 1].index);
      const share = cleanName(text.slice(clauseStart, hits[i - 1].index), lex);
      if (SHARE_OF.test(share)) {
        const prev = drafts.at(-1);
        const whole = share.replace(SHARE_OF, '');
        if (prev && prev.figure === hits[i - 1].figure && prev.name === share && hasWords(whole)) prev.name = whole;
        drafts.push({ ...make(share, hit, text.slice(clauseStart, hit.index), false), subject: shareSubject(i - 1, clauseStart) });
        return;
      }
    }
    // 固定资产投资方面,全区完成846.59亿元: a figure named only by what was done is of the topic its sentence opened with.
    const topic = !growth && i === 0 && !COUNT_UNITS.test(hit.unit) && /^(?:累计)?(?:完成|实现|达到|达|共计|合计)?$/.test(name) ? text.slice(0, start).match(/^([\u4e00-\u9fff]{2,12})(?:方面|领域)[，,:：]/)?.[1] : undefined;
    if (topic) {
      drafts.push(make(topic, hit, chunk, false));
      return;
    }
    if (!hasWords(name) && /^(达到|达|突破|超过|为|是)$/.test(chunk.trim())) {
      // 上市公司总数实现翻番、达到19家: the subject of the clause names what was reached.
      const clauseStart = lastDelimiter(blank.replace(/、/g, '\u0002'), prevEnd, hit.index);
      const clause = text.slice(clauseStart, start).replace(/、$/, '');
      const cut = clause.search(VERB_CUT);
      const subjectName = cleanName(cut > 0 ? clause.slice(0, cut) : '', lex);
      if (hasWords(subjectName)) {
        drafts.push(make(subjectName, hit, chunk, false));
        return;
      }
    }
    // 濮院时尚中心等16个项目: what comes before 等 are examples; the count's noun names it.
    if (!growth && COUNT_UNITS.test(hit.unit) && /等$/.test(blank.slice(start, hit.index))) {
      const noun = nounAfter(i);
      if (noun) {
        drafts.push({ ...make(noun, hit, chunk, false), subject: '' });
        return;
      }
    }
    // 在全市规上工业32个行业大类中: after 在, the count's noun names it.
    if (/^在/.test(name) && COUNT_UNITS.test(hit.unit)) {
      const noun = nounAfter(i)?.replace(/[中里内]$/, '');
      if (noun) {
        drafts.push({ ...make(noun, hit, chunk, false), subject: '' });
        return;
      }
    }
    // 共办班142批9241人次: a second measure of the same thing, glued to the first.
    const prev = drafts.at(-1);
    if (!hasWords(name) && !growth && i > 0 && prevEnd === hit.index && prev?.figure === hits[i - 1].figure && prev.unit !== hit.unit) {
      drafts.push({ ...make(prev.name, hit, chunk, false), subject: prev.subject });
      return;
    }
    // 实际利用外资确保28亿美元、力争30亿美元: a second aim of the same figure.
    if (!hasWords(name) && !growth && prev && prev.unit === hit.unit && /^[、，,]?(?:力争|争取|最高|或)$/.test(blank.slice(prevEnd, hit.index))) {
      drafts.push({ ...make(prev.name, hit, chunk, false), subject: prev.subject, nature: 'target' });
      return;
    }
    // 苏州以近1.85万亿元的GDP总量稳居榜首: a place with the figure of what follows its 的.
    // (淮安以7%的增速…: a growth, of a metric the clause does not name, is none.)
    const by = chunk.match(/([\u4e00-\u9fff]{2,8}?)(?:则|也|更)?以(?:近|超过|超|约|逾)?$/);
    const of = by ? text.slice(hit.end).match(/^的([\u4e00-\u9fffA-Za-z]{2,10}?)(?=稳居|名列|位列|排名|排在|脱颖|紧随|居于|位居|领跑|领先|[，,。；;]|$)/) : null;
    const byPlace = by && of ? findPlaces(by[1], lex).find((m) => m.region && m.index + m.text.length === by[1].length) : undefined;
    if (of && byPlace && !growth && !GROWTH_NOUN.test(of[1])) {
      drafts.push({ ...make(of[1], hit, chunk, false), region: byPlace.region! });
      return;
    }
    // 苏州市地区生产总值11458.4亿元,南京市8316.92亿元,…: a place alone before a figure in the unit
    // of the one before gives that place's figure of the same metric.
    // (其中越城区26个、柯桥区48个: so does each place of the parts after 其中.)
    const placeAlone = chunk.trim().replace(/[，,、]/g, '').replace(/^(?:其中|分别是|分别为)/, '').replace(/(?:为|达到|达|是)$/, '');
    if (!hasWords(name) && !growth && prev && prev.unit === hit.unit && placeAlone && findPlaces(placeAlone, lex).some((m) => m.text === placeAlone && m.region && m.region !== prev.region)) {
      drafts.push({ ...make(prev.name, hit, chunk, false), subject: prev.subject });
      return;
    }
    // 突破70亿元目标,达到74.23亿元: what was reached after a target or a level passed is that metric's result.
    // (So is a level or target passed with no name of its own: 继续上扬并突破70亿元目标.)
    // (地区生产总值突破300亿元达到301.5亿元: the mark passed right before is no figure of its own.)
    const passedMark = i > 0 && prevEnd === hits[i - 1].end && PASSED_VERB.test(text.slice(0, hits[i - 1].index)) && /^(达到|达)$/.test(text.slice(hits[i - 1].end, hit.index));
    const reached = prev && prev.unit.startsWith(hit.unit.replace(/元$/, '')) && /^(达到|达|为|实现)$/.test(chunk.replace(/^[，,\s]+/, '').trim()) && (prev.nature === 'target' || prev.figure !== `${prev.value}${prev.unit}` || passedMark);
    const passedOnly = PASSED_VERB.test(text.slice(0, hit.index)) && /^(大关|关口|目标)/.test(text.slice(hit.end));
    if (!hasWords(name) && !growth && (reached || passedOnly) && !/[；;。]/.test(text.slice(prevEnd, hit.index))) {
      // (60亿 and 74.23亿元 are one unit, written short.)
      const sameUnit = (u: string) => u === hit.unit || `${u}元` === hit.unit || u === `${hit.unit}元`;
      const named = drafts.slice().reverse().find((d) => sameUnit(d.unit) && hasWords(d.name) && !/^(继续|并|后)/.test(d.name));
      if (named) {
        const d = make(named.name, hit, chunk, false);
        if (passedMark && drafts.at(-1) === named) drafts.pop();
        drafts.push({ ...d, subject: named.subject, nature: reached ? 'actual' : d.nature });
        return;
      }
    }
    // 2个公共就业服务驿站和1个标准化零工市场: the words before a count that the count before it was named by are its
    // noun, not this one's — this one is named by the words after it.
    const tookPrev = i > 0 && COUNT_UNITS.test(hit.unit) && COUNT_UNITS.test(hits[i - 1].unit) && /[和及与、]$/.test(name) && nounAfter(i - 1) === cleanName(name.replace(/[和及与、]$/, ''), lex);
    const own = tookPrev ? nounAfter(i) : undefined;
    // (Two things counted together are no one subject of the figures after them.)
    if (own) {
      drafts.push({ ...make(own, hit, chunk, false), subject: '' });
      return;
    }
    if (!hasWords(name)) {
      // 105个“百年百项”重大项目: a count named by the words after it.
      if (!COUNT_UNITS.test(hit.unit)) return;
      const noun = nounAfter(i);
      if (!noun) return;
      if (!subject && partsDoing(hit, noun)) partsOwner.set(noun, noun);
      counts(noun, prevEnd, hit.index);
      drafts.push({ ...make(noun, hit, chunk, false), subject: '' });
      return;
    }
    // 对已出台的55项失信约束措施: after an attribute ending in 的, the count's noun names it.
    if (!growth && COUNT_UNITS.test(hit.unit) && /的$/.test(blank.slice(start, hit.index))) {
      const noun = nounAfter(i);
      if (noun) {
        counts(noun, prevEnd, hit.index);
        drafts.push({ ...make(noun, hit, chunk, false), subject: '' });
        return;
      }
    }
    // 创建50个“运动家”社区, 新建3.2万亩高标准农田: a count or a measure after a bare verb is named by verb and noun together.
    // (So after a verb of making that ends longer words: 率先在全省出台22条稳外贸政策.)
    if (!growth && (name.length <= 3 || (name.length <= 10 && MADE_VERB.test(name))) && (COUNT_UNITS.test(hit.unit) || MEASURED_UNITS.test(hit.unit))) {
      const noun = nounAfter(i);
      if (noun) {
        drafts.push(make(name + noun, hit, chunk, false));
        return;
      }
    }
    // 利用内资450亿元、外资21.4亿美元: an item of a list that names no doing shares the first item's (利用外资).
    const prevDraft = drafts.at(-1);
    const shared = !growth && i > 0 && /^\s*、/.test(blank.slice(prevEnd, hit.index)) ? prevDraft?.name.match(LIST_VERB)?.[0] : undefined;
    // 低收入家庭752人实现脱贫: what the counted did, said after the count to its clause's end, is what it counts.
    const did = !growth && COUNT_UNITS.test(hit.unit) ? text.slice(hit.end).match(DID_AFTER_COUNT)?.[0] : undefined;
    // (全市一般公共预算收入200.5亿元,…,市级118.6亿元: a level of the budget alone names its part of the figure before.)
    // (Money only: 其中市级3家,县级23家 counts what each level has.)
    const level = !growth && /元$/.test(hit.unit) && lex.metrics.budgetLevels.words.includes(name) && /元$/.test(drafts.at(-1)?.unit ?? '') ? drafts.at(-1)?.name : undefined;
    const draft = make(level ? `${name}${level}` : shared && name.length <= 4 && !LIST_VERB.test(name) ? `${shared}${name}` : `${name}${did ?? ''}`, hit, chunk, Boolean(growth));
    if (growth) draft.growth.push(growth);
    // 沿海前沿区域14个乡镇(园区)实现GDP…: parts of the place counted, doing what the clause goes on
    // to say, own the figures after (not 下辖9个街道,户籍人口…: a count said of the place, then its own figure).
    if (!growth && COUNT_UNITS.test(hit.unit)) {
      const parts = nounAfter(i);
      if (parts && partsDoing(hit, parts) && !subject) {
        subject = parts;
        partsOwner.set(parts, `${hasWords(name) && !PLACE_WORDS.test(name) ? name : ''}${parts}`);
      }
    }
    // 到资总额3.05亿美元,占合同外资总量的30%: the share is of the figure just before; so is a bare
    // rate (新增停车位4245个,完成率77%).
    if (sharedOf) draft.subject = lastDraft!.subject;
    else if (!growth && RATE.test(hit.unit) && /^占/.test(name)) draft.subject = shareSubject(i, start);
    else if (!growth && RATE.test(hit.unit) && !draft.subject && /^[\u4e00-\u9fff]{1,3}率$/.test(name)) draft.subject = shareSubject(i, start);
    // (So is how much of its plan a figure made, 增值税65.72亿元,为调整预期的99.8%: the 增值税's — done, not aimed at.)
    // (Unless a verb of aiming says otherwise: 力争新增贷款1500亿元，完成年度目标的100%.)
    else if (!growth && RATE.test(hit.unit) && !draft.subject && OF_PLAN.test(name)) {
      const aimed = TARGET_VERB.test((text.slice(0, hit.index).split(/[；;]/).at(-1) ?? '').replace(name, ''));
      Object.assign(draft, { subject: shareSubject(i, start), ...(aimed ? {} : { nature: 'actual' as const }) });
    }
    drafts.push(draft);
  });
  if (group) closeGroup();
  // 制造业投资增长15.4%,占比由22.7%提升至25.8%: a share named by its head alone is the share of the metric before it.
  // (由22.7%提升至25.8%: both.)
  const shares = new Set<IndicatorDraft>();
  for (const [i, d] of drafts.entries()) {
    if (!RATE.test(d.unit) || !/^(?:所占比重|所占比例|占比|比重)$/.test(d.name) || d.subject) continue;
    const before = drafts.slice(0, i).reverse().find((e) => e.name !== d.name);
    const between = before ? text.slice(text.indexOf(before.figure), text.indexOf(d.figure)) : '';
    if (!before || !hasWords(before.name) || /[；;。]/.test(between)) continue;
    if (shares.has(before)) d.name = before.name;
    else if (!/(?:占比|比重|率)$/.test(before.name)) d.name = `${before.name}${d.name.replace(/^所占/, '')}`;
    else continue;
    shares.add(d);
  }
  // (404户规上工业企业中有245户产值同比增长: a count of a part is named by what the part did, after it.)
  for (const d of drafts) {
    const at = text.indexOf(d.figure);
    if (!/中$/.test(d.name) || !COUNT_UNITS.test(d.unit) || at < 0 || !/中有$/.test(text.slice(0, at))) continue;
    const did = text.slice(at + d.figure.length).match(/^[\u4e00-\u9fff]{2,12}(?=[，,。；;]|$)/)?.[0];
    if (did) d.name = `${d.name}${did}`;
  }
  // 粮食播种面积45.0万亩,增长5.7%;总产21.47万吨: a head alone measures what the figure before it named.
  const { heads: measures, short } = lex.metrics.sharedSubject;
  for (const [i, d] of drafts.entries()) {
    // (夏粮总产: the head written short, at the end of any name.)
    const cut = Object.keys(short).find((w) => d.name.endsWith(w));
    if (cut && d.name.length > cut.length) d.name = `${d.name.slice(0, -cut.length)}${short[cut]}`;
    // (…项目企业实现产值2072.8亿元;新增产值282.8亿元: what was added of the same thing, 项目企业新增产值.)
    const added = d.name.match(/^(新增|累计)(.{2,4})$/);
    const prior = drafts[i - 1];
    if (added && !d.subject && i > 0 && !/^[在为对向给把被]/.test(prior.name) && prior.name.endsWith(added[2]) && prior.name.length > added[2].length + 1 && !/[。]/.test(text.slice(text.indexOf(prior.figure), text.indexOf(d.figure)))) {
      d.name = `${prior.name.slice(0, -added[2].length)}${d.name}`;
      continue;
    }
    const head = short[d.name] ?? d.name;
    if (!measures.includes(head) || d.subject || i === 0) continue;
    const before = drafts[i - 1];
    const measured = measures.find((h) => before.name.endsWith(h) && before.name.length > h.length + 1);
    if (!measured || /[。]/.test(text.slice(text.indexOf(before.figure), text.indexOf(d.figure)))) continue;
    d.name = `${before.name.slice(0, -measured.length)}${head}`;
  }
  // 其中公有制企业5846户,注册资本9351.54亿元: a measure named alone right after a count is the things counted's.
  for (const [i, d] of drafts.entries()) {
    const c = drafts[i - 1];
    if (!c || d.subject || d.owner || !lex.metrics.countedMeasures.heads.includes(d.name) || !COUNT_UNITS.test(c.unit) || !hasWords(c.name)) continue;
    const from = text.indexOf(c.figure) + c.figure.length;
    const at = text.indexOf(d.figure, from);
    if (at > from && /^[，,]\s*[\u4e00-\u9fff]{2,6}$/.test(text.slice(from, at).replace(/合计|共计|总计|共|达到?|为/g, ''))) d.name = `${c.name.replace(/^(?:其中|共|有)/, '')}${d.name}`;
  }
  // 世界500强企业投资项目17个(500强为一季度数据): a note after the figure gives its own period.
  for (const d of drafts) {
    const at = text.indexOf(d.figure);
    const note = at >= 0 ? text.slice(at + d.figure.length).match(/^[（(]([^（）()]{1,12}?)(?:为|是|系)([^（）()]{2,12}?)(?:的)?数据[)）]/) : null;
    const said = note && fold(d.name).includes(fold(note[1])) ? findPeriods(note[2], ctx.year)[0]?.period : undefined;
    if (said) d.period = said;
  }
  // 1-6月,项目完成投资3.22亿元,累计完成投资7.2亿元: beside the range's own figure, 累计 counts
  // from the start, up to the range's end, and names a metric of its own.
  for (const [i, d] of drafts.entries()) {
    if (d.nature !== 'actual' || d.period.kind !== 'range' || !text.includes(`累计${d.name}`)) continue;
    const ranged = drafts.slice(0, i).some((e) => e.period.label === d.period.label && e.name !== d.name && (e.name.endsWith(d.name) || d.name.endsWith(e.name)) && !text.includes(`累计${e.name}`));
    if (!ranged) continue;
    const asof = { kind: 'asof' as const, year: d.period.year, to: d.period.to };
    d.period = { ...asof, label: label(asof) };
    d.name = `累计${d.name}`;
  }
  // 浦江县省重点建设项目3个,项目总投资102.8亿元,…完成投资19.1亿元: the projects a sentence opens by
  // counting are what its later figures of investment are of, until it counts others.
  // (Its later sentences too, where they count none of their own: 1-6月累计完成投资121.4亿元 of 无锡市级重大项目.)
  // (其中市重点项目5个,完成投资6.49亿元: the part 其中 counts, not the whole the sentence's subject still names; not
  // 累计竣工项目73个,累计完成投资1304.3亿元 — a count of those in one state, after which the investment is all of theirs.)
  let projects = countedProjects(drafts)?.name ?? ctx.projects;
  const counted = new Set<string>();
  for (const [i, d] of drafts.entries()) {
    const isCount = COUNT_UNITS.test(d.unit) && /(?:项目|工程)$/.test(d.name);
    const part = i > 0 && /其中[^，,；;。]*$/.test(text.slice(0, text.indexOf(d.figure)));
    if (isCount && (i === 0 || part || !projects)) counted.add((projects = d.name));
    else if (!isCount && projects && !d.owner && INVESTMENT_NAME.test(d.name) && (!d.subject || counted.has(d.subject))) d.subject = projects;
  }
  // 新增规上企业22家,合计完成产值1.7亿元: a total said right after a count is of the things counted.
  for (const [i, d] of drafts.entries()) {
    const c = drafts[i - 1];
    if (!c || d.subject || d.owner || !COUNT_UNITS.test(c.unit) || COUNT_UNITS.test(d.unit)) continue;
    const from = text.indexOf(c.figure) + c.figure.length;
    const at = text.indexOf(d.figure, from);
    // (Theirs, not the place's: the owner, 22家新增规上企业.)
    if (at > from && /^[，,]\s*(?:合计|共计|总计|共)/.test(text.slice(from, at))) d.owner = `${c.figure}${c.name.replace(/^.*(?:共|合计|共计)/, '')}`;
  }
  // …项目累计完成投资28.4亿元,1—12月完成投资19.1亿元: a running total said before the period's own
  // figure of the same metric is the total so far, and says so.
  for (const [i, d] of drafts.entries()) {
    const at = text.indexOf(d.figure);
    const chunk = at >= 0 ? text.slice(lastDelimiter(blank, 0, at), at) : '';
    if (d.nature !== 'actual' || !/累计/.test(chunk) || /^累计/.test(d.name)) continue;
    const ranged = drafts.slice(i + 1).find((e) => e.period.kind === 'range' && e.nature === 'actual' && e.unit === d.unit && (e.name.endsWith(d.name) || d.name.endsWith(e.name)));
    if (!ranged) continue;
    const asof = { kind: 'asof' as const, year: ranged.period.year, to: ranged.period.to };
    d.period = { ...asof, label: label(asof) };
    d.name = `累计${d.name}`;
  }
  // A parenthetical that is a clause of its own (省厅已将住房保障受益覆盖率目标调整为22%) gives
  // its figures, in the period and place of where it stands; a short aside (198亩, 年度计划82个,
  // 注…) gives none.
  for (const m of text.matchAll(/（([^（）]*)）|\(([^()]*)\)/g)) {
    const inner = m[1] ?? m[2];
    // (若不含嘉兴港区、嘉兴电厂,实现生产总值698.5亿元…): figures of another scope than the sentence's.
    const scope = inner.match(SCOPE_ASIDE);
    // (转移性支出1130639万元(包括:上解支出771390万元,预算稳定调节基金174763万元): the parts a figure is made of, each named.)
    // (Not 其中,财政4.2亿元: a word that short names no figure of its own.)
    const parts = inner.match(/^包括[:：,，]\s*/);
    const said = scope ? inner.slice(scope[0].length).replace(/^[，,:：\s]+/, '') : parts ? inner.slice(parts[0].length) : inner;
    if (!scope && !ASIDE_CLAUSE.test(said) && !(parts && /^[\u4e00-\u9fff]{3,12}\d/.test(said))) continue;
    const at = m.index ?? 0;
    const own = extractFigures(said, { ...ctx, period: basePeriod(at, 'actual'), region: regionAt(at) }, lex);
    drafts.push(...own.map((d) => ({ ...d, sentence, ...(scope ? { scope: `${scope[1]}${scope[2]}` } : {}) })));
  }
  // 宁波航运交易所发布的海上丝路贸易指数（STI）显示:进口贸易指数为162.22点…: the figures are parts of what the frame names.
  const frame = text.match(FRAME)?.[1].split('的').at(-1);
  if (frame) for (const d of drafts) if (!d.subject && d.name !== frame) d.subject = frame;
  // 引进10个内资项目,总投资额30亿: the total of the projects just counted is theirs, not the place's.
  drafts.forEach((d, i) => {
    const prev = drafts[i - 1];
    if (!prev || d.owner || !/^(?:计划)?总投资(?:额)?$|^投资总额$/.test(d.name) || !COUNT_UNITS.test(prev.unit) || !/项目$/.test(prev.name)) return;
    if (/[；;。]/.test(text.slice(text.indexOf(prev.figure), text.indexOf(d.figure)))) return;
    d.owner = `${prev.figure}${prev.name.replace(/^(?:新)?引进/, '')}`;
  });
  // (14个乡镇(园区)实现GDP…: the parts counted own what they did; the place is not theirs to answer for.)
  for (const d of drafts) if (!d.owner && d.subject && partsOwner.has(d.subject) && d.name !== d.subject) d.owner = partsOwner.get(d.subject);
  // 工业经济表现强劲,增加值增长20.9%: a head alone is of the sector the sentence opens on.
  const sector = text.match(/^\s*([\u4e00-\u9fff]{1,3}业)(?:经济)?[^，,；;。]{0,12}[，,]/)?.[1];
  if (sector) for (const d of drafts) if (/^(?:增加值|产值|总产值|营业收入|利润)$/.test(d.name)) d.name = `${sector}${d.name}`;
  // 不含常州经开区计算,全年地区生产总值2239.58亿元…: a sentence that opens on how it counts counts so throughout.
  const scoped = text.match(SCOPE_OPENING);
  if (scoped) for (const d of drafts) d.scope ??= `${scoped[1]}${scoped[2]}`;
  // (…;若剔除奥克斯集团,10月产值同比增长10.3%: so does a part of it, for its own figures.)
  let partAt = 0;
  for (const part of text.split(/[；;]/)) {
    const scopedPart = partAt > 0 ? part.match(SCOPE_OPENING) : null;
    const within = (d: IndicatorDraft) => text.indexOf(d.figure, partAt) >= 0 && text.indexOf(d.figure, partAt) < partAt + part.length;
    // (What is left out is no name of what is counted: not 奥克斯集团完成产值, the figure before's.)
    if (scopedPart) for (const d of drafts) if (within(d)) {
      d.scope ??= `${scopedPart[1]}${scopedPart[2]}`;
      if (d.name.includes(scopedPart[2])) d.name = d.name.replace(scopedPart[2], '') || d.name;
      if (d.owner === scopedPart[2]) delete d.owner;
    }
    partAt += part.length + 1;
  }
  // (不含港区的一般公共预算收入完成31.78亿元: a name that opens on what it leaves out is so counted; what is left out
  // names neither the metric nor a thing that owns it.)
  for (const d of drafts) {
    const left = d.name.match(NAMED_SCOPE);
    if (!left) continue;
    d.scope ??= `${left[1]}${left[2]}`;
    d.name = d.name.slice(left[0].length) || d.name;
    if (d.owner && left[0].includes(d.owner.replace(/^(?:不含|含|剔除|扣除)/, ''))) delete d.owner;
  }
  // A figure several places share is a record of each.
  // 共引进亿元以上项目19个(去年全年为12个): the figure of another year in brackets right after one, of the same thing.
  for (const d of [...drafts]) {
    const at = d.value === null ? -1 : text.indexOf(d.figure);
    const m = at < 0 ? null : text.slice(at + d.figure.length).match(EARLIER_IN_BRACKETS);
    if (!m || m[3] !== d.unit) continue;
    const said = findPeriods(m[1], ctx.year, ctx.now)[0]?.period;
    if (said?.year === undefined || said.year === d.period.year) continue;
    // (上年同期为8个: the same part of that year.)
    const same = /同期/.test(m[1]) && ['range', 'month', 'asof'].includes(d.period.kind) ? { ...d.period, year: said.year } : said;
    // (Read in place of whatever the bracket's words were read as: 同期 4200家.)
    const from = at + d.figure.length;
    const inside = drafts.findIndex((x) => x !== d && x.figure === `${m[2]}${m[3]}` && text.indexOf(x.figure, from) === from + m[0].indexOf(m[2]));
    if (inside >= 0) drafts.splice(inside, 1);
    drafts.push({ ...d, value: Number(m[2]), figure: `${m[2]}${m[3]}`, period: { ...same, label: label(same) }, growth: [], isChange: false });
  }
  if (yardsticks) {
    // …增长8.7%,…比全省(6.3%)和金华(6.7%)…: each place's growth of the figure whose growth is compared.
    const compared = [...drafts].reverse().find((d) => d.growth.length && text.indexOf(d.figure) >= 0 && text.indexOf(d.figure) < yardsticks!.before);
    const g = compared?.growth[0];
    if (compared && g && g.unit === '%') {
      for (const { m, place } of yardsticks.values) {
        if (m[3] !== '%') continue;
        const at = m.index! + m[0].indexOf(m[2]);
        const hit: Hit = { index: at, end: at + m[2].length + 1, number: m[2], unit: '%', figure: `${m[2]}%` };
        const { owner: _owner, ...d } = make(compared.name, hit, '', true);
        void _owner;
        drafts.push({ ...d, region: place!.region!, period: compared.period, nature: compared.nature, subject: '', growth: [{ basis: g.basis, value: Number(m[2]), unit: '%', text: `${g.basis === '增长' ? '' : g.basis}增长${m[2]}%` }] });
      }
    }
  }
  return drafts.flatMap((d) => shared.get(d)?.map((region) => ({ ...d, region })) ?? [d]);

  /** The places a clause before a group of values opens with: 桐乡市和嘉善县…, in order. */
  function placesBefore(g: NonNullable<typeof group>): string[] {
    const before = blank.slice(g.prevEnd, g.start).replace(/^[，,；;、\s]+/, '').replace(/[，,]$/, '');
    const clause = before.split(/[，,；;]/).at(-1) ?? '';
    const listed = placeList(clause);
    // (位列全市第二和第三的分别是临海市和玉环市,1-12月地方财政收入分别为…: the places the clause ends on.)
    const ending = clause.match(/(?:分别是|分别为|依次是|依次为|是|为)([^是为]+)$/)?.[1];
    return listed.length || !ending ? listed : placeList(ending);
  }

  /** The places a text opens with, listed with 和、及与 (桐乡市和嘉善县). */
  function placeList(text: string): string[] {
    const out: string[] = [];
    let rest = text;
    for (;;) {
      const p = findPlaces(rest.slice(0, 12), lex, ctx.region)[0];
      if (!p?.region || p.index !== 0) break;
      out.push(p.region);
      rest = rest.slice(p.text.length);
      if (!/^[和、及与]/.test(rest)) break;
      rest = rest.slice(1);
    }
    return out;
  }

  /** The places the sentence named before the group, each once, in order. */
  function namedBefore(g: NonNullable<typeof group>): string[] {
    const regions = findPlaces(blank.slice(0, g.start), lex, ctx.region).filter((p) => p.region && !p.relative).map((p) => p.region!);
    return [...new Set(regions)];
  }

  function closeGroup() {
    const g = group!;
    group = undefined;
    const chunk = text.slice(lastDelimiter(blank, 0, g.hits[0].index), g.hits[0].index);
    const from = drafts.length;
    groupDrafts(g, chunk);
    // (城乡居民人均可支配收入分别年均增长7.3%和8.6%: each change with the basis said of them all.)
    const said = chunk.slice(Math.max(0, chunk.lastIndexOf('分别'))).replace(/^分别/, '').replace(TRAIL_FILLER, '');
    const verb = said.match(GROWTH_VERB);
    for (const d of drafts.slice(from)) {
      if (!d.isChange || d.growth.length || d.value === null || !verb) continue;
      const sign = FALLING.test(verb[2]) ? -1 : 1;
      d.growth.push({ basis: verb[1] ?? '增长', value: sign * (d.value ?? 0), unit: d.unit, text: `${verb[1] ?? ''}${verb[2]}${d.figure}` });
    }
  }

  function groupDrafts(g: NonNullable<typeof group>, chunk: string) {
    // (湖州和丽水GDP增速分别为…: the places' names are no names of the metric.)
    const unplaced = (n: string) => {
      const place = findPlaces(n, lex)[0]?.index === 0 ? leadingPlace(n, lex, ctx.region) : undefined;
      return place ? n.slice(place.index + place.text.length) : n;
    };
    const bare = g.places.length >= 2 ? [...new Set(g.names.map(unplaced).filter(hasWords))] : g.names;
    const metricOfMonths = g.months.length >= 2 && g.months.length === g.hits.length ? cleanName((g.listed.at(-1) ?? '').replace(/^\d{1,2}月份?/, ''), lex) : '';
    if (hasWords(metricOfMonths)) {
      g.hits.forEach((h, k) => {
        const d = make(metricOfMonths, h, chunk, g.change);
        const month = { kind: 'month' as const, year: d.period.year, to: g.months[k] };
        drafts.push({ ...d, period: { ...month, label: label(month) } });
      });
    } else if (g.places.length >= 2 && g.places.length === g.hits.length && bare.length <= 1) {
      const metric = bare[0] ?? [...drafts].reverse().find((d) => d.unit === g.hits[0].unit)?.name;
      if (metric) g.hits.forEach((h, k) => drafts.push({ ...make(metric, h, chunk, g.change), region: g.places[k] }));
    } else if (g.names.length === g.hits.length || groupNames(g.listed, g.hits.length)) {
      const names = g.names.length === g.hits.length ? g.names : groupNames(g.listed, g.hits.length)!;
      names.forEach((name, k) => drafts.push(make(name, g.hits[k], chunk, g.change)));
    } else if (g.names.length <= 1 && !g.change && placesBefore(g).length === g.hits.length && g.hits.length >= 2) {
      // 桐乡市和嘉善县分列第二、第三,分别为1141.69亿元和789.26亿元: one figure a place, of the
      // metric the sentence spoke of last — or the one named before 分别 (宁波和温州排第二、第三,GDP总量分别为…).
      const places = placesBefore(g);
      const named = g.names.length === 1 && !GROWTH_NOUN.test(g.names[0]) ? g.names[0] : undefined;
      const metric = named ?? [...drafts].reverse().find((d) => d.unit === g.hits[0].unit)?.name;
      if (metric) g.hits.forEach((h, k) => drafts.push({ ...make(metric, h, chunk, false), region: places[k] }));
    } else if ((g.names.length === 0 || (g.names.length === 1 && GROWTH_NOUN.test(g.names[0]))) && (g.change || g.names.length === 1) && drafts.length >= g.hits.length) {
      // 城镇…52056元、农村…31984元，同比分别增长8.4%和8%: growths of the figures before —
      // of this part of the sentence (…37.7亿元,分别增长11.1%和11.9%;城乡居民…达47051元和22166元,分别增长8.3%和9.3%:
      // not 37.7亿元's, where 22166 was read as no figure of its own).
      const targets = drafts.slice(-g.hits.length);
      const part = Math.max(text.lastIndexOf('；', g.hits[0].index), text.lastIndexOf(';', g.hits[0].index));
      if (targets.some((d) => text.lastIndexOf(d.figure, g.hits[0].index) < part)) return;
      // …发生生产安全事故46起、死亡35人,与前两年平均相比分别下降32.8%和24.7%: with that basis.
      // (增速分别快于规上工业23.6、12.1、10.0个百分点: a gap to what they are compared with, said so.)
      const gap = chunk.slice(chunk.lastIndexOf('分别')).match(/(快于|慢于|高于|低于)([\u4e00-\u9fff]{0,8})$/);
      const verb = gap ? `${gap[1]}${gap[2]}` : (chunk.slice(chunk.lastIndexOf('分别')).match(CHANGE_VERB)?.[0] ?? '增长');
      const sign = !gap && FALLING.test(verb) ? -1 : /慢于|低于/.test(verb) ? -1 : 1;
      // (其中地方财政收入38.82亿元,年均分别增长20.2%和23.6%: an average over years, as said.)
      const said = chunk.slice(chunk.lastIndexOf('分别')).match(/两年平均|年均|同比/)?.[0];
      const basis = g.basis ?? (gap ? `比${gap[2]}` : (said ?? (/同比/.test(chunk) ? '同比' : '增长')));
      g.hits.forEach((h, k) => targets[k].growth.push({ basis, value: sign * Number(h.number), unit: h.unit, text: `${g.basis ?? ''}${verb}${h.figure}` }));
    } else if (g.names.length === 1 && /^[两二三](?:县|区|市|地|镇)/.test(g.names[0]) && namedBefore(g).length === g.hits.length) {
      // 宁海…与象山拉开距离,两县前三季度GDP总量分别为512.3亿元和380.2亿元: the places the sentence
      // named before, in that order, each with its figure.
      const metric = g.names[0].replace(/^[两二三](?:县|区|市|地|镇)(?:的)?/, '');
      namedBefore(g).forEach((region, k) => drafts.push({ ...make(metric, g.hits[k], chunk, g.change), region }));
    } else if (g.names.length >= 1) {
      // One name, several values (城乡居民人均可支配收入分别达到6.7万元和4万元): keep them together.
      const first = g.hits[0];
      const d = make(g.names.join('、'), first, chunk, g.change);
      d.value = null;
      d.figure = g.hits.map((h) => h.figure).join('和');
      // (东阳市、武义县和…分别以286.47亿元、273.75亿元和259.27亿元: values of places not all known are none of theirs together.)
      if (shared.has(d)) shared.delete(d);
      else drafts.push(d);
      // 城乡居民人均可支配收入分别达到6.7万元和4万元: the towns' and the villages', in that order, each its own too.
      const both = g.names.length === 1 && g.hits.length === 2 ? g.names[0].match(/^城乡(.+)$/) : null;
      if (both) ['城镇', '农村'].forEach((part, k) => drafts.push(make(`${part}${both[1]}`, g.hits[k], chunk, g.change)));
    }
  }
}
