/**
 * Answers over the seeds with the real-report fixtures (test/fixtures/realdocs) dropped in:
 * questions typed the way officials type, each figure checked against the fixture's text.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractAll, SEEDS_DIR } from '../src/knowledge/build.js';
import { buildIndex } from '../src/knowledge/search.js';
import { fromRecords } from '../src/knowledge/load.js';
import { createCore } from '../src/core.js';
import { memoryContexts } from '../src/conversation.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'realdocs');
const dir = mkdtempSync(join(tmpdir(), 'seeds-realdocs-'));
for (const f of readdirSync(SEEDS_DIR)) copyFileSync(join(SEEDS_DIR, f), join(dir, f));
for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'))) copyFileSync(join(FIXTURES, f), join(dir, f));
// A county's task table beside the city's two (made-up figures, see fixtures/variants/README.md).
const COUNTY_TASKS = '县任务进展-状态写在进展里.txt';
copyFileSync(join(import.meta.dirname, 'fixtures', 'variants', COUNTY_TASKS), join(dir, COUNTY_TASKS));
const records = await extractAll(dir);
const core = createCore(fromRecords(records, buildIndex(records)), { contexts: memoryContexts(), now: () => new Date('2026-11-23T09:00:00+08:00') });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ask = (text: string, conversation?: string) => core.ask(text, conversation ? { conversation } : {});
const lead = (text: string, conversation?: string) => ask(text, conversation).text.split('\n')[0];

describe('real reports of other kinds', () => {
  it('read the short forms officials type (一产, 三产, 规上 for 规模以上)', () => {
    // 统计公报: 第一产业增加值为131.97亿元,增长1.7%; 第三产业增加值为2769.56亿元,增长6.3%
    expect(lead('21年一产增加值')).toMatch(/^131\.97亿元/);
    expect(lead('21年三产增速')).toContain('6.3%');
    // 全市规模以上工业增加值为2594.48亿元
    expect(lead('21年规上工业增加值多少')).toContain('2594.48亿元');
  });
  it('read 增速 as the change asked, though a name holds it before 的, and of an industry as its 增加值', () => {
    // 1-5月,规上工业实现增加值965.31亿元,同比增长25.0% (beside 对全市规上工业增加值增速的贡献率)
    expect(lead('1-5月规上工业增加值增速')).toContain('25.0%');
    // 装备制造业、数字经济核心制造业…等产业增加值分别增长41.2%、37.7%
    expect(lead('1-5月数字经济核心制造业增速')).toContain('37.7%');
  });
  it('read a scope said anywhere in the sentence (常住)', () => {
    // 年末全市常住人口總量為551.60萬人,…人口城鎮化率升至71.9%
    expect(lead('常住人口城镇化率')).toContain('71.9%');
  });
  it('answer a rank from the sentence that says it, of the metric asked', () => {
    // 嘉兴全体居民人均可支配收入为60048元,列全省第5位 (not 农村居民收入…保持全省首位)
    expect(lead('21年居民收入全省第几')).toContain('第5位');
    ask('24年财政总收入', 'rank');
    expect(lead('全省第几', 'rank')).toContain('全省第三');
  });
  it('take a stated gap to the province from the sentence that names it', () => {
    ask('1-5月装备制造业增加值增长', 'gap');
    // …分别增长41.2%…,分别比全省平均高出9.7个…百分点 (not 规上's 1.8)
    const gap = lead('比全省高多少', 'gap');
    expect(gap).toContain('9.7');
    expect(gap).not.toContain('1.8');
    ask('1-5月规上工业增加值', 'avg');
    expect(lead('两年平均呢', 'avg')).toContain('10.7%');
  });
  it('follow a conversation through metrics of change only, and a head alone', () => {
    // 2025 work report: 規上工業增加值增長7.1%,進出口總額增長9.3%,社會消費品零售總額增長5.3%
    ask('24年嘉兴规上工业增加值增速', 'heads');
    expect(lead('社零呢', 'heads')).toContain('5.3%');
    expect(lead('进出口呢', 'heads')).toContain('9.3%');
    expect(ask('总额多少').kind).toBe('none');
  });
  it('count the part asked, not the whole it is of', () => {
    // 在确定的27项主要指标中,有19项完成全年目标,8项未达预期
    expect(lead('桐乡24年主要指标完成几项')).not.toContain('27项');
    expect(lead('桐乡24年主要指标有几项')).toContain('27项');
  });
  it('ask of the task table that holds what is asked, and stay in the table a conversation is in', () => {
    // The 2022 table (16 items, no statuses) beside the 2021 one (96 items).
    expect(lead('第48项任务是啥')).toContain('第48项');
    expect(lead('市司法局牵头哪些任务')).toContain('2021年');
    expect(lead('重点工作里交通运输局牵头几项')).not.toContain('共0项');
    // Counted in the newest table that has the department, the older table's count is named too.
    expect(ask('市科技局牵头几项').text).toContain('另：2021年重点工作任务表中市科技局牵头9项任务');
    ask('哪些任务进度滞后', 'table');
    expect(lead('第10项谁牵头', 'table')).toContain('市交通运输局');
    // Asked without a table, the newest answers and the other's lead is named too.
    expect(ask('第十二项任务谁牵头').text).toContain('市科技局');
    // A county named: its own table; none named: the city's.
    expect(lead('嘉善第14项谁牵头')).toContain('县文化和广电旅游局');
    expect(lead('嘉善重点工作哪些任务滞后')).toContain('嘉善县');
    expect(lead('哪些任务进度滞后')).toContain('2021年重点工作任务表');
    // …已于5月开工建设,已完成。 / …已建成城市书房5家,已完成。
    expect(ask('2023年嘉善已完成的任务有哪些').text).toMatch(/共2项[\s\S]*第6项[\s\S]*第14项/);
  });
  it('rank the counties of a county table (哪个县…最快)', () => {
    // 2021年嘉兴各区县GDP排行: 3 | 嘉善县 | 789.26 | 10.3 (平湖 10.1, 南湖 8.8, 海宁 7)
    const fastest = ask('2021年哪个县GDP增速最快');
    expect(fastest.text.split('\n')[0]).toContain('嘉善县');
    expect(fastest.text.split('\n')[0]).toContain('10.3%');
    expect(lead('2021年GDP最低的区')).toContain('嘉兴港区');
    // With no year asked, the year most counties have a figure for, not each one's latest.
    expect(lead('哪个县GDP增速最快')).toContain('嘉善县');
    // Targets rank nothing: 2023 has only targets for the counties' GDP.
    expect(ask('2023年哪个县GDP增速最快').kind).toBe('none');
  });
  it('compare two counties, from the more precise statement of each figure', () => {
    // County table: 1 | 海宁市 | 1196.3 | 7 |; 2 | 桐乡市 | 1141.69 | 8.5 | (海宁's own report rounds to 1196亿元)
    expect(lead('2021年海宁GDP比桐乡多多少')).toContain('54.61亿元');
    // 3 | 嘉善县 | 789.26 | 10.3 |: growth against growth
    expect(lead('2021年嘉善GDP增速比海宁高多少')).toContain('3.3个百分点');
  });
  it('never gives yuan for dollars', () => {
    // 人均GDP達到116323元(依年平均匯率折合18030美元): the dollars are not read apart.
    expect(ask('21年人均gdp多少美元').text).not.toMatch(/^116323元/);
  });
});
