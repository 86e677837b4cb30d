/**
 * An answer's chart in Slack: the PNG uploaded with the files API (files.uploadV2: an upload
 * URL, the bytes, then the upload completed into the channel) in the answer's thread, after the
 * answer. The text has gone already: a chart that cannot be drawn or uploaded is logged, and
 * the answer stands without it. Needs the bot scope files:write.
 */
import type { AllMiddlewareArgs } from '@slack/bolt';
import { chartPng } from '../../src/chart/render.js';
import type { Logger } from '../../src/log.js';
import type { Answer } from '../../src/types.js';

export async function uploadChart(client: AllMiddlewareArgs['client'], where: { channel: string; thread_ts?: string }, answer: Answer, log: Logger): Promise<void> {
  const chart = answer.chart;
  if (!chart) return;
  try {
    const file = { file: chartPng(chart), filename: 'chart.png', title: chart.title, alt_text: chart.title };
    if (where.thread_ts) await client.files.uploadV2({ ...file, channel_id: where.channel, thread_ts: where.thread_ts });
    else await client.files.uploadV2({ ...file, channel_id: where.channel });
  } catch (err) {
    log.warn({ err, channel: where.channel }, 'chart not uploaded');
  }
}
