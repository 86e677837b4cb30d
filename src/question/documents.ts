/**
 * Answers about the documents themselves — which there are, how recent the data is, and of
 * one document its issuer, date, number, title, recipients, meeting, sections — read from the
 * sources' identity (title, issuer, date, number, notes, sections), never by searching text.
 */
import type { Answer, Indicator, Line, Source } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from './query.js';
import { makeAnswer, span, textOf } from '../answer/compose.js';
import { periodKey } from '../text/period.js';
import { fold } from '../text/normalize.js';
import { noAnswer } from '../answer/none.js';

/** Reports before news items, then the newest first. */
const ORDER: Record<Source['kind'], number> = { bulletin: 0, statistics: 0, summary: 0, tasks: 1, report: 2, table: 2, plan: 3, news: 4 };

export function mainSources(k: Knowledge, max = 7): Source[] {
  return [...k.sources].sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || b.date.localeCompare(a.date)).slice(0, max);
}

function dateText(date: string): string {
  const [y, m, d] = date.split('-');
  return d ? `${y}年${Number(m)}月${Number(d)}日` : m ? `${y}年${Number(m)}月` : y ? `${y}年` : '未注明日期';
}

const titled = (s: Source) => (/^[《“"]/.test(s.title) ? s.title : `《${s.title}》`);

/** The words of a kind of document as a reader names it (政府工作报告), from the lexicon. */
function kindName(k: Knowledge, kind: string): string {
  return k.lex.lexicon.documents[kind as keyof typeof k.lex.lexicon.documents]?.[0] ?? '文件';
}

export function sourcesAnswer(k: Knowledge, question = '/sources', q?: Query): Answer {
  // 有哪几份政府工作报告: those of the kind asked.
  const kind = q?.scope?.kind;
  const sorted = [...k.sources].filter((s) => !kind || s.kind === kind).sort((a, b) => b.date.localeCompare(a.date));
  if (kind && !sorted.length) return noAnswer(k, q!, `收录的文件中没有${kindName(k, kind)}。`, mainSources(k, 4).map((x) => `${titled(x)}（${x.date}）`));
  const head = kind ? `收录的${kindName(k, kind)}共${sorted.length}份（按日期，新的在前）：` : `已收录${sorted.length}份文件（按日期，新的在前）：`;
  const lines: Line[] = [[span(head)], ...sorted.map((s, i) => [span(`${i + 1}. ${s.title}`), span(s.date ? `（${s.date}）` : '')])];
  return { question, kind: 'list', text: textOf(lines), lines, records: [], sources: sorted.map((s) => ({ title: s.title, date: s.date })), ...(q ? { query: q } : {}) };
}

/** How recent the data is: the latest period any figure holds, and the newest documents. */
function freshness(k: Knowledge, q: Query): Answer {
  // Reports and bulletins say how recent the data is; a news item's figures are its own.
  const reports = new Set(k.sources.filter((s) => s.kind !== 'news').map((s) => s.id));
  // A figure newer than its document is a plan, whatever its sentence says (预计2022年完成).
  const published = (i: Indicator) => {
    const date = k.sourceById.get(i.source)?.date ?? '';
    const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)) || 12];
    return (i.period.year ?? 0) * 100 + (i.period.to ?? 12) <= y * 100 + m;
  };
  const data = k.indicators.filter((i) => reports.has(i.source) && i.period.kind !== 'none' && i.period.kind !== 'span' && i.period.year && i.nature === 'actual' && published(i));
  const latest = data.reduce((best, i) => (!best || periodKey(i.period) > periodKey(best.period) ? i : best), data[0]);
  const newest = [...k.sources].filter((s) => s.kind !== 'news').sort((a, b) => b.date.localeCompare(a.date))[0];
  const lines: Line[] = [];
  if (latest) {
    const src = k.sourceById.get(latest.source);
    lines.push([span('数据最新到'), span(latest.period.label.replace(/^截至/, ''), true), span(src ? `（${titled(src)}，${src.date}）` : '')]);
  }
  if (newest) lines.push([span(`最新的文件：${titled(newest)}（${dateText(newest.date)}）`)]);
  lines.push([span('全部文件见 /sources。')]);
  return { question: q.text, kind: 'list', text: textOf(lines), lines, records: [], sources: newest ? [{ title: newest.title, date: newest.date }] : [], query: q };
}

