/**
 * Answers about the documents themselves — which there are, how recent the data is, and of
 * one document its issuer, date, number, title, recipients, meeting, sections — worded from
 * what src/question/documents.ts found of the sources' identity.
 */
import type { Answer, Indicator, Line, Source } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from '../question/query.js';
import { freshness, mainSources, sourcesOfKind, type DocumentFound, type FactAsked } from '../question/documents.js';
import { span, textOf } from './compose.js';
import { noAnswer } from './none.js';

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
  const sorted = sourcesOfKind(k, kind);
  if (kind && !sorted.length) return noAnswer(k, q!, `收录的文件中没有${kindName(k, kind)}。`, mainSources(k, 4).map((x) => `${titled(x)}（${x.date}）`));
  const head = kind ? `收录的${kindName(k, kind)}共${sorted.length}份（按日期，新的在前）：` : `已收录${sorted.length}份文件（按日期，新的在前）：`;
  const lines: Line[] = [[span(head)], ...sorted.map((s, i) => [span(`${i + 1}. ${s.title}`), span(s.date ? `（${s.date}）` : '')])];
  return { question, kind: 'list', text: textOf(lines), lines, records: [], sources: sorted.map((s) => ({ title: s.title, date: s.date })), ...(q ? { query: q } : {}) };
}

/** How recent the data is: the latest period any figure holds, and the newest documents. */
function freshnessAnswer(k: Knowledge, q: Query): Answer {
  const place = q.places.find((p) => p.region)?.region ?? undefined;
  const { latest, monthly, newest, elsewhere } = freshness(k, place);
  const lines: Line[] = [];
  const at = (x: Indicator) => {
    const src = k.sourceById.get(x.source);
    return [span(x.period.label.replace(/^截至/, ''), true), span(src ? `（${titled(src)}，${src.date}）` : '')];
  };
  if (latest) lines.push([span(`${place ?? ''}数据最新到`), ...at(latest)]);
  // A year's figures in a work report, and a month's in a bulletin: both said.
  if (monthly) lines.push([span('月度数据最新到'), ...at(monthly)]);
  if (elsewhere) lines.push([span(`${elsewhere.region || '其他地区'}的报告最新到`), ...at(elsewhere)]);
  if (newest) lines.push([span(`最新的文件：${titled(newest)}（${dateText(newest.date)}）`)]);
  lines.push([span('全部文件见 /sources。')]);
  return { question: q.text, kind: 'list', text: textOf(lines), lines, records: [], sources: newest ? [{ title: newest.title, date: newest.date }] : [], query: q };
}

/** The facts asked of the document found (src/question/documents.ts documentAsked). */
export function documentAnswer(k: Knowledge, q: Query, found: Exclude<DocumentFound, 'mentioned'>): Answer {
  if (!found) return noAnswer(k, q, '报告中没有找到这份文件。', mainSources(k, 4).map((x) => `${titled(x)}（${x.date}）`));
  const s = found.source;
  const lines: Line[] = found.facts.flatMap((fact) => factLines(s, fact));
  if (!lines.length) return noAnswer(k, q, `${titled(s)}中没有写明这一点。`, [`${titled(s)}（${s.issuer || '发布单位未注明'}，${dateText(s.date)}）`]);
  lines.push([span(`来源：${titled(s)}（${s.date}）`)]);
  return { question: q.text, kind: 'passage', text: textOf(lines), lines, records: [], sources: [{ title: s.title, date: s.date }], query: q };
}

/** One fact of a document, as lines: its issuer, date, number, sections, title, or its notes that say it. */
function factLines(s: Source, { ask, notes }: FactAsked): Line[] {
  const lines: Line[] = [];
  switch (ask) {
    case 'issuer':
      lines.push([span(`${titled(s)}的发布单位：`), span(s.issuer || '文件未注明', true)]);
      if (notes.length) lines.push([span(notes.join('；'))]);
      break;
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
    case 'speaker': {
      // (Who gave it first: 嘉兴市人民政府市长 毛宏芳, then the meeting it was given at.)
      const who = notes.find((n) => /(?:长|主任|书记)\s*[\u4e00-\u9fff·]{2,4}$/.test(n.trim()) && !/^——/.test(n.trim()));
      if (who) lines.push([span(`${titled(s)}的报告人：`), span(who, true)], ...notes.filter((n) => n !== who).map((n) => [span(n)]));
      else if (notes.length) lines.push(...noted(titled(s), notes));
      break;
    }
    default:
      if (notes.length) lines.push(...noted(titled(s), notes));
  }
  return lines;
}

export function answerSources(k: Knowledge, q: Query): Answer {
  return q.ask === 'freshness' ? freshnessAnswer(k, q) : sourcesAnswer(k, q.text, q);
}

/** A document's notes with the first on the title's line (《…》第5期：签发：章剑): the first line says what was asked. */
function noted(title: string, notes: string[]): Line[] {
  return [[span(`${title}：`), span(notes[0], true)], ...notes.slice(1).map((n) => [span(n, true)])];
}
