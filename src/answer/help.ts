/**
 * What the bot answers, with examples and the main documents (/help, a greeting), and a reply
 * to thanks.
 */
import type { Answer, Line } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from '../question/query.js';
import { mainSources } from '../question/documents.js';
import { span, textOf } from './compose.js';
import { EXAMPLES } from './none.js';

export function helpAnswer(k: Knowledge, question = '/help', q?: Query): Answer {
  const lines: Line[] = [
    [span('我能回答嘉兴市政府报告中的指标数值和任务进展，给出数字、时期、地区和出处，也能接着上一问追问（例如“那1-6月呢”“桐乡呢”“目标呢”）。')],
    [span('可以这样问：')],
    ...[...EXAMPLES, '桐乡2017年地区生产总值', '第10项任务进展状态', '6月财政收入和税收分别是多少', '有哪些报告'].map((e) => [span(`· ${e}`)]),
    [span(`已收录${k.sources.length}份文件，主要有：`)],
    ...mainSources(k).map((s) => [span(`· ${s.title}${s.date ? `（${s.date}）` : ''}`)]),
    [span('全部文件见 /sources。')],
  ];
  return { question, kind: 'help', text: textOf(lines), lines, records: [], sources: [], ...(q ? { query: q } : {}) };
}

export function thanksAnswer(q: Query): Answer {
  const lines: Line[] = [[span('不客气。还有什么想查的，直接问我就行。')]];
  return { question: q.text, kind: 'help', text: textOf(lines), lines, records: [], sources: [], query: q };
}
