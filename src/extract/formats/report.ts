/**
 * A work report in running prose (政府工作报告), and the fallback for any other text: a
 * title, a "——2020年4月28日在…会议上" line, then year sections of results and targets.
 */
import type { Format, SourceRecords } from '../document.js';
import { findDate, placeOf, readReport } from '../document.js';
import { paragraphs } from '../prose.js';

export const report: Format = {
  name: 'report',
  detect: () => true,
  read(_text, lines, lex) {
    const head = lines.slice(0, 15).map((l) => l.trim()).filter(Boolean);
    const title = (head[0] ?? '').replace(/^#+\s*/, '');
    const date = findDate(head.slice(0, 6).join('\n')) ?? '';
    const region = placeOf(title, lex);
    const issuer = /政府工作报告/.test(title) ? `${region}人民政府` : head.find((l) => /(人民政府|委员会|办公室)/.test(l))?.replace(/(人民政府|委员会|办公室).*$/, '$1') ?? '';
    const year = Number(date.slice(0, 4)) || Number(title.match(/((?:19|20)\d{2})年/)?.[1]) || undefined;
    const source: SourceRecords['source'] = { key: '', type: 'source', kind: 'report', title, issuer, date, line: 1, region };
    const first = lines.findIndex((l) => l.trim() === head[1]);
    const paras = paragraphs(lines.slice(first), first + 1);
    return { items: [{ source, tasks: [], ...readReport(paras, year, region, title, lex) }], problems: [] };
  },
};
