/**
 * The question handler: question text in, Answer out. It reads what the question pins down,
 * picks the records that answer it, and composes the reply — or says plainly that the
 * reports do not hold the answer, with what it can answer instead.
 */
import type { Answer, AskOptions, Indicator, KnowledgeRecord, Line, Source, Task } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import { parseQuestion, type Question } from './parse.js';
import { match, fits, type Candidate } from './match.js';
import { periodKey } from '../text/period.js';
import * as compose from '../answer/compose.js';
import { LIST_PAGE, makeAnswer, span } from '../answer/compose.js';

const EXAMPLES = ['6月全市用电量是多少？', '哪些任务滞后？', '市科技局牵头的任务进展如何？', '2020年GDP目标是多少？'];

/**
 * The reply when the reports do not hold the answer: why, and what they do hold nearby —
 * the same metric for other periods or places, named but never given as the answer.
 */
export function noAnswer(k: Knowledge, question: string, why: string, nearby: string[] = []): Answer {
  const lines: Line[] = [[span(why)]];
  if (nearby.length) lines.push([span(`报告中有：${nearby.join('；')}。可以按这些时期或地区再问。`)]);
  else lines.push([span(`可以这样问：${EXAMPLES.join(' / ')}`)]);
  return makeAnswer(k, question, 'none', lines, []);
}

/** What the reports hold for the question's topic at other periods or places (no figures). */
function elsewhere(q: Question, nearby: Candidate[]): string[] {
  if (q.places.some((p) => p.region === null)) return [];
  const seen = new Set<string>();
  for (const c of nearby.slice(0, 12)) {
    const r = c.record;
    if (r.type !== 'indicator' || c.nameCoverage < 0.99) continue;
    seen.add(`${r.name}（${[r.region, r.period.label, r.nature === 'target' ? '目标' : ''].filter(Boolean).join('，')}）`);
    if (seen.size >= 3) break;
  }
  return [...seen];
}

/** Why nothing matched, in the reader's terms: the place, the year, or the topic. */
function whyNone(q: Question, question: string): string {
  const elsewhere = q.places.find((p) => p.region === null);
  if (elsewhere) return `报告中没有${elsewhere.text}的数据：这些报告只涉及嘉兴市及其县（市、区）。`;
  if (!q.content) return '没有看懂这个问题。';
  const asked = compose.clip(question.trim().replace(/[？?！!。.\s]+$/u, ''), 30);
  return `报告中没有找到“${asked}”的数据。`;
}

/** The latest task table's tasks (those with statuses), else every task. */
function progressTasks(k: Knowledge): Task[] {
  const tables = k.sources.filter((s) => s.kind === 'tasks').sort((a, b) => b.date.localeCompare(a.date));
  if (!tables.length) return k.tasks;
  return k.tasks.filter((t) => t.source === tables[0].id);
}

function taskList(k: Knowledge, question: string, heading: string, tasks: Task[], offset: number, showStatus: boolean): Answer {
  if (!tasks.length) return noAnswer(k, question, `${heading}：没有。`);
  const page = tasks.slice(offset, offset + LIST_PAGE);
  const lines: Line[] = [[span(`${heading}共`), span(`${tasks.length}项`, true), span(offset ? `（第${offset + 1}-${offset + page.length}项）：` : '：')]];
  page.forEach((t, i) => lines.push(compose.taskItem(t, offset + i + 1, showStatus)));
  const next = offset + page.length;
  if (next < tasks.length) lines.push([span(`还有${tasks.length - next}项，发送“更多”或点“更多”查看。`)]);
  return makeAnswer(k, question, 'list', lines, page, next < tasks.length ? { more: { total: tasks.length, next } } : {});
}

function answerTaskNumber(k: Knowledge, question: string, q: Question): Answer {
  const n = q.taskNumber!;
  const all = k.tasks.filter((t) => t.number === n);
  const plans = new Set(k.sources.filter((s) => s.kind === 'plan').map((s) => s.id));
  // 任务 asks the progress table; 措施 / 第n条 asks a plan. The latest source first.
  const ordered = all.sort((a, b) => {
    const pa = plans.has(a.source) === q.measure ? 0 : 1;
    const pb = plans.has(b.source) === q.measure ? 0 : 1;
    return pa - pb || (k.sourceById.get(b.source)?.date ?? '').localeCompare(k.sourceById.get(a.source)?.date ?? '');
  });
  const task = ordered[0];
  if (!task) return noAnswer(k, question, `报告中没有第${n}项${q.measure ? '措施' : '任务'}。`);
  const lines = compose.taskLines(task, { who: q.who });
  const other = ordered[1];
  if (other) lines.push([span(`（另：${compose.clip(k.sourceById.get(other.source)?.title ?? '', 24)}第${n}项为“${compose.clip(other.text, 30)}”）`)]);
  return makeAnswer(k, question, 'task', lines, [task], { quote: task.progress[0] ?? task.text });
}

