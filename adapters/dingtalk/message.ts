/**
 * A robot message as DingTalk delivers it — the same JSON in Stream mode (the data of the
 * /v1.0/im/bot/messages/get topic) and in HTTP mode (the callback's body) — read defensively,
 * and what it means for the core: which conversation, who asks, where a digest would go.
 *
 * A private chat (conversationType "1") is one conversation; in a group ("2") each member has
 * their own, so two people asking at once never mix. In a group DingTalk only delivers
 * messages that @mention the robot, with the mention already taken out of the text.
 */
import type { Asker } from '../../src/asking.js';
import { safeText } from '../../src/safe-text.js';

export interface RobotMessage {
  msgId: string;
  /** The conversation's id (openConversationId): cid… */
  conversationId: string;
  group: boolean;
  /** The sender's userId in the organisation (senderStaffId), else their DingTalk-wide senderId. */
  sender: string;
  /** The sender's staff userId, when they belong to the robot's organisation (needed to send them a digest). */
  staffId?: string;
  /** Where replies go, valid until sessionWebhookExpiredTime (about 90 minutes). */
  sessionWebhook: string;
  /** The text, when the message is text; other kinds (pictures, files, voice) have none. */
  text?: string;
  /** A file sent (msgtype file): its name, and the code that downloads it for this robot. */
  file?: { name: string; downloadCode: string; robotCode?: string };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The message, or undefined when the body is not a robot message this adapter can answer. */
export function readMessage(body: unknown): RobotMessage | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const b = body as Record<string, any>;
  const conversationId = str(b.conversationId);
  const sessionWebhook = str(b.sessionWebhook);
  const staffId = str(b.senderStaffId);
  const sender = staffId ?? str(b.senderId);
  if (!conversationId || !sessionWebhook || !sender || !/^https?:\/\//.test(sessionWebhook)) return undefined;
  // A bare @mention arrives as empty text: it is answered with help, not a hint to use words.
  const content = b.msgtype === 'text' && typeof b.text?.content === 'string' ? b.text.content : undefined;
  return {
    msgId: str(b.msgId) ?? '',
    conversationId,
    group: String(b.conversationType) === '2',
    sender,
    staffId,
    sessionWebhook,
    text: content === undefined ? undefined : safeText(content).trim(),
    file: fileOf(b),
  };
}

/** A file message's content: { downloadCode, fileName } (robotCode beside it on the message). */
function fileOf(b: Record<string, any>): RobotMessage['file'] {
  if (b.msgtype !== 'file') return undefined;
  const content = typeof b.content === 'string' ? safeJson(b.content) : b.content;
  const downloadCode = str(content?.downloadCode);
  if (!downloadCode) return undefined;
  return { name: str(content?.fileName) ?? '', downloadCode, robotCode: str(b.robotCode) };
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The conversation a message belongs to, for follow-ups (the store keeps it as a keyed hash). */
export function conversationOf(m: RobotMessage): string {
  return m.group ? `dingtalk:${m.conversationId}:${m.sender}` : `dingtalk:${m.conversationId}`;
}

export function askerOf(m: RobotMessage): Asker {
  return { platform: 'dingtalk', conversation: conversationOf(m), user: m.sender };
}

/**
 * Where the robot's send API reaches this chat, as a digest subscription's target: a group by
 * its openConversationId, a private chat by the person's staff userId (batchSend takes userIds).
 * A sender from outside the organisation has no staff id: no digest for them.
 */
export function digestTargetOf(m: RobotMessage): string | undefined {
  if (m.group) return `group:${m.conversationId}`;
  return m.staffId ? `user:${m.staffId}` : undefined;
}
