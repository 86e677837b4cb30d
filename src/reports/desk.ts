/**
 * What a report sent in the chat means, whatever the platform: an operator's file is read as
 * `npm run knowledge -- --add` reads it, shown (kind, title, place and year with where each
 * came from, issuer, date, counts, three records, what could not be read) and held until
 * 确认; a reply 地区=海宁市 / 年份=2024 corrects the place or year first (kept as the file's
 * NAME.meta.json, which the build reads). On 确认 the file is kept on the shelf, the knowledge
 * rebuilt in a child process and swapped in; /reports lists what was added and removes one.
 * Adapters only download the file and show the reply and its buttons. Nothing here throws
 * at an adapter: bad input gets a reply that says what to do.
 */
import { extname } from 'node:path';
import { documentRecords } from '../knowledge/build.js';
import { summary } from '../knowledge/add.js';
import type { Knowledge } from '../knowledge/load.js';
import { ReportShelf, REPORT_TYPES, safeName } from './shelf.js';
import type { Rebuild } from './rebuild.js';
import { REPORT_TEXT as T } from './texts.js';

/** A reply to the operator, with buttons whose action goes back to act(). */
export interface DeskReply {
  text: string;
  buttons?: { label: string; action: string }[];
}

/** Who sent it: a key unique across platforms, and whether the settings name them an operator. */
export interface Sender {
  user: string;
  operator: boolean;
}

/** A file as the platform announces it; download() fetches its bytes. */
export interface IncomingFile {
  name?: string;
  /** As the platform gives it, before downloading. */
  size?: number;
  download(): Promise<Uint8Array>;
}

export interface DeskOptions {
  shelf: ReportShelf;
  rebuild: Rebuild;
  /** Hands the rebuilt knowledge to the core (core.swap). */
  swap: (k: Knowledge) => void;
  maxBytes?: number;
  log?: { info(o: object, msg: string): void; warn(o: object, msg: string): void };
}

/** Telegram lets a bot download up to 20 MB; the same limit everywhere keeps it one rule. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

/** A received report, waiting for 确认. */
interface Held {
  id: string;
  file: string;
  name: string;
  said: { place?: string; year?: number };
}

const CORRECTION = /^\s*(地区|地点|年份)\s*[=＝:：]/;

export class ReportDesk {
  private readonly held = new Map<string, Held>();
  /** One rebuild at a time, in order. */
  private building: Promise<unknown> = Promise.resolve();
  private readonly maxBytes: number;

  constructor(private readonly options: DeskOptions) {
    this.maxBytes = options.maxBytes ?? MAX_REPORT_BYTES;
  }

  /** A file sent to the bot. */
  async receive(sender: Sender, file: IncomingFile): Promise<DeskReply> {
    if (!sender.operator) return { text: T.operatorsOnly };
    const ext = extname(file.name ?? '').toLowerCase();
    if (!(REPORT_TYPES as readonly string[]).includes(ext)) return { text: T.unknownType(file.name ?? '') };
    if (file.size !== undefined && file.size > this.maxBytes) return { text: T.tooLarge(file.size, this.maxBytes) };
    let bytes: Uint8Array;
    try {
      bytes = await file.download();
    } catch (error) {
      this.options.log?.warn({ err: error }, 'reports: download failed');
      return { text: T.downloadFailed };
    }
    if (bytes.byteLength > this.maxBytes) return { text: T.tooLarge(bytes.byteLength, this.maxBytes) };
    const previous = this.held.get(sender.user);
    if (previous) this.options.shelf.drop(previous.file);
    const { id, file: path } = this.options.shelf.hold(safeName(file.name, `report${ext}`), bytes);
    const held: Held = { id, file: path, name: safeName(file.name, `report${ext}`), said: {} };
    const reply = await this.show(held);
    if (reply.buttons) this.held.set(sender.user, held);
    else this.options.shelf.drop(path);
    return reply;
  }

