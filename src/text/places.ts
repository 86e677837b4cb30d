/**
 * Place names in text, from the gazetteer in knowledge/regions.json: the longest name wins
 * where names overlap. Words for "this place" (全市, 我县, 全省) name no place of their own:
 * they resolve against the place the text belongs to — a document's, or, in a question, the
 * home city — at the level they say; where that place is unknown, so is theirs.
 */
import type { Lexicon, LearnedPlace, Region } from '../knowledge/lexicon.js';
import { escapeRegExp, fold } from './normalize.js';

export interface PlaceMention {
  /** The place named, or null where a word for "this place" has no place to resolve against. */
  region: string | null;
  text: string;
  index: number;
  /** True for a word for "this place" (全市, 全省), resolved against the text's own place. */
  relative?: boolean;
}

/** The place itself or the nearest larger one at the level a scope word says (市, 县, 区, province …). */
export function resolveScope(level: string, own: string | undefined, lex: Lexicon): string | null {
  for (let r: Region | undefined = own ? lex.regionByName.get(own) : undefined; r; r = r.within ? lex.regionByName.get(r.within) : undefined) {
    if (r.level === level || r.name.endsWith(level)) return r.name;
  }
  return null;
}

/**
 * A scope word (全市, 全省) said beside another place in a question or a conversation: the nearest
 * place at its level that holds that one — 全市 beside 定海 is 舟山市, 全省 beside 安庆 is 安徽省,
 * and 全市 beside 海宁 is 嘉兴市, not 海宁 itself (a part is weighed against a whole); the place
 * itself only where nothing larger is at that level (全市 beside 嘉兴).
 */
export function scopeBeside(word: string, other: string, lex: Lexicon): string | null {
  const level = lex.regions.scopes.words[word];
  if (!level) return null;
  const outer = lex.regionByName.get(other)?.within;
  return (outer ? resolveScope(level, outer, lex) : null) ?? resolveScope(level, other, lex);
}

/**
 * Places asked (`places`) with each scope word among them read beside the first place named in
 * `others` (scopeBeside), or none where that place has no such scope; `settled`: as the place found, by its name (全省呢 in a conversation
 * about 安庆 asks 安徽省, and 全省 is then no word to look for in a record).
 */
export function scopesBeside<T extends { region: string | null; text: string; relative?: boolean; beside?: string }>(places: T[], others: readonly T[], lex: Lexicon, settled = false): T[] {
  const named = others.find((p) => !p.relative && p.region);
  if (!named || !places.some((p) => p.relative)) return places;
  return places.map((p) => {
    if (!p.relative) return p;
    // (全市呢 after 全省呢 about 开化: 开化's city, the place 全省 was read beside — a province has no 全市,
    // and it is not the home city's either.)
    const region = scopeBeside(p.text, named.region!, lex) ?? (named.beside ? scopeBeside(p.text, named.beside, lex) : null);
    return settled && region ? { ...p, region, text: region, relative: undefined, beside: named.beside ?? named.region! } : { ...p, region };
  });
}

type PlaceName = Lexicon['placeNames'][number];
const byFirst = new WeakMap<Lexicon, Map<string, number[]>>();

/**
 * The gazetteer's names that start with a character of `text`, in the gazetteer's order (longer
 * first): only they can be found in it, and the rest need not be looked for.
 */
function namesStartingIn(text: string, lex: Lexicon): PlaceName[] {
  let index = byFirst.get(lex);
  if (!index) {
    index = new Map();
    lex.placeNames.forEach((p, i) => {
      const list = index!.get(p.text[0]);
      if (list) list.push(i);
      else index!.set(p.text[0], [i]);
    });
    byFirst.set(lex, index);
  }
  const at: number[] = [];
  for (const ch of new Set(text)) for (const i of index.get(ch) ?? []) at.push(i);
  return at.sort((a, b) => a - b).map((i) => lex.placeNames[i]);
}

/**
 * Whether a name starting with 长 there is an office's last character instead (镇长宁云, 区长陈江):
 * no place lies inside a town, a district or a bureau by that name. (市长兴县 is 湖州市长兴县.)
 */
const officeTitle = (text: string, at: number, name: string) => name[0] === '长' && at > 0 && /[镇乡村县区局院校处科所站]/.test(text[at - 1]);

/** Whether a name ending in 县 is the 县 of 县区 after a city's name instead (南昌县区财政总收入: 南昌's counties and districts). */
const countiesWord = (text: string, at: number, name: string, lex: Lexicon) =>
  name.endsWith('县') && text[at + name.length] === '区' && lex.regionByName.get(lex.placeNames.find((p) => p.text === name.slice(0, -1))?.region ?? '')?.level === 'city';

/** Every place named in `text` (folded or tidy text: place names are plain Chinese); `own` is the text's own place. */
export function findPlaces(text: string, lex: Lexicon, own?: string): PlaceMention[] {
  const taken = new Array<boolean>(text.length).fill(false);
  const found: PlaceMention[] = [];
  for (const { text: name, region, scope } of namesStartingIn(text, lex)) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      if (taken.slice(at, at + name.length).some(Boolean) || officeTitle(text, at, name) || countiesWord(text, at, name, lex)) continue;
      taken.fill(true, at, at + name.length);
      found.push(scope ? { region: resolveScope(scope, own, lex), text: name, index: at, relative: true } : { region, text: name, index: at });
    }
  }
  found.sort((a, b) => a.index - b.index);
  return found.filter((m, k) => !kindOfZone(m, lex) || !(KIND_QUALIFIED.test(text.slice(0, m.index)) || (k > 0 && found[k - 1].index + found[k - 1].text.length === m.index)));
}

/**
 * The kind of zone a clause names right after its place (全省经济开发区…, 全市高新区…): the zones of
 * that kind in the place, whose figures are theirs, not the place's. Undefined when none.
 */
export function zonesAfterPlace(clause: string, place: PlaceMention, lex: Lexicon): string | undefined {
  const rest = clause.slice(place.index + place.text.length);
  // (全市农业经济开发区: a kind qualified by a word or two, the zones of that kind.)
  for (let lead = 0; lead <= 4 && /^[\u4e00-\u9fff]/.test(rest.slice(lead)); lead++) {
    const kind = zoneKindWords(lex).find((k) => rest.startsWith(k, lead) && !/^[域]/.test(rest.slice(lead + k.length)));
    if (kind) return rest.slice(0, lead + kind.length);
  }
  return undefined;
}

const kindWords = new WeakMap<Lexicon, string[]>();
/** The words of every kind of zone, longest first: made once a lexicon. */
function zoneKindWords(lex: Lexicon): string[] {
  let words = kindWords.get(lex);
  if (!words) kindWords.set(lex, (words = lex.regions.zones.kinds.flat().sort((a, b) => b.length - a.length)));
  return words;
}

