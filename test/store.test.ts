/**
 * One suite, two stores: SQLite in a temporary DATA_DIR and a real PostgreSQL server started
 * for this file (test/postgres-server.ts). What one store does, the other does the same; what
 * only several instances can do (two claiming at once, a neighbour killed) is PostgreSQL's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import pg from 'pg';
import { DigestStore } from '../src/digest/store.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { PostgresStore } from '../src/store/postgres.js';
import { SCHEMA_VERSION } from '../src/store/postgres-schema.js';
import type { Store } from '../src/store/store.js';
import { followKnowledge } from '../src/store/knowledge-version.js';
import { sealedMemos } from '../src/store/sealed-memos.js';
import type { Knowledge } from '../src/knowledge/load.js';
import type { Answer } from '../src/types.js';
import { startPostgres, type PostgresServer } from './postgres-server.js';

let server: PostgresServer;
const dirs: string[] = [];

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);

afterAll(async () => {
  await server?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const answer = (text: string): Answer => ({ question: 'digest', kind: 'help', text, lines: [[{ text }]], records: [], sources: [] });

interface Kind {
  name: string;
  open(): Promise<Store>;
}

const kinds: Kind[] = [
  {
    name: 'SQLite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'jx-store-'));
      dirs.push(dir);
      return new SqliteStore(DigestStore.open(join(dir, 'data')));
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      return PostgresStore.open(await server.database());
    },
  },
];

describe.each(kinds)('Store on $name', (kind) => {
  const using = async (work: (store: Store) => Promise<void>) => {
    const store = await kind.open();
    try {
      await work(store);
    } finally {
      await store.close();
    }
  };

  it('keeps subscriptions: time changed in place, schedules with the default first, moved, ended', () =>
    using(async (store) => {
      await store.subscribe('telegram', '1');
      await store.subscribe('slack', 'C1', '07:30');
      await store.subscribe('telegram', '2', '07:30');
      expect((await store.subscribe('telegram', '1', '08:00')).time).toBe('08:00');
      await store.subscribe('telegram', '1', null);
      expect(await store.schedules()).toEqual([null, '07:30']);
      expect((await store.subscribersOf('07:30', ['telegram', 'slack'])).map((s) => s.target)).toEqual(['C1', '2']);
      expect((await store.subscribersOf(null, ['telegram'])).map((s) => s.target)).toEqual(['1']);
      expect(await store.subscribersOf(null, [])).toEqual([]);
      await store.subscribe('telegram', '-100', null);
      await store.moveSubscription('telegram', '2', '-100'); // onto an existing one: it gives way
      expect((await store.subscription('telegram', '-100'))?.time).toBe('07:30');
      expect(await store.subscription('telegram', '2')).toBeUndefined();
      expect(await store.unsubscribe('telegram', '-100')).toBe(true);
      expect(await store.unsubscribe('telegram', '-100')).toBe(false);
      expect((await store.subscriptions()).map((s) => `${s.platform}:${s.target}`)).toEqual(['telegram:1', 'slack:C1']);
    }));

  it('records a run once, one delivery per subscriber however often it is created, and claims each at most once', () =>
    using(async (store) => {
      const targets = [
        { platform: 'telegram' as const, target: '1' },
        { platform: 'slack' as const, target: 'C1' },
      ];
      const run = await store.createRun({ runKey: 'default@2026-01-05', schedule: 'default', slot: '2026-01-05T08:00:00+08:00', answer: answer('A') }, targets);
      await store.createRun({ runKey: 'default@2026-01-05', schedule: 'default', slot: 'x', answer: answer('B') }, [...targets, { platform: 'telegram', target: '2' }]);
      expect(run.answer.text).toBe('A');
      expect((await store.run('default@2026-01-05'))?.answer.text).toBe('A');
      const rows = await store.deliveries(run.runKey);
      expect(rows.map((r) => r.target)).toEqual(['1', 'C1', '2']);
      expect(await store.claim(rows[0].id)).toBe(true);
      expect(await store.claim(rows[0].id)).toBe(false);
      expect(await store.settle(rows[0].id, 'sent')).toBe(true);
      expect(await store.settle(rows[0].id, 'failed')).toBe(false); // only a row still sending
      expect(await store.claim(rows[1].id)).toBe(true);
      expect(await store.counts(run.runKey)).toEqual({ sent: 1, sending: 1, pending: 1 });
      // This instance's own send in flight is not taken for a crash.
      expect(await store.remark(run.runKey, 'sending', 'unknown')).toBe(0);
      expect(await store.remark(run.runKey, 'pending', 'expired', 'too old')).toBe(1);
      const [sent] = await store.deliveries(run.runKey, 'sent');
      expect(sent.sentAt).toMatch(/^\d{4}-/);
      expect(sent.attempts).toBe(1);
      expect((await store.unfinishedRuns()).map((r) => r.runKey)).toEqual([run.runKey]);
      await store.finishRun(run.runKey);
      expect(await store.unfinishedRuns()).toEqual([]);
      expect((await store.latestRun('default'))?.runKey).toBe(run.runKey);
      expect(await store.latestRun('07:30')).toBeUndefined();
    }));

  it('notes the sources a digest knew of, each at its first sight', () =>
    using(async (store) => {
      await store.noteSources(['a', 'b'], '2026-01-01T00:00:00.000Z');
      await store.noteSources(['b', 'c'], '2026-01-03T00:00:00.000Z');
      expect([...(await store.sourcesSeenBy('2026-01-02T00:00:00.000Z'))].sort()).toEqual(['a', 'b']);
      expect((await store.sourcesSeenBy('2026-01-04T00:00:00.000Z')).size).toBe(3);
    }));

  it('sees an event once within its window, and again after it', () =>
    using(async (store) => {
      expect(await store.firstSight('slack:Ev1', 1000, 10_000)).toBe(true);
      expect(await store.firstSight('slack:Ev1', 1000, 10_500)).toBe(false);
      expect(await store.firstSight('slack:Ev1', 1000, 11_000)).toBe(true);
    }));

  it('keeps conversations, deletes the idle ones', () =>
    using(async (store) => {
      await store.saveContext('c1', '{"q":1}', 1000);
      await store.saveContext('c1', '{"q":2}', 2000);
      await store.saveContext('c2', '{}', 500);
      expect(await store.context('c1')).toEqual({ value: '{"q":2}', at: 2000 });
      expect(await store.context('nobody')).toBeUndefined();
      expect(await store.pruneContexts(1000)).toBe(1);
      expect(await store.countContexts()).toBe(1);
    }));

  it('logs answers and one vote per user, changed in one step; old entries go with their feedback', () =>
    using(async (store) => {
      const row = { id: 'abcdefghij', at: 1000, platform: 'telegram', conversation: 'c', user: 'u', question: '问', query: null, kind: 'none', records: '[]', ms: 1.5 };
      await store.addAnswers([row, { ...row, id: 'klmnopqrst', at: 5000, user: null, conversation: null }]);
      await store.addAnswers([]);
      expect(await store.answerExists('abcdefghij')).toBe(true);
      expect(await store.answerExists('zzzzzzzzzz')).toBe(false);
      const first = await store.changeFeedback('abcdefghij', 'u', 1, (before) => ({ result: before, after: { vote: 'down', reasons: ['太长'], words: null } }));
      expect(first).toBeUndefined();
      const second = await store.changeFeedback('abcdefghij', 'u', 2, (before) => ({ result: before }));
      expect(second).toEqual({ vote: 'down', reasons: ['太长'], words: null });
      expect(await store.pruneAnswers(2000)).toBe(1);
      expect(await store.answerExists('abcdefghij')).toBe(false);
      expect(await store.changeFeedback('abcdefghij', 'u', 3, (before) => ({ result: before }))).toBeUndefined();
    }));

  it('keeps button memos and settings', () =>
    using(async (store) => {
      await store.putMemo('m:1', '{"a":1}', 100);
      await store.putMemo('m:2', '{"b":2}', 300);
      expect(await store.memo('m:1')).toBe('{"a":1}');
      expect(await store.pruneMemos(200)).toBe(1);
      expect(await store.memo('m:1')).toBeUndefined();
      expect(await store.setting('knowledge')).toBeUndefined();
      await store.setSetting('knowledge', '1');
      await store.setSetting('knowledge', '2');
      expect(await store.setting('knowledge')).toBe('2');
    }));
});

describe('several instances on one PostgreSQL', () => {
  it('both come up when they start at once on an empty database, migrated once', async () => {
    const url = await server.database();
    const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open(url)));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query('SELECT version FROM schema_version')).rows).toEqual([{ version: SCHEMA_VERSION }]);
    } finally {
      await client.end();
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('claims each delivery once across instances, and takes over only the sends of an instance that is gone', async () => {
    const url = await server.database();
    const [a, b] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
    try {
      const targets = Array.from({ length: 50 }, (_, i) => ({ platform: 'telegram' as const, target: String(i) }));
      await a.createRun({ runKey: 'r', schedule: 'default', slot: 's', answer: answer('A') }, targets);
      const rows = await a.deliveries('r');
      // Both reach for every row at once: each row goes to one of them.
      const claims = await Promise.all(rows.flatMap((r) => [a.claim(r.id), b.claim(r.id)]));
      expect(claims.filter(Boolean)).toHaveLength(50);
      const byB = claims.filter((c, i) => c && i % 2 === 1).length;
      // b is running: a recovery by a touches neither b's sends in flight nor its own.
      expect(await a.remark('r', 'sending', 'unknown')).toBe(0);
      await b.close(); // its connections end, as with kill -9; the server notices within moments
      let taken = 0;
      for (let tries = 0; taken === 0 && tries < 100; tries++) {
        taken = await a.remark('r', 'sending', 'unknown');
        if (!taken) await new Promise((r) => setTimeout(r, 50));
      }
      expect(taken).toBe(byB);
      expect(await a.counts('r')).toEqual({ sending: 50 - byB, ...(byB ? { unknown: byB } : {}) });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('sees an event once across instances', async () => {
    const url = await server.database();
    const [a, b] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
    try {
      const seen = await Promise.all([a, b, a, b].map((s) => s.firstSight('slack:Ev9', 60_000)));
      expect(seen.filter(Boolean)).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('tells every instance of a knowledge swapped in on one, and each rebuilds it once', async () => {
    const url = await server.database();
    const [a, b] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
    const log = pino({ level: 'silent' });
    const swapped: string[] = [];
    const rebuild = async () => ({ sources: [] }) as unknown as Knowledge;
    const onA = await followKnowledge(a, rebuild, () => swapped.push('a'), log, 50);
    const onB = await followKnowledge(b, rebuild, () => swapped.push('b'), log, 50);
    try {
      onA.announce();
      await vi.waitFor(() => expect(swapped).toEqual(['b']), { timeout: 5000 });
      await new Promise((r) => setTimeout(r, 200));
      expect(swapped).toEqual(['b']);
    } finally {
      onA.stop();
      onB.stop();
      await a.close();
      await b.close();
    }
  });

  it('seals the memos it shares: keyed names, sealed values, read by the same key only', async () => {
    const url = await server.database();
    const store = await PostgresStore.open(url);
    try {
      const memos = sealedMemos(store, Buffer.from('one-key-for-all-instances'));
      await memos.put('tgp:123456789:42', '{"conversation":"telegram:123456789"}');
      expect(await memos.get('tgp:123456789:42')).toBe('{"conversation":"telegram:123456789"}');
      expect(await memos.get('tgp:123456789:43')).toBeUndefined();
      expect(await sealedMemos(store, Buffer.from('another-key-entirely')).get('tgp:123456789:42')).toBeUndefined();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const rows = (await client.query('SELECT key, value FROM memos')).rows;
      await client.end();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toMatch(/123456789|conversation/);
    } finally {
      await store.close();
    }
  });

  it('refuses an unreachable server with one line naming DATABASE_URL, never its password', async () => {
    await expect(PostgresStore.open('postgres://bot:secret@127.0.0.1:1/db')).rejects.toThrow(
      /^DATABASE_URL: cannot use the database at 127\.0\.0\.1:1\/db \(.*ECONNREFUSED/,
    );
    await expect(PostgresStore.open('postgres://bot:secret@127.0.0.1:1/db')).rejects.not.toThrow(/secret/);
  });
});
