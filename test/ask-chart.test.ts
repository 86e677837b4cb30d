/**
 * `npm run ask -- --chart FILE.png "问题"` writes the answer's chart, `--json` carries the chart
 * object; an answer without a chart, or a flag without a file, is said in one line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './digest-fakes.js';
import { ROOT } from './npm-start.js';
import { looksLikeChart } from './png.js';

const dir = tempDir('ask-chart-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ask = (...args: string[]) => spawnSync('node', ['--import', 'tsx', 'src/cli/ask.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

describe('npm run ask with --chart', () => {
  it('prints the answer and writes its chart, at least 800 px wide', () => {
    const file = join(dir, 'departments.png');
    const run = ask('--chart', file, '哪个部门牵头最多');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('牵头最多的是市商务局');
    expect(looksLikeChart(readFileSync(file)).width).toBeGreaterThanOrEqual(800);
  }, 120_000);

  it('adds the chart object to --json, its values those of the text', () => {
    const run = ask('--json', '哪个部门牵头最多');
    const answer = JSON.parse(run.stdout);
    expect(answer.chart.kind).toBe('stacked');
    expect(answer.chart.categories[0]).toBe('市商务局');
    const total = answer.chart.series.reduce((n: number, s: { values: number[] }) => n + s.values[0], 0);
    expect(answer.text).toContain(`市商务局 ${total}项`);
  }, 120_000);

  it('says when the answer has no chart, and writes nothing', () => {
    const file = join(dir, 'none.png');
    const run = ask('--chart', file, '6月全市用电量是多少');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('52.91亿千瓦时');
    expect(run.stderr).toContain('ask: --chart: this answer has no chart');
    expect(existsSync(file)).toBe(false);
  }, 120_000);

  it('says in one line when the file cannot be written', () => {
    const run = ask('--chart', join(dir, 'no-such-folder', 'c.png'), '哪个部门牵头最多');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('牵头最多的是市商务局');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^ask: --chart: could not write .*c\.png: ENOENT/);
  }, 120_000);

  it('asks for a file and a question', () => {
    const run = ask('--chart');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run ask -- --chart FILE.png "问题"');
  }, 120_000);
});
