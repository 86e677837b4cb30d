/**
 * Extraction against hand-checked records of real reports of many places and kinds
 * (test/fixtures/reports/: reworded, with NAME.gold.jsonl checked by hand against NAME.txt).
 * dev/ is developed against; holdout/ to holdout48/ (reports collected later, measured before any fix
 * for them; holdout5 to holdout50 written by helpers that never ran the bot) are measured. The counts printed are the measure; the assertions are floors that only move up.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { measure, summary } from './gold.js';

const DIR = join(import.meta.dirname, 'fixtures', 'reports');

describe('extraction against gold records', () => {
  for (const [split, floor] of [
    ['dev', { wrongPlaces: 0, period: 0.95, recall: 0.9 }],
    ['holdout', { wrongPlaces: 0, period: 0.95, recall: 0.86 }],
    ['holdout2', { wrongPlaces: 0, period: 0.95, recall: 0.88 }],
    ['holdout3', { wrongPlaces: 0, period: 0.95, recall: 0.83 }],
    ['holdout4', { wrongPlaces: 0, period: 0.95, recall: 0.87 }],
    // (3 are 温州市民生实事49项… in a 乐清 report: filed under 温州市, the gold says 乐清's — see the closing note of issue 22.)
    ['holdout5', { wrongPlaces: 3, period: 0.9, recall: 0.9 }],
    // holdout6-8: written blind by helpers, first measured at 0/94.9%, 0/75.4% and 1/98.7% (place wrong / period).
    ['holdout6', { wrongPlaces: 0, period: 0.95, recall: 0.9 }],
    // (holdout7's 9 more since table rows are found by their line: a 2014 yearbook's 奉化, then 奉化市, filed as 奉化区 — the
    // same place, renamed in 2016, that the gold names as it was.)
    ['holdout7', { wrongPlaces: 10, period: 0.94, recall: 0.9 }],
    ['holdout8', { wrongPlaces: 1, period: 0.98, recall: 0.95 }],
    // holdout9-10: the second blind round, first measured at 6/86.9% and 0/86.6%.
    ['holdout9', { wrongPlaces: 0, period: 0.94, recall: 0.85 }],
    ['holdout10', { wrongPlaces: 0, period: 0.97, recall: 0.75 }],
    // holdout11-12: the third blind round, first measured at 10/92.9% and 2/92.4%.
    ['holdout11', { wrongPlaces: 0, period: 0.99, recall: 0.93 }],
    ['holdout12', { wrongPlaces: 0, period: 0.96, recall: 0.92 }],
    // holdout13-14: the fourth blind round, first measured at 3/89.6% and 0/70.3%.
    ['holdout13', { wrongPlaces: 0, period: 0.99, recall: 0.96 }],
    ['holdout14', { wrongPlaces: 0, period: 0.83, recall: 0.98 }],
    // holdout15-16: the fifth blind round, first measured at 0/79.6% and 5/83.4% (5: 余杭开发区's figures filed under 余杭区, a zone the gazetteer lacks).
    ['holdout15', { wrongPlaces: 0, period: 0.79, recall: 0.88 }],
    ['holdout16', { wrongPlaces: 0, period: 0.92, recall: 0.84 }],
    // holdout17-18: the sixth blind round, first measured at 11/81.4% and 0/94.5% (the 11: 宁波's 民生实事 table
    // titled 宁波市政府…, which the gold files under 余姚 from 生态环境局余姚分局 alone — disputed).
    ['holdout17', { wrongPlaces: 11, period: 0.81, recall: 0.81 }],
    ['holdout18', { wrongPlaces: 0, period: 0.94, recall: 0.73 }],
    // holdout19-20: the seventh blind round, first measured at 2/86.9% and 8/84.3%.
    ['holdout19', { wrongPlaces: 2, period: 0.86, recall: 0.97 }],
    ['holdout20', { wrongPlaces: 0, period: 0.88, recall: 0.79 }],
    // holdout21-22: the eighth blind round, first measured at 25/76.5% and 6/100% (zones the gazetteer
    // lacks, 庆元经济开发区 and 大榭开发区, filed under their county and city; 绩溪 under the medium's 宣城).
    ['holdout21', { wrongPlaces: 0, period: 0.92, recall: 0.99 }],
    ['holdout22', { wrongPlaces: 1, period: 1, recall: 0.88 }],
    // holdout23-24: the ninth blind round, first measured at 12/75.8% and 30/65.0% (a 区长's report filed under
    // its city, a zone and a county the gazetteer lacks, a head field read as a place, 两年平均 taken for 2021).
    // (holdout22's 1: 全省基层医疗机构门诊报销比 in 泰顺's table, which the text says is the province's.)
    ['holdout23', { wrongPlaces: 0, period: 0.88, recall: 0.92 }],
    ['holdout24', { wrongPlaces: 2, period: 0.74, recall: 0.92 }],
    // holdout25-26: the tenth blind round, first measured at 4/90.2% and 12/79.6% (pinyin glosses with no tone
    // marks between a county and its figure; 宁波杭州湾新区 named by its short name in gold; a 从…到 of no years
    // filed a year early; a sentence's 上半年 lost to a 今年以来 after its figure).
    ['holdout25', { wrongPlaces: 0, period: 0.94, recall: 0.87 }],
    ['holdout26', { wrongPlaces: 0, period: 0.89, recall: 0.89 }],
    // holdout27-28: the eleventh blind round, first measured at 29/93.9% and 14/91.1% (嘉兴 news filed under the
    // province it compares, 余杭经开区 under 嘉兴's 经开区, 长兴 a common word, a 概况 title not read as one).
    // (holdout27's 长兴 13.5, once filed under the province it is compared with, is 长兴's; its vaccination rates are read 截至7月22日.)
    ['holdout27', { wrongPlaces: 0, period: 0.97, recall: 0.79 }],
    ['holdout28', { wrongPlaces: 0, period: 0.91, recall: 0.91 }],
    // holdout29-30: the twelfth blind round, first measured at 6/65.3% and 13/75.6% (a zone one with its district,
    // 高新区(滨江), filed under the city; a county's page filed under the city whose publicity account posted it;
    // a GDP of the year before in a page of February).
    // (holdout30's 2: the province's targets in 嵊州's table, which the gold files under 浙江省.)
    ['holdout29', { wrongPlaces: 0, period: 0.92, recall: 0.79 }],
    ['holdout30', { wrongPlaces: 2, period: 0.78, recall: 0.57 }],
    // holdout31-32: the thirteenth blind round, first measured at 2/81.6% and 1/72.3% (杭州湾 read as 杭州 and 经开区
    // of 杭州湾经开区 as 嘉兴's in a file name; a zone's GDP beside its city's filed under the city).
    ['holdout31', { wrongPlaces: 0, period: 0.82, recall: 0.93 }],
    // (holdout32's recall 0.86 -> 0.846: 苍南's 城乡居民…达47051元和22166元,分别增长8.3%和9.3% no longer lends 8.3% to the
    // 一般公共预算收入 of the part before; 22166 and its pair are still unread.)
    ['holdout32', { wrongPlaces: 0, period: 0.88, recall: 0.84 }],
    // holdout33-34: the fourteenth blind round, first measured at 40/72.8% and 27/68.8% (镇长宁云 read as 长宁区,
    // 紹興縣稽東鎮 learned as 县稽东镇, 浙江城镇 as a town, 前湾新区 unknown as 杭州湾新区's new name, a work report
    // with no date given no year).
    ['holdout33', { wrongPlaces: 0, period: 0.81, recall: 0.75 }],
    // (holdout34's recall 0.842 -> 0.832: 比全国平均水平28844元高出11549元's gap is no figure of 浙江's, as gaps to 全省 are
    // not — read as one named 高出, a question took it for 全国's income.)
    ['holdout34', { wrongPlaces: 0, period: 0.92, recall: 0.83 }],
    // holdout35-36: the fifteenth blind round, first measured at 28/91.9% and 21/83.2% (现将我区 learned as a district,
    // 全省's zones filed under the first zone named, 温州经开区 as 嘉兴's 经开区, a 婺城 site's 金华 news under 婺城,
    // 平湖's three towns under 平湖). (holdout36's 3: two figures of 宝应 and 全国 in a 江苏 page and one of 温州经开区's
    // company; its recall is low: a monthly table of one cell a line and a 预算执行 report are mostly unread.)
    ['holdout35', { wrongPlaces: 0, period: 0.91, recall: 0.9 }],
    // (holdout36's recall 0.41 -> 0.89: its monthly table read, and a table's row found by the line it is on.)
    ['holdout36', { wrongPlaces: 3, period: 0.92, recall: 0.89 }],
    // holdout37-38: the sixteenth blind round, first measured at 6/87.3% and 21/66.9% (recall 40.6% and 49.8%).
    // (holdout37's 6 are still open: 岳西 公报's 全市 prices — 安庆's, in a county's bulletin — filed under 岳西. holdout38's 21
    // were a 舟山 page's counties and a 普陀 通报 under 舟山, a 浙江 page under 绍兴 from the campus hours above its title.)
    ['holdout37', { wrongPlaces: 6, period: 0.92, recall: 0.41 }],
    ['holdout38', { wrongPlaces: 0, period: 0.85, recall: 0.74 }],
    // holdout39-40: the seventeenth blind round, first measured at 1/78.0% and 2/87.7% (recall 70.5% and 50.5%).
    // (holdout39 rose with 枞阳 in the gazetteer, a street's 办事处 report its own, and a census bulletin's classes named.)
    ['holdout39', { wrongPlaces: 0, period: 0.78, recall: 0.72 }],
    ['holdout40', { wrongPlaces: 2, period: 0.88, recall: 0.52 }],
    // holdout41-42: the eighteenth blind round, first measured at 17/94.5% and 31/79.5% (recall 87.9% and 85.6%).
    // (Both rose: a street the file's name names once beside its 全街道 is learned; 金华 of 金华义乌 and a yardstick
    // in brackets, 金华(6.7%), are no subject of the page; a work report's reviewed year is no deadline ahead, 到2035年.)
    ['holdout41', { wrongPlaces: 0, period: 0.93, recall: 0.89 }],
    ['holdout42', { wrongPlaces: 0, period: 0.93, recall: 0.87 }],
    // holdout43-44: the nineteenth blind round, first measured at 0/78.0% and 25/81.8% (recall 56.2% and 72.5%).
    // (holdout43 rose with a report given mid-year, 2022年上半年…和下半年…, reviewing that part of its own year;
    // holdout44 with a zone's report headed by its kind alone, 经开区…, the zone of the one city its text names — never
    // the home city's — and a newspaper, 中国工业报, no place of the page.)
    // (And holdout43 with a whole year's results on a page of a later month, the year before's; holdout44 with a review
    // heading, 2021年工作回顾, naming the year a December report reviews.)
    ['holdout43', { wrongPlaces: 0, period: 0.94, recall: 0.56 }],
    ['holdout44', { wrongPlaces: 1, period: 0.86, recall: 0.72 }],
    // holdout45-46: the twentieth blind round, first measured at 4/94.9% and 72/57.1% (recall 71.3% and 52.9%).
    // (holdout46 rose with a place a page leaves out, 平潭不计在内, no place of the page; a list after a colon taking its
    // opening's period, 1-9月…分项目看:; and the details of a list's item, 具体来看…, that item's place.)
    // (Both rose in the twenty-first round: 南昌縣 of a traditional gold is 南昌县, 海盐经济开发区(西塘桥街道) the street it
    // names; a city told of through two counties' villages, 湖州; a town opened by its short name, 爵溪; 半年报.)
    ['holdout45', { wrongPlaces: 1, period: 0.95, recall: 0.71 }],
    ['holdout46', { wrongPlaces: 1, period: 0.87, recall: 0.52 }],
    // holdout47-48: the twenty-first blind round, first measured at 17/82.3% and 11/84.5% (recall 91.0% and 63.4%).
    // (holdout47 rose with a headline's period word no part of a zone's name, 上半年苏州工业园区; a page that ranks itself in
    // its county, 在全县领跑, placed nowhere; holdout48 with 绍兴滨海新区 in the gazetteer, a headline over a byline's stamp,
    // 其中越城区26个、柯桥区48个 each its own.)
    ['holdout47', { wrongPlaces: 2, period: 0.81, recall: 0.92 }],
    ['holdout48', { wrongPlaces: 3, period: 0.96, recall: 0.63 }],
    // holdout49-50: the twenty-second blind round, first measured at 1/84.4% and 23/53.9% (recall 69.9% and 88.9%).
    // (holdout49 rose with a table printed with spaces, its unit a cell and its header over two lines, 泉州's monthly;
    // holdout50 with a news site no issuer, 杭州网 over 建德, and 由…增加到 of the years its sentence gave.)
    ['holdout49', { wrongPlaces: 1, period: 0.82, recall: 0.85 }],
    ['holdout50', { wrongPlaces: 10, period: 0.6, recall: 0.9 }],
  ] as const) {
    it(`${split}: figures are filed under their own place and period`, async () => {
      const t = await measure(join(DIR, split));
      console.log(summary(split, t));
      for (const w of t.placeWrong) console.log(`  wrong place: ${w.file} ${w.gold.metric} ${w.gold.value}: ${w.region}, not ${w.gold.place}`);
      expect(t.placeWrong.length).toBeLessThanOrEqual(floor.wrongPlaces);
      expect(t.periodRight / t.found).toBeGreaterThanOrEqual(floor.period);
      expect(t.found / t.gold).toBeGreaterThanOrEqual(floor.recall);
    }, 60_000);
  }
});
