/**
 * A message as WeCom delivers it to a self-built application (the decrypted XML), read
 * defensively, and what it means for the core. An application only receives what members send
 * it in their private chat with it — WeCom does not deliver group messages to an application —
 * so each conversation is one member's (FromUserName, their userid).
 */
import type { Asker } from '../../src/asking.js';

export interface AppMessage {
  msgId: string;
  /** The member's userid. */
  user: string;
  agentId: string;
  /** The text, when the message is text; pictures, voice, files have none. */
  text?: string;
  /** A file sent (MsgType file): its name and the media id media/get downloads it by (for three days). */
  file?: { name: string; mediaId: string };
}

/** A field of WeCom's flat XML, with or without CDATA. */
export function xmlField(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`).exec(xml);
  if (!match) return undefined;
  return match[1] ?? match[2]?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The message, or undefined for an event (enter_agent, subscribe …) or anything unreadable. */
export function readMessage(xml: string): AppMessage | undefined {
  const type = xmlField(xml, 'MsgType');
  const user = xmlField(xml, 'FromUserName')?.trim();
  if (!type || type === 'event' || !user) return undefined;
  return {
    msgId: xmlField(xml, 'MsgId')?.trim() || `${user}:${xmlField(xml, 'CreateTime') ?? ''}`,
    user,
    agentId: xmlField(xml, 'AgentID')?.trim() ?? '',
    text: type === 'text' ? (xmlField(xml, 'Content') ?? '').trim() : undefined,
    file: type === 'file' ? fileOf(xml) : undefined,
  };
}

function fileOf(xml: string): AppMessage['file'] {
  const mediaId = xmlField(xml, 'MediaId')?.trim();
  return mediaId ? { name: xmlField(xml, 'FileName')?.trim() ?? '', mediaId } : undefined;
}

export function askerOf(m: AppMessage): Asker {
  return { platform: 'wecom', conversation: `wecom:${m.user}`, user: m.user };
}

/** A private chat's digest goes to its member (message/send touser). */
export function digestTargetOf(m: AppMessage): string {
  return `user:${m.user}`;
}
