/**
 * `npm run ask -- --json < questions | head -1`: once head has its line the pipe closes, and ask
 * ends quietly with exit 0 instead of a stack trace of EPIPE.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './digest-fakes.js';
import { ROOT } from './npm-start.js';

const dir = tempDir('ask-pipe-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run ask into a reader that stops early', () => {
  it('ends quietly with exit 0', () => {
    const questions = join(dir, 'questions.txt');
    writeFileSync(questions, '6月全市用电量是多少\n哪些任务滞后\n'.repeat(300));
    const run = spawnSync('bash', ['-o', 'pipefail', '-c', `node --import tsx src/cli/ask.ts --json < '${questions}' | head -1`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).kind).toBe('indicator');
  }, 60_000);
});
