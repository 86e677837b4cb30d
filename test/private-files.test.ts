/**
 * DATA_DIR holds questions as typed and subscribers' chat ids: with the usual umask 022 it is
 * made 700 and its database and lock files 600; one made before, readable by others, is said
 * once; database files made before with 644 are tightened.
 */
import { chmodSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestStore } from '../src/digest/store.js';
import { tempDir } from './digest-fakes.js';

const root = tempDir('private-');
let umask: number;
beforeAll(() => {
  umask = process.umask(0o022);
});
afterAll(() => {
  process.umask(umask);
  rmSync(root, { recursive: true, force: true });
});

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('files others cannot read', () => {
  it('makes DATA_DIR 700 and digest.db, its -wal and -shm, and bot.lock 600 under umask 022', () => {
    const dir = join(root, 'fresh', 'data');
    const store = DigestStore.open(dir);
    try {
      store.subscribe('telegram', '1'); // the -wal and -shm exist while the database is open
      expect(mode(dir)).toBe('700');
      for (const file of ['digest.db', 'digest.db-wal', 'digest.db-shm', 'bot.lock']) expect([file, mode(join(dir, file))]).toEqual([file, '600']);
      expect(store.warnings).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('says once that an existing DATA_DIR can be read by others, and tightens database files made before', () => {
    const dir = join(root, 'old');
    mkdirSync(dir, { mode: 0o755 });
    DigestStore.open(dir).close();
    for (const file of ['digest.db', 'bot.lock']) chmodSync(join(dir, file), 0o644);
    writeFileSync(join(dir, 'notes.txt'), 'the operator’s own');
    const store = DigestStore.open(dir);
    try {
      expect(store.warnings).toHaveLength(1);
      expect(store.warnings[0]).toMatch(/^DATA_DIR: .*old can be read by other users \(mode 755\).*chmod 700/);
      for (const file of ['digest.db', 'digest.db-wal', 'digest.db-shm', 'bot.lock']) expect([file, mode(join(dir, file))]).toEqual([file, '600']);
      expect(mode(dir)).toBe('755'); // the operator's folder, left as it is
      expect(mode(join(dir, 'notes.txt'))).toBe('644');
    } finally {
      store.close();
    }
  });
});
