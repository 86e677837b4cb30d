/** Whose a document is when the gazetteer lacks the place: a zone it speaks for, a site's government, a province named once. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { documentRecords } from '../src/knowledge/build.js';
import { lexicon } from '../src/knowledge/lexicon.js';
import { frequentPlace, mostSpecificPlace, ownZones } from '../src/text/places.js';

const lex = lexicon();
const FIXTURES = join(import.meta.dirname, 'fixtures', 'reports');
const placeOf = async (file: string) => (await documentRecords(join(FIXTURES, file))).sources[0].region;

describe('a zone a document speaks for', () => {
  it('is learned from its publisher or its headline, within the place its name opens with, asked by any name of its kind', () => {
    expect(ownZones('来源:宁波大榭开发区  发布开发区:宁波大榭开发区\n', lex)).toEqual([
      { name: '大榭开发区', within: '宁波市', level: 'county', aliases: ['大榭经济技术开发区', '大榭经济开发区', '大榭经开区', '宁波大榭开发区', '大榭'] },
    ]);
    expect(ownZones('庆元经济开发区简介\n\n开发区现有入园企业140家。', lex)).toEqual([
      { name: '庆元经济开发区', within: '庆元县', level: 'town', aliases: ['庆元经济技术开发区', '庆元经开区', '庆元开发区'] },
    ]);
    // (Opened by a name its place is asked by, 吴中 of 吴中区: within that place, and no 吴中 of its own.)
    expect(ownZones('吴中开发区前四月经济运行平稳\n今年前四个月,吴中开发区地区生产总值达到124.7亿元。', lex)).toEqual([
      { name: '吴中开发区', within: '吴中区', level: 'town', aliases: ['吴中经济技术开发区', '吴中经济开发区', '吴中经开区'] },
    ]);
    // (Its name as the text writes it in full: 余杭经济技术开发区, not the headline's 余杭开发区.)
    expect(ownZones('杭州余杭开发区工业经济复苏提速\n杭州余杭经济技术开发区(以下简称余杭开发区)传来…', lex).map((z) => [z.name, z.within])).toEqual([['余杭经济技术开发区', '余杭区']]);
  });
  it('is not a site that only posts a government’s page, nor a government', () => {
    expect(ownZones('发布时间:2021-08-25  来源:宁波市奉化区人民政府  发布开发区:浙江奉化经济开发区\n', lex)).toEqual([]);
  });
  it('files the document’s figures under the zone, not its county or city', async () => {
    expect(await placeOf('holdout22/1-4月高新技术产业.txt')).toBe('大榭开发区');
    expect(await placeOf('holdout21/开发区简介.txt')).toBe('庆元经济开发区');
  });
});

describe('a document’s place from its head', () => {
  it('is the site’s government where nothing else says (泰顺县人民政府 > 政务公开 > 民生实事)', async () => {
    expect(await placeOf('holdout22/2024年4月省政府民生实事项目进展情况汇总表.txt')).toBe('泰顺县');
  });
  it('is never a medium’s or a dateline’s (宣城传媒网讯, 浙江日报杭州4月22日讯)', async () => {
    expect(mostSpecificPlace('宣城传媒网讯', lex)).toBeUndefined();
    expect(await placeOf('holdout21/一季度开门红-宣城传媒网.txt')).toBe('绩溪县');
  });
  it('is the province named once by a page that speaks of 全省 throughout', () => {
    const text = '浙江日报杭州4月22日讯 省政府新闻办发布了2013年一季度浙江经济运行情况。一季度,全省实现生产总值7261.5亿元。全省规模以上工业增加值2433亿元。';
    expect(frequentPlace(text, lex)).toBe('浙江省');
  });
});

describe('a document’s place at the level its text says', () => {
  it('is the district a 区长’s report names, not its city (区长…作政府工作报告, 《数字江北…》)', async () => {
    expect(await placeOf('holdout24/政府工作报告（摘要2020年5月）.txt')).toBe('江北区');
  });
  it('is a county the gazetteer lacks that the text makes its own (安徽肥西…, 肥西县…, 全县)', async () => {
    expect(await placeOf('holdout23/规上工业增速负转正.txt')).toBe('肥西县');
  });
  it('is a short name that is a common word when the text makes it its subject (长兴把…。长兴出台…, 全县)', async () => {
    expect(await placeOf('holdout23/构筑特色工业园区.txt')).toBe('长兴县');
  });
  it('is no field of the page’s head (组配分类 市政府工作报告), but the site’s government its breadcrumb opens with', async () => {
    expect(await placeOf('holdout23/重点工作半年度完成情况.txt')).toBe('舟山市');
  });
  it('is a zone its head names three times (无锡经开区逆势中…)', async () => {
    expect(await placeOf('holdout24/重大项目建设提速-经开区全力奋战下半场.txt')).toBe('无锡经开区');
  });
  it('is the zone the text names so itself ((以下简称“经开区”)), whatever zone of the home city bears that name', async () => {
    expect(await placeOf('holdout27/規模工業總產值首破千億.txt')).toBe('余杭经济技术开发区');
  });
  it('is the city a page dwells on and opens with, though it names five others of its province once or twice', async () => {
    expect(await placeOf('holdout27/全市GDP跨入4000亿时代.txt')).toBe('嘉兴市');
    // (A page that opens with the province and goes through its 13 cities stays the province's.)
    expect(await placeOf('holdout3/江苏13市上半年GDP.txt')).toBe('江苏省');
  });
  it('is a county a common word names, where the text opens four clauses with it (,长兴新增就业…。长兴GDP…)', async () => {
    expect(await placeOf('holdout27/年中经济观察.txt')).toBe('长兴县');
  });
  it('reads the part titled 工作总结 of a 总结及计划 as results (上盘镇 1-12月…限上零售业销售额6665.2万元)', async () => {
    const { indicators } = await documentRecords(join(FIXTURES, 'holdout26', '上盘镇2023年工作总结及2024年工作计划.txt'));
    expect(indicators.filter((i) => i.figure === '6665.2万元').map((i) => i.nature)).toEqual(['actual']);
  });
  it('is not the city whose publicity account or paper posted it (来源:南通发布 日期:…), but the county it is about', async () => {
    expect(await placeOf('holdout30/奋进新时代-南通发布.txt')).toBe('如皋市');
  });
  it('is the district a zone is one with, named in brackets after it (高新区(滨江)实现GDP…)', async () => {
    expect(await placeOf('holdout29/经济半年报-都市快报.txt')).toBe('滨江区');
  });
  it('is of the year before when a page of January or February gives a GDP with no year (2024-02-01: 2023年)', async () => {
    const { sources } = await documentRecords(join(FIXTURES, 'holdout29', '田园松阳跑出加速度.txt'));
    expect(sources[0].year).toBe(2023);
  });
  it('is the street its title names (…柯桥区湖塘街道概况), not the city its page names most', async () => {
    expect(await placeOf('holdout28/湖塘街道概況.txt')).toBe('湖塘街道');
  });
});

describe('a document’s place and year, round 22', () => {
  const sourceOf = async (file: string) => (await documentRecords(join(FIXTURES, file))).sources[0];
  it('is never a place the text leaves out (全市(平潭不计在内,下同)): the file’s name says whose the page is', async () => {
    expect(await placeOf('holdout46/2024年9月一般公共预算收支情况-福州财政.txt')).toBe('福州市');
  });
  it('is the year before its date for a whole year’s results that name no year (全年…比上年增长4.1%, dated 2025-06-26)', async () => {
    expect((await sourceOf('holdout43/人民生活-桐庐县政府网.txt')).year).toBe(2024);
  });
  it('is the year a work report’s review heading names, whatever its date (本届政府和2021年工作回顾, said on 2021-12-26)', async () => {
    const report = await documentRecords(join(FIXTURES, 'holdout44/全椒县人民政府工作报告(2021年12月26日).txt'));
    expect(report.indicators.find((x) => x.figure === '325亿元')?.period.label).toBe('2021年');
  });
  it('gives a list the period of the paragraph that opens it on a colon (1-9月…分项目看: / 1. 增值税为150.79亿元)', async () => {
    const page = await documentRecords(join(FIXTURES, 'holdout46/2024年9月一般公共预算收支情况-福州财政.txt'));
    expect(page.indicators.find((x) => x.figure === '150.79亿元')?.period.label).toBe('2024年1-9月');
  });
  it('gives the details of a list’s item its place (1、开化县… / 具体来看,税收收入7.38亿元…全县)', async () => {
    const page = await documentRecords(join(FIXTURES, 'holdout46/衢州上半年财政收入-各县区.txt'));
    expect(page.indicators.find((x) => x.figure === '7.38亿元')?.region).toBe('开化县');
  });
});

describe('a document’s place and its parts’, round 23', () => {
  const figure = async (file: string, shown: string) => (await documentRecords(join(FIXTURES, file))).indicators.find((x) => x.figure === shown);
  it('is the city a story of two of its counties’ villages is told of (湖州从2012年… beside 长兴县…, 安吉县…), not the site’s province (浙江網)', async () => {
    expect(await placeOf('holdout46/全市90%行政村年經營性收入超80萬元-浙江網.txt')).toBe('湖州市');
  });
  it('is the county a story of one county names, however it ranks in its city (海盐…列全市第一)', async () => {
    expect(await placeOf('holdout41/海盐连续两个季度获红旗奖-论坛转帖.txt')).toBe('海盐县');
  });
  it('files a village named after its town under the village (长兴县李家巷镇刘家渡村…村里去年的经营性收入由53.88万元…升到100万元)', async () => {
    const end = await figure('holdout46/全市90%行政村年經營性收入超80萬元-浙江網.txt', '100万元');
    expect([end?.region, end?.period.label]).toEqual(['刘家渡村', '2023年']);
    expect((await figure('holdout46/全市90%行政村年經營性收入超80萬元-浙江網.txt', '53.88万元'))?.period.label).toBe('2022年');
  });
  it('is the town a page opens its sentences with by its short name, named in full only in its credit line (爵溪…, 爵溪街道/供图)', async () => {
    expect(await placeOf('holdout45/最美爵溪(二)-秒懂生活.txt')).toBe('爵溪街道');
  });
  it('carries the place a sentence opens on to its later parts (南昌县财政总收入…;地方一般公共预算收入达到21.8亿元)', async () => {
    expect((await figure('holdout46/南昌首季財政進賬-轉載.txt', '21.8亿元'))?.region).toBe('南昌县');
  });
  it('is unknown for a page that ranks itself within its county (在全县领跑) and names the county only in passing', async () => {
    expect(await placeOf('holdout47/2024年工作回顾-节选.txt')).toBe('');
  });
});

describe('a page’s headline and place, round 23', () => {
  it('is the line above a byline that ends on a stamp (中国网 · 汪杰菲 | 发布时间2022-04-19 14:19:58), below its breadcrumb; its place the one the headline names most closely', async () => {
    const page = (await documentRecords(join(FIXTURES, 'holdout48/共富村名單-中國網.txt'))).sources[0];
    expect([page.title, page.region]).toEqual(['杭州市首批共富村名单出炉,余杭6个村榜上有名!', '余杭区']);
  });
  it('is the zone a bulletin names without its city where the gazetteer knows it (滨海新区…在全省七大新区中居首位)', async () => {
    expect(await placeOf('holdout48/滨海新区前三季度经济运行.txt')).toBe('绍兴滨海新区');
  });
});

describe('a table’s rows and a page’s part of the year, round 23', () => {
  const figure = async (file: string, shown: string) => (await documentRecords(join(FIXTURES, file))).indicators.find((x) => x.figure === shown);
  it('reads a row that leaves out the cells merged before its 序号 (分管市长 written once) with its progress as what was done', async () => {
    expect((await figure('holdout45/政府工作报告重点工作一季度完成情况-平湖.txt', '3次'))?.nature).toBe('actual');
  });
  it('takes 半年报 for the half-year (该省各区(县、市)的经济半年报陆续出炉。…余杭区,以GDP1615.5亿元)', async () => {
    expect((await figure('holdout45/余杭经济半年报-中新网转载.txt', '1615.5亿元'))?.period.label).toBe('2024年1-6月');
  });
});

describe('a page’s place and a printed table, round 24', () => {
  const records = async (file: string) => documentRecords(join(FIXTURES, file));
  it('is not the city of the news site that posts it (来源:杭州网杭州通客户端 over 建德’s press conference)', async () => {
    expect(await placeOf('holdout50/十年绘就宜居建德新图景-杭州网.txt')).toBe('建德市');
  });
  it('is its file name’s where the text names none, a kind of report (统计月报) no paper named after the place', async () => {
    expect(await placeOf('holdout49/泉州统计月报-2021年8月.txt')).toBe('泉州市');
  });
  it('reads a table printed with spaces, its unit a cell of its own and its header over two lines (8月 over 数值 增长(%)', async () => {
    const found = (await records('holdout49/泉州统计月报-2021年8月.txt')).indicators.map((x) => [x.name, x.figure, x.period.label]);
    expect(found).toContainEqual(['社会消费品零售总额', '480.40亿元', '2021年8月']);
    expect(found).toContainEqual(['社会消费品零售总额', '3748.20亿元', '2021年1-8月']);
    // (A level the table leaves out, - beside its change: the change alone.)
    expect(found).toContainEqual(['规模以上工业增加值', '11.4%', '2021年1-8月']);
  });
});
