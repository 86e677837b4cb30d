/** What the bot says about reports sent to it, in the officials' words. */
const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

export const REPORT_TEXT = {
  operatorsOnly: '只有管理员可以添加报告。',
  privateOnly: '请在与机器人的私聊中使用 /reports。',
  unknownType: (name: string) => `无法添加${name ? `“${name}”` : '这个文件'}：只能添加 PDF、Word（.docx）、Excel（.xlsx）、网页（.html）或文本（.txt）文件。旧版 .doc/.xls 请另存为 .docx/.xlsx。`,
  tooLarge: (size: number, max: number) => `文件太大（${mb(size)}），上限是 ${mb(max)}。请拆分后再发。`,
  downloadFailed: '文件没能下载，请稍后再发一次。',
  unreadable: '这个文件读不出内容（可能是扫描件、加密或已损坏），没有添加。',
  badYear: (text: string) => `年份“${text}”不对，请写四位数的年份，例如：年份=2024`,
  confirmHint: '核对无误请按“确认”。地区或年份不对，可直接回复更正，例如：地区=海宁市 年份=2024',
  confirmButton: '确认',
  cancelButton: '取消',
  expired: '这个操作已过期，请重新发送文件或 /reports。',
  cancelled: (name: string) => `已取消，未添加 ${name}。`,
  added: (name: string, replaced: boolean) => `已添加 ${name}${replaced ? '（替换了同名的旧文件）' : ''}。`,
  removed: (name: string) => `已删除 ${name}。`,
  live: (sources: number) => `知识库已重建并生效（共 ${sources} 份资料），现在就可以提问。`,
  notLive: (why: string) => `知识库没能重建（${why.slice(0, 200)}），仍按原有资料回答；文件已保存，下次重建时读入，也可以用 /reports 删除。`,
  noneAdded: '还没有从聊天中添加的报告。发送 PDF、Word、Excel 或网页文件即可添加。',
  listTitle: (n: number) => `从聊天中添加的报告（${n} 份）：`,
  removeButton: (n: number) => `删除 ${n}`,
} as const;
