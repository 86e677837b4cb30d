/** Reading Slack's text: the question in a message, the conversation it belongs to, /digest's word. */
import { safeText } from '../../src/safe-text.js';

/**
 * The question in a message: mentions removed, links and channel names as their labels, and
 * Slack's escapes (&amp; &lt; &gt;) undone.
 */
export function questionFrom(text: string | undefined): string {
  return safeText(text ?? '')
    .replace(/<@[UWB][A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/<#[CG][A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => name ?? '')
    .replace(/<!(?:subteam\^)?[^>|]+(?:\|([^>]*))?>/g, (_m, label?: string) => label ?? '')
    .replace(/<([a-z]+:[^>|]+)(?:\|([^>]*))?>/gi, (_m, url: string, label?: string) => label ?? url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The conversation a message belongs to: its thread; a DM's top level is one conversation too.
 * A slash command has no thread: in a DM the DM, in a channel its user there.
 */
export function conversationIn(where: { channel: string; thread_ts?: string; user?: string; command?: boolean }): string {
  if (where.thread_ts) return `slack:${where.channel}:${where.thread_ts}`;
  if (where.command && !where.channel.startsWith('D') && where.user) return `slack:${where.channel}:${where.user}`;
  return `slack:${where.channel}`;
}

type DigestCommand = 'subscribe' | 'unsubscribe' | 'now';

/** /digest text → the subcommand; undefined for anything else. */
export function digestCommand(text: string): DigestCommand | undefined {
  const word = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (['subscribe', 'sub', '订阅'].includes(word)) return 'subscribe';
  if (['unsubscribe', 'unsub', '退订', '取消订阅'].includes(word)) return 'unsubscribe';
  if (['now', '现在', '立即'].includes(word)) return 'now';
  return undefined;
}
