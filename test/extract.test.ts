import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractAll, SEEDS_DIR } from '../src/knowledge/build.js';
import { buildIndex } from '../src/knowledge/search.js';
import { fromRecords } from '../src/knowledge/load.js';
import { createCore } from '../src/core.js';

const records = await extractAll();
const seed = (part: string) => readdirSync(SEEDS_DIR).find((f) => f.includes(part))!;

describe('task table', () => {
  const table = records.sources.find((s) => s.file.endsWith(seed('重点工作执行情况')))!;
  const tasks = records.tasks.filter((t) => t.source === table.id);

  it('has 96 numbered tasks and 4 unnumbered sub-tasks', () => {
    expect(tasks.filter((t) => t.number !== null).map((t) => t.number)).toEqual(Array.from({ length: 96 }, (_, i) => i + 1));
    expect(tasks.filter((t) => t.number === null)).toHaveLength(4);
  });

  it('reads statuses, and task 14 has none', () => {
    const count = (s: string | null) => tasks.filter((t) => t.status === s).length;
    expect([count('按时推进'), count('进度较快'), count('部分滞后'), count('进度滞后'), count(null)]).toEqual([88, 7, 3, 1, 1]);
    expect(tasks.find((t) => t.number === 14)!.status).toBeNull();
  });

  it('joins departments split over lines; the first block leads', () => {
    const t8 = tasks.find((t) => t.number === 8)!;
    expect(t8.lead).toEqual(['市发展改革委']);
    expect(t8.others).toEqual(['海宁市政府', '平湖市政府', '海盐县政府']);
    expect(tasks.find((t) => t.number === 3)!.lead).toHaveLength(6);
    // 交通运输局 in the table is the 市 department.
    expect(tasks.find((t) => t.number === 9)!.lead).toEqual(['市交通运输局']);
  });

  it('dates table title and source', () => {
    expect(table.date).toBe('2021-09-08');
    expect(table.title).toContain('上半年');
  });
});

describe('implementation plan', () => {
  const plan = records.sources.find((s) => s.file.endsWith(seed('嘉委发')))!;
  const measures = records.tasks.filter((t) => t.source === plan.id);
  it('has 69 measures, each with a lead department', () => {
    expect(measures.map((m) => m.number)).toEqual(Array.from({ length: 69 }, (_, i) => i + 1));
    expect(measures.filter((m) => !m.lead.length)).toEqual([]);
    expect(measures.find((m) => m.number === 14)!.lead).toEqual(['市旅委']);
  });
  it('reads targets for 嘉善县 to 2020', () => {
    const beds = records.indicators.find((i) => i.source === plan.id && i.name.includes('养老床位'))!;
    expect(beds).toMatchObject({ region: '嘉善县', nature: 'target', figure: '50张' });
    expect(beds.period.year).toBe(2020);
  });
});

describe('bulletin', () => {
  it('reads 【数据透视】 figures with period and growth', () => {
    const budget = records.indicators.filter((i) => i.name === '一般公共预算收入' && i.headline);
    expect(budget.map((i) => [i.period.label, i.figure, i.growth[0]?.value])).toEqual([
      ['2021年6月', '86.87亿元', 29],
      ['2021年1-6月', '456.96亿元', 20.5],
    ]);
  });
  it('places the 缪家村 item in 缪家村', () => {
    const rate = records.indicators.find((i) => i.name === '流转率')!;
    expect(rate).toMatchObject({ region: '缪家村', figure: '96%' });
  });
});

describe('scraped page', () => {
  it('drops page junk and the 【…】 prefixes of titles', () => {
    const titles = records.sources.filter((s) => s.kind === 'news' || s.file.includes('网页')).map((s) => s.title);
    expect(titles.some((t) => t.includes('【'))).toBe(false);
    const all = JSON.stringify(records);
    expect(all).not.toContain('点我投稿');
  });
  it('reads 桐乡 2017 results and 濮院 separately', () => {
    const gdp = records.indicators.filter((i) => i.name === '地区生产总值' && i.period.year === 2017 && i.nature === 'actual');
    expect(gdp.map((i) => [i.region, i.figure]).sort()).toEqual([
      ['桐乡市', '802.6亿元'],
      ['濮院镇', '96.67亿元'],
    ]);
  });
});

describe('new documents and bad documents', () => {
  async function build(files: Record<string, string | Buffer>) {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    for (const f of readdirSync(SEEDS_DIR)) copyFileSync(join(SEEDS_DIR, f), join(dir, f));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    const recs = await extractAll(dir);
    return { recs, core: createCore(fromRecords(recs, buildIndex(recs))) };
  }

  it('picks up the next issue of the bulletin with no code change', async () => {
    const next = readFileSync(join(SEEDS_DIR, seed('第5期')), 'utf8')
      .replace('第5期', '第6期')
      .replace('2021年7月19日', '2021年8月18日')
      .replace('6月全市**全社会用电量**52.91亿千瓦时，同比增长1.2%。1-6月全市全社会用电量293.25亿千瓦时，同比增长24.4%。', '7月全市**全社会用电量**55.12亿千瓦时，同比增长3.4%。1-7月全市全社会用电量348.37亿千瓦时，同比增长20.1%。');
    const { recs, core } = await build({ 'bulletin-6.txt': next });
    expect(recs.problems).toEqual([]);
    expect(core.ask('7月全市用电量是多少').text).toContain('55.12');
    expect(core.ask('1-7月全社会用电量').text).toContain('348.37');
    // Without a period the latest figure leads.
    expect(core.ask('全社会用电量').text.split('\n')[0]).toContain('55.12');
    expect(core.ask('6月全社会用电量').text.split('\n')[0]).toContain('52.91');
  });

  it('reports a malformed document by file and line, and still builds the rest', async () => {
    const table = readFileSync(join(SEEDS_DIR, seed('重点工作执行情况')), 'utf8');
    const broken = table.replace(/\n5\n\n聚焦园区经济/, '\n7\n\n聚焦园区经济');
    const { recs, core } = await build({ 'binary.txt': Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x82]), 'tasks-broken.txt': broken });
    expect(recs.problems).toContainEqual({ file: expect.stringMatching(/binary\.txt$/), line: 1, message: expect.stringMatching(/UTF-8/) });
    const p = recs.problems.find((x) => x.file.endsWith('tasks-broken.txt'))!;
    expect(p.line).toBeGreaterThan(1);
    expect(p.message).toMatch(/task number/);
    // The seeds' sources, and the broken table read up to its fault.
    expect(recs.sources.length).toBe(records.sources.length + 1);
    expect(core.ask('6月全市一般公共预算收入').text).toContain('86.87');
  });
});
