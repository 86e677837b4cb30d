/**
 * What a document is, from its content: title, issuer, date, region, number, the lines that
 * say what it is (meeting and speaker lines, header fields, addressees, 发送 lists), and which
 * lines are its head rather than its body. Never from the file name.
 */
import type { Lexicon } from '../knowledge/lexicon.js';
import type { Layout, HeaderField } from './layout.js';
import { findPlaces, isSubjectMention, MEDIUM_AFTER, mostSpecificPlace, placeTitle, type PlaceMention } from '../text/places.js';
import { escapeRegExp, fold } from '../text/normalize.js';
import { decide } from './about.js';

export interface Identity {
  /** The title as the document gives it, tidied; '' when it gives none. */
  title: string;
  /** True when the title line was damaged (lost characters) and only its readable end is kept. */
  garbled: boolean;
  /** True for a page's headline that no title word marks (the line above its header fields): a title, but no evidence of place before the body. */
  headline?: boolean;
  /** 0-based index of the title's line, when the document has one. */
  titleAt?: number;
  issuer: string;
  /** YYYY-MM-DD, or '' when the document gives no date. */
  date: string;
  /** The place the title, the meeting or the speaker names; undefined when none does. */
  region?: string;
  /** Which line named it. */
  regionFrom?: 'title' | 'meeting' | 'speaker' | 'issuer';
  number?: string;
  notes: string[];
  /** 0-based indexes of the head's lines: title, header fields, meeting and speaker lines. */
  head: Set<number>;
  /** The meeting line's date and place: 2022年4月25日在嘉兴市第九届人民代表大会第一次会议上. */
  meeting?: { date: string; text: string };
}

const DATE = /((?:19|20)\d{2})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*日?/;
const iso = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

/** 2021年7月19日, 2021-09-08, 2021.9.8 → 2021-07-19; undefined when none. */
export function dateIn(text: string): string | undefined {
  const m = text.match(DATE);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31) return undefined;
  return iso(m[1], m[2], m[3]);
}

/** A date written without separators (2022510 under a signature): only when it splits one way. */
function compactDate(text: string): string | undefined {
  const m = text.match(/^((?:19|20)\d{2})(\d{2,4})$/);
  if (!m) return undefined;
  const rest = m[2];
  const splits: [string, string][] = [];
  for (let i = 1; i < rest.length; i++) {
    const [mm, dd] = [rest.slice(0, i), rest.slice(i)];
    // 0 opens a part only when both parts have two digits (20220510).
    const padded = rest.length === 4;
    if (mm.length > 2 || dd.length > 2 || ((mm.startsWith('0') || dd.startsWith('0')) && !padded)) continue;
    if (Number(mm) >= 1 && Number(mm) <= 12 && Number(dd) >= 1 && Number(dd) <= 31) splits.push([mm, dd]);
  }
  return splits.length === 1 ? iso(m[1], splits[0][0], splits[0][1]) : undefined;
}

// ——2020年4月28日在嘉兴市第八届人民代表大会第五次会议上, possibly over two lines of a PDF.
const MEETING = /[—－\-(（]*\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*在([^。；;，,]{2,40}?(?:会议|大会))上[)）]?/;
// 嘉兴市人民政府市长 毛宏芳, 代市长 李军, 海宁市人民政府市长 许红莲.
const SPEAKER = /^([\u4e00-\u9fff]{0,14}(?:人民政府|政府))?\s*代?(?:市长|县长|区长|镇长|乡长|主任|局长)\s*[\u4e00-\u9fff·]{2,5}$/;
const ORG_END = /(委员会|人民政府|政府|办公室|办公厅|统计局|调查队|局|委|厅|中心|研究院|研究所)$/;
const NOTE_LINE = /^(发送|抄送|报送|主送|分送|签发|印发)[:：]|^[（(]此件[^）)]*[）)]$|^[^，。]{2,20}编$|^各(?!位)[^。]{2,40}[:：]$/;

