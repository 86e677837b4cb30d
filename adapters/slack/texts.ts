/** What the Slack adapter says itself, in one place. */
import { DIGEST_PLACEHOLDER } from './home.js';

export const TEXT = {
  notEnabled: '本应用未在此频道启用。',
  expired: '已过期，请重新提问。',
  noMore: '没有更多了。',
  digestSoon: DIGEST_PLACEHOLDER,
  tooMany: '提问太频繁，请稍后再试。',
  failed: '抱歉，处理这个问题时出错了，请稍后再试。',
  kpiUsage: '用法：/kpi 指标名称，例如 /kpi 地区生产总值',
  taskUsage: '用法：/task 任务编号或关键词，例如 /task 5 或 /task 数字经济',
  digestUsage: '用法：/digest subscribe [HH:MM]（订阅）| unsubscribe（退订）| now（立即发送）',
  subscribed: '已订阅每日简报，将发送到这里。',
  unsubscribed: '已退订每日简报。',
  reasonNoted: (reason: string) => `已记录：${reason}。谢谢反馈。`,
} as const;