/** How many tasks the latest progress table holds, by status. */
function taskSummary(k: Knowledge, question: string): Answer {
  const tasks = progressTasks(k);
  const numbered = tasks.filter((t) => t.number !== null).length;
  const by = (status: string | null) => tasks.filter((t) => t.status === status).length;
  const statuses = [...new Set(tasks.map((t) => t.status))];
  const lines: Line[] = [
    [span('共'), span(`${numbered}项`, true), span(`任务${tasks.length > numbered ? `（另有${tasks.length - numbered}项未编号的子任务）` : ''}`)],
    [span(statuses.map((st) => `${st ?? '未标注状态'}${by(st)}项`).join('，'))],
  ];
  return makeAnswer(k, question, 'count', lines, tasks.slice(0, 1));
}

function answerStatuses(k: Knowledge, question: string, q: Question, offset: number): Answer {
  let tasks = progressTasks(k).filter((t) => t.status && q.statuses.includes(t.status));
  if (q.department) tasks = tasks.filter((t) => [...t.lead, ...t.others].includes(q.department!));
  const what = `${q.department ? `${q.department}牵头或参与的` : ''}${q.statuses.join('、')}的任务`;
  if (q.count) {
    const counts = q.statuses.map((s) => `${s}${tasks.filter((t) => t.status === s).length}项`).join('，');
    const lines: Line[] = [[span(`${what}共`), span(`${tasks.length}项`, true), span(q.statuses.length > 1 ? `（${counts}）` : '')]];
    tasks.slice(0, LIST_PAGE).forEach((t, i) => lines.push(compose.taskItem(t, i + 1, q.statuses.length > 1)));
    return makeAnswer(k, question, 'count', lines, tasks.slice(0, LIST_PAGE));
  }
  return taskList(k, question, what, tasks, offset, q.statuses.length > 1);
}

function answerDepartment(k: Knowledge, question: string, q: Question, offset: number): Answer {
  const d = q.department!;
  const led = k.tasks.filter((t) => t.lead.includes(d));
  const joined = k.tasks.filter((t) => !t.lead.includes(d) && t.others.includes(d));
  // Progress tables before plans, then by number.
  const bySource = (a: Task, b: Task) =>
    (k.sourceById.get(b.source)?.date ?? '').localeCompare(k.sourceById.get(a.source)?.date ?? '') || (a.number ?? 999) - (b.number ?? 999);
  // Asked what a department leads, where it only takes part: say so, and list those.
  const onlyLed = /牵头/.test(q.folded) && led.length > 0;
  const tasks = [...led.sort(bySource), ...(onlyLed ? [] : joined.sort(bySource))];
  if (q.count) {
    const lines: Line[] = [[span(`${d}牵头的任务共`), span(`${led.length}项`, true), span(joined.length ? `，另参与${joined.length}项` : '')]];
    return makeAnswer(k, question, 'count', lines, led.slice(0, LIST_PAGE));
  }
  const heading = onlyLed ? `${d}牵头的任务` : led.length ? `${d}牵头或参与的任务` : `${d}没有牵头的任务，参与的任务`;
  return taskList(k, question, heading, tasks, offset, true);
}

/** An indicator answer: the figure, what it is, the same metric at other times, the sentence. */
function answerIndicator(k: Knowledge, question: string, q: Question, best: Indicator, rest: Candidate[], brief: boolean): Answer {
  const lines = compose.indicatorLines(best, q.change);
  if (brief) return makeAnswer(k, question, 'indicator', [lines[0], lines[1]], [best], { quote: best.sentence });
  const shown = new Set([best.id]);
  const related: Indicator[] = [];
  const sameName = (x: Indicator) => x.name === best.name && x.region === best.region;
  // The same metric for other periods, when the question named none.
  if (!q.period) {
    for (const x of k.byName.get(best.name.toLowerCase()) ?? []) {
      if (shown.has(x.id) || !sameName(x) || !fits(k, q, x) || x.nature !== best.nature) continue;
      if (related.some((r) => r.period.label === x.period.label && r.figure === x.figure)) continue;
      related.push(x);
    }
    related.sort((a, b) => periodKey(b.period) - periodKey(a.period));
  }
  // Close runners-up naming another metric (用电量 → 全社会用电量 and 工业用电量).
  const strong = rest.filter((c) => c.record.type === 'indicator' && c.score >= rest[0]?.score - 0.35 && c.coverage >= 0.99);
  for (const c of strong) {
    const x = c.record as Indicator;
    if (related.length >= 4) break;
    if (shown.has(x.id) || related.some((r) => r.id === x.id) || sameName(x) || x.sentence === best.sentence) continue;
    related.push(x);
  }
  const more = related.slice(0, 4);
  if (more.length) {
    lines.push([span('相关：')]);
    for (const x of more) lines.push(compose.relatedLine(x, best.region));
  }
  lines.push(compose.quoteLine(best.sentence, best.figure));
  return makeAnswer(k, question, 'indicator', lines, [best, ...more], { quote: best.sentence });
}

