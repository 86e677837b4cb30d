/**
 * Reports of the kinds officials drop in, as PDFs and web pages give them: the excerpts in
 * test/fixtures/realdocs (reworded real reports) and test/fixtures/variants (other layouts).
 * Each document is read on its own, as `npm run knowledge -- --explain FILE` reads it.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { documentRecords, type Records } from '../src/knowledge/build.js';
import { explain } from '../src/knowledge/explain.js';
import type { Indicator } from '../src/types.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
// Read once, before the tests: reading is async, the tests' look-ups are not.
const built = new Map<string, Records>();
for (const dir of ['realdocs', 'variants']) {
  for (const f of readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith('.txt'))) built.set(`${dir}/${f}`, await documentRecords(join(FIXTURES, dir, f)));
}
const read = (dir: string, name: string): Records => {
  const records = built.get(`${dir}/${name}.txt`);
  if (!records) throw new Error(`no fixture ${dir}/${name}.txt`);
  return records;
};
const real = (name: string) => read('realdocs', name);
const variant = (name: string) => read('variants', name);

/** The indicators named `name` (exactly), as [region, period label, nature, figure]. */
function figures(r: Records, name: string): [string, string, string, string][] {
  return r.indicators.filter((i) => i.name === name).map((i) => [i.region, i.period.label, i.nature, i.figure]);
}
const one = (r: Records, test: (i: Indicator) => boolean) => {
  const found = r.indicators.filter(test);
  expect(found, JSON.stringify(found.map((i) => [i.name, i.figure]))).toHaveLength(1);
  return found[0];
};
const problems = (r: Records) => r.problems.map((p) => `${p.line}: ${p.message}`);

describe('statistical bulletin in traditional characters, without title or date', () => {
  const r = real('2021年嘉兴市统计公报-繁体');
  const s = r.sources[0];

  it('is recognised from its content and about 2021', () => {
    expect(s).toMatchObject({ kind: 'statistics', region: '嘉兴市', year: 2021, date: '' });
    expect(s.title).toBe('2021年嘉兴市国民经济和社会发展统计公报');
    expect(problems(r)).toEqual(['1: no title line; titled from its content: 2021年嘉兴市国民经济和社会发展统计公报', "1: no date; its figures taken as 2021's"]);
  });

  it('reads 萬人 and 億元; year-end stocks are at the end of 2021', () => {
    expect(figures(r, '户籍人口')).toEqual([['嘉兴市', '2021年底', 'actual', '371.85万人']]);
    expect(figures(r, '常住人口总量')).toEqual([['嘉兴市', '2021年底', 'actual', '551.60万人']]);
    // 较上年 is what the rate is compared with, not its period.
    expect(figures(r, '人口城镇化率')).toEqual([['嘉兴市', '2021年底', 'actual', '71.9%']]);
  });

  it('keeps the revised figure of the year before as that year’s', () => {
    expect(figures(r, '生产总值').map((f) => f.slice(1))).toEqual([
      ['2021年', 'actual', '6355.28亿元'],
      ['2020年', 'actual', '5563.58亿元'],
    ]);
    expect(figures(r, '一般公共预算收入')).toEqual([['嘉兴市', '2021年', 'actual', '674.80亿元']]);
  });

  it('reads growth with its basis, and quotes the text as written', () => {
    const gdp = one(r, (i) => i.name === '生产总值' && i.period.year === 2021);
    expect(gdp.growth.map((g) => [g.basis, g.value])).toEqual([
      ['较上年', 8.5],
      ['两年平均', 6],
    ]);
    expect(gdp.sentence).toContain('全市生產總值(GDP)為6355.28億元');
    expect(r.passages.every((p) => !/[\u0000-\u007f]\(bào\)/.test(p.text))).toBe(true);
  });
});