  /** A text from an operator: a correction of the held report (地区=…, 年份=…), or undefined to treat it as a question. */
  async correct(sender: Sender, text: string): Promise<DeskReply | undefined> {
    const held = this.held.get(sender.user);
    if (!sender.operator || !held || !CORRECTION.test(text)) return undefined;
    const place = text.match(/(?:地区|地点)\s*[=＝:：]\s*([^\s,，;；]+)/)?.[1];
    const yearText = text.match(/年份\s*[=＝:：]\s*([^\s,，;；]+)/)?.[1];
    const year = yearText === undefined ? undefined : Number(yearText.replace(/年$/, ''));
    if (year !== undefined && !(Number.isInteger(year) && year >= 1949 && year <= 2100)) return { text: T.badYear(yearText!) };
    held.said = { ...held.said, ...(place ? { place } : {}), ...(year ? { year } : {}) };
    this.options.shelf.describe(held.file, held.said);
    return this.show(held);
  }

  /** A button pressed: 确认 or 取消 of a held report, or 删除 of a kept one. */
  async act(sender: Sender, action: string): Promise<DeskReply> {
    if (!sender.operator) return { text: T.operatorsOnly };
    const [verb, arg] = action.split(':');
    if (verb === 'rm') return this.remove(arg);
    const held = this.held.get(sender.user);
    if (!held || held.id !== arg) return { text: T.expired };
    this.held.delete(sender.user);
    if (verb === 'no') {
      this.options.shelf.drop(held.file);
      return { text: T.cancelled(held.name) };
    }
    const replaced = this.options.shelf.keep(held.file);
    return this.rebuilt(T.added(held.name, replaced));
  }

  /** /reports: what was added, each with a button to remove it. */
  list(sender: Sender): DeskReply {
    if (!sender.operator) return { text: T.operatorsOnly };
    const kept = this.options.shelf.list();
    if (!kept.length) return { text: T.noneAdded };
    return {
      text: [T.listTitle(kept.length), ...kept.map((r, i) => `${i + 1}. ${r.name}（${Math.ceil(r.bytes / 1024)} KB，${r.added.toISOString().slice(0, 10)}）`)].join('\n'),
      buttons: kept.map((r, i) => ({ label: T.removeButton(i + 1), action: `rm:${r.key}` })),
    };
  }

  private async remove(key: string): Promise<DeskReply> {
    const removed = this.options.shelf.remove(key);
    if (!removed) return { text: T.expired };
    return this.rebuilt(T.removed(removed.name));
  }

  /** Reads a held report and shows what it gives, with 确认 / 取消 when there is something to add. */
  private async show(held: Held): Promise<DeskReply> {
    const records = await documentRecords(held.file);
    const lines = summary(held.file, records);
    if (!records.sources.length) return { text: [...lines, T.unreadable].join('\n') };
    return {
      text: [...clipProblems(lines), '', T.confirmHint].join('\n'),
      buttons: [
        { label: T.confirmButton, action: `ok:${held.id}` },
        { label: T.cancelButton, action: `no:${held.id}` },
      ],
    };
  }

  /** Rebuilds (one at a time) and swaps the result in; the reply says whether it is live. */
  private async rebuilt(done: string): Promise<DeskReply> {
    const run = this.building.then(this.options.rebuild);
    this.building = run.catch(() => undefined);
    try {
      const k = await run;
      this.options.swap(k);
      this.options.log?.info({ sources: k.sources.length }, 'reports: knowledge rebuilt and swapped in');
      return { text: `${done}\n${T.live(k.sources.length)}` };
    } catch (error) {
      this.options.log?.warn({ err: error }, 'reports: rebuild failed');
      return { text: `${done}\n${T.notLive((error as Error).message)}` };
    }
  }
}

/** A long list of problems would bury the rest: the first few, and how many more. */
function clipProblems(lines: string[], keep = 5): string[] {
  const at = lines.indexOf('  could not read:');
  if (at < 0 || lines.length - at - 1 <= keep) return lines;
  return [...lines.slice(0, at + 1 + keep), `    … ${lines.length - at - 1 - keep} more`];
}
