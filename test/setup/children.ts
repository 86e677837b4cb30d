/**
 * Runs around every test file: each process the file starts (and what those start) carries a
 * marker in its environment; when the file is done, none may be left. A leftover is killed and
 * fails the file with its command line.
 */
import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { killAndDescribe, leftAfter } from '../processes.js';

export const FILE_MARKER = 'JX_TEST_FILE';
const value = randomUUID();
process.env[FILE_MARKER] = value;

afterAll(async () => {
  const left = await leftAfter(FILE_MARKER, value, 5_000);
  if (left.length > 0) throw new Error(`processes left behind by this test file: ${killAndDescribe(left)}`);
});
