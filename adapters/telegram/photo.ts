/**
 * A chart sent as a photo: with the answer as its caption when the answer fits one, else after
 * the answer's text (reply.ts decides which).
 */
import { InputFile, type Api, type InlineKeyboard } from 'grammy';
import type { Answer } from '../../src/types.js';
import { chartPng } from '../../src/chart/render.js';

/** Telegram's limit for a caption, counted in characters of its text (tags not counted). */
const CAPTION_MAX = 1024;

/** The answer's chart as PNG bytes; undefined when it has none or it cannot be drawn (the text still goes). */
export function pictureOf(answer: Answer): Buffer | undefined {
  if (!answer.chart) return undefined;
  try {
    return chartPng(answer.chart);
  } catch {
    return undefined;
  }
}

/** Whether the answer, rendered as `html`, may go as the photo's caption. */
export function fitsCaption(answer: Answer, html: string[]): boolean {
  return html.length === 1 && answer.text.length <= CAPTION_MAX;
}

export interface PhotoOptions {
  caption?: string;
  replyTo?: number;
  keyboard?: InlineKeyboard;
}

export async function sendPhoto(api: Api, chatId: number | string, png: Buffer, options: PhotoOptions = {}): Promise<void> {
  await api.sendPhoto(chatId, new InputFile(png, 'chart.png'), {
    ...(options.caption ? { caption: options.caption, parse_mode: 'HTML' as const } : {}),
    reply_parameters: options.replyTo !== undefined ? { message_id: options.replyTo, allow_sending_without_reply: true } : undefined,
    reply_markup: options.keyboard,
  });
}
