/**
 * A corpus the size of a city's shelf of reports, for the bench: every seed and real-report
 * fixture (test/fixtures/reports/{dev,holdout}) in variants whose places, years and figures
 * differ — Jiaxing's counties rotated one to the next, years moved back, every decimal figure
 * scaled — so each variant is a distinct report, read by the real build like any other.
 * Questions are varied the same way, so they ask across the whole corpus.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../root.js';

/** Jiaxing's counties in the order a variant rotates them (full names first, then short ones). */
const COUNTIES = [
  ['南湖区', '南湖'],
  ['秀洲区', '秀洲'],
  ['嘉善县', '嘉善'],
  ['平湖市', '平湖'],
  ['海盐县', '海盐'],
  ['海宁市', '海宁'],
  ['桐乡市', '桐乡'],
];

export interface CorpusReport {
  name: string;
  text: string;
}

/** The real texts a corpus is made from: seeds/ and the real-report fixtures. */
export function realTexts(): CorpusReport[] {
  const folders = [join(ROOT, 'seeds'), join(ROOT, 'test', 'fixtures', 'reports', 'dev'), join(ROOT, 'test', 'fixtures', 'reports', 'holdout')];
  return folders.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') })),
  );
}

/** Text of variant k: counties rotated by k, years k earlier, decimal figures scaled by 1 + k/50. */
export function vary(text: string, k: number, figures = true): string {
  if (k === 0) return text;
  const to = new Map<string, string>();
  COUNTIES.forEach(([full, short], i) => {
    const [toFull, toShort] = COUNTIES[(i + k) % COUNTIES.length];
    to.set(full, toFull);
    to.set(short, toShort);
  });
  const names = [...to.keys()].sort((a, b) => b.length - a.length);
  let out = text.replace(new RegExp(names.join('|'), 'g'), (name) => to.get(name)!);
  out = out.replace(/(?<!\d)((?:19|20)\d{2})(?=年|〕|\]|）|\)|-\d|\.\d{1,2}\b)/g, (y) => String(Number(y) - k));
  if (figures) {
    out = out.replace(/(?<![\d.])(\d+)\.(\d{1,2})(?![\d.])/g, (figure, whole: string, decimals: string) =>
      (Number(figure) * (1 + k / 50)).toFixed(decimals.length),
    );
  }
  return out;
}

/** At least `reports` distinct reports: the real texts in as many variants as it takes. */
export function corpus(reports: number): CorpusReport[] {
  const real = realTexts();
  const out: CorpusReport[] = [];
  for (let k = 0; out.length < reports; k++) {
    for (const r of real) out.push({ name: `v${k}-${vary(r.name, k, false)}`, text: vary(r.text, k) });
  }
  return out;
}

/** Writes a corpus into a folder, as seeds/ holds reports. */
export function writeCorpus(dir: string, reports: CorpusReport[]): void {
  mkdirSync(dir, { recursive: true });
  for (const r of reports) writeFileSync(join(dir, r.name), r.text);
}

/** The questions asked of variant k: its places and years (figures are what is asked, not said). */
export function varyQuestion(question: string, k: number): string {
  return vary(question, k, false);
}
