/**
 * A fake Slack Web API (see ./http.ts): /api/<method>, calls recorded with the channel as
 * target, so replies can be scripted per `chat.postMessage:<channel>`. Form fields that hold
 * JSON (blocks, attachments) are decoded. Requests to any other path — a slash command's or an
 * action's response_url, `${root}/respond/<id>` — are recorded under their path. auth.test,
 * chat.postMessage and the steps of files.uploadV2 (an upload URL here, `/upload/<id>`, whose
 * bytes are kept in `uploads`) answer like Slack; anything else answers `{ ok: true }`.
 */
import type { IncomingMessage } from 'node:http';
import { FakeApi, multipartFields, readBytes, readRaw } from './http.js';

export type { Call, Override, Reply } from './http.js';

/** Who auth.test says the token belongs to. */
export const SLACK_BOT = { url: 'https://test.slack.com/', team: 'Test', user: 'reportbot', team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' };

/** A form's fields, those that look like JSON decoded. */
function formFields(raw: string): Record<string, any> {
  const fields: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) fields[k] = /^[[{]/.test(v) ? jsonOr(v) : v;
  return fields;
}

function jsonOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class FakeSlack extends FakeApi {
  private posted = 0;
  /** Files shared with the app, by id: files.info describes them, /files/<id> serves them (with the bot token only). */
  files = new Map<string, { name: string; bytes: Buffer }>();
  /** The bot token a file download must carry. */
  fileToken = 'xoxb-test-token';

  protected override raw(req: IncomingMessage): Buffer | undefined {
    const match = /^\/files\/([\w-]+)$/.exec(req.url ?? '');
    if (!match || req.headers.authorization !== `Bearer ${this.fileToken}`) return undefined;
    return this.files.get(match[1])?.bytes;
  }

  /** Files uploaded through files.uploadV2, by file id: the bytes posted to the upload URL. */
  uploads = new Map<string, Buffer>();
  private uploadId = 0;

  protected override async readBody(req: IncomingMessage): Promise<Record<string, any>> {
    const upload = /^\/upload\/([\w-]+)$/.exec(req.url ?? '');
    if (upload) {
      // The Web API client posts the file as a multipart form (its one file), else as it is.
      const type = req.headers['content-type'] ?? '';
      const raw = await readBytes(req);
      const file = type.includes('multipart/form-data') ? Object.values(multipartFields(raw, type)).find((v) => typeof v !== 'string') : undefined;
      const bytes = file ? file.bytes : raw;
      this.uploads.set(upload[1], bytes);
      return { bytes };
    }
    const raw = await readRaw(req);
    if ((req.headers['content-type'] ?? '').includes('json')) return raw ? JSON.parse(raw) : {};
    return formFields(raw);
  }

  protected parse(req: IncomingMessage, body: any) {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const method = path.startsWith('/api/') ? path.slice(5) : path;
    const channel = body?.channel ?? body?.channel_id;
    return { method, target: channel !== undefined ? String(channel) : undefined };
  }

  protected reply(method: string, body: any): unknown {
    if (method === 'auth.test') return { ok: true, ...SLACK_BOT };
    if (method === 'files.info') {
      const file = this.files.get(body.file);
      if (!file) return { ok: false, error: 'file_not_found' };
      return { ok: true, file: { id: body.file, name: file.name, size: file.bytes.length, url_private: `${this.root}/files/${body.file}`, url_private_download: `${this.root}/files/${body.file}` } };
    }
    // files.uploadV2: an upload URL on this fake, the bytes posted there, then the upload completed.
    if (method === 'files.getUploadURLExternal') {
      const id = `F${String(++this.uploadId).padStart(6, '0')}`;
      return { ok: true, upload_url: `${this.root}/upload/${id}`, file_id: id };
    }
    if (method === 'files.completeUploadExternal') return { ok: true, files: (body.files ?? []).map((f: { id: string; title?: string }) => ({ id: f.id, title: f.title ?? '' })) };
    if (method === 'chat.postMessage') return { ok: true, channel: body.channel, ts: `1700009999.${String(++this.posted).padStart(6, '0')}` };
    return { ok: true };
  }
}
