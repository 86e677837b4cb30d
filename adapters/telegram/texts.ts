/** Every fixed string the Telegram adapter shows, in one place. Answers themselves come from the core. */
export const TEXT = {
  refused: '本机器人未对此会话开放。',
  refusedInline: '本机器人未对您开放',
  expired: '已过期，请重新提问',
  noMore: '没有更多了。',
  mediaHint: '请用文字提问，例如：6月全市用电量是多少？',
  tooFast: '提问太频繁了，请稍等一分钟再试。',
  failed: '抱歉，处理时出了点问题，请稍后再试。',
  unknownCommand: '未知命令。发送 /help 查看可用的命令。',
  kpiUsage: '用法：/kpi 指标名称，例如：/kpi 用电量',
  taskUsage: '用法：/task 编号或关键词，例如：/task 3 或 /task 数字经济',
  digestSoon: '每日简报功能即将上线，敬请期待。',
  inlineHint: '输入指标名称查询，例如：用电量',
  quoteTitle: '原文',
  quoteButton: '原文',
  moreButton: '更多',
} as const;

/** The command menu (setMyCommands), with Chinese descriptions. */
export const COMMANDS = [
  { command: 'start', description: '开始使用，查看能问什么' },
  { command: 'help', description: '使用说明和示例问题' },
  { command: 'kpi', description: '查指标：/kpi 用电量' },
  { command: 'task', description: '查任务：/task 编号或关键词' },
  { command: 'lagging', description: '进度滞后的任务' },
  { command: 'sources', description: '资料来源及日期' },
  { command: 'subscribe', description: '订阅每日简报，可指定时间：/subscribe 07:30' },
  { command: 'unsubscribe', description: '取消订阅每日简报' },
  { command: 'digest', description: '立即查看今日简报' },
] as const;
