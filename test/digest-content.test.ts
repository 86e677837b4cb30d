/** The digest's content: what it says, and that it always fits one Telegram message. */
import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../adapters/telegram/render.js';
import { buildDigest, DIGEST_LIMIT, htmlLength, LAGGING } from '../src/digest/content.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Indicator, KnowledgeRecord } from '../src/types.js';
import { indicator, sampleKnowledge, smallKnowledge, source, task } from './digest-fakes.js';

describe('buildDigest', () => {
  it('gives the latest bulletin’s headline figures, task progress, lagging tasks and how to ask', () => {
    const a = buildDigest(sampleKnowledge(), { date: '2025年7月22日' });
    expect(a.kind).toBe('list');
    expect(a.question).toBe('/digest');
    expect(a.text.split('\n')[0]).toBe('每日简报 · 2025年7月22日');
    expect(a.text).toContain('《信息交流第5期》（2021-07-19）');
    expect(a.text).toContain('· 一般公共预算收入 2021年6月：86.87亿元，同比增长5%');
    expect(a.text).toContain('全社会用电量');
    expect(a.text).not.toContain('不是标题'); // not a headline
    expect(a.text).not.toContain('旧数据'); // an older bulletin
    expect(a.text).toContain('共5项：按时推进1项，进度较快1项，部分滞后1项，进度滞后1项，未标注1项');
    expect(a.text).toContain('· 第2项【部分滞后】任务2的内容（牵头：市发展改革委）');
    expect(a.text).toContain('· 第3项【进度滞后】任务3的内容（牵头：市发展改革委）');
    expect(a.text).not.toContain('第1项【');
    expect(a.text.split('\n').at(-1)).toMatch(/^直接发送问题，例如：/);
    // Figures are strong, for the renderers' bold.
    expect(a.lines.flat().filter((s) => s.strong).map((s) => s.text)).toEqual(['86.87亿元', '52.91亿千瓦时']);
    expect(a.text).toBe(a.lines.map((l) => l.map((s) => s.text).join('')).join('\n'));
    expect(a.sources.map((s) => s.title)).toEqual(['信息交流第5期', '重点工作执行情况（上半年）']);
  });

  it('carries a chart of a headline figure the reports give over three months or more, and none without', () => {
    expect(buildDigest(sampleKnowledge()).chart).toBeUndefined();
    const k = sampleKnowledge();
    const month = (id: string, to: number, figure: string) => ({ ...indicator(id, 'b1', '全社会用电量', figure), period: { kind: 'month' as const, year: 2021, to, label: `2021年${to}月` } });
    // 1-6月 is a range, not a month: never on the same line.
    const range = { ...indicator('r', 'b1', '全社会用电量', '293.25亿千瓦时'), period: { kind: 'range' as const, year: 2021, from: 1, to: 6, label: '2021年1-6月' } };
    const more: Indicator[] = [month('m4', 4, '48.1亿千瓦时'), month('m5', 5, '50.3亿千瓦时'), range];
    const withSeries = { ...k, indicators: [...k.indicators, ...more], byId: new Map<string, KnowledgeRecord>([...k.byId, ...more.map((x) => [x.id, x] as const)]) };
    const chart = buildDigest(withSeries).chart!;
    expect(chart.kind).toBe('line');
    expect(chart.categories).toEqual(['2021年4月', '2021年5月', '2021年6月']);
    expect(chart.series[0].values).toEqual([48.1, 50.3, 52.91]);
    expect(chart.title).toContain('全社会用电量');
  });

  it('lists the documents not announced before, or only counts them before any digest', () => {
    const k = sampleKnowledge();
    expect(buildDigest(k).text).toContain('【资料】共4份文件');
    const a = buildDigest(k, { since: new Set(['b1', 'b2', 't1']) });
    expect(a.text).toContain('【新增资料】\n· 《政府工作报告》（2020-04-28）');
    expect(buildDigest(k, { since: new Set(k.sources.map((s) => s.id)) }).text).not.toContain('新增资料');
  });

  it('fits one Telegram message with the committed knowledge and lists its lagging tasks', () => {
    const k = loadKnowledge();
    const a = buildDigest(k, { since: new Set() });
    expect(a.text.length).toBeLessThanOrEqual(DIGEST_LIMIT);
    expect(renderAnswer(a)).toHaveLength(1);
    const report = k.sources.filter((s) => s.kind === 'tasks').sort((x, y) => y.date.localeCompare(x.date))[0];
    const lagging = k.tasks.filter((t) => t.source === report.id && t.status && LAGGING.has(t.status));
    expect(lagging.length).toBeGreaterThan(0);
    for (const t of lagging) expect(a.text).toContain(`第${t.number}项【${t.status}】`);
  });

  it('shortens its lists until it fits, however much there is', () => {
    const long = '很长的任务描述'.repeat(30);
    const sources = [
      source('b', 'bulletin', '2021-07-19', '信息交流<第5期> & 附录'),
      source('t', 'tasks', '2021-09-08'),
      ...Array.from({ length: 80 }, (_, i) => source(`n${i}`, 'news', '2025-07-01', `新闻标题${'长'.repeat(60)}${i}`)),
    ];
    const k = smallKnowledge({
      sources,
      indicators: Array.from({ length: 120 }, (_, i) => indicator(`i${i}`, 'b', `指标<${i}>&名称${'长'.repeat(30)}`, `${i}.5亿元`)),
      tasks: Array.from({ length: 300 }, (_, i) => task(`t${i}`, 't', i + 1, i % 2 ? '进度滞后' : '部分滞后', long)),
    });
    const a = buildDigest(k, { since: new Set(['b', 't']), date: '2025年7月22日' });
    expect(a.text.length).toBeLessThanOrEqual(DIGEST_LIMIT);
    expect(htmlLength(a.lines)).toBeLessThanOrEqual(DIGEST_LIMIT);
    expect(renderAnswer(a)).toHaveLength(1);
    expect(a.text).toContain('发送 /lagging 查看全部');
    expect(a.text).toContain('【新增资料】');
    expect(a.text.split('\n').at(-1)).toMatch(/^直接发送问题/);
  });

  it('heads with the newest figure report of any kind: a 统计公报 newer than the last bulletin leads', () => {
    const k = sampleKnowledge();
    const yearly = { kind: 'year' as const, year: 2024, label: '2024年' };
    k.sources.push(source('s1', 'statistics', '2025-03-10', '2024年海宁市国民经济和社会发展统计公报'));
    k.indicators.push({ ...indicator('i9', 's1', '地区生产总值', '1357.9亿元', false), region: '海宁市', period: yearly });
    const a = buildDigest(k, { date: '2025年4月1日' });
    expect(a.text).toContain('【最新数据】《2024年海宁市国民经济和社会发展统计公报》（2025-03-10）\n· 海宁市 地区生产总值 2024年：1357.9亿元');
    expect(a.text).not.toContain('86.87亿元');
    // A news item is not a figure report, however new.
    k.sources.push(source('n1', 'news', '2025-03-30', '新闻'));
    k.indicators.push({ ...indicator('i10', 'n1', '投资', '3亿元'), period: { ...yearly, year: 2025, label: '2025年' } });
    expect(buildDigest(k, { date: '2025年4月1日' }).text).toContain('1357.9亿元');
  });

  it('says how old its newest figure is when that is more than two months before the day', () => {
    const old = buildDigest(sampleKnowledge(), { date: '2025年7月22日' });
    expect(old.text.split('\n').slice(0, 3)).toEqual(['每日简报 · 2025年7月22日', '（注意：简报中最新的数据是2021年6月的，已是约4年前的数据）', '【最新数据】《信息交流第5期》（2021-07-19）']);
    expect(buildDigest(sampleKnowledge(), { date: '2021年10月8日' }).text).toContain('已是4个月前的数据');
    // June's figures in July or August are the latest there are.
    expect(buildDigest(sampleKnowledge(), { date: '2021年8月31日' }).text).not.toContain('注意');
    expect(buildDigest(sampleKnowledge()).text).not.toContain('注意');
  });

  it('says what it can when there is no bulletin and no task report', () => {
    const a = buildDigest(smallKnowledge({ sources: [] }));
    expect(a.text).toBe('每日简报\n直接发送问题，例如：6月全市用电量是多少？');
  });
});
