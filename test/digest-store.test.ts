/** The digest database: migrations, re-opening, and the faults that must stop start-up. */
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../adapters/app.js';
import { loadConfig } from '../src/config.js';
import { DB_FILE, DigestStore, DigestStoreError, MIGRATIONS, SCHEMA_VERSION } from '../src/digest/store.js';
import { sampleKnowledge, silent, tempDir } from './digest-fakes.js';

const dirs: string[] = [];
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const tables = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
};

describe('DigestStore', () => {
  it('migrates an empty database to the current schema, in WAL mode, creating DATA_DIR', () => {
    const dir = join(fresh(), 'nested', 'data');
    const store = DigestStore.open(dir);
    expect(existsSync(join(dir, DB_FILE))).toBe(true);
    expect(store.version()).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    store.close();
    expect(tables(join(dir, DB_FILE))).toEqual(['announced_sources', 'answers', 'contexts', 'deliveries', 'feedback', 'memos', 'runs', 'seen_events', 'settings', 'subscriptions']);
  });

  it('re-opening an existing database is a no-op and keeps its data', () => {
    const dir = fresh();
    const first = DigestStore.open(dir);
    first.subscribe('telegram', '42', '07:30');
    first.subscribe('slack', 'C123');
    first.close();
    const again = DigestStore.open(dir);
    expect(again.migrate()).toBe(0);
    expect(again.version()).toBe(SCHEMA_VERSION);
    expect(again.subscriptions().map((s) => [s.platform, s.target, s.time])).toEqual([
      ['telegram', '42', '07:30'],
      ['slack', 'C123', null],
    ]);
    expect(again.schedules()).toEqual([null, '07:30']);
    again.close();
  });

  it('migrates step by step from an older version', () => {
    const dir = fresh();
    const db = new Database(join(dir, DB_FILE));
    db.exec(MIGRATIONS[0]);
    db.pragma('user_version = 1');
    db.prepare("INSERT INTO subscriptions VALUES ('telegram', '7', NULL, '2025-01-01T00:00:00Z')").run();
    db.close();
    const store = DigestStore.open(dir);
    expect(store.version()).toBe(SCHEMA_VERSION);
    expect(store.subscription('telegram', '7')).toBeDefined();
    expect(store.latestRun()).toBeUndefined();
    store.close();
  });

  it('keeps one delivery row per subscriber and run, however often the run is created', () => {
    const store = DigestStore.open(fresh());
    const answer = { question: '/digest', kind: 'list' as const, text: 'x', lines: [], records: [], sources: [] };
    const run = { runKey: 'default@2025-07-22T08:00:00+08:00', schedule: 'default', slot: '2025-07-22T08:00:00+08:00', answer };
    store.createRun(run, [{ platform: 'telegram', target: '1' }]);
    const [row] = store.deliveries(run.runKey);
    expect(store.claim(row.id)).toBe(true);
    expect(store.claim(row.id)).toBe(false);
    store.settle(row.id, 'sent');
    store.createRun({ ...run, answer: { ...answer, text: 'other' } }, [{ platform: 'telegram', target: '1' }, { platform: 'telegram', target: '2' }]);
    expect(store.run(run.runKey)!.answer.text).toBe('x');
    expect(store.deliveries(run.runKey).map((d) => [d.target, d.status])).toEqual([
      ['1', 'sent'],
      ['2', 'pending'],
    ]);
    expect(() => store.db.prepare("INSERT INTO deliveries (platform, target, run_key, status) VALUES ('telegram', '1', ?, 'pending')").run(run.runKey)).toThrow(/UNIQUE/);
    store.close();
  });

  it('refuses a corrupt database file with one line naming it', () => {
    const dir = fresh();
    writeFileSync(join(dir, DB_FILE), 'this is not a database, just text that fills the header '.repeat(100));
    let error: unknown;
    try {
      DigestStore.open(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DigestStoreError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^DATA_DIR: /);
    expect(message).toContain(join(dir, DB_FILE));
    expect(message).toMatch(/not a database/);
  });

  it('refuses a database from a newer version of the program', () => {
    const dir = fresh();
    const db = new Database(join(dir, DB_FILE));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => DigestStore.open(dir)).toThrow(/newer than this program/);
  });

  it('refuses a DATA_DIR that cannot be created or written', () => {
    const base = fresh();
    const file = join(base, 'a-file');
    writeFileSync(file, '');
    expect(() => DigestStore.open(join(file, 'data'))).toThrow(/^DATA_DIR: cannot create .*a-file\/data/);
    expect(() => DigestStore.open(file)).toThrow(/^DATA_DIR: .*a-file is not a writable directory/);
    if (process.getuid?.() !== 0) {
      const ro = join(base, 'read-only');
      mkdirSync(ro);
      chmodSync(ro, 0o500);
      expect(() => DigestStore.open(ro)).toThrow(/^DATA_DIR: .*not a writable directory/);
      chmodSync(ro, 0o700);
    }
  });

  it('stops start-up on an unwritable DATA_DIR before connecting anywhere', async () => {
    const file = join(fresh(), 'a-file');
    writeFileSync(file, '');
    const config = loadConfig({ DATA_DIR: join(file, 'data') });
    await expect(startApp(config, silent, { knowledge: sampleKnowledge(), core: {} as never })).rejects.toThrow(/^DATA_DIR: /);
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});