describe('work report with no title line: five years reviewed', () => {
  const r = real('2022年嘉兴市政府工作报告-无标题行');
  const s = r.sources[0];

  it('takes its identity from the meeting line', () => {
    expect(s).toMatchObject({ kind: 'report', title: '2022年嘉兴市政府工作报告', date: '2022-04-25', region: '嘉兴市', year: 2021, issuer: '嘉兴市人民政府' });
    expect(s.notes).toEqual(['2022年4月25日在嘉兴市第九届人民代表大会第一次会议上', '代市长 李军']);
  });

  it('从A增加到B: A is the start of the five years, B their end', () => {
    expect(figures(r, '财政总收入').map((f) => f.slice(1))).toEqual([
      ['2016年', 'actual', '673.4亿元'],
      ['2021年', 'actual', '1122.8亿元'],
    ]);
    expect(figures(r, '城乡居民人均可支配收入').map((f) => f[3])).toEqual(['4.89万元、2.90万元', '6.98万元、4.36万元']);
  });

  it('年均增长 and what was counted over the five years are the span’s; a level reached is 2021’s', () => {
    const avg = one(r, (i) => i.name === '地区生产总值' && i.isChange);
    expect(avg.period).toMatchObject({ kind: 'span', fromYear: 2017, toYear: 2021 });
    expect(avg.growth[0]).toMatchObject({ basis: '年均', value: 7 });
    expect(one(r, (i) => i.name === '新增上市公司').period).toMatchObject({ kind: 'span', fromYear: 2017, toYear: 2021 });
    expect(figures(r, '规上工业总产值')).toEqual([['嘉兴市', '2021年', 'actual', '1.33万亿元']]);
    // No name is made of a verb or starts with a number.
    expect(r.indicators.filter((i) => /^(跃升|增长|\d)/.test(i.name))).toEqual([]);
  });
});

describe('county work report from a PDF: hard line breaks, download-site clutter', () => {
  const r = real('2022年海宁市政府工作报告-PDF硬换行');
  const s = r.sources[0];

  it('is dated by its meeting, not by the upload date, and filed under 海宁市', () => {
    expect(s).toMatchObject({ kind: 'report', title: '2022年海宁市政府工作报告', date: '2022-02-15', region: '海宁市', year: 2021 });
    expect(JSON.stringify([r.sources[0].title, r.indicators, r.passages])).not.toMatch(/VIP专免|侵权投诉|35\.4KB/);
  });

  it('rejoins sentences and figures broken over lines', () => {
    expect(figures(r, '规上工业总产值').map((f) => f[3])).toEqual(['1466亿元', '2441亿元']);
    expect(figures(r, '高新技术产业增加值在规上工业增加值中的比重')).toEqual([['海宁市', '2021年', 'actual', '61.9%']]);
    expect(one(r, (i) => i.name === '完成固定资产投资').period.kind).toBe('span');
    expect(figures(r, '上市公司总数')).toEqual([['海宁市', '2021年', 'actual', '19家']]);
  });
});

describe('county work report of two pages joined, with footnote marks', () => {
  const r = real('2023年海盐县政府工作报告-两页拼接');

  it('is 海盐县’s, from its title, dated by it', () => {
    expect(r.sources[0]).toMatchObject({ kind: 'report', title: '海盐县人民政府工作报告', date: '2023-02-01', region: '海盐县', year: 2022 });
  });

  it('drops footnote digits and reads numbers in quoted names as names', () => {
    expect(JSON.stringify(r.passages)).not.toMatch(/”[89]|行动7/);
    expect(r.indicators.filter((i) => i.figure === '10分钟')).toEqual([]);
  });

  it('gives targets the report’s own year, wherever they stand', () => {
    expect(figures(r, '实到外资')).toEqual([['海盐县', '2023年', 'target', '3亿美元']]);
    expect(figures(r, '新开工亿元以上项目')).toEqual([['海盐县', '2023年', 'target', '40个以上']]);
  });
});

describe('work reports behind page clutter and in traditional characters with pinyin', () => {
  it('a login header is no title', () => {
    const r = real('2025年嘉兴市政府工作报告-网页登录头');
    expect(r.sources[0]).toMatchObject({ title: '2025年嘉兴市政府工作报告', date: '2025-02-11', year: 2024 });
    expect(JSON.stringify([r.sources[0].title, r.indicators, r.passages])).not.toMatch(/注册|登录|点此筛选/);
    expect(figures(r, '一般公共预算收入')).toEqual([['嘉兴市', '2024年', 'actual', '638.7亿元']]);
  });

  it('pinyin glosses go, a damaged title is made again, quotes stay traditional', () => {
    const r = real('2025年嘉兴市政府工作报告-繁体注音');
    expect(r.sources[0]).toMatchObject({ kind: 'report', title: '2025年嘉兴市政府工作报告', date: '2025-02-11', region: '嘉兴市' });
    expect(problems(r)).toEqual(['1: title line damaged; titled from its content: 2025年嘉兴市政府工作报告']);
    expect(JSON.stringify(r)).not.toMatch(/\((bào|xié|shí)\)/);
    const gdp = one(r, (i) => i.name === '地区生产总值');
    expect(gdp).toMatchObject({ figure: '7569.5亿元', period: { year: 2024 } });
    expect(gdp.sentence).toContain('地區生產總值7569.5億元');
  });
});

