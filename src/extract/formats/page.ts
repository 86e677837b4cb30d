/**
 * A scraped news page: items separated by "-" lines, each a title, a body and its date.
 * Page junk goes: 【栏目】 prefixes of titles, "点我投稿" and navigation lines ("- 联系我们").
 * An item titled …政府工作报告 is read as a work report, year section by year section.
 */
import type { Problem } from '../../types.js';
import type { Format, SourceRecords } from '../document.js';
import { findDate, period, placeOf, readReport } from '../document.js';
import { paragraphs, readProse, splitPartTitles, type Paragraph } from '../prose.js';
import { meetingNotes } from '../identity.js';
import { frequentPlace } from '../../text/places.js';

const DATE_LINE = /^(?:19|20)\d{2}-\d{2}-\d{2}$/;
const JUNK = /点我投稿|想补充的信息|扫码关注|关注公众号|版权所有|免责声明|上一篇|下一篇|返回顶部/;

/** A body written as one line: its paragraphs are separated by spaces, and a section heading (一、2017年工作回顾) may follow text directly. */
function bodyParagraphs(body: string, line: number): Paragraph[] {
  const parts = splitPartTitles(body.replace(/(?<![A-Za-z0-9])\s+(?![A-Za-z0-9])/g, '\n'))
    .join('\n')
    .replace(/(名词解释)(?=\d+\.)/g, '\n$1\n')
    .split('\n');
  return paragraphs(parts).map((p) => ({ ...p, line }));
}

export const page: Format = {
  name: 'page',
  detect: (text) => (text.match(/^-$/gm) ?? []).length >= 2 && (text.match(/^(?:19|20)\d{2}-\d{2}-\d{2}$/gm) ?? []).length >= 2,
  read(text, lines, lex, about) {
    const problems: Omit<Problem, 'file'>[] = [];
    const items: SourceRecords[] = [];
    // An item that names no place is of the page's: the one it names most, or its file's name's.
    const pagePlace = frequentPlace(text, lex);
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].trim() !== '-') continue;
      const start = i;
      let end = i + 1;
      while (end < lines.length && lines[end].trim() !== '-' && !DATE_LINE.test(lines[end].trim())) end++;
      if (end >= lines.length || !DATE_LINE.test(lines[end].trim())) {
        if (lines.slice(start + 1, end).some((l) => l.trim() && !JUNK.test(l) && !/^-\s/.test(l))) {
          problems.push({ line: start + 1, message: 'page item without a date line; skipped' });
        }
        continue;
      }
      const [titleLine = '', ...bodyLines] = lines.slice(start + 1, end);
      const title = titleLine.replace(/^【[^】]*】\s*/, '').trim();
      const body = bodyLines.filter((l) => !JUNK.test(l)).join(' ').trim();
      if (!title || !body) {
        problems.push({ line: start + 2, message: 'page item without a title or a body; skipped' });
        continue;
      }
      const pageDate = lines[end].trim();
      const isReport = /政府工作报告/.test(title);
      const place = placeOf(about, lex, ['title', title], ['body', body.slice(0, 200)], ['content', pagePlace ?? '']);
      const region = place.region;
      const spoken = findDate(body.slice(0, 60));
      const titleYear = Number(title.match(/((?:19|20)\d{2})年/)?.[1]) || undefined;
      const year = spoken ? Number(spoken.slice(0, 4)) : (titleYear ?? Number(pageDate.slice(0, 4)));
      const source: SourceRecords['source'] = {
        key: `#${items.length + 1}`,
        type: 'source',
        kind: isReport ? 'report' : 'news',
        title,
        issuer: isReport ? `${region}人民政府` : '',
        // A report reposted on the page is dated by its own words (2018年1月29日…) or its
        // title's year, not by the day the page carried it.
        date: isReport ? (spoken ?? (titleYear ? String(titleYear) : pageDate)) : pageDate,
        line: start + 2,
        region,
        evidence: { place: place.from, year: spoken ? 'body' : titleYear ? 'title' : 'date', kind: 'title' },
      };
      const paras = bodyParagraphs(body, start + 3).filter((p) => !JUNK.test(p.text));
      // A work report's figures are of the year before it was given; a news item's of its year.
      const figuresYear = isReport ? year - 1 : year;
      if (figuresYear) source.year = figuresYear;
      const notes = isReport ? meetingNotes(body) : [];
      if (notes.length) source.notes = notes;
      const sections = paras.filter((p) => /^[一二三四五六七八九十]+、/.test(p.text) && p.text.length <= 40).map((p) => p.text);
      if (isReport && sections.length) source.sections = sections;
      const prose = isReport
        ? readReport(paras, year, region, title, lex)
        : readProse(paras, { region, year, period: period({ kind: 'none', year }, `${pageDate.slice(0, 4)}年报道`), nature: 'actual', section: title }, lex);
      items.push({ source, tasks: [], ...prose });
      i = end;
    }
    if (!items.length) problems.push({ line: 1, message: 'no dated items found on the page' });
    return { items, problems };
  },
};
