/**
 * Global set-up of the test run: marks the environment every worker and every process started
 * by a test inherits, and at the end fails the run if any of them is still alive.
 */
import { randomUUID } from 'node:crypto';
import { killAndDescribe, leftAfter } from '../processes.js';

const MARKER = 'JX_TEST_RUN';

export default function setup(): () => Promise<void> {
  const value = randomUUID();
  process.env[MARKER] = value;
  return async () => {
    const left = await leftAfter(MARKER, value, 5_000);
    if (left.length === 0) return;
    process.exitCode = 1; // vitest reports an error in a global teardown but would still exit 0
    throw new Error(`processes left behind by the test run: ${killAndDescribe(left)}`);
  };
}