/** The organs that issue a document jointly, written together: 中共嘉兴市委嘉兴市人民政府 → 中共嘉兴市委 嘉兴市人民政府. */
// A government's publicity account or a paper, as a page's source: 南通发布, 嘉兴日报, 浙江在线.
// (The medium words places.ts knows, and a government's 发布 account.)
// (杭州网杭州通客户端: the medium and its app.)
const MEDIUM_ISSUER = new RegExp(`^[\\u4e00-\\u9fff]{2,8}?(?:发布|${MEDIUM_AFTER.source.slice(1)})(?![\\u4e00-\\u9fff](?![\\u4e00-\\u9fff]{0,5}客户端$))`);

export function issuers(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/(市委|县委|区委|党委|委员会|人民政府|政府|办公室|办公厅)(?=(中共|[\u4e00-\u9fff]{2,4}(市|县|区|镇)))/g, '$1 ')
    .trim();
}

/**
 * A header written as a table row (发布单位 | 新嘉街道 | 发布日期 | 2025-01-22 |, 索 引 号 | …) as
 * the fields it holds, written name:value; other lines as they are.
 */
function fieldsOfRow(line: string, layout: Layout): string {
  if (!/[|\t]/.test(line)) return line;
  const cells = line.split(/\s*[|\t]\s*/).map((c) => c.trim()).filter(Boolean);
  const isName = (c: string) => layout.headerFields.some((f) => f.name === c.replace(/\s+/g, ''));
  if (!cells.length || !isName(cells[0])) return line;
  return cells.map((c, i) => (isName(c) ? `${i ? ' ' : ''}${c.replace(/\s+/g, '')}:` : c)).join('');
}

/** Header fields of a government site's page: 索引号: … 发布机构: … 成文日期: …. */
function headerFields(row: string, layout: Layout): { field: HeaderField; name: string; value: string }[] {
  const line = fieldsOfRow(row, layout);
  const names = layout.headerFields.map((f) => escapeRegExp(f.name)).join('|');
  const re = new RegExp(`(${names})\\s*[:：]`, 'g');
  const found = [...line.matchAll(re)];
  // A field starts the line (after a list's bullet: • 来源:…), or the line holds two of them: prose that names a 来源 is no header.
  const start = line.match(/^\s*[•·]?\s*/)![0].length;
  if (!found.length || (found[0].index !== start && found.length < 2)) return [];
  return found.map((m, i) => {
    const end = i + 1 < found.length ? found[i + 1].index : line.length;
    const name = m[1];
    const raw = line.slice(m.index! + m[0].length, end);
    let value = raw.trim();
    // (来源:南通发布 日期:…, its space gone: 南通发布 is the source, 日期 the next field — not 南通, then 发布日期.
    // A value a space or a cell ends, 发布单位 | 新嘉街道 | 发布日期 |, is whole.)
    const next = found[i + 1]?.[1];
    if (/来源/.test(name) && next?.startsWith('发布') && layout.headerFields.some((f) => f.name === next.slice(2)) && /^[\u4e00-\u9fff]{2,4}$/.test(raw)) value = `${value}发布`;
    return { name, field: layout.headerFields.find((f) => f.name === name)!.field, value };
  });
}

const BREADCRUMB = /(?:当前位置|您的位置|您当前的位置|您现在的位置|所在位置)\s*[:：]|首页\s*[>＞»]/;

/** A date with its time on a line of its own: when a page was put up. */
const STAMP = /^(?:.{0,40}(?:时间|日期)\s*[:：]?\s*)?(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}\s*\d{1,2}:\d{2}(?::\d{2})?$/;

