/**
 * The Slack adapter: translates Slack events into Core calls and Answers into Slack messages.
 * Its parts are in adapters/slack/, one job each; this is the entry the rest of the bot uses.
 *
 * - @mention in a channel → answer in the question's thread; direct message → answer in the DM.
 * - /kpi 指标 (brief), /task 编号或关键词, /digest [subscribe|unsubscribe|now].
 * - Each thread, or DM, is a conversation: a follow-up (那1-6月呢, 谁牵头) takes what it leaves
 *   out from the last question there. A slash command's conversation is its user in the channel.
 * - Buttons: follow-up questions (asked in the answer's conversation), 原文 (the source sentence,
 *   ephemeral) and 更多 (the next page of a list); with the answer log on, Slack's 👍/👎 feedback
 *   buttons: a 👎 offers reasons and a modal for a few words, to the user only.
 * - App Home: how to ask, what the bot knows (core.help()) and the latest digest.
 *
 * Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on SLACK_PORT at /slack/events with the
 * signing secret checked (signature and 5-minute timestamp window) by Bolt's HTTPReceiver.
 * Retried deliveries are answered once (event_id), SLACK_ALLOWED_CHANNELS restricts where the bot
 * answers, and QUESTIONS_PER_MINUTE caps questions per user.
 */
export { createSlackApp } from './slack/app.js';
export { startSlack } from './slack/start.js';
export { TEXT } from './slack/texts.js';
export { EVENT_MEMORY_MS, type DigestTarget, type RunningSlack, type SeenEvents, type SlackApp, type SlackDigest, type SlackOptions } from './slack/options.js';
export { ExpiringSet, QuestionLimiter } from './slack/memory.js';
export { conversationIn, digestCommand, questionFrom } from './slack/words.js';
export type { RetryPolicy } from './slack/outage.js';