describe('notice with a responsibility table in pipes', () => {
  const r = real('2022年嘉兴市重点工作责任分解-竖线表');
  const s = r.sources[0];

  it('takes its identity from the site header and title', () => {
    expect(s).toMatchObject({
      kind: 'tasks',
      title: '嘉兴市人民政府办公室关于印发2022年政府工作报告重点工作和市政府民生实事项目责任分解的通知',
      issuer: '嘉兴市人民政府办公室',
      number: '嘉政办发〔2022〕23号',
      date: '2022-05-10',
      year: 2022,
    });
    expect(s.notes).toContain('各县(市、区)人民政府,市级有关部门(单位):');
  });

  it('gives one task a row; * marks the lead among 责任单位', () => {
    const tasks = r.tasks;
    expect(tasks.map((t) => t.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(tasks.find((t) => t.number === 6)).toMatchObject({ text: '人才资源总量突破150万人。', lead: ['市委组织部(市委人才办)'], others: ['市人力社保局'] });
    expect(tasks.find((t) => t.number === 1)!.lead).toEqual(['市发展改革委']);
    expect(problems(r)).toEqual([expect.stringMatching(/^51: table row cut short \(16/)]);
  });

  it('its figures are five-year targets, never one year’s', () => {
    expect(figures(r, '地区生产总值')).toEqual([['嘉兴市', '今后五年（2022-2026年）', 'target', '突破1万亿元大关']]);
    expect(figures(r, '实际利用外资')).toEqual([['嘉兴市', '今后五年（2022-2026年）', 'target', '超过160亿美元']]);
    expect(r.indicators.filter((i) => i.period.kind !== 'span' && i.line > 30)).toEqual([]);
    expect(r.indicators.filter((i) => /\|/.test(i.name))).toEqual([]);
  });
});

describe('plan execution report with a target and result table, one cell per line', () => {
  const r = real('2024年桐乡市计划执行情况-单元格分行');

  it('is 桐乡市’s report on 2024, given at its congress', () => {
    expect(r.sources[0]).toMatchObject({ kind: 'report', region: '桐乡市', date: '2025-03-26', year: 2024, issuer: '桐乡市发展和改革局' });
  });

  it('reads targets as targets and results with the level in 备注', () => {
    expect(figures(r, '地区生产总值')).toEqual([
      ['桐乡市', '2024年', 'target', '6.5%左右'],
      ['桐乡市', '2024年', 'actual', '1347.1亿元'],
    ]);
    const budget = one(r, (i) => i.name === '一般公共预算收入' && i.nature === 'actual');
    expect(budget.growth[0]).toMatchObject({ value: -4.6 });
    expect(figures(r, '实际利用外资')).toEqual([]);
    expect(problems(r)).toEqual([expect.stringMatching(/^74: table row cut short \(5\.实际利用外资\)/)]);
  });
});

describe('article with a table of counties', () => {
  const r = real('2021年嘉兴各区县GDP排行-网页表格');

  it('is about 嘉兴市, though its first line names a county', () => {
    expect(r.sources[0]).toMatchObject({ kind: 'table', region: '嘉兴市', year: 2021 });
  });

  it('gives one record per county, with its growth', () => {
    const gdp = r.indicators.filter((i) => i.name === 'GDP' && /GDP排行/.test(i.sentence));
    expect(gdp.map((i) => i.region)).toEqual(['海宁市', '桐乡市', '嘉善县', '南湖区', '平湖市', '海盐县', '秀洲区', '嘉兴经济技术开发区', '嘉兴港区']);
    expect(gdp.find((i) => i.region === '南湖区')).toMatchObject({ figure: '729.91亿元', growth: [{ value: 8.8, unit: '%' }], period: { year: 2021 } });
  });

  it('gives places listed before 分别 their own figures; a gap to the province is no figure', () => {
    expect(one(r, (i) => i.region === '嘉善县' && !/GDP排行/.test(i.sentence))).toMatchObject({ name: 'GDP', figure: '789.26亿元', growth: [{ value: 10.3 }] });
    expect(r.indicators.filter((i) => /比全国|比全省/.test(i.name))).toEqual([]);
    expect(problems(r)).toContain('17: table row cut short (2020年 | 55); its figures are left out');
  });
});

describe('monthly summary without a date', () => {
  const r = real('2021年1-5月嘉兴经济运行简况');

  it('takes the year its file name says, and says so (两年平均 says no year: later texts compare over two years too)', () => {
    expect(r.sources[0]).toMatchObject({ kind: 'summary', title: '1-5月嘉兴经济运行简况', issuer: '嘉兴市统计局', year: 2021 });
    expect(problems(r)).toEqual(["1: no date; its figures taken as 2021's, as its file name says"]);
  });

  it('reads cumulative figures, growth-only figures and lists with 分别', () => {
    expect(figures(r, '规上工业增加值')).toEqual([['嘉兴市', '2021年1-5月', 'actual', '965.31亿元']]);
    expect(one(r, (i) => i.name === '出口交货值')).toMatchObject({ isChange: true, figure: '44.6%' });
    expect(one(r, (i) => i.name === '装备制造业增加值')).toMatchObject({ isChange: true, figure: '41.2%' });
    // The lead paragraph, repeated, is read once.
    expect(r.passages.filter((p) => p.text.includes('一手抓疫情防控'))).toHaveLength(1);
  });
});

describe('other layouts', () => {
  it('a titled statistical bulletin: issuers on their own lines, a note mark, a note', () => {
    const r = variant('统计公报-有标题');
    expect(r.sources[0]).toMatchObject({ kind: 'statistics', issuer: '嘉兴市统计局 国家统计局嘉兴调查队', date: '2024-03-20', year: 2023 });
    expect(figures(r, '规模以上工业增加值')).toEqual([['嘉兴市', '2023年', 'actual', '2843.1亿元']]);
    expect(figures(r, '常住人口')).toEqual([['嘉兴市', '2023年底', 'actual', '558.4万人']]);
    expect(r.indicators.filter((i) => i.figure === '2000万元')).toEqual([]);
  });

  it('a statistical bulletin with its issuer above the title and its date in brackets', () => {
    const r = variant('统计公报-发布机关在上');
    expect(r.sources[0]).toMatchObject({ kind: 'statistics', issuer: '嘉兴市统计局', date: '2023-03-10', year: 2022 });
    expect(figures(r, '常住人口')).toEqual([['嘉兴市', '2022年底', 'actual', '555.2万人']]);
  });

  it('a county report: results of the year before, the targets after 预期目标是：', () => {
    const r = variant('县政府工作报告');
    expect(r.sources[0]).toMatchObject({ kind: 'report', region: '平湖市', year: 2023, notes: [expect.stringContaining('平湖市第十七届'), '市长 吴晓东'] });
    expect(figures(r, '一般公共预算收入')).toEqual([
      ['平湖市', '2023年', 'actual', '82.6亿元'],
      ['平湖市', '2024年', 'target', '5%'],
    ]);
  });

  it('a PDF report: page numbers and the running title are no text; “十四五” is a span', () => {
    const r = variant('政府工作报告-PDF页眉页码');
    expect(r.passages.filter((p) => /政府工作报告$|^— \d/.test(p.text))).toEqual([]);
    expect(one(r, (i) => i.figure === '突破1500亿元')).toMatchObject({ name: '地区生产总值', nature: 'target', period: { kind: 'span', fromYear: 2021, toYear: 2025 } });
    expect(one(r, (i) => i.name === '一般公共预算收入' && i.nature === 'actual').growth[0]).toMatchObject({ basis: '同口径', value: 5.1 });
  });

  it('a report a web page gives as one line: its parts taken apart', () => {
    const r = variant('政府工作报告-网页一行');
    expect(r.sources[0]).toMatchObject({ kind: 'report', region: '海盐县', date: '2024-01-18', year: 2023 });
    expect(figures(r, '一般公共预算收入')).toEqual([
      ['海盐县', '2023年', 'actual', '62.3亿元'],
      ['海盐县', '2024年', 'target', '5%以上'],
    ]);
  });

  it('task tables: cells on lines of their own, and pipes with another task header', () => {
    const cells = variant('任务分解-单元格分行');
    expect(cells.tasks.map((t) => [t.number, t.lead, t.others, t.deadline])).toEqual([
      [1, ['市经信局'], ['各镇（街道）'], '2023年12月底'],
      [2, ['市发改局'], ['市住建局', '市交通运输局'], '2023年12月底'],
    ]);
    expect(figures(cells, '完成固定资产投资')).toEqual([['桐乡市', '2023年', 'target', '500亿元']]);
    const pipes = variant('民生实事-竖线表');
    expect(pipes.sources[0]).toMatchObject({ kind: 'tasks', region: '海宁市' });
    expect(pipes.tasks.map((t) => [t.text, t.lead[0], t.deadline])).toEqual([
      ['新建改建城乡公园10个', '市住建局', '2024年底'],
      ['新增养老床位300张', '市民政局', '2024年11月'],
    ]);
  });

  it('a task table whose progress cell states the status, in two parts numbered on (…10, then 11-14 one cell per line)', () => {
    const r = variant('县任务进展-状态写在进展里');
    expect(r.sources[0]).toMatchObject({ kind: 'tasks', region: '嘉善县' });
    expect(r.tasks.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    // …完成全年目标的42%,进度滞后。 / …超序时推进。 / …已完成。 / 建设进度部分滞后。
    expect(r.tasks.map((t) => t.status).slice(0, 3)).toEqual(['按时推进', '进度较快', '进度滞后']);
    expect(r.tasks.find((t) => t.number === 10)?.status).toBe('部分滞后');
    expect(r.tasks.find((t) => t.number === 14)).toMatchObject({ lead: ['县文化和广电旅游局'], status: '已完成' });
  });

  it('a county table with a growth column of another metric (固定资产投资增速 beside 规上工业增加值)', () => {
    const r = variant('月度经济运行-县表两列增速');
    const row = (region: string, name: string) => r.indicators.find((i) => i.region === region && i.name === name);
    // 嘉善县 | 268.14 | 9.4 | 8.6 |
    expect(row('嘉善县', '规上工业增加值')).toMatchObject({ figure: '268.14亿元', growth: [{ value: 9.4 }] });
    expect(row('嘉善县', '固定资产投资')).toMatchObject({ value: 8.6, isChange: true, period: { label: '2023年1-9月' } });
  });

  it('county tables with full-width headers, and in traditional characters', () => {
    const t = variant('县市区指标-竖线表');
    expect(t.indicators.map((i) => [i.region, i.name, i.period.label, i.figure, i.growth[0]?.value])).toContainEqual(['嘉善县', '规上工业增加值', '2023年1-6月', '210.3亿元', 12.5]);
    const trad = variant('县市区收入-繁体表格');
    expect(trad.indicators.map((i) => [i.region, i.name, i.figure])).toEqual([
      ['海宁市', '城镇居民人均可支配收入', '78520元'],
      ['桐乡市', '城镇居民人均可支配收入', '77210元'],
    ]);
  });

  it('a task table with 预期目标, 实际完成 and 进展状态 columns', () => {
    const r = variant('重点工作-目标与完成');
    expect(r.tasks.map((t) => [t.number, t.status, t.goal, t.progress])).toEqual([
      [1, '按时推进', '招引亿元以上项目50个', ['已招引亿元以上项目43个']],
      [2, '部分滞后', '固定资产投资增长8%', ['固定资产投资增长5.2%']],
    ]);
    expect(figures(r, '招引亿元以上项目')).toEqual([
      ['平湖市', '2023年', 'target', '50个'],
      ['平湖市', '2023年', 'actual', '43个'],
    ]);
  });

  it('a county table one cell per line, and a task table with 牵头单位 beside 责任单位', () => {
    const t = variant('县市区GDP-单元格分行');
    expect(t.indicators.map((i) => [i.region, i.name, i.period.label, i.figure, i.growth[0]?.value])).toEqual([
      ['海宁市', 'GDP', '2022年', '1288.5亿元', 3.1],
      ['平湖市', 'GDP', '2022年', '1003.4亿元', 2.6],
    ]);
    const tasks = variant('重点任务-牵头与责任单位');
    expect(tasks.tasks.map((x) => [x.number, x.lead, x.others])).toEqual([[1, ['县经信局'], ['各镇（街道）', '县发改局']]]);
    expect(figures(tasks, '规上工业增加值')).toEqual([['嘉善县', '2024年', 'target', '8%']]);
  });

  it('a total row is the document’s place; towns and streets are places; thousands separators; a cell broken over lines', () => {
    const t = variant('县市区财政-分行单元格与合计');
    expect(t.indicators.map((i) => [i.region, i.name, i.figure, i.value])).toEqual([
      ['硖石街道', '财政总收入', '12.5亿元', 12.5],
      ['许村镇', '财政总收入', '8.3亿元', 8.3],
      ['海宁市', '财政总收入', '1,203.6亿元', 1203.6],
    ]);
    expect(problems(t).filter((p) => /regions\.json/.test(p))).toEqual([]);
    const tasks = variant('任务-单元格跨行');
    expect(tasks.tasks.map((x) => [x.number, x.text, x.lead])).toEqual([
      [1, '财政总收入突破1700亿元,其中一般公共预算收入突破1000亿元。', ['市财政局']],
      [2, '新增国家高新技术企业300家。', ['市科技局']],
    ]);
  });

  it('tables whose columns are kept apart by tabs or runs of spaces', () => {
    expect(variant('县市区收入-制表符').indicators.map((i) => [i.region, i.name, i.figure])).toEqual([
      ['海宁市', '一般公共预算收入', '120.5亿元'],
      ['桐乡市', '一般公共预算收入', '110.3亿元'],
    ]);
    expect(variant('县市区工业-空格对齐').indicators.map((i) => [i.region, i.figure, i.growth[0]?.value])).toEqual([
      ['平湖市', '520.1亿元', 8.2],
      ['嘉善县', '480.6亿元', 9.9],
    ]);
  });

  it('a monthly summary with its date in the site header', () => {
    const r = variant('月度经济运行');
    expect(r.sources[0]).toMatchObject({ kind: 'summary', date: '2023-09-20', issuer: '嘉兴市统计局', year: 2023 });
    expect(figures(r, '金融机构本外币存款余额')).toEqual([['嘉兴市', '截至2023年8月底', 'actual', '15320.6亿元']]);
  });
});

describe('monthly statistics tables', () => {
  // [owner or region, period, figure, growth] of each record named `name`.
  const rows = (r: Records, name: string) => r.indicators.filter((i) => i.name === name).map((i) => [i.owner ?? i.region, i.period.label, i.figure, i.growth[0]?.text ?? '']);

  it('rows whose figures run on from their label, under a header run together (12月同比±%1-12月同比±%)', () => {
    const r = variant('工业月报-数字紧贴指标');
    // (The year picked on the page's menu, • 2021年, not that of its date 2022-01-20.)
    expect(r.sources[0]).toMatchObject({ region: '温州市', year: 2021 });
    expect(rows(r, '规上工业增加值')).toEqual([
      ['温州市', '2021年12月', '180.2亿元', '同比6.1%'],
      ['温州市', '2021年1-12月', '1932.5亿元', '同比10.4%'],
      // Parts of the total are their own, never the city's.
      ['轻工业', '2021年12月', '70.3亿元', '同比2.2%'],
      ['轻工业', '2021年1-12月', '801.6亿元', '同比7.5%'],
      ['重工业', '2021年12月', '109.9亿元', '同比8.8%'],
      ['重工业', '2021年1-12月', '1130.9亿元', '同比12.6%'],
      ['私营企业', '2021年12月', '120.4亿元', '同比下降1.3%'],
      ['私营企业', '2021年1-12月', '1290.8亿元', '同比9.9%'],
      ['外商投资企业', '2021年12月', '8.1亿元', '同比12.0%'],
      ['外商投资企业', '2021年1-12月', '90.7亿元', '同比3.3%'],
      ['温州市', '2021年12月', '180.2亿元', '同比6.1%'],
      ['温州市', '2021年1-12月', '1932.5亿元', '同比10.4%'],
      ['鹿城区', '2021年12月', '10.5亿元', '同比下降2.4%'],
      ['鹿城区', '2021年1-12月', '118.2亿元', '同比5.5%'],
      ['瓯海区', '2021年12月', '25.8亿元', '同比7.7%'],
      ['瓯海区', '2021年1-12月', '270.4亿元', '同比11.9%'],
      // (瓯海区属 is not 瓯海区, nor anything of the city's: nothing.)
      ['乐清市', '2021年12月', '44.1亿元', '同比9.0%'],
      ['乐清市', '2021年1-12月', '460.3亿元', '同比13.8%'],
    ]);
    // The same columns under another measure open a table of its own.
    expect(rows(r, '规上工业销售产值').slice(0, 2)).toEqual([
      ['温州市', '2021年12月', '760.5亿元', '同比5.2%'],
      ['温州市', '2021年1-12月', '8010.4亿元', '同比12.2%'],
    ]);
  });

  it('one cell a line, 本月 and 1-本月 of the month the table names', () => {
    const r = variant('社零月报-单元格分行');
    expect(rows(r, '社会消费品零售总额')).toEqual([
      // (No place in the text or the file's name: the figures are nobody's, never the home city's.)
      ['', '2023年5月', '402.18亿元', '比去年同月增长7.9%'],
      ['', '2023年1-5月', '1870.44亿元', '比去年同期增长9.6%'],
      ['批发零售业', '2023年5月', '360.02亿元', '比去年同月增长6.8%'],
      ['批发零售业', '2023年1-5月', '1681.90亿元', '比去年同期增长8.7%'],
      ['住宿餐饮业', '2023年5月', '42.16亿元', '比去年同月增长18.2%'],
      ['住宿餐饮业', '2023年1-5月', '188.54亿元', '比去年同期增长18.9%'],
    ]);
  });
});

describe('pages whose identity is in their layout', () => {
  const rows = (r: Records) => r.indicators.map((i) => [i.name, i.region, i.period.label, i.nature, i.figure, i.growth[0]?.text ?? '']);

  it('a plan report’s table one cell a line, 目标 and 实绩 each over 绝对值 and 增速', () => {
    expect(rows(variant('计划执行-目标实绩分列'))).toEqual([
      ['全市生产总值', '丽水市', '2019年', 'target', '1480亿元', '增速7%以上'],
      ['全市生产总值', '丽水市', '2019年', 'actual', '1476.6亿元', '增速7.9%'],
      ['一般公共预算收入', '丽水市', '2019年', 'target', '130亿元', '增速8%以上'],
      ['一般公共预算收入', '丽水市', '2019年', 'actual', '132.4亿元', '增速9.1%'],
      // (A row without its unit keeps its cells in their columns.)
      ['城镇常住居民人均可支配收入', '丽水市', '2019年', 'target', '48200', '增速8%以上'],
      ['城镇常住居民人均可支配收入', '丽水市', '2019年', 'actual', '48532', '增速8.6%'],
    ]);
  });

  it('a headline above its header fields is the title; the lines above it are the page’s, not the text’s', () => {
    const r = variant('工业生产新闻-页眉在标题上方');
    // (Not 宁波 or 温州 of the reading rooms' hours; no issuer from empty 来源/作者 fields.)
    expect(r.sources[0]).toMatchObject({ title: '5月份浙江工业生产增长4.1%', region: '浙江省', issuer: '' });
    // 轻、重工业增加值分别为…: 轻 is 轻工业增加值.
    expect(rows(r).slice(1, 3).map((x) => [x[0], x[4]])).toEqual([
      ['轻工业增加值', '470亿元'],
      ['重工业增加值', '650亿元'],
    ]);
  });

  it('no year from a date before the period reported ended; a paragraph’s place carries to its sentences', () => {
    const r = variant('各区县半年GDP-无年份');
    expect(r.sources[0].year).toBeUndefined();
    expect(problems(r).join('\n')).toContain('its 上半年 had not ended by its date (2021-03-10)');
    expect(rows(r).filter((x) => x[0] !== 'GDP' && x[0] !== '地区生产总值').map((x) => [x[1], x[2], x[4], x[5]])).toEqual([
      ['吴兴区', '上半年', '21.5亿元', '名义增长7.2%'],
      ['德清县', '上半年', '4.0亿元', '名义下降1.4%'],
    ]);
  });
});

describe('--explain', () => {
  it('shows a document’s identity and records as a reviewer reads them', () => {
    const text = explain(real('2024年桐乡市计划执行情况-单元格分行')).join('\n');
    expect(text).toContain('kind report · issuer 桐乡市发展和改革局 · date 2025-03-26 · region 桐乡市 · figures of 2024');
    expect(text).toMatch(/L43 {2}地区生产总值 · 桐乡市 · 2024年 \[year\] · 目标 = 变化 6\.5%左右/);
    expect(text).toContain('table row cut short');
  });
});
