/**
 * The records of each document, kept by everything they depend on — its bytes, its name, its
 * NAME.meta.json, the knowledge/*.json files and the build's own code — so that a rebuild after
 * one report is added reads that report only, not the hundreds before it. The bot's rebuilds use
 * it (`npm run knowledge -- --cache DIR`, src/reports/rebuild.ts); a plain `npm run knowledge`
 * reads every document. Entries that a build did not use are deleted at its end.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { metaFileOf } from '../extract/about.js';
import { KNOWLEDGE_DIR } from './lexicon.js';
import type { Records } from './build.js';
import { insideOf, type BuiltIndex, type IndexBefore } from './search.js';

/** The build's code (src/, or dist/src/ when compiled) and the hand-kept knowledge files: a change to either reads every document again. */
function buildVersion(): string {
  const hash = createHash('sha256');
  const code = join(import.meta.dirname, '..');
  for (const file of readdirSync(code, { recursive: true, encoding: 'utf8' }).sort()) {
    if (/\.(ts|js)$/.test(file)) hash.update(file).update(readFileSync(join(code, file)));
  }
  for (const file of readdirSync(KNOWLEDGE_DIR).filter((f) => f.endsWith('.json')).sort()) hash.update(file).update(readFileSync(join(KNOWLEDGE_DIR, file)));
  return hash.digest('hex');
}

/** The keys of the wordings of the last index written (see builtIndex). */
const INDEX_KEYS = 'index-keys.json';
const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');

export class RecordsCache {
  private readonly version = buildVersion();
  /** (The index's keys are kept whatever the build reads: they are written after its records.) */
  private readonly used = new Set<string>([INDEX_KEYS]);

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 }); // the records say what the reports say
  }

  private key(file: string, name: string, bytes: Uint8Array): string {
    const meta = metaFileOf(file);
    const hash = createHash('sha256').update(this.version).update(name).update('\u0000').update(bytes);
    if (existsSync(meta)) hash.update('\u0000').update(readFileSync(meta));
    return `${hash.digest('hex')}.json`;
  }

  /** The document's records as the build gave them last time, or what `read` gives now (then kept). */
  async records(file: string, name: string, bytes: Uint8Array, read: () => Promise<Records>): Promise<Records> {
    const key = this.key(file, name, bytes);
    this.used.add(key);
    try {
      return JSON.parse(readFileSync(join(this.dir, key), 'utf8')) as Records;
    } catch {
      const records = await read();
      // Written whole by rename, before the build changes the records (ids made unique, departments made whole).
      writeFileSync(join(this.dir, `.${key}.tmp`), JSON.stringify(records));
      renameSync(join(this.dir, `.${key}.tmp`), join(this.dir, key));
      return records;
    }
  }

  /**
   * The index the last build of this code wrote, with its wordings' keys, when `indexJson` (the
   * index.json found where this build writes) is the one it wrote: what it holds need not be read again.
   */
  builtIndex(indexJson: string | undefined): IndexBefore | undefined {
    if (indexJson === undefined) return undefined;
    try {
      const kept = JSON.parse(readFileSync(join(this.dir, INDEX_KEYS), 'utf8')) as { version: string; digest: string; keys: string };
      if (kept.version !== this.version || kept.digest !== digestOf(indexJson)) return undefined;
      return { index: insideOf(indexJson), keys: kept.keys ? kept.keys.split('\n') : [] };
    } catch {
      return undefined;
    }
  }

  /** Keeps the keys of the index just written (as index.json) for the next build. */
  keepIndex(built: BuiltIndex, indexJson: string): void {
    writeFileSync(join(this.dir, `.${INDEX_KEYS}.tmp`), JSON.stringify({ version: this.version, digest: digestOf(indexJson), keys: built.keys.join('\n') }));
    renameSync(join(this.dir, `.${INDEX_KEYS}.tmp`), join(this.dir, INDEX_KEYS));
  }

  /** Deletes what this build did not use: the records of reports removed or changed, or of older code. */
  prune(): void {
    for (const name of readdirSync(this.dir)) if (!this.used.has(name)) rmSync(join(this.dir, name), { force: true });
  }
}