/** The document a question names: its kind, number, place, year and title words. */
function documentOf(k: Knowledge, q: Query): Source | undefined {
  const scope = q.scope ?? {};
  const words = fold(q.text);
  let best: { s: Source; score: number } | undefined;
  for (const s of k.sources) {
    let score = 0;
    if (scope.number) {
      if (s.number !== scope.number && !fold(s.title).includes(fold(scope.number))) continue;
      score += 5;
    }
    if (scope.kind) {
      if (s.kind !== scope.kind) continue;
      score += 2;
    }
    const place = q.places.find((p) => p.region);
    if (place) {
      if (s.region === place.region) score += 2;
      else if (!fold(s.title).includes(place.text)) continue;
    }
    if (q.period?.year) {
      if (s.title.includes(String(q.period.year)) || s.date.startsWith(String(q.period.year))) score += 2;
      else continue;
    }
    const title = fold(s.title);
    for (let i = 0; i + 1 < words.length; i++) if (title.includes(words.slice(i, i + 2))) score += 0.2;
    if (!best || score > best.score || (score === best.score && s.date > best.s.date)) best = { s, score };
  }
  return best?.s;
}

/** Note lines (meeting, recipients, preamble …) that say what is asked, each with a name on the line after it. */
function notesFor(k: Knowledge, s: Source, ask: string): string[] {
  const marks = (k.lex.lexicon.noteWords[ask] ?? []).map(fold);
  const notes = s.notes ?? [];
  const out: string[] = [];
  notes.forEach((n, i) => {
    if (!marks.some((m) => fold(n).includes(m))) return;
    // ——2018年1月29日在…会议上 is followed by who spoke: 徐华君.
    const next = notes[i + 1];
    out.push(ask === 'speaker' && next && next.length <= 6 && !/[，,。：:；;编]/.test(next) ? `${n} ${next}` : n);
  });
  return out;
}

/**
 * A fact of the document asked, or undefined when the question names a document the reports
 * only mention (营商环境3.0版实施方案): then what they say of it answers.
 */
export function documentAnswer(k: Knowledge, q: Query): Answer | undefined {
  const s = documentOf(k, q);
  // The words besides the document's kind must be the document's: its title or issuer (发改委
  // is 嘉兴市发展和改革委员会).
  let named = q.places.reduce((m, p) => m.split(p.text).join(''), q.metric.replace(/\s+/g, ''));
  for (const d of k.departments) if (named.includes(d.text)) named = named.split(d.text).join(fold(d.name));
  const own = s ? fold(`${s.title}${s.issuer}`) : '';
  if (s && named.length >= 3 && ![...named].some((_, i) => i + 1 < named.length && own.includes(named.slice(i, i + 2)))) return undefined;
  if (!s) return noAnswer(k, q, '报告中没有找到这份文件。', mainSources(k, 4).map((x) => `${titled(x)}（${x.date}）`));
  const lines: Line[] = [];
  for (const ask of [q.ask ?? 'title', ...(q.alsoAsk ?? [])]) lines.push(...factLines(k, s, ask));
  if (!lines.length) return noAnswer(k, q, `${titled(s)}中没有写明这一点。`, [`${titled(s)}（${s.issuer || '发布单位未注明'}，${dateText(s.date)}）`]);
  lines.push([span(`来源：${titled(s)}（${s.date}）`)]);
  return { question: q.text, kind: 'passage', text: textOf(lines), lines, records: [], sources: [{ title: s.title, date: s.date }], query: q };
}

/** One fact of a document, as lines: its issuer, date, number, sections, title, or its notes that say it. */
function factLines(k: Knowledge, s: Source, ask: string): Line[] {
  const lines: Line[] = [];
  switch (ask) {
    case 'issuer': {
      const by = notesFor(k, s, 'issuer');
      lines.push([span(`${titled(s)}的发布单位：`), span(s.issuer || '文件未注明', true)]);
      if (by.length) lines.push([span(by.join('；'))]);
      break;
    }
    case 'date':
      lines.push([span(`${titled(s)}的日期：`), span(dateText(s.date), true)]);
      break;
    case 'number':
      lines.push([span(`${titled(s)}：`), span(s.number ?? '文件未注明文号或期号', true), span(`（${dateText(s.date)}）`)]);
      break;
    case 'sections':
      if (s.sections?.length) lines.push([span(`${titled(s)}共${s.sections.length}个栏目：`), span(s.sections.join('、'), true)]);
      break;
    case 'title':
      lines.push([span('文件全称：'), span(s.title, true)], [span(`发布：${s.issuer || '未注明'}，${dateText(s.date)}`)]);
      break;
    default: {
      const notes = notesFor(k, s, ask);
      if (notes.length) lines.push([span(`${titled(s)}：`)], ...notes.map((n) => [span(n, true)]));
    }
  }
  return lines;
}

export function answerSources(k: Knowledge, q: Query): Answer {
  return q.ask === 'freshness' ? freshness(k, q) : sourcesAnswer(k, q.text, q);
}
