/**
 * The App Home tab: how to ask, what the bot knows (core.help()) and the latest digest.
 */
import type { types } from '@slack/bolt';
import type { Answer } from '../../src/types.js';
import { LIMITS } from './ids.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { renderAnswer, section } from './render.js';

type HomeView = types.HomeView;
type KnownBlock = types.KnownBlock;

export const HOME_USAGE =
  '在频道中 @我 提问（回答在该消息的讨论串里），或在“消息”标签页直接发问。\n' +
  '命令：`/kpi 指标` 查指标数据，`/task 编号或关键词` 查重点任务，`/digest` 每日简报。';

export const DIGEST_PLACEHOLDER = '每日简报功能即将上线。';

/**
 * The App Home tab: how to ask, what the bot knows with example questions (core.help()), and the
 * latest daily digest (a placeholder until the digest module supplies one).
 */
export function renderHome(help: Answer, digest?: Answer): HomeView {
  const budget = LIMITS.homeBlocks;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: '报告问答' } },
    section(HOME_USAGE),
    { type: 'divider' },
  ];
  const digestBlocks: KnownBlock[] = [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: '每日简报' } },
  ];
  const digestBody = digest
    ? renderAnswer(digest, { buttons: false, maxBlocks: 40 }).blocks
    : [section(DIGEST_PLACEHOLDER)];
  const helpBudget = budget - blocks.length - digestBlocks.length - digestBody.length;
  blocks.push(...renderAnswer(help, { buttons: false, maxBlocks: helpBudget }).blocks);
  blocks.push(...digestBlocks, ...digestBody);
  return { type: 'home', blocks };
}

/** The App Home tab when the bot is not enabled for this user: the notice and nothing else. */
export function renderHomeNotice(text: string): HomeView {
  return { type: 'home', blocks: [section(escapeMrkdwn(text))] };
}
