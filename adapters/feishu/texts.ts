/** Every fixed string the Feishu adapter shows, in one place. Answers themselves come from the core. */
export const TEXT = {
  refused: '本应用未对此会话开放。',
  notText: '请用文字提问，例如：6月全市用电量是多少？',
  failed: '抱歉，处理时出了点问题，请稍后再试。',
  tooFast: '提问太频繁了，请稍等一分钟再试。',
  unknownCommand: '未知命令。可用：/help /kpi /task /lagging /sources /subscribe /unsubscribe /digest',
  kpiUsage: '用法：/kpi 指标名称，例如：/kpi 用电量',
  taskUsage: '用法：/task 编号或关键词，例如：/task 3 或 /task 数字经济',
  operatorsOnly: '本群的每日简报只能由管理员订阅或退订。',
  noDigest: '每日简报暂不可用。',
  moreButton: '更多',
} as const;
