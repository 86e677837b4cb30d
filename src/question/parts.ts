/**
 * Several questions in one (A和B分别是多少, A、B、C各多少): one line per part with its figure,
 * period and region; a part the reports lack says so while the others are answered; the
 * sources once at the end.
 */
import type { Answer, AskOptions, KnowledgeRecord, Line } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from './query.js';
import { makeAnswer, span } from '../answer/compose.js';

export function answerParts(k: Knowledge, q: Query, options: AskOptions, one: (part: Query) => Answer): Answer {
  void options;
  const lines: Line[] = [];
  const records: KnowledgeRecord[] = [];
  let answered = 0;
  for (const part of q.parts ?? []) {
    const a = one(part);
    const name = part.metric.replace(/\s+/g, '');
    if (a.kind === 'none') {
      lines.push([span(`· ${name}：报告中没有这项数据`)]);
      continue;
    }
    answered++;
    // The answer's first two lines: the figure, then what it is (label · region · period).
    const [figure, label] = a.lines;
    lines.push([span(`· ${label?.map((x) => x.text).join('') ?? name}：`), ...(figure ?? [])]);
    for (const r of a.records) {
      const record = k.byId.get(r.id);
      if (record && !records.includes(record)) records.push(record);
    }
  }
  if (!answered) return makeAnswer(k, q.text, 'none', [[span('报告中没有这几项数据。')], ...lines], [], { query: q });
  return makeAnswer(k, q.text, 'list', [[span(`共${q.parts!.length}项：`)], ...lines], records, { query: q });
}