// (国家级经开区, 229家经开区, 各开发区: a kind of zone counted or ranked, not the zone the gazetteer names by it.)
const KIND_QUALIFIED = /[级类家个各等批]$/;

/**
 * Whether a mention is only a kind's word (经开区, 高新区) that the gazetteer gives a zone of the home
 * city as its short name: after another place (温州经开区 of a text that does not define it) or a
 * count or level, it is no name of that zone.
 */
function kindOfZone(m: PlaceMention, lex: Lexicon): boolean {
  return m.region !== null && !m.relative && zoneKindWords(lex).includes(m.text);
}

/** Whether a word is one for "this place" (全市, 我市, 全县 …). */
export function isScopeWord(text: string, lex: Lexicon): boolean {
  return text in lex.regions.scopes.words;
}

/**
 * The place a clause is about, when it opens with one (after a period such as 1-6月, or a
 * word such as 现, 其中): a word for "this place" resolves against `own`.
 */
export function leadingPlace(clause: string, lex: Lexicon, own?: string): PlaceMention | undefined {
  // 在余姚,今年1-9月…: a place named alone as the frame of what follows.
  const framed = clause.match(/^[，,\s]*在([\u4e00-\u9fff]{2,8})(?:[,，]|$)/);
  const frame = framed ? findPlaces(framed[1], lex, own).find((p) => p.text === framed[1] && p.region && !p.relative) : undefined;
  if (frame) return { ...frame, index: clause.indexOf(framed![1]) };
  const mentions = findPlaces(clause.slice(0, 16), lex, own);
  let first = mentions[0];
  // 桐乡崇福镇, 嘉兴市秀洲区, 平湖的独山港镇: of places written one after the other, the one inside the others.
  const next = (k: number) => ['', '的'].includes(clause.slice(first!.index + first!.text.length, mentions[k].index));
  for (let k = 1; first && k < mentions.length && next(k) && mentions[k].region && first.region && isWithin(lex, mentions[k].region!, first.region); k++) first = mentions[k];
  if (!first || (first.region === null && !first.relative)) return undefined;
  // 嘉兴市级示范性家庭农场, 嘉兴市属…: 市级 and 市属 are a level of government, not the place.
  if (/[级属]/.test(clause[first.index + first.text.length] ?? '')) return undefined;
  if (!first.relative && namesAThing(clause, first, lex)) return undefined;
  // 全省率先, 全国首个: a rank among the places of the province, not the province's figure.
  if (first.relative && RANK_AFTER.test(clause.slice(first.index + first.text.length))) return undefined;
  // 全省集中开工项目3个: the document's own projects in a campaign the province held, not the province's.
  if (first.relative && /^(?:集中|统一|同步)(?:开工|签约|竣工|开业|投产)/.test(clause.slice(first.index + first.text.length))) return undefined;
  if (first.region === null) return OPENING_ONLY.test(clause.slice(0, first.index)) ? first : undefined;
  const before = clause.slice(0, mentions[0].index);
  // Only a period, a list number, punctuation or an opening word may stand before the place.
  return OPENING_ONLY.test(before) ? first : undefined;
}

/**
 * The place a clause's opening thing is named after and lies in (嘉善 of 嘉善国际创新中心(欧洲)海外园区
 * 已入驻企业13家): a county's, a city's or a town's name; a province or the country named short
 * (浙江大学) says nothing of where the thing is.
 */
export function thingsPlace(clause: string, lex: Lexicon, own?: string): PlaceMention | undefined {
  const first = findPlaces(clause.slice(0, 16), lex, own)[0];
  if (!first?.region || first.relative || !OPENING_ONLY.test(clause.slice(0, first.index))) return undefined;
  const level = lex.regionByName.get(first.region)?.level;
  return level !== 'province' && level !== 'country' && namesAThing(clause, first, lex) ? first : undefined;
}

// (A quarter too: 2018年第一季度嘉兴GDP….)
// (“十四五”期间, 宝应的…: a plan's years opening the clause too.)
const OPENING_ONLY = /^(?:[\d\-—～~月日年末底至截止到上半今以来,，、.:：\s(（)）]|第?[一二三四]季度|前三季度|首季|[“"]?十[一二三四五六]五[”"]?(?:期间|时期|以来))*(?:现|目前|其中|另外|同时|此外|全年)?(?:[\d\-—～~月日年末底至截止到上半今以来,，、.:：\s(（)）]|第?[一二三四]季度|前三季度|首季)*$/;

const RANK_AFTER = /^(率先|首个|首家|首批|首创|第一|唯一|领先|前列|排名|排位|位次|第)/;

// Words that say what happened: a name runs up to them, never across.
const DOING = /已|编制|紧邻|毗邻|位于|地处|荣获|获得|获批|获评|被评为|完成|实现|引进|新增|累计|达到|建成|建设|开工|签约|落地|推进|推动|确保|力争|争取|新建|招引|培育|拥有|举办|接待|创建|获评|入选|列入|成为|开展|发布|启动|加快|全面|谋划|支持|深化|促成|成立|评定|完善|力争|打造|加强|腾退|符合|争创|助推|组建|搭建|设立|筹建|启用|投用|实施|制定|出台|提升|优化|深入|持续|积极|大力|着力|全力|高质量|高品质|高水平|加入|递交|吸收|共|为|是|在|将|把|对|和|与|及|的|^使|^让/;
const WORD_OF_DOING = new RegExp(`^(?:${DOING.source})$`);
// A thing's name opens with neither a count nor a pointing word (个高能级产业园, 各园区, 每个园区).
const NOT_A_NAME_START = /^[个各每全该本这那一两二三四五六七八九十几多]/;
// A thing that publishes or compiles a figure (宁波航运交易所发布的…指数) is its source, not its owner.
const SOURCE_OF = /^(发布|编制|公布|统计|显示|监测|测算)/;

/**
 * Whether a place opens the name of a thing rather than naming the place the clause is
 * about: 浙江大学, 北京理工大学长三角研究院, 宁波航运交易所 (a name that runs on, with no word
 * of doing, to an ending of knowledge/regions.json), or a province or the country by its short
 * name (浙江红船干部学院, 中国航天科工): a report speaks of those as 全省 and 全国.
 */
// A name's run of characters, with a place in brackets inside it (无锡(江阴)港).
const BRACKET = '[(（][\\u4e00-\\u9fff]{2,6}[)）]';
const BRACKETED_PLACE = new RegExp(`^${BRACKET}`);
const NAME_RUN = new RegExp(`^(?:[\\u4e00-\\u9fff“”"]|${BRACKET}){0,18}`);
const THING_RUN = new RegExp(`^(?:[\\u4e00-\\u9fff“”"]|${BRACKET}){2,24}`);