/** A title line tidied: 【栏目】 prefixes, a leading (浙江省), a trailing (2023年2月1日) go. */
function tidyTitle(line: string): { title: string; date?: string; garbled: boolean } {
  let title = line.replace(/^#+\s*/, '').replace(/^【[^】]*】\s*/, '').trim();
  let garbled = false;
  // Characters lost in conversion show as ? or U+FFFD: keep the readable end.
  const lost = Math.max(title.lastIndexOf('?'), title.lastIndexOf('\ufffd'), title.lastIndexOf('？'));
  if (lost >= 0) {
    title = title.slice(lost + 1).replace(/^\d{1,3}年/, '');
    garbled = true;
  }
  title = title.replace(/^[(（][^()（）]{2,8}[)）]/, '');
  let date: string | undefined;
  const trailing = title.match(/[(（]([^()（）]*)[)）]$/);
  if (trailing && dateIn(trailing[1])) {
    date = dateIn(trailing[1]);
    title = title.slice(0, trailing.index).trim();
  }
  // 人民政府政府工作报告: a word written twice by a damaged line.
  title = title.replace(/([\u4e00-\u9fff]{2,4})\1/g, '$1');
  return { title, date, garbled };
}

/** A line that reads as a title: short, naming a kind of document (layout.json's title words), no sentence. */
function isTitleLike(line: string, layout: Layout): boolean {
  return line.length >= 4 && line.length <= 80 && layout.titleWords.some((w) => line.includes(w)) && !/[。；;:：]$/.test(line) && !/^各位/.test(line) && !/[，,].*[，,]/.test(line);
}

export function identify(lines: string[], lex: Lexicon, layout: Layout): Identity {
  const head = new Set<number>();
  const notes: string[] = [];
  const fields: Partial<Record<HeaderField, { name: string; value: string }[]>> = {};
  const top = Math.min(lines.length, 40);
  const headerNotes: string[] = [];
  for (let i = 0; i < top; i++) {
    const found = headerFields(lines[i], layout);
    if (!found.length) continue;
    head.add(i);
    for (const f of found) if (f.value) (fields[f.field] ??= []).push(f);
    // The header line as a note, without its empty fields (浏览次数:).
    const filled = found.filter((f) => f.value && !/浏览|点击|阅读/.test(f.name));
    if (filled.length) headerNotes.push(filled.map((f) => `${f.name}:${f.value}`).join(' '));
  }

  // The meeting line, possibly broken over two lines.
  let meeting: Identity['meeting'];
  for (let i = 0; i < Math.min(lines.length, 30) && !meeting; i++) {
    const joined = lines[i] + (lines[i + 1] ?? '');
    const m = joined.match(MEETING);
    if (!m || (m.index ?? 0) >= lines[i].length || (m.index ?? 0) > 4) continue;
    const spans = (m.index ?? 0) + m[0].length > lines[i].length;
    meeting = { date: dateIn(m[1])!, text: m[0].trim() };
    // The line is the head's unless the text goes on after the meeting (a report in one line).
    const rest = joined.length - (m.index ?? 0) - m[0].length - (spans ? 0 : (lines[i + 1] ?? '').length);
    if (rest <= 20) {
      head.add(i);
      if (spans) head.add(i + 1);
    }
    notes.push(m[0].trim());
    // The speaker follows within a few lines.
    for (let j = i + (spans ? 2 : 1); j < Math.min(lines.length, i + 5); j++) {
      if (SPEAKER.test(lines[j])) {
        head.add(j);
        // The space between office and name that tidying took out: 市长 毛宏芳.
        notes.push(lines[j].replace(/(市长|县长|区长|镇长|乡长|主任|局长)\s*(?=[\u4e00-\u9fff·]{2,5}$)/, '$1 '));
        break;
      }
    }
  }

  // The title: the first line before the body that reads as one.
  let title = '';
  let garbled = false;
  let titleDate: string | undefined;
  let titleAt = -1;
  // (Lines above a breadcrumb, 您的位置:首页 > 要闻, are the site's menu: no title.)
  const crumbAt = lines.slice(0, 15).findIndex((l) => BREADCRUMB.test(l));
  for (let i = crumbAt + 1; i < Math.min(lines.length, 25); i++) {
    const line = lines[i].trim();
    if (!line || head.has(i)) continue;
    if (/^各位代表/.test(line)) break;
    // An entry titled by its place alone (甘 霖 镇): that place is the title.
    const entry = placeTitle(line);
    if (entry && findPlaces(entry, lex).some((p) => p.text === entry)) {
      title = entry;
      titleAt = i;
      head.add(i);
      break;
    }
    // (组配分类 计划总结 有效性: a row of the site's header fields, however a title's words it holds.)
    if (layout.headerFields.some(({ name }) => name.length >= 3 && line.includes(name))) continue;
    if (isTitleLike(line, layout)) {
      const t = tidyTitle(line);
      if (t.title.length < 4) continue;
      ({ title, garbled } = t);
      titleDate = t.date;
      titleAt = i;
      head.add(i);
      break;
    }
    // A long line of prose before any title: the document has none.
    if (line.length > 80 || /。/.test(line)) break;
  }

  // A page's headline stands right above its header fields (4月份浙江工业生产增长3.3% / 来源: 作者: 时间:…), whatever
  // words it holds: the title, when no line reads as one.
  // (Or above a stamp alone, 2024-02-05 16:54:34, or a byline that ends on one, 中国网 · 汪杰菲 | 发布时间2022-04-19 14:19:58,
  // where the page has no header fields: 全市90%行政村… over it.)
  const timeAt = lines.slice(0, 25).findIndex((l) => STAMP.test(l.trim()));
  const fieldsAt = [...head].filter((i) => headerFields(lines[i], layout).length).sort((a, b) => a - b)[0] ?? (timeAt > 0 ? timeAt : undefined);
  let headline = false;
  if (!title && fieldsAt !== undefined) {
    // (Over the date it carries on a line of its own: 去年台州这些工作… / 2018年01月11日 / 来源:.)
    let at = fieldsAt - 1;
    while (at >= 0 && (!lines[at].trim() || /^[(（]?(?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}日?[)）]?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$/.test(lines[at].trim()))) at--;
    const line = at >= 0 ? lines[at].trim() : '';
    if (line.length >= 6 && line.length <= 60 && !/[。；;:：|]/.test(line) && !head.has(at)) {
      const t = tidyTitle(line);
      ({ title, garbled } = t);
      titleDate = t.date;
      titleAt = at;
      head.add(at);
      headline = true;
    }
  }

  // Issuer: the organ before 关于 in the title, a line of its own under the title, a 据…消息, the header.
  let issuer = '';
  const before = title.indexOf('关于') > 0 ? title.slice(0, title.indexOf('关于')) : '';
  if (before && ORG_END.test(before)) issuer = issuers(before);
  if (!issuer) {
    // Organs that issue it together stand on lines of their own: 嘉兴市统计局 / 国家统计局嘉兴调查队.
    const organs: string[] = [];
    const orgLine = (i: number) => {
      const line = lines[i].trim();
      return !!line && !head.has(i) && line.length <= 24 && ORG_END.test(line) && !/[，,。:：]/.test(line);
    };
    // Above the title (嘉兴市统计局 over 嘉兴市2023年…统计公报), or under it.
    let first = titleAt + 1;
    for (let i = titleAt - 1; i >= 0 && i >= titleAt - 3; i--) if (orgLine(i)) first = i;
    for (let i = Math.max(0, first); i < Math.min(lines.length, titleAt + 8); i++) {
      if (i === titleAt) continue;
      if (orgLine(i)) {
        organs.push(issuers(lines[i].trim()));
        head.add(i);
      } else if (organs.length && lines[i].trim() && i > titleAt) break;
    }
    issuer = organs.join(' ');
  }
  if (!issuer) {
    const said = lines.slice(0, 10).join('').match(/据([\u4e00-\u9fff]{2,20}?(?:局|委员会|委|办公室|中心|政府))(?:网站|官网|官方网站)?(?:消息|统计|数据|发布)/);
    if (said) issuer = said[1];
  }
  if (!issuer && fields.issuer?.length) issuer = layout.fieldNames.issuer.map((n) => fields.issuer!.find((f) => f.name === n)?.value).find(Boolean) ?? '';
  // The site's footer says whose it is (网站地图 | 联系我们 | 平湖市人民政府办公室主办) when nothing above does.
  if (!issuer || !mostSpecificPlace(issuer, lex)) {
    const footer = lines.slice(-6).join(' ').match(/([\u4e00-\u9fff]{2,16}?(?:人民政府|政府)(?:办公室|办公厅)?)(?:主办|承办)/)?.[1];
    if (footer) issuer = footer;
  }
  notes.push(...headerNotes);
  // The masthead (中共嘉兴市委文件) and a plan's preamble (为贯彻落实…) say what the document is.
  for (let i = 0; i < Math.min(lines.length, 20); i++) {
    const t = lines[i].trim();
    if (/^[\u4e00-\u9fff]{2,20}文件$/.test(t)) {
      notes.push(t);
      head.add(i);
    }
    const preamble = t.match(/^为(?:深入|进一步|全面)?(?:贯彻|落实|加快|推动|推进|深化|实施)[^。]{4,300}。/);
    if (preamble) {
      notes.push(preamble[0]);
      break;
    }
  }

  // Number: the header's, or 嘉委发〔2017〕12号 near the top, or 第5期.
  const numberPattern = /[\u4e00-\u9fff]{1,8}[〔[(（]\s*(?:19|20)\d{2}\s*[〕\])）]\s*\d+\s*号/;
  const number =
    fields.number?.map((f) => f.value.match(numberPattern)?.[0]).find(Boolean) ??
    lines.slice(0, 20).map((l) => l.match(numberPattern)?.[0]).find(Boolean) ??
    lines.slice(0, 12).map((l) => l.match(/第\s*\d+\s*期/)?.[0]).find(Boolean);

  // Date: the meeting's, the title's, the header's (成文 before 发布), a date under the signature.
  const headerDate =
    layout.fieldNames.date
      .map((name) => fields.date?.find((f) => f.name === name))
      .map((f) => (f ? dateIn(f.value) : undefined))
      .find(Boolean) ??
    // (来源:安徽日报 • 2022-11-03 17:00:21: a stamp inside another field of the page's header is its date.)
    Object.values(fields)
      .flat()
      .map((f) => (/(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}/.test(f.value) ? dateIn(f.value) : undefined))
      .find(Boolean);
  let signed: string | undefined;
  for (let i = 0; i < Math.min(lines.length, 60) && !signed; i++) {
    if (!head.has(i) && ORG_END.test(lines[i].trim()) && lines[i].trim().length <= 24) {
      const at = lines.findIndex((l, k) => k > i && l.trim());
      const next = at > 0 ? lines[at].trim() : '';
      signed = compactDate(next) ?? (next.length <= 14 ? dateIn(next) : undefined);
      // The signature and its date are the document's, not its text.
      if (signed) head.add(i).add(at);
    }
  }
  // A date alone on a line, or a page's stamp: 2022-08-17 17:07:24来源:浙江新闻编辑:…, or a
  // newspaper's dateline, its weekday after it: 2025年02月24日 星期一 第2版:要闻.
  const stamp = /^[(（]?(?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}日?[)）]?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?/;
  const stampAt = lines.slice(0, 25).findIndex((l) => {
    const m = l.trim().match(stamp);
    const rest = m ? l.trim().slice(m[0].length) : '';
    // (With a time of day it is a page's stamp whatever follows it: 2024-07-26 20:52:50 1 作者:….)
    return !!m && (!rest || /\d:\d{2}/.test(m[0]) || /^\s*(?:星期|周|週)[一二三四五六日天]/.test(rest) || headerFields(rest, layout).length > 0);
  });
  if (stampAt >= 0) head.add(stampAt);
  const standalone = stampAt >= 0 ? lines[stampAt].trim() : undefined;
  const date = meeting?.date ?? titleDate ?? headerDate ?? signed ?? (standalone ? dateIn(standalone) : undefined) ?? '';

  // Lines that say what the document is: addressees, 发送 lists, the compiling office.
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t && NOTE_LINE.test(t) && t.length <= 200) {
      notes.push(t);
      if (i < 40) head.add(i);
    }
  });

  // Region: the title's, the meeting's, the speaker's or the issuer's place.
  const speaker = notes.find((n) => SPEAKER.test(n));
  // 现在,我代表常熟市人民政府,向大会报告工作: whose report it is, when the meeting line says only 市.
  const onBehalf = lines.slice(0, 20).join('').match(/我代表([\u4e00-\u9fff]{2,20}?)(?:人民政府|政府)/)?.[1];
  const place = decide<string>(
    ['title', title && !garbled && !headline ? mostSpecificPlace(title, lex) : undefined],
    // 在嘉兴市秀洲区第十届人民代表大会…: the district's congress, not the city's.
    ['meeting', meeting ? mostSpecificPlace(meeting.text, lex) : undefined],
    ['speaker', speaker ? mostSpecificPlace(speaker, lex) : undefined],
    ['speaker', onBehalf ? mostSpecificPlace(onBehalf, lex) : undefined],
    // (Not a medium's, 来源:南通发布, 浙江日报: it posts what is about any of its places.)
    ['issuer', issuer && !MEDIUM_ISSUER.test(fold(issuer)) ? mostSpecificPlace(issuer, lex) : undefined],
    ['title', title && !headline ? mostSpecificPlace(title, lex) : undefined],
  );

  return {
    title,
    garbled,
    ...(headline ? { headline } : {}),
    ...(titleAt >= 0 ? { titleAt } : {}),
    issuer,
    date,
    region: place.value,
    regionFrom: place.from as Identity['regionFrom'],
    number: number?.replace(/\s+/g, ''),
    notes,
    head,
    meeting,
  };
}