function answerPassage(k: Knowledge, question: string, best: KnowledgeRecord, rest: Candidate[]): Answer {
  if (best.type === 'passage') {
    const lines = compose.passageLines(best);
    const also = rest.filter((c) => c.record.type === 'passage' && c.coverage >= 0.99).slice(0, 2);
    if (also.length) {
      lines.push([span('相关：')]);
      for (const c of also) lines.push([span(`· ${compose.clip((c.record as { text: string }).text, 100)}`)]);
    }
    return makeAnswer(k, question, 'passage', lines, [best, ...also.map((c) => c.record)], { quote: best.text });
  }
  return makeAnswer(k, question, 'passage', [], [best]);
}

export function answer(k: Knowledge, question: string, options: AskOptions = {}): Answer {
  const q = parseQuestion(question, k.lex, k.departments);
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  if (q.greeting) return helpAnswer(k, question);
  if (q.taskNumber !== undefined) return answerTaskNumber(k, question, q);
  if (q.count && !q.statuses.length && !q.department && /任务/.test(q.folded) && /^有?(重点工作|重点任务|重点|工作|政府工作报告)?$/.test(q.content.replace(/\s+/g, ''))) {
    return taskSummary(k, question);
  }
  if (q.statuses.length) return answerStatuses(k, question, q, offset);
  if (q.department && (q.aboutTasks || !q.content)) return answerDepartment(k, question, q, offset);
  if (!q.content) return noAnswer(k, question, whyNone(q, question));

  const { answers: candidates, nearby } = match(k, q);
  const best = candidates[0];
  if (!best) return noAnswer(k, question, whyNone(q, question), elsewhere(q, nearby));
  const r = best.record;
  // A ranking, or a question whose words are in the sentence but not in any figure's name,
  // is answered by the sentence itself.
  if (r.type === 'indicator' && !options.brief && (q.rank || (best.nameCoverage < 0.34 && !q.unit))) {
    return makeAnswer(k, question, 'passage', [[span(`${r.sentence}。`)], [span([r.region, r.period.label].filter(Boolean).join(' · '))]], [r], { quote: r.sentence });
  }
  if (r.type === 'indicator') return answerIndicator(k, question, q, r, candidates.slice(1), !!options.brief);
  if (r.type === 'task') {
    const lines = compose.taskLines(r, { who: q.who });
    return makeAnswer(k, question, 'task', lines, [r], { quote: r.progress[0] ?? r.text });
  }
  return answerPassage(k, question, r, candidates.slice(1));
}

/** Reports before news items, then the newest first. */
function mainSources(k: Knowledge) {
  const order: Record<Source['kind'], number> = { bulletin: 0, statistics: 0, summary: 0, tasks: 1, report: 2, table: 2, plan: 3, news: 4 };
  return [...k.sources].sort((a, b) => order[a.kind] - order[b.kind] || b.date.localeCompare(a.date)).slice(0, 7);
}

export function helpAnswer(k: Knowledge, question = '/help'): Answer {
  const lines: Line[] = [
    [span('我能回答嘉兴市政府报告中的指标数值和任务进展，给出数字、时期、地区和出处。')],
    [span('可以这样问：')],
    ...[...EXAMPLES, '桐乡2017年地区生产总值', '第10项任务进展状态', '缪家村土地流转率'].map((e) => [span(`· ${e}`)]),
    [span(`已收录${k.sources.length}份文件，主要有：`)],
    ...mainSources(k).map((s) => [span(`· ${s.title}${s.date ? `（${s.date}）` : ''}`)]),
    [span('全部文件见 /sources。')],
  ];
  return { question, kind: 'help', text: compose.textOf(lines), lines, records: [], sources: [] };
}

export function sourcesAnswer(k: Knowledge): Answer {
  const sorted = [...k.sources].sort((a, b) => b.date.localeCompare(a.date));
  const lines: Line[] = [[span('已收录的文件（按日期，新的在前）：')], ...sorted.map((s, i) => [span(`${i + 1}. ${s.title}`), span(s.date ? `（${s.date}）` : '')])];
  return {
    question: '/sources',
    kind: 'list',
    text: compose.textOf(lines),
    lines,
    records: [],
    sources: sorted.map((s) => ({ title: s.title, date: s.date })),
  };
}
