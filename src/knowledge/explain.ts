/**
 * What documents became, as an operator reads it: one line per document (kind, title, date,
 * region, records given), and every record of one document as a reviewer checks it against
 * the text.
 */
import type { Indicator, Passage, Problem, Source, Task } from '../types.js';
import type { Records } from './build.js';
import { oneLineName } from '../safe-text.js';

const NATURE = { actual: '实际', target: '目标' } as const;

/** `file:line: message` on one line, whatever the file is named (a newline in a name is shown as \n). */
export function problemLine(p: Problem): string {
  return `${oneLineName(p.file)}:${p.line}: ${oneLineName(p.message)}`;
}

/** seeds/x.txt  statistics · 《…》 · 2021-… · 嘉兴市 · 12 indicators, 3 tasks, 20 passages */
export function documentLines(records: Records): string[] {
  const byFile = new Map<string, Source[]>();
  for (const s of records.sources) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s]);
  // Counted by source once: filtering every record list for each of hundreds of files was most of a build's printing.
  const counts = (list: { source: string }[]) => {
    const by = new Map<string, number>();
    for (const r of list) by.set(r.source, (by.get(r.source) ?? 0) + 1);
    return by;
  };
  const bySource = { indicators: counts(records.indicators), tasks: counts(records.tasks), passages: counts(records.passages) };
  const count = (kind: keyof typeof bySource, ids: Set<string>) => [...ids].reduce((n, id) => n + (bySource[kind].get(id) ?? 0), 0);
  const lines: string[] = [];
  for (const [file, sources] of byFile) {
    const ids = new Set(sources.map((s) => s.id));
    const kinds = [...new Set(sources.map((s) => s.kind))].join('+');
    const first = sources[0];
    const what = sources.length > 1 ? `${sources.length} items (${sources.map((s) => s.title).slice(0, 3).join('；')}${sources.length > 3 ? '…' : ''})` : first.title.startsWith('《') ? first.title : `《${first.title}》`;
    lines.push(
      `${oneLineName(file)}  ${kinds} · ${what} · ${first.date || '无日期'} · ${first.region || '地区不明'}${said(first.evidence?.place)}${first.year ? ` · 数据年份${first.year}${said(first.evidence?.year)}` : ' · 年份不明'} · ` +
        `${count('indicators', ids)} indicators, ${count('tasks', ids)} tasks, ${count('passages', ids)} passages`,
    );
  }
  return lines;
}

/** Where a piece of the identity came from, when not from the text's own lines (the operator's file, the file name). */
const said = (from: string | undefined) => (from === 'operator' ? '（据说明文件）' : from === 'file name' ? '（据文件名）' : from === 'body' ? '（据正文）' : from === 'header' ? '（据网页栏目）' : '');

function indicatorLine(i: Indicator): string[] {
  const growth = i.growth.map((g) => g.text).join('；');
  const value = i.isChange ? `变化 ${i.figure}` : i.figure;
  return [
    `  L${i.line}  ${i.name} · ${i.region || '地区不明'}${i.owner ? `（${i.owner}）` : ''} · ${i.period.label || i.period.kind} [${i.period.kind}] · ${NATURE[i.nature]} = ${value}${growth && !i.isChange ? `（${growth}）` : ''}${i.subject ? ` · 指${i.subject}` : ''}`,
    `        “${i.sentence}”`,
  ];
}

function taskLine(t: Task): string[] {
  const who = [t.lead.length ? `牵头 ${t.lead.join('、')}` : '无牵头单位', t.others.length ? `配合 ${t.others.join('、')}` : ''].filter(Boolean).join('；');
  const more = [t.status ? `状态 ${t.status}` : '', t.deadline ? `时限 ${t.deadline}` : '', t.goal ? `预期 ${t.goal}` : ''].filter(Boolean).join('；');
  return [`  L${t.line}  #${t.number ?? '-'} ${t.text}`, `        ${who}${more ? `；${more}` : ''}${t.progress.length ? `；进展 ${t.progress.length} 条` : ''} · ${t.section}`];
}

function passageLine(p: Passage): string {
  return `  L${p.line}  [${p.region} · ${p.period.label || p.period.kind} · ${NATURE[p.nature]}] ${p.text}`;
}

/** Every record of the document(s) in `records`, grouped under its source. */
export function explain(records: Records): string[] {
  const out: string[] = [];
  for (const s of records.sources) {
    out.push(`《${s.title}》`, `  kind ${s.kind} · issuer ${s.issuer || '—'} · date ${s.date || '—'} · region ${s.region} · figures of ${s.year ?? '—'}${s.number ? ` · ${s.number}` : ''} · line ${s.line}`);
    for (const n of s.notes ?? []) out.push(`  note: ${n}`);
    if (s.sections?.length) out.push(`  sections: ${s.sections.join(' / ')}`);
    const mine = <T extends { source: string }>(list: T[]) => list.filter((r) => r.source === s.id);
    const inds = mine(records.indicators);
    out.push(`indicators (${inds.length}):`, ...inds.flatMap(indicatorLine));
    const tasks = mine(records.tasks);
    if (tasks.length) out.push(`tasks (${tasks.length}):`, ...tasks.flatMap(taskLine));
    const ps = mine(records.passages);
    out.push(`passages (${ps.length}):`, ...ps.map(passageLine));
  }
  if (records.problems.length) out.push('problems:', ...records.problems.map((p) => `  ${problemLine(p)}`));
  return out;
}
