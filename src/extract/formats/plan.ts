/**
 * An implementation plan (实施意见, 实施方案): numbered measures "（n）text（departments, the
 * first leads）" under numbered sections, with the plan's targets (到2020年…) in its prose.
 */
import type { Problem } from '../../types.js';
import type { Format, SourceRecords, TaskDraft } from '../document.js';
import { findDate, period, placeOf } from '../document.js';
import { isHeading, paragraphs, readProse } from '../prose.js';
import type { Context } from '../figures.js';
import { identify, issuers } from '../identity.js';
import { layout } from '../layout.js';

const MEASURE = /^[（(](\d{1,3})[）)]\s*/;
// The departments close the measure: （市科技局、市经信委） or 〔…，第一个单位为牵头单位（下同）〕.
const DEPARTMENTS = /[（(〔]([^（）()〔〕]*(?:[（(]下同[）)])?[^（）()〔〕]*)[）)〕]\s*$/;
const DEPARTMENT_LIST = /^(市|嘉兴|人行|团市委|[^，,。]{0,6}(局|委|办|部|中心|会))/;

function splitDepartments(cell: string): string[] {
  return cell
    .replace(/[，,]?第一个单位为牵头单位[（(]下同[）)]/, '')
    .split(/[、，,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const plan: Format = {
  name: 'plan',
  detect: (text) => (text.match(/^[（(]\d{1,3}[）)]/gm) ?? []).length >= 5 && /(实施意见|实施方案|行动方案|行动计划)/.test(text.slice(0, 800)),
  read(text, lines, lex, about) {
    const problems: Omit<Problem, 'file'>[] = [];
    const head = lines.slice(0, 20).map((l) => l.trim()).filter(Boolean);
    const number = head.find((l) => /〔\d{4}〕\d+号/.test(l)) ?? '';
    const titleLine = head.find((l) => /关于.*(意见|方案|计划|通知)/.test(l)) ?? head[0] ?? '';
    const title = `${number ? number + ' ' : ''}${titleLine.slice(titleLine.indexOf('关于'))}`;
    const issuer = issuers(titleLine.slice(0, titleLine.indexOf('关于')).trim() || head.find((l) => /文件$/.test(l))?.replace(/文件$/, '') || '');
    const date = findDate(head.join('\n')) ?? '';
    const year = Number(date.slice(0, 4)) || about.operator.year || about.fileName.year;
    // The horizon the plan's targets are set for: its most frequent 到20xx年.
    const horizons = [...text.matchAll(/到\s*((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
    const horizon = horizons.sort((a, b) => horizons.filter((h) => h === b).length - horizons.filter((h) => h === a).length)[0] ?? year;
    const place = placeOf(about, lex, ['title', titleLine], ['issuer', issuer]);
    const region = place.region;
    const id = identify(lines, lex, layout());
    const sections = lines.map((l) => l.trim()).filter((l) => /^[一二三四五六七八九十]+、\S{2,20}$/.test(l));
    const source: SourceRecords['source'] = {
      key: '',
      type: 'source',
      kind: 'plan',
      title,
      issuer,
      date,
      line: 1,
      region,
      evidence: { place: place.from, year: horizons.length ? 'content' : date ? 'date' : year ? 'file name' : undefined, kind: 'content' },
      // A plan's figures are what it aims for by its horizon.
      ...(horizon ? { year: horizon } : {}),
      ...(number ? { number: number.replace(/\s+/g, '') } : {}),
      ...(id.notes.length ? { notes: id.notes } : {}),
      ...(sections.length ? { sections } : {}),
    };

    const bodyStart = lines.findIndex((l) => /^[（(]\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*[）)]$/.test(l.trim()));
    const paras = paragraphs(lines.slice(bodyStart + 1), bodyStart + 2);
    const tasks: TaskDraft[] = [];
    const contexts = new Map<(typeof paras)[number], Context>();
    let section = '';
    let sub = '';
    const base: Context = { region, year: horizon, period: period({ kind: 'year', year: horizon }), nature: 'target', section: title };
    for (const p of paras) {
      if (isHeading(p.text)) {
        if (/^[（(][一二三四五六七八九十]+[）)]/.test(p.text)) {
          section = p.text;
          sub = '';
        } else if (/^\d{1,2}[.、．]/.test(p.text)) sub = p.text;
        else if (/^[一二三四五六七八九十]+、/.test(p.text)) {
          section = p.text;
          sub = '';
        }
        continue;
      }
      const where = [section, sub].filter(Boolean).join(' › ');
      const m = p.text.match(MEASURE);
      const last = tasks.at(-1);
      if (!m && last && !last.lead.length && /^[（(〔].*[）)〕]$/.test(p.text) && DEPARTMENT_LIST.test(p.text.slice(1))) {
        // The departments of the measure before, on a line of their own.
        const names = splitDepartments(p.text.slice(1, -1));
        last.lead = names.slice(0, 1);
        last.others = names.slice(1);
        continue;
      }
      contexts.set(p, { ...base, section: where || title });
      if (!m) continue;
      const n = Number(m[1]);
      const expected = (tasks.at(-1)?.number ?? 0) + 1;
      if (n !== expected) problems.push({ line: p.line, message: `measure (${n}) follows (${expected - 1})` });
      const rest = p.text.slice(m[0].length);
      const d = rest.match(DEPARTMENTS);
      const names = d && DEPARTMENT_LIST.test(d[1]) ? splitDepartments(d[1]) : [];
      tasks.push({
        type: 'task',
        number: n,
        text: (d && names.length ? rest.slice(0, d.index) : rest).trim(),
        progress: [],
        lead: names.slice(0, 1),
        others: names.slice(1),
        status: null,
        section: where,
        region,
        line: p.line,
      });
    }
    for (const t of tasks) if (!t.lead.length) problems.push({ line: t.line, message: `measure (${t.number}) names no department` });
    const prose = readProse(
      [...contexts.keys()].map((p) => ({ ...p, text: p.text.replace(MEASURE, '').replace(DEPARTMENTS, '') })),
      (p) => [...contexts.entries()].find(([k]) => k.line === p.line)![1],
      lex,
    );
    return { items: [{ source, tasks, ...prose }], problems };
  },
};