function namesAThing(clause: string, m: PlaceMention, lex: Lexicon): boolean {
  const r = lex.regionByName.get(m.region!)!;
  if ((r.level === 'province' || r.level === 'country') && m.text !== r.name) return true;
  // 嘉兴市区: the city's urban districts, not the city.
  if (m.text.endsWith('市') && clause[m.index + m.text.length] === '区') return true;
  // (无锡(江阴)港: a place in brackets inside the name.)
  const run = clause.slice(m.index + m.text.length).match(NAME_RUN)![0];
  for (const end of lex.regions.thingsNamedAfter.endings) {
    const at = run.indexOf(end);
    if (at >= 0 && !DOING.test(run.slice(0, at))) return true;
  }
  return lex.regions.thingsNamedAfter.afterPlace.endings.some((end) => run.replace(BRACKETED_PLACE, '').startsWith(end));
}

/**
 * The thing a clause opens with, inside its place: 嘉兴综合保税区 (of 嘉兴综合保税区进出口额57.8亿元),
 * 浙江清华长三角军民协同创新研究院 (…已引进项目2个), 临沪高能级智慧产业新区 (…完成工业投入41.26亿元):
 * a name of no word of doing that ends in an ending of knowledge/regions.json. Its figures are
 * its own, not the place's.
 */
