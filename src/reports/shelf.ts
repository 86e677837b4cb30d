/**
 * The reports added from the chat, kept in DATA_DIR/reports (or REPORTS_DIR): each file as it
 * was sent, with the NAME.meta.json the operator's corrections made, for the bot's user only
 * (mode 700, as the rest of DATA_DIR). A report waiting for its 确认 lies in .pending/, which
 * the build does not read.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { metaFileOf, isMetaFile } from '../extract/about.js';
import { PRIVATE_DIR, PRIVATE_FILE } from '../digest/private-files.js';
import type { Config } from '../config.js';

/** Where the reports are kept under the settings. */
export const reportsDirOf = (config: Pick<Config, 'REPORTS_DIR' | 'DATA_DIR'>) => config.REPORTS_DIR ?? join(config.DATA_DIR, 'reports');

/** The extensions of the formats the build reads (src/extract/read/). */
export const REPORT_TYPES = ['.pdf', '.docx', '.xlsx', '.html', '.htm', '.txt'] as const;

/** A name that is safe as one file in one folder: no folders, no controls, not hidden, not too long. */
export function safeName(name: string | undefined, fallback: string): string {
  const base = basename((name ?? '').replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f/:*?"<>|]/g, '_')
    .replace(/^\.+/, '')
    .trim();
  if (!base || isMetaFile(base)) return fallback;
  const ext = extname(base);
  const chars = [...base.slice(0, base.length - ext.length)];
  return chars.length > 80 ? chars.slice(0, 80).join('') + ext : base;
}

export interface KeptReport {
  name: string;
  /** A short stable key for buttons (callback data is short). */
  key: string;
  file: string;
  bytes: number;
  added: Date;
}

export class ReportShelf {
  constructor(readonly dir: string) {}

  private get pendingDir(): string {
    return join(this.dir, '.pending');
  }

  private started = false;

  /** Makes the folder (700) and its .pending/ when missing; a report held before a restart waits for a 确认 that cannot come. */
  private ensure(): void {
    if (!this.started) rmSync(this.pendingDir, { recursive: true, force: true });
    this.started = true;
    for (const dir of [this.dir, this.pendingDir]) {
      if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
      chmodSync(dir, PRIVATE_DIR);
    }
  }

  /** Keeps a received file until it is confirmed or cancelled; returns its path there. */
  hold(name: string, bytes: Uint8Array): { id: string; file: string } {
    this.ensure();
    const id = randomBytes(6).toString('hex');
    const dir = join(this.pendingDir, id);
    mkdirSync(dir, { mode: PRIVATE_DIR });
    const file = join(dir, name);
    writeFileSync(file, bytes, { mode: PRIVATE_FILE });
    return { id, file };
  }

  /** Writes what the operator said of a held file (place, year) as its NAME.meta.json. */
  describe(file: string, said: { place?: string; year?: number }): void {
    writeFileSync(metaFileOf(file), JSON.stringify(said, null, 2) + '\n', { mode: PRIVATE_FILE });
  }

  /** Moves a held file (and its .meta.json) onto the shelf; true when it replaced one of the same name. */
  keep(held: string): boolean {
    this.ensure();
    const target = join(this.dir, basename(held));
    const replaced = existsSync(target);
    rmSync(metaFileOf(target), { force: true });
    renameSync(held, target);
    if (existsSync(metaFileOf(held))) renameSync(metaFileOf(held), metaFileOf(target));
    this.drop(held);
    return replaced;
  }

  /** Forgets a held file. */
  drop(held: string): void {
    const dir = join(held, '..');
    if (basename(join(dir, '..')) === '.pending') rmSync(dir, { recursive: true, force: true });
  }

  /** The kept reports, oldest first. */
  list(): KeptReport[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir, { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith('.') && !isMetaFile(e.name))
      .map((e) => {
        const file = join(this.dir, e.name);
        const stat = statSync(file);
        return { name: e.name, key: keyOf(e.name), file, bytes: stat.size, added: stat.mtime };
      })
      .sort((a, b) => a.added.getTime() - b.added.getTime() || a.name.localeCompare(b.name));
  }

  /** Removes a kept report and its .meta.json; the removed one, or undefined when no such key. */
  remove(key: string): KeptReport | undefined {
    const report = this.list().find((r) => r.key === key);
    if (!report) return undefined;
    rmSync(report.file, { force: true });
    rmSync(metaFileOf(report.file), { force: true });
    return report;
  }
}

const keyOf = (name: string) => createHash('sha256').update(name).digest('hex').slice(0, 10);