/**
 * The meeting phrase a text opens with, and the speaker right after it, as notes:
 * 2018年1月29日在濮院镇第十七届人民代表大会第三次会议上 徐华君 各位代表:…
 */
export function meetingNotes(text: string): string[] {
  const m = text.slice(0, 120).match(MEETING);
  if (!m || (m.index ?? 0) > 4) return [];
  const after = text.slice((m.index ?? 0) + m[0].length).trim();
  const speaker = after.match(/^([\u4e00-\u9fff]{0,14}?(?:代?(?:市长|县长|区长|镇长|乡长))?\s*[\u4e00-\u9fff·]{2,4})\s*(?=各位代表)/);
  return [m[0].trim(), ...(speaker ? [speaker[1].trim()] : [])];
}

/** The year a text implies when it names none: a phrase of layout.json's years. */
export function impliedYear(text: string, layout: Layout): number | undefined {
  return layout.years.find((y) => text.includes(y.phrase))?.year;
}

/** The first place a text names: what an untitled article is about (嘉兴 before 海宁市 in 嘉兴…分县看,海宁市…). */
export function subjectPlace(text: string, lex: Lexicon): string | undefined {
  // A province or the country named in passing (浙江省委, 全国百强) is no article's subject.
  const local = (r: string) => !['country', 'province'].includes(lex.regionByName.get(r)!.level);
  // A line that names three places or more is a site's menu (温州 绍兴 衢州 …), not a subject.
  const prose = text
    .split('\n')
    .filter((line) => findPlaces(line, lex).filter((p) => !p.relative).length < 3)
    .join('\n');
  // Nor is one of a list or an example (遂昌县、景宁县增速最高; 萧山经济技术开发区等14家).
  const listed = (p: PlaceMention) => prose[p.index - 1] === '、' || /^[\u4e00-\u9fff]{0,8}、|^[\u4e00-\u9fff]{0,10}等/.test(prose.slice(p.index + p.text.length));
  return findPlaces(prose, lex).find((p) => p.region && !p.relative && local(p.region) && isSubjectMention(prose, p) && !listed(p))?.region ?? undefined;
}