export function leadingThing(clause: string, lex: Lexicon): string | undefined {
  // 12个高能级产业园…, 各园区…: a count or 各 of things names them together, still not the place.
  // (上 only of 上半年: 上三高速东互通区块 is a name.)
  const opening = clause.match(/^(?:上(?=半)|[\-—～~月日年末底至截止到半今以来,，、.:：\s(（)）]|\d(?!\d*个))*(?:现|目前|其中|另外|同时|此外)?(?:\d+个)?/)![0];
  const run = clause.slice(opening.length).match(THING_RUN)?.[0];
  // 市中医院改扩建等项目: examples of several, not one thing.
  if (!run || (NOT_A_NAME_START.test(run) && !/^(各|每个)/.test(run)) || run.includes('等')) return undefined;
  let best: string | undefined;
  for (const end of lex.regions.thingsNamedAfter.endings) {
    const at = run.lastIndexOf(end);
    // 示范区实现…: a thing named by its kind alone, as a text that has named it before calls it.
    if (at === 0 && (end.length >= 3 || lex.regions.thingsNamedAfter.parts.endings.includes(end)) && !best) {
      best = end;
      continue;
    }
    if (at < 1 || DOING.test(run.slice(0, at + end.length)) || SOURCE_OF.test(run.slice(at + end.length)) || run[at + end.length] === '等') continue;
    const name = run.slice(0, at + end.length);
    // “枢纽嘉兴”大会战: a name cut inside quotation marks is none.
    if ((name.match(/[“”"]/g) ?? []).length % 2 || /[”"]/.test(run[at + end.length] ?? '')) continue;
    if (!best || name.length > best.length) best = name;
  }
  // A place's own name with an ending of a place's kind (经开区) is the place, not a thing in it.
  return best && !lex.regionByName.has(best) && !findPlaces(best, lex).some((m) => m.text === best) ? best : undefined;
}

/**
 * The things a text names anywhere (推动张江长三角科技城平湖园建设 names 张江长三角科技城平湖园):
 * a name that ends as a thing's does, read back to a word of doing or a stop; one followed by
 * 等 is an example of several, not one thing.
 */
export function thingsIn(text: string, lex: Lexicon): string[] {
  const found: { at: number; name: string }[] = [];
  for (const end of lex.regions.thingsNamedAfter.endings) {
    for (let at = text.indexOf(end); at >= 0; at = text.indexOf(end, at + 1)) {
      if (text[at + end.length] === '等' || SOURCE_OF.test(text.slice(at + end.length))) continue;
      let from = at;
      // Back to a word of doing (推动 of 推动张江…平湖园建设), never into it.
      const doneAt = (i: number) => WORD_OF_DOING.test(text.slice(i - 1, i)) || WORD_OF_DOING.test(text.slice(Math.max(0, i - 2), i));
      while (from > 0 && /[\u4e00-\u9fff]/.test(text[from - 1]) && at + end.length - from < 24 && !doneAt(from)) from--;
      const name = text.slice(from, at + end.length);
      // A name in quotation marks (“美化嘉园”行动) is a campaign's or a slogan's, not a thing's.
      const quoted = /[“"]/.test(text[from - 1] ?? '') || /[”"]/.test(text[at + end.length] ?? '');
      if (name.length >= end.length + 2 && !quoted && !NOT_A_NAME_START.test(name) && !lex.regionByName.has(name)) found.push({ at: from, name });
    }
  }
  return found.sort((a, b) => a.at - b.at || a.name.length - b.name.length).map((f) => f.name);
}

const ORDER: Record<Region['level'], number> = { country: 0, province: 1, city: 2, county: 3, town: 4, village: 5 };

/** The most specific place a text (a title) names: a town before its county; words for "this place" aside. */
export function mostSpecificPlace(text: string, lex: Lexicon): string | undefined {
  let best: string | undefined;
  const found = findPlaces(text, lex);
  // (慈溪紧追北仑,余姚力压鄞州!宁波各地1-5月工业收入排行: a place whose parts the text goes through is what it is about.)
  // (The words for each part of a place are the question words' too: knowledge/lexicon.json eachPlaceWords.)
  const parts = lex.lexicon.eachPlaceWords.map(fold);
  const whole = found.find((m) => m.region && !m.relative && parts.some((w) => fold(text.slice(m.index + m.text.length, m.index + m.text.length + w.length + 2)).startsWith(w)));
  if (whole) return whole.region!;
  for (const m of found) {
    if (!m.region || m.relative || MEDIUM_AFTER.test(text.slice(m.index + m.text.length))) continue;
    // (经开区 of 杭州湾经开区 is that name's zone, not 嘉兴's: a kind's word after other words is no place alone.)
    if (m.index > 0 && /[\u4e00-\u9fff]/.test(text[m.index - 1]) && lex.regions.zones.kinds.some((k) => k.includes(m.text))) continue;
    const r = lex.regionByName.get(m.region)!;
    if (!best || ORDER[r.level] > ORDER[lex.regionByName.get(best)!.level]) best = m.region;
  }
  return best;
}

// 不含嘉兴港区, 平潭不计在内, 居嘉兴第2位, 嘉兴五县两区第4位, 高于全省: a place left out, or the frame a rank or a
// comparison is made in, is not what the text is about.
const LEFT_OUT_BEFORE = /(?:不含|含|除|扣除|剔除|居|位居|列|排|高于|低于|快于|慢于|超过|比|较)$/;
// (浙江日报: a medium named after a place, no mention of it either.)
const FRAME_AFTER = /^(?:不计在内|不计入|未计入|除外|[^\s，,。；;、]{0,6}?第[一二三四五六七八九十\d]+位|[（(][\d.]+%[)）]|五县两区|各县|平均|同期|日报|晚报|新闻网|[\u4e00-\u9fff]{0,6}信息网|在线|电视台|广播电视|传媒|融媒体|网讯|新闻(?!发布)|\d{1,2}月\d{1,2}日(?:电|讯))/;
// (浙江日报, 浙江在线, 杭州网, 宣城传媒网讯, 中国产业经济信息网, 中国工业报: a medium named after a place says nothing of whose the page is.)
// (Nor the place a report was filed from: 浙江日报杭州4月22日讯. A kind of report, 统计月报, 工作简报, is no paper.)
export const MEDIUM_AFTER = /^(?:日报|晚报|证券报|商报|时报|晨报|都市报|青年报|法治报|经济报|(?![\u4e00-\u9fff]{0,3}(?:月|快|简|年|周|公|通|汇|季|旬|预|专|呈)报)[\u4e00-\u9fff]{1,4}报(?![\u4e00-\u9fff])|新闻网|[\u4e00-\u9fff]{0,6}信息网|网(?![格络点上站民友店购商])|在线|电视台|广播电视|传媒|融媒体|网讯|新闻(?!发布)|\d{1,2}月\d{1,2}日(?:电|讯))/;

/** Whether a place is named as the text's subject, not as something left out or a frame of comparison. */
export function isSubjectMention(text: string, m: PlaceMention): boolean {
  return !LEFT_OUT_BEFORE.test(text.slice(Math.max(0, m.index - 2), m.index)) && !FRAME_AFTER.test(text.slice(m.index + m.text.length));
}

/**
 * A place named in the text only by a short name that is a common word too (长兴, 开化: the
 * gazetteer's askedAs), when the text makes it its subject: it opens clauses at least twice
 * (长兴把大平台作为…。长兴出台…) and the text speaks of its level's whole (全县 for a 县).
 */
export function subjectShortName(text: string, lex: Lexicon): string | undefined {
  let best: { region: string; count: number } | undefined;
  for (const r of lex.regions.regions) {
    const ending = r.name.slice(-1);
    // (A kind's word alone, 经开区, is no zone's name in a text: another city's zone is called so too.)
    if (!r.askedAs?.length || lex.regions.zones.kinds.some((k) => r.askedAs!.every((a) => k.includes(a)))) continue;
    // (Or in brackets after the zone that is one with it: 高新区(滨江)实现GDP….)
    const count = r.askedAs.reduce((n, a) => n + (text.match(new RegExp(`(?:^|[，,。；;：:|\\s]|讯)(?:(?:高新区|开发区|经开区|新区)[（(])?${escapeRegExp(a)}[)）]?(?=[\\u4e00-\\u9fff])`, 'gm'))?.length ?? 0), 0);
    // (Twice where the text speaks of 全县; four times, where it does not: ,长兴新增就业… 。长兴GDP….)
    const least = new RegExp(`(?:全|我|本)${ending}`).test(text) ? 2 : 4;
    if (count >= least && (!best || count > best.count)) best = { region: r.name, count };
  }
  return best?.region;
}

/** Whether a mention only leads into a place inside it (金华 of 金华义乌, 萧山区 of 萧山区益农镇): that one is named. */
function leadsInto(all: PlaceMention[], m: PlaceMention, lex: Lexicon): boolean {
  const next = all.find((n) => n.index === m.index + m.text.length);
  return Boolean(next?.region && !next.relative && isWithin(lex, next.region, m.region!));
}

/** The place a text names most often, of a city or smaller, when one clearly leads: a page's own. */
export function frequentPlace(text: string, lex: Lexicon): string | undefined {
  // (比全省(6.3%)和金华(6.7%): a yardstick with its figure in brackets; 金华义乌: 义乌.)
  const all = findPlaces(text, lex);
  const mentions = all.filter((m) => m.region && !m.relative && isSubjectMention(text, m) && !leadsInto(all, m, lex));
  const leading = (level: number, least = 2) => {
    const counts = new Map<string, number>();
    for (const m of mentions) if (ORDER[lex.regionByName.get(m.region!)!.level] >= level) counts.set(m.region!, (counts.get(m.region!) ?? 0) + 1);
    const [first, second] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return first && first[1] >= least && first[1] >= 2 * (second?.[1] ?? 0) ? first[0] : undefined;
  };
  // A province named in passing (浙江省委) is no city's page's subject; a page that names no
  // smaller place at all is the province's (7月浙江经济…, 上海上半年GDP…) — named once, where
  // the page speaks of 全省 throughout (发布了2013年一季度浙江经济运行情况。一季度,全省…).
  // (Nor is a zone or county named once among the province's own: 全省经济开发区…, 全省2024年… — 全省 as the
  // subject three times, not as the yardstick of a rank, 居全省第一.)
  const smaller = mentions.some((m) => ORDER[lex.regionByName.get(m.region!)!.level] >= ORDER.city);
  const ofProvince = (text.match(/全省|我省|本省/g)?.length ?? 0) >= 2;
  const provinceSubject = (text.match(/(?<![居列占比于在为])(?:全省|我省|本省)(?!第|前|平均|首|排名|领先|范围)/g)?.length ?? 0) >= 3;
  const city = leading(ORDER.city);
  if (city || !provinceSubject) return city ?? (smaller ? undefined : leading(ORDER.province, ofProvince ? 1 : 2));
  // (Then the one province it names at all is its, even in passing: 中共浙江省委通报了….)
  const provinces = new Set(findPlaces(text, lex).filter((m) => m.region && !m.relative && lex.regionByName.get(m.region)!.level === 'province').map((m) => m.region!));
  return provinces.size === 1 ? [...provinces][0] : undefined;
}

/**
 * The one place of the kind a document calls itself (区政府, 区府办, 全区: a district) that it
 * names at all, even inside a name (临安区职教中心): a document that says only 区 and names
 * one district is that district's. Undefined when it names none or several.
 */
export function scopedPlace(text: string, lex: Lexicon): string | undefined {
  // (全镇, 我镇: a town's, likewise — 2010年全镇生产总值13亿元 of a page on 沈荡镇.)
  // (区五届人大常委会, 区财政局: its own organs.)
  const kind = text.match(/(?:^|[^\u4e00-\u9fff]|年)(区|县)(?=政府|府办|委|人民政府|[一二三四五六七八九十]+届|人大|财政局)|[全我本](区|县|镇|乡|街道)(?![\u4e00-\u9fff]{0,1}(?:域|级))/);
  const suffix = kind?.[1] ?? kind?.[2];
  if (!suffix) return undefined;
  const level = /镇|乡|街道/.test(suffix) ? 'town' : 'county';
  const named = new Set(findPlaces(text, lex).filter((m) => m.region && !m.relative && m.region.endsWith(suffix) && lex.regionByName.get(m.region)!.level === level).map((m) => m.region!));
  return named.size === 1 ? [...named][0] : undefined;
}

/**
 * The place that the places a text names lie in, when it names three or more of one level
 * that all lie in it (嘉善县, 平湖市, 嘉兴港区 … of a city's bulletin that says only 全市).
 */
export function commonPlace(text: string, lex: Lexicon, least = 3, levels: Region['level'][] = ['county']): string | undefined {
  const named = new Set(findPlaces(text, lex).filter((m) => m.region && !m.relative).map((m) => m.region!));
  for (const level of levels) {
    const siblings = [...named].filter((r) => lex.regionByName.get(r)!.level === level);
    const parents = new Set(siblings.map((r) => lex.regionByName.get(r)!.within));
    if (siblings.length >= least && parents.size === 1) return [...parents][0];
  }
  return undefined;
}

/**
 * The city a story of its counties' towns and villages is told of (湖州从2012年… beside 长兴县李家巷镇、
 * 安吉县递铺街道): a city the text names, where every other place it names lies in it, in two of its
 * counties or more, none of them a 市, and its 全市 (no 全县, 全区) can only be that city — however
 * often one county is named.
 */
export function enclosingCity(text: string, lex: Lexicon): string | undefined {
  if (!/全市|我市|本市/.test(text) || /全县|我县|本县|全区|我区|本区/.test(text)) return undefined;
  const named = new Set(findPlaces(text, lex).filter((m) => m.region && !m.relative && isSubjectMention(text, m)).map((m) => m.region!));
  const cities = [...named].filter((r) => lex.regionByName.get(r)?.level === 'city');
  if (named.size < 2 || cities.length !== 1) return undefined;
  const inner = [...named].filter((r) => r !== cities[0]);
  // (Two of its counties at least: a story of one, 海盐县…列全市第一, is that county's.)
  const counties = new Set(inner.map((r) => countyOf(lex, r)).filter(Boolean));
  return counties.size >= 2 && inner.every((r) => isWithin(lex, r, cities[0]) && !(lex.regionByName.get(r)?.level === 'county' && r.endsWith('市'))) ? cities[0] : undefined;
}

/** The county a place is or lies in. */
function countyOf(lex: Lexicon, region: string): string | undefined {
  for (let r = lex.regionByName.get(region); r; r = r.within ? lex.regionByName.get(r.within) : undefined) if (r.level === 'county') return r.name;
  return undefined;
}

/**
 * The place a text compares the parts of (江苏13个设区市…, 嘉兴七县市区…): one that names five
 * cities or counties of it or more is about it, whichever it dwells on.
 */
export function comparedPlace(text: string, lex: Lexicon): string | undefined {
  const parent = commonPlace(text, lex, 5, ['city', 'county']);
  if (!parent) return undefined;
  // (Unless it dwells on one of them, three times or more and twice as much as on any other: 嘉兴去年全市生产总值… beside
  // 杭州…宁波…绍兴…湖州 named once each is a page of 嘉兴's.)
  // (It opens with it, too: 江苏省统计局…发布 opens a page on 江苏's 13 cities, however often it names 连云港.)
  const counts = new Map<string, number>();
  const mentions = findPlaces(text, lex).filter((m) => m.region && !m.relative && isSubjectMention(text, m));
  for (const m of mentions) if (lex.regionByName.get(m.region!)!.within === parent) counts.set(m.region!, (counts.get(m.region!) ?? 0) + 1);
  const [[dwelt, first] = ['', 0], [, second] = ['', 0]] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const opens = mentions.find((m) => m.region === parent || counts.has(m.region!))?.region === dwelt;
  return opens && first >= 3 && first >= 2 * second ? undefined : parent;
}

/** Whether a place lies within another (濮院镇 within 桐乡市 within 嘉兴市). */
export function isWithin(lex: Lexicon, region: string, outer: string): boolean {
  for (let r = lex.regionByName.get(region); r?.within; r = lex.regionByName.get(r.within)) if (r.within === outer) return true;
  return false;
}

/**
 * Towns and streets a text names right after their county or district (萧山区益农镇,
 * 建德市梅城镇) that the gazetteer does not list: each a place of its own, within that one.
 */
const NOT_A_TOWN = /^[小全各每以带新大该本这一重特美乡城]|城乡|[和与及、]/;

export function unlistedTowns(text: string, lex: Lexicon): LearnedPlace[] {
  const out: LearnedPlace[] = [];
  for (const m of findPlaces(text, lex)) {
    const outer = m.region && !m.relative ? lex.regionByName.get(m.region) : undefined;
    if (!outer || (outer.level !== 'county' && outer.level !== 'city')) continue;
    // 龙港镇 of 2013 (before 龙港 was a city of its own): a town named as a county is, but no county.
    const named = outer.level === 'county' && !/[市县区镇乡]$/.test(m.text) ? text.slice(m.index + m.text.length).match(/^(镇|乡)(?![村级域街镇乡区政府])/) : null;
    if (named && !out.some((t) => t.name === m.text + named[1])) out.push({ name: m.text + named[1], level: 'town', ownsShortName: true });
    if (named) continue;
    // (紹興縣稽東鎮: the county's kind word, written after a name the gazetteer gives without it, is no part of the town's.)
    const kind = text.slice(m.index + m.text.length).match(/^[市县区](?=[\u4e00-\u9fff]{2,3}?(?:镇|乡|街道))/)?.[0] ?? '';
    const town = text.slice(m.index + m.text.length + kind.length).match(/^([\u4e00-\u9fff]{2,3}?)(镇|乡|街道)(?![\u4e00-\u9fff]{0,2}(?:建设|政策|工作|发展))/);
    // 嘉兴小城镇, 嘉善全域镇, 以城带乡: words, not names; a name is said again, or in the title.
    if (!town || NOT_A_TOWN.test(town[1]) || findPlaces(town[0], lex).length || out.some((t) => t.name === town[0])) continue;
    // (Unless a village follows: 安吉县递铺街道马家村 is an address, said once.)
    if (m.index > 200 && text.split(town[0]).length < 3 && !VILLAGE_AFTER.test(text.slice(m.index + m.text.length + kind.length + town[0].length))) continue;
    out.push({ name: town[0], within: outer.name, level: 'town' });
  }
  return [...out, ...unlistedVillages(text, lex, out)];
}

/** A village named right after its town (李家巷镇刘家渡村): a place of its own, within that town. */
const VILLAGE_AFTER = /^([\u4e00-\u9fff]{2,3}?)村(?![级民委庄镇集])/;
const NOT_A_VILLAGE = /^[小全各每该本这一新大城乡美]|[和与及、]/;

function unlistedVillages(text: string, lex: Lexicon, towns: readonly LearnedPlace[]): LearnedPlace[] {
  const out: LearnedPlace[] = [];
  const at = (name: string, from: number) => text.slice(from + name.length).match(VILLAGE_AFTER);
  const found = (town: string, v: RegExpMatchArray | null) => {
    if (!v || NOT_A_VILLAGE.test(v[1]) || findPlaces(v[0], lex).length || out.some((p) => p.name === v[0])) return;
    out.push({ name: v[0], within: town, level: 'village' });
  };
  for (const m of findPlaces(text, lex)) if (m.region && !m.relative && lex.regionByName.get(m.region)?.level === 'town') found(m.region, at(m.text, m.index));
  for (const t of towns) for (let i = text.indexOf(t.name); i >= 0; i = text.indexOf(t.name, i + 1)) found(t.name, at(t.name, i));
  return out;
}

/**
 * Places the gazetteer lacks that a document names as its own in its head: the congress it
 * was given at (在霍山县第十八届人民代表大会…), the government it speaks for (我代表霍山县人民政府),
 * its title (2024年湖镇镇政府工作报告). Each lies within the place written right before it
 * (龙游县湖镇镇), else within a place not known.
 */
// (Its issuer's office says so too: 来源:固镇县统计局; and its title's year: 昌硕街道2022年工作总结.)
const OWN_PLACE = /([\u4e00-\u9fff]{2,12}?)(县|区|市|镇|乡|街道)(?=\s*(?:第[一二三四五六七八九十]+届|人民政府|办事处|政府工作报告|工作总结|工作报告|国民经济和社会发展统计公报|统计局|发展和改革局|发展改革局|(?:19|20)\d{2}年))/g;
// (宁波其余区县2024年…: the rest of a city's parts, no name.)
const NOT_A_NAME = /^(?:[全各每本我该这市县区镇乡]|其余|其他|其它)/;
const HEAD_FIELD = /分类|索引|机构|方式|日期|来源|主题|文号|范围/;
const FULL_TOWN = /([\u4e00-\u9fff]{2,3}?)(镇|乡|街道)(?![\u4e00-\u9fff]{0,2}(?:建设|政策|工作|发展|环境|整治))/g;
const OPENING_TOWN = /(?:^|\n)\s*(?:19|20)\d{2}年(?:以来)?[，,]([\u4e00-\u9fff]{2,3}?)(镇|乡|街道)(?=[\u4e00-\u9fff])/g;

/** A line that is only a place's name, its characters maybe spaced out (甘 霖 镇 → 甘霖镇); '' when it is not. */
export function placeTitle(line: string): string {
  const name = line.replace(/\s+/g, '');
  return /^[\u4e00-\u9fff]{2,4}(?:镇|乡|街道|县|区|市)$/.test(name) ? name : '';
}

/**
 * A town the file's name names first (織里鎮重點工作推進情況.txt) that the gazetteer lacks and the
 * text names twice or more (once, beside its own 全镇): the place the document is about, learned from its file's name.
 */
export function fileNameTown(fileName: string, text: string, lex: Lexicon): LearnedPlace | undefined {
  const m = fold(fileName).match(/^(?:(?:19|20)\d{2}年?)?([\u4e00-\u9fff]{2,3}?)(镇|乡|街道)/);
  if (!m || NOT_A_NAME.test(m[1]) || NOT_A_TOWN.test(m[1])) return undefined;
  const name = m[1] + m[2];
  // (Once will do where the text speaks of its own 全街道, 我镇: 一年来,松台街道深入贯彻…,全街道上下….)
  const own = new RegExp(`[全我本]${m[2]}`).test(text);
  if (findPlaces(name, lex).length || text.split(name).length < (own ? 2 : 3)) return undefined;
  return { name, level: 'town' };
}

/** The town a text's account of a year opens with (2024年,大洲镇认真落实…), when it is a town the lexicon knows. */
export function openingTown(text: string, lex: Lexicon): string | undefined {
  for (const m of text.matchAll(OPENING_TOWN)) {
    const name = m[1] + m[2];
    if (lex.regionByName.get(name)?.level === 'town') return name;
  }
  return undefined;
}

/** A zone named after a known place that the text's head names three times or more (无锡经开区逆势中…): its subject. */
function repeatedZones(text: string, endings: string, lex: Lexicon): string[] {
  const head = text.slice(0, 3000);
  const counts = new Map<string, number>();
  const after = new RegExp(`^[\\u4e00-\\u9fff]{0,6}?(?:${endings})`);
  for (const m of findPlaces(head, lex)) {
    if (!m.region || m.relative || lex.regions.zones.kinds.some((k) => k.includes(m.text))) continue;
    const rest = head.slice(m.index + m.text.length).match(after)?.[0];
    if (!rest) continue;
    // (上虞经济技术开发区 and 上虞经开区 are one zone, counted together under its full kind's name.)
    const kind = lex.regions.zones.kinds.find((k) => k.some((e) => rest.endsWith(e)));
    const ending = kind?.filter((e) => rest.endsWith(e)).sort((a, b) => b.length - a.length)[0];
    const whole = kind && ending ? m.text + rest.slice(0, -ending.length) + kind[0] : m.text + rest;
    counts.set(whole, (counts.get(whole) ?? 0) + 1);
  }
  return [...counts.entries()].filter(([, n]) => n >= 3).map(([whole]) => whole);
}

const ZONE_NOT_A_NAME = /构筑|建设|打造|推进|加快|培育|做强|提升|创建|争创|发展|特色|全力|聚力|助力/;

/** The part of the year a headline opens with (上半年苏州工业园区…): no part of a name after it. */
const HEADLINE_PERIOD = /^(?:(?:19|20)\d{2}年)?(?:上半年|下半年|前三季度|第?[一二三四]季度|首季|今年|去年|全年|\d{1,2}(?:-|至|~)\d{1,2}月份?|\d{1,2}月份?)+/;

/**
 * A zone a document speaks for, that the gazetteer lacks: named where its head says who
 * publishes it (来源:宁波大榭开发区, 发布机构:… — not a site that only posts it, 发布开发区:…),
 * opening one of its first short lines as its subject (庆元经济开发区简介, 杭州余杭开发区工业
 * 经济复苏提速), or named three times in its head (无锡经开区…). It lies within the place its
 * name opens with; its name keeps that place where nothing else names it (庆元经济开发区, not
 * 经济开发区), and it is asked by any name of its kind (庆元经开区) or by its own words where
 * they are no place's (大榭).
 */
export function ownZones(text: string, lex: Lexicon): LearnedPlace[] {
  const { kinds, generic } = lex.regions.zones;
  const endings = kinds.flat().sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const name = `([\u4e00-\u9fff]{2,12}?(?:${endings}))`;
  // (Its end is where the field's ends: a space, a pipe, the next field's name — spaces may be gone.)
  const published = new RegExp(`(?:来源|发布机构|发布单位|主办单位|主办)\\s*[:：]\\s*${name}(?:管委会|管理委员会)?(?=[\\s|]|$|[^\\u4e00-\\u9fff]|发布|作者|编辑|浏览|点击|时间|日期|字号)`);
  // (A headline that opens with it: 杭州余杭开发区工业经济复苏提速.)
  const subject = new RegExp(`^${name}`);
  const out: LearnedPlace[] = [];
  const lines = text.split('\n').filter((l) => l.trim()).slice(0, 12);
  // (上半年苏州工业园区实际利用外资…: the part of the year a headline opens with is no part of the name.)
  const headline = (line: string) => line.trim().replace(HEADLINE_PERIOD, '');
  const heads = lines.map((line) => (line.match(published) ?? (line.trim().length <= 40 ? headline(line).match(subject) : null))?.[1]);
  // (杭州余杭经济技术开发区(以下简称“经开区”): the short name the text gives it is its own here.)
  const defined = text.slice(0, 3000).match(new RegExp(`${name}[(（]以下简称[“"]?([\u4e00-\u9fff]{2,8})[”"]?[)）]`));
  const bare = bareZone(text, lex);
  if (bare) out.push({ name: bare.name, within: bare.within, level: 'county', aliases: [bare.alias] });
  for (const whole of [...heads, ...repeatedZones(text, endings, lex), defined?.[1]]) {
    // (A government's or an office's name is no zone's: 来源:宁波市奉化区人民政府发布开发区:…; nor what a headline
    // says is done, 长兴构筑特色工业园区.)
    if (!whole || /政府|人民|办公|局|委员会/.test(whole) || ZONE_NOT_A_NAME.test(whole) || findPlaces(whole, lex).some((p) => p.text === whole)) continue;
    const ending = kinds.flat().filter((e) => whole.endsWith(e)).sort((a, b) => b.length - a.length)[0];
    // (杭州余杭开发区: within 余杭区, the last place its name opens with.)
    // (经开区 of 无锡经开区 is no 嘉兴经开区: a kind's word alone is no place here.)
    const opening = findPlaces(whole, lex).filter((p) => p.region && !p.relative && !kinds.some((k) => k.includes(p.text)));
    // (吴中开发区: a name a place is asked by, 吴中 of 吴中区, opens it too — the zone lies in that place and is no 吴中.)
    const asked = lex.regions.regions.find((r) => r.askedAs?.some((a) => a.length >= 2 && whole.startsWith(a) && !kinds.some((k) => k.includes(a))));
    if (asked && !opening.some((p) => p.index === 0)) opening.unshift({ text: asked.askedAs!.find((a) => whole.startsWith(a))!, index: 0, region: asked.name });
    let outer = opening.find((p) => p.index === 0);
    while (outer) {
      const next = opening.find((p) => p.index === outer!.index + outer!.text.length);
      if (!next) break;
      outer = next;
    }
    const start = outer ? outer.index + outer.text.length : 0;
    const core = whole.slice(start, whole.length - ending.length);
    // (经济开发区 after 庆元 is no name of its own: the zone is 庆元经济开发区.)
    const own = core.length >= 2 && !generic.includes(core);
    const kind = kinds.find((k) => k.includes(ending)) ?? [ending];
    // Its name as the text writes it in full (余杭经济技术开发区 of 余杭开发区), the place kept where nothing else names it.
    const prefix = own ? core : whole.slice(outer?.index ?? 0, whole.length - ending.length);
    const zone = [...kind].sort((a, b) => b.length - a.length).map((e) => prefix + e).find((n) => text.includes(n)) ?? prefix + ending;
    if (out.some((p) => p.name === zone)) continue;
    // (And with its place before it, as the text writes it: 杭州钱江经济开发区.)
    const placed = own && outer ? [whole, `${whole.slice(outer.index, start)}${zone}`] : [];
    const aliases = [...(prefix ? kind.map((e) => prefix + e) : []), ...placed, ...(own && !findPlaces(core, lex).length ? [core] : [])].filter((a) => a !== zone);
    const level = outer?.region && lex.regionByName.get(outer.region)?.level === 'county' ? 'town' : 'county';
    const given = whole === defined?.[1] ? defined[2] : undefined;
    out.push({ name: zone, ...(outer?.region ? { within: outer.region } : {}), level, aliases: [...new Set([...aliases, ...(given ? [given] : [])])], ...(given ? { ownsAliases: true } : {}) });
  }
  return out;
}

/**
 * 经开区2022年…汇报: a kind's word alone heads a zone's own report — the zone of the one city its text names
 * (芜湖市在这项工作上…: 芜湖经济技术开发区); none where it names no city, several, or the home city (嘉兴经开区 is in the gazetteer).
 */
export function bareZone(text: string, lex: Lexicon): { name: string; within: string; alias: string } | undefined {
  const { kinds } = lex.regions.zones;
  const first = text.split('\n').find((l) => l.trim())?.trim() ?? '';
  const bare = kinds.flat().sort((a, b) => b.length - a.length).find((k) => first.startsWith(k) && /^(?:(?:19|20)\d{2}年|[^\u4e00-\u9fff]|$)/.test(first.slice(k.length)));
  const city = bare ? soleCity(text, lex) : undefined;
  if (!bare || !city || city === lex.regions.home) return undefined;
  const short = lex.regionByName.get(city)!.aliases.find((a) => a.length >= 2 && city.startsWith(a)) ?? city.replace(/市$/, '');
  const full = [...(kinds.find((k) => k.includes(bare)) ?? [bare])].sort((a, b) => b.length - a.length)[0];
  return { name: `${short}${full}`, within: city, alias: `${short}${bare}` };
}

/** The one city a text names (芜湖市 of a zone's report), if it names exactly one. */
function soleCity(text: string, lex: Lexicon): string | undefined {
  const cities = new Set(findPlaces(text, lex).filter((p) => p.region && !p.relative && lex.regionByName.get(p.region)?.level === 'city').map((p) => p.region!));
  return cities.size === 1 ? [...cities][0] : undefined;
}

/**
 * A county the gazetteer lacks that the text makes its own: it speaks of 全县, opens a clause
 * with the county's full name, and names it by its short name right after its province or city
 * (安徽肥西…。肥西县规上工业…), or opens two clauses in full and one by its short name — within
 * that province or city, where one is.
 */
function ownUnlistedCounty(text: string, lex: Lexicon): LearnedPlace | undefined {
  if (!/(?:全|我|本)县/.test(text)) return undefined;
  const opens = new Map<string, number>();
  for (const m of text.matchAll(/(?:^|[，,。；;：:\s])([\u4e00-\u9fff]{2})县(?![城域委级乡])/gm)) if (!NOT_A_NAME.test(m[1])) opens.set(m[1], (opens.get(m[1]) ?? 0) + 1);
  for (const [core, times] of opens) {
    if (findPlaces(core, lex).length || findPlaces(`${core}县`, lex).some((p) => p.text === `${core}县`)) continue;
    // (安徽肥西: right after its province; or opening a clause, 肥西全县上下…)
    const after = [...text.matchAll(new RegExp(`([\\u4e00-\\u9fff]{2,4})${core}(?!县)`, 'g'))]
      .map((m) => findPlaces(m[1], lex).filter((p) => p.region && !p.relative && p.index + p.text.length === m[1].length).at(-1)?.region)
      .find((r) => r && ['province', 'city'].includes(lex.regionByName.get(r)!.level));
    const alone = new RegExp(`(?:^|[，,。；;：:\\s])${core}(?!县)[\\u4e00-\\u9fff]`, 'm').test(text);
    // (Else it opens two clauses in full: 推进县私募基金… once is a verb's object.)
    if (!after && (!alone || times < 2)) continue;
    return { name: `${core}县`, ...(after ? { within: after } : {}), level: 'county' };
  }
  return undefined;
}

export function ownUnlistedPlaces(text: string, lex: Lexicon, whole = text): LearnedPlace[] {
  const head = `${text.split('\n').slice(0, 30).join('\n')}\n${text.match(/我代表[^，,。\n]{2,20}/)?.[0] ?? ''}`;
  const out: LearnedPlace[] = [];
  const county = ownUnlistedCounty(text, lex);
  if (county) out.push(county);
  // A yearbook's or gazetteer's entry is titled by the place alone (甘 霖 镇), maybe under a line
  // of the page's own (广德市 编辑); 隶属于安徽省宣城市 says where it lies.
  const entry = text.split('\n').filter((l) => l.trim()).slice(0, 3).map(placeTitle).find(Boolean);
  if (entry && !NOT_A_NAME.test(entry) && !lex.regions.zones.kinds.some((k) => k.includes(entry)) && !findPlaces(entry, lex).some((p) => p.text === entry)) {
    const belongs = text.slice(0, 600).match(new RegExp(`${entry}(?:隶属于|隶属|属)([\u4e00-\u9fff]{2,12})`));
    const within = belongs ? findPlaces(belongs[1], lex).filter((p) => p.region && !p.relative).at(-1)?.region ?? undefined : undefined;
    out.push({ name: entry, ...(within ? { within } : {}), level: /(?:镇|乡|街道)$/.test(entry) ? 'town' : 'county' });
  }
  // 2024年,大洲镇认真落实…: a town that opens its account of a year, at a paragraph's start.
  for (const m of text.matchAll(OPENING_TOWN)) {
    const name = m[1] + m[2];
    // (2014年,浙江城镇常住居民…: a known place before a word, 城镇, is no town's name.)
    if (NOT_A_NAME.test(m[1]) || findPlaces(name, lex).some((p) => p.text === name || (p.index === 0 && !p.relative)) || out.some((p) => p.name === name)) continue;
    out.push({ name, level: 'town' });
  }
  // 爵溪累计完成…,爵溪将始终保持… beside (爵溪街道/供图): a town the text names in full and opens its
  // sentences with by its short name is its subject, within the one county it names. (The full name
  // may stand only in a credit line the page's clutter went with: `whole`.)
  const title = text.split('\n').filter((l) => l.trim()).slice(0, 3).join('');
  for (const m of whole.matchAll(FULL_TOWN)) {
    // (文爵溪街道 of 史妮妮/文 爵溪街道/供图 with its space gone: the name is the part the text opens with.)
    // (Its short name is in the title, and no word of doing: 完成街道 of …完成街道下达的… is none.)
    const short = [m[1].slice(-2), m[1]].find((n) => {
      const opens = text.match(new RegExp(`(?:^|[\n，,。；;])\\s*${n}(?!${m[2]})`, 'g'))?.length ?? 0;
      return opens >= 2 && text.split(n).length >= 4 && title.includes(n) && !DOING.test(n);
    });
    const name = `${short}${m[2]}`;
    if (!short || NOT_A_NAME.test(short) || NOT_A_TOWN.test(short) || findPlaces(name, lex).length || out.some((p) => p.name === name)) continue;
    const counties = new Set(findPlaces(text, lex).filter((p) => p.region && !p.relative && lex.regionByName.get(p.region)?.level === 'county').map((p) => p.region!));
    out.push({ name, ...(counties.size === 1 ? { within: [...counties][0] } : {}), level: 'town', ownsShortName: true });
  }
  for (const m of head.matchAll(OWN_PLACE)) {
    // (What the run opens with before the name: 2024年, 在, 我代表.)
    let run = m[1].replace(/^.*(?:年|月|日|在|代表|关于|印发)/, '');
    const outer = findPlaces(run, lex).filter((p) => p.region && !p.relative).at(-1);
    if (outer) run = run.slice(outer.index + outer.text.length);
    const name = run + m[2];
    // (组配分类 市政府工作报告: a field of the page's head, no place.)
    // (现将我区2019年…: 我区 is the speaker's own district, whatever words come before it.)
    // (经开区2022年…: a kind of zone's word alone is no county's name — ownZones reads it.)
    if (run.length < 2 || run.length > 4 || NOT_A_NAME.test(run) || /[全我本该各每]$/.test(run) || HEAD_FIELD.test(run) || lex.regions.zones.kinds.some((k) => k.includes(name)) || findPlaces(name, lex).some((p) => p.text === name)) continue;
    const within = outer?.region && !outer.relative ? outer.region : undefined;
    // (Named twice, once after its county: that one says where it lies.)
    const seen = out.findIndex((p) => p.name === name);
    if (seen >= 0 && (out[seen].within || !within)) continue;
    if (seen >= 0) out.splice(seen, 1);
    out.push({ name, ...(within ? { within } : {}), level: /镇|乡|街道/.test(m[2]) ? 'town' : 'county' });
  }
  return out;
}
