/**
 * The seeds a test set was written about, by file: a test answers from their records only, so
 * that a report added to seeds/ (or from the chat) changes no answer of a set that is not
 * about it. The committed build is filtered, not rebuilt: the ids and files stay as built.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_DIR } from '../src/knowledge/lexicon.js';
import { fromRecords, type Knowledge } from '../src/knowledge/load.js';
import { buildIndex } from '../src/knowledge/search.js';
import type { Indicator, Passage, Source, Task } from '../src/types.js';

/** The seeds the project's own question sets are about. */
export const SET_SEEDS = [
  'seeds/2020年嘉兴市政府工作报告.txt',
  'seeds/2021年政府工作报告重点工作执行情况-上半年.txt',
  'seeds/发展改革工作信息交流-第5期-2021-07-19.txt',
  'seeds/嘉委发2017-12号-嘉善县域科学发展示范点实施意见.txt',
  'seeds/桐乡投资资讯与政府工作报告-网页.txt',
];

/** The knowledge of the files named only, from knowledge/generated (or `dir`). */
export function knowledgeOf(files: readonly string[] = SET_SEEDS, dir = GENERATED_DIR): Knowledge {
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
  const named = new Set(files);
  const sources = read<Source[]>('sources.json').filter((s) => named.has(s.file));
  const ids = new Set(sources.map((s) => s.id));
  const mine = <T extends { source: string }>(list: T[]) => list.filter((r) => ids.has(r.source));
  const records = { sources, indicators: mine(read<Indicator[]>('indicators.json')), tasks: mine(read<Task[]>('tasks.json')), passages: mine(read<Passage[]>('passages.json')) };
  return fromRecords(records, buildIndex(records));
}
