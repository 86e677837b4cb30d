/**
 * The seeds with the real-report fixtures (test/fixtures/realdocs) beside them, built into
 * knowledge in a temporary folder: among them a county table (2021年嘉兴各区县GDP排行), which
 * the seeds lack, for county comparisons and their charts.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractAll, SEEDS_DIR } from '../src/knowledge/build.js';
import { buildIndex } from '../src/knowledge/search.js';
import { fromRecords, type Knowledge } from '../src/knowledge/load.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'realdocs');

export async function realdocsKnowledge(): Promise<Knowledge> {
  const dir = mkdtempSync(join(tmpdir(), 'seeds-realdocs-'));
  try {
    for (const f of readdirSync(SEEDS_DIR)) copyFileSync(join(SEEDS_DIR, f), join(dir, f));
    for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'))) copyFileSync(join(FIXTURES, f), join(dir, f));
    const records = await extractAll(dir);
    return fromRecords(records, buildIndex(records));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
