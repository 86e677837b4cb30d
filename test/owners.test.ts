/**
 * No figure without its owner: a document's place and year from the operator's file, its text,
 * then its file's name (never a default); 全市/全省/全区 resolved against the document's own
 * place; a thing's figure (a zone, an institute) kept as that thing's; a question that names no
 * place is the home city's. The reports here are made up for the test, each sentence a kind
 * real reports use.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentRecords, extractAll, SEEDS_DIR } from '../src/knowledge/build.js';
import { buildIndex } from '../src/knowledge/search.js';
import { fromRecords } from '../src/knowledge/load.js';
import { createCore } from '../src/core.js';
import { memoryContexts } from '../src/conversation.js';

const dir = mkdtempSync(join(tmpdir(), 'owners-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a report into its own folder and reads it alone. */
async function read(name: string, text: string, meta?: object) {
  const folder = mkdtempSync(join(dir, 'one-'));
  writeFileSync(join(folder, name), text);
  if (meta) writeFileSync(join(folder, `${name}.meta.json`), JSON.stringify(meta));
  return documentRecords(join(folder, name));
}

const SUMMARY = '上半年，全市实现地区生产总值612.3亿元，同比增长5.8%。\n全市规上工业增加值完成180.2亿元，增长7.1%。\n';

describe("a document's place and year", () => {
  it('comes from its file name only when its text says nothing, and the build says so', async () => {
    const r = await read('2024年上半年海宁市经济运行.txt', SUMMARY);
    expect(r.sources[0]).toMatchObject({ region: '海宁市', year: 2024, kind: 'summary', evidence: { place: 'file name', year: 'file name', kind: 'file name' } });
    const gdp = r.indicators.find((i) => i.name.includes('生产总值'))!;
    expect(gdp).toMatchObject({ region: '海宁市', value: 612.3 });
    expect(gdp.period).toMatchObject({ kind: 'range', year: 2024, from: 1, to: 6 });
  });
  it('is unknown, never the home city, when nothing says it', async () => {
    const r = await read('附件2.txt', SUMMARY);
    expect(r.sources[0].region).toBe('');
    expect(r.indicators.every((i) => i.region === '')).toBe(true);
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(/no place/);
  });
  it("is the operator's, from NAME.meta.json, before anything else", async () => {
    const r = await read('2024年上半年海宁市经济运行.txt', SUMMARY, { place: '桐乡市', year: 2023 });
    expect(r.sources[0]).toMatchObject({ region: '桐乡市', year: 2023, evidence: { place: 'operator' } });
    const bad = await read('附件3.txt', SUMMARY, { place: '火星', kind: 'summary' });
    expect(bad.problems.map((p) => p.message).join('\n')).toMatch(/place 火星 is not in knowledge\/regions.json/);
  });
  it("is the district's when its congress is the district's (在嘉兴市秀洲区…会议上)", async () => {
    const r = await read(
      '报告.txt',
      '2023年2月3日在嘉兴市秀洲区第十届人民代表大会第二次会议上\n区长 刘德威\n各位代表：\n一、2022年工作回顾\n全区实现地区生产总值622.31亿元，增长4.3%；财政总收入完成55.9亿元。\n',
    );
    expect(r.sources[0].region).toBe('秀洲区');
    expect(r.indicators.find((i) => i.value === 55.9)).toMatchObject({ region: '秀洲区', period: { kind: 'year', year: 2022 } });
  });
});

describe('a page that titles itself only in its breadcrumb or under its own line', () => {
  it('takes the title of its breadcrumb’s last step with its year (当前位置:首页 > … > 2024年湖州市…完成情况), never a section’s name', async () => {
    const r = await read(
      '附件.txt',
      '当前位置:首页 > 信息公开 > 重点改革任务 > 2024年湖州市政府工作报告重点工作上半年完成情况\n序号\t重点工作\t责任单位\t上半年进展情况\n1\t地区生产总值增长6%左右\t市发改委\t上半年地区生产总值增长6.5%。\n',
    );
    expect(r.sources[0]).toMatchObject({ region: '湖州市', year: 2024 });
  });
  it('is the place an encyclopedia entry names alone under the page’s own line (广德市 编辑), within the place it 隶属于', async () => {
    const r = await read('百科.txt', '广德市 编辑\n\n广德市\n\n广德市隶属于安徽省宣城市,东面与浙江省长兴县相连。\n\n2021年全市生产总值(GDP) 380.7亿元,按可比价格计算,比上年增长11.0%。\n');
    expect(r.sources[0].region).toBe('广德市');
    expect(r.indicators.find((i) => i.value === 380.7)).toMatchObject({ region: '广德市', period: { year: 2021 } });
  });
});

describe('a page whose head is the site’s', () => {
  it('is titled by its own line, not a row of the site’s header fields (组配分类 计划总结 有效性), and of its year', async () => {
    const r = await read('页.txt', '索引号 1133102200268512x4/2023-113279 文号\n成文日期 2023-06-20 发布机构 亭旁镇\n组配分类 计划总结 有效性\n亭旁镇2022年度工作总结\n2022年以来,全镇完成固定资产投资7132万元,同比增长46.87%。\n');
    expect(r.sources[0]).toMatchObject({ title: '亭旁镇2022年度工作总结', year: 2022 });
  });
  it('makes the figures of a list of what is to be done aims of its own year (2017年衢州市政府民生实事十大项目, published in 2018)', async () => {
    const r = await read('项目.txt', '成文日期: 2018-07-02\n\n2017年衢州市政府民生实事十大项目\n\n一、城市管理\n新增停车位4000个,其中公共停车位300个。\n');
    expect(r.indicators.find((i) => i.value === 4000)).toMatchObject({ nature: 'target', period: { year: 2017 } });
  });
  it('is no place’s a medium is named after (浙江日报 数字报纸)', async () => {
    const r = await read('报纸.txt', '浙江日报 数字报纸\n\n一年成绩单\n\n2015年,开化旅游收入达42.67亿元,同比增长18.8%。\n');
    expect(r.sources[0].region).not.toBe('浙江省');
  });
});

describe('words for "this place"', () => {
  it("are the document's own place at the level they say", async () => {
    const province = await read('浙江省2023年国民经济和社会发展统计公报.txt', '浙江省2023年国民经济和社会发展统计公报\n浙江省统计局\n全省生产总值82553亿元，比上年增长6.0%。\n');
    expect(province.indicators.find((i) => i.value === 82553)?.region).toBe('浙江省');
    const county = await read('海宁市2023年统计公报.txt', '海宁市2023年国民经济和社会发展统计公报\n全市实现地区生产总值1280亿元。全省生产总值82553亿元。\n');
    expect(county.indicators.find((i) => i.value === 1280)?.region).toBe('海宁市');
    expect(county.indicators.find((i) => i.value === 82553)?.region).toBe('浙江省');
  });
});

describe('questions about the whole city', () => {
  const seeds = join(dir, 'seeds');
  mkdirSync(seeds);
  for (const f of readdirSync(SEEDS_DIR)) copyFileSync(join(SEEDS_DIR, f), join(seeds, f));
  writeFileSync(join(seeds, '浙江省2023年国民经济和社会发展统计公报.txt'), '浙江省2023年国民经济和社会发展统计公报\n浙江省统计局\n全省生产总值82553亿元，比上年增长6.0%。年末全省常住人口6627万人。\n');
  writeFileSync(join(seeds, '2023年绍兴市上半年经济运行.txt'), '2023年上半年绍兴市经济运行情况\n上半年，全市实现地区生产总值3622亿元，同比增长7.5%。\n');
  writeFileSync(join(seeds, '湖州下辖地区GDP排名.txt'), '2014年湖州下辖地区GDP排名\n2014年市区GDP为944.61亿元,在湖州下辖地区中排名第一;2014年长兴县GDP为458.81亿元。\n');
  writeFileSync(join(seeds, '武义县政府工作报告.txt'), '武义县2010年政府工作报告\n2009年,全年实现生产总值103.25亿元,增长9.1%;财政收入14.37亿元,其中地方财政收入7.34亿元,增长6.0%。\n');
  writeFileSync(join(seeds, '嘉兴市2019年国民经济和社会发展统计公报.txt'), '嘉兴市2019年国民经济和社会发展统计公报\n嘉兴市统计局\n2019年全市实现生产总值5370.32亿元，按可比价计算，比上年增长7.0%。\n');
  const core = (async () => {
    const records = await extractAll(seeds);
    return createCore(fromRecords(records, buildIndex(records)), { contexts: memoryContexts(), now: () => new Date('2026-11-23T09:00:00+08:00') });
  })();
  const ask = async (q: string) => (await core).ask(q, {});

  it("never get another place's figure as the home city's", async () => {
    for (const q of ['2023年嘉兴GDP多少', '2023年GDP', '2023年上半年嘉兴GDP', '2023年末全市常住人口']) {
      const a = await ask(q);
      expect(a.text, q).not.toMatch(/82553|3622|6627/);
    }
  });
  it("never get the 市区's figure as the whole city's; the figure whose own name says what is asked leads", async () => {
    expect((await ask('湖州2014年GDP')).text).not.toContain('944.61');
    expect((await ask('湖州2014年市区GDP')).text.split('\n')[0]).toContain('944.61');
    expect((await ask('武义地方财政收入')).text.split('\n')[0]).toContain('7.34亿元');
  });
  it('see both figures when two reports give one metric, place and period otherwise, each with its source', async () => {
    const a = await ask('2019年嘉兴GDP');
    expect(a.text).toMatch(/5370\.3亿元/);
    expect(a.text).toMatch(/另一份报告为：5370\.3(2)?亿元（/);
  });
  it('say how recent the home city’s data is, and another place’s when that is newer', async () => {
    const a = await ask('你这的数据最新到啥时候');
    expect(a.text.split('\n')[0]).toMatch(/^数据最新到2021年/);
    expect(a.text).toMatch(/浙江省的报告最新到2023年/);
  });
  it("and the other place's questions get its figure", async () => {
    expect((await ask('2023年全省GDP')).text.split('\n')[0]).toContain('82553');
    expect((await ask('绍兴2023年上半年GDP')).text.split('\n')[0]).toContain('3622');
  });
  it("never get a zone's or an institute's figure as the city's", async () => {
    // 1-6月,嘉兴综合保税区进出口额57.8亿元 (the task table): the zone's, not the city's.
    expect((await ask('1-6月嘉兴全市进出口额')).text).not.toContain('57.8');
    expect((await ask('综保区1-6月进出口额')).text.split('\n')[0]).toContain('57.8');
    // 临沪高能级智慧产业新区…引进世界500强项目3个: the new district's (the city's is 17个).
    expect((await ask('2021年上半年全市引进世界500强项目多少个')).text.split('\n')[0]).not.toMatch(/^3个/);
    // 南湖实验室…引进各类科研人员135名: 实验室 alone does not name 南湖实验室.
    expect((await ask('全市实验室引进科研人员多少名')).kind).toBe('none');
    expect((await ask('南湖实验室引进科研人员多少')).text.split('\n')[0]).toContain('135');
  });
  it("never get a pilot's, a list's total or another kind's figure as the city's, nor another measure for a bare one", async () => {
    // 试点建设“智安街道”,建成34个场景应用: the pilot's.
    expect((await ask('全市建成场景应用多少个')).kind).toBe('none');
    // 引进…世界500强企业、超亿美元项目、超百亿元项目合计22个: the total of all four kinds; 签约项目50个: another kind.
    expect((await ask('1-6月全市引进世界500强项目几个')).kind).toBe('none');
    // 小麦播种面积 is no area of the city.
    expect((await ask('全市面积多少平方公里')).kind).toBe('none');
    // 年内计划完成投资290亿元,1-6月完成投资110.95亿元: the second is what was done.
    expect((await ask('嘉善县1-6月重点项目完成投资')).text.split('\n')[0]).toContain('110.95');
  });
  it('never get the home city’s figure for a place the reports never name, nor a district’s for 全区', async () => {
    expect((await ask('梅城制造业投资')).kind).toBe('none');
    expect((await ask('益农镇规上工业总产值')).kind).toBe('none');
    expect((await ask('2021年全区固定资产投资增长多少')).kind).toBe('none');
  });
  it("never get a market's index as a place's, and questions naming no place still get it", async () => {
    // 宁波航运交易所发布的海上丝路贸易指数: no place's.
    expect((await ask('全市进出口贸易指数')).kind).toBe('none');
    expect((await ask('嘉兴出口贸易指数是多少')).kind).toBe('none');
    expect((await ask('6月出口贸易指数环比涨了多少')).text.split('\n')[0]).toContain('6.63%');
  });
});

/** A bot that knows the seeds and the reports given (name → text); `first` asks it and gives its answer's first line. */
function seedsWith(folder: string, reports: Record<string, string>) {
  const seeds = join(dir, folder);
  mkdirSync(seeds);
  for (const f of readdirSync(SEEDS_DIR)) copyFileSync(join(SEEDS_DIR, f), join(seeds, f));
  for (const [name, text] of Object.entries(reports)) writeFileSync(join(seeds, name), text);
  const core = (async () => {
    const records = await extractAll(seeds);
    return createCore(fromRecords(records, buildIndex(records)), { contexts: memoryContexts(), now: () => new Date('2026-11-23T09:00:00+08:00') });
  })();
  return async (q: string, conversation?: string) => (await core).ask(q, { conversation }).text.split('\n')[0];
}

describe('a scope word beside another place', () => {
  const first = seedsWith('scope-seeds', {
    '2023年上半年舟山市经济运行.txt': '2023年上半年舟山市经济运行情况\n上半年,舟山市地区生产总值为712.4亿元。\n定海区上半年GDP为281.9亿元,在全市排第一位。\n',
    '温州市2015年国民经济和社会发展统计公报.txt': '温州市2015年国民经济和社会发展统计公报\n温州市统计局\n全年实现地区生产总值4619.8亿元，比上年增长8.3%。\n',
    '2023年1-8月安庆市经济运行.txt': '2023年1-8月安庆市经济运行情况\n1-8月份,全市固定资产投资增长12.6%,比全省高4.1个百分点。全市一般公共预算收入增长13.5%,比全省高8.2个百分点。\n',
  });

  it('is of the city that place lies in, in one question and in a conversation (定海 → 舟山), never the home city', async () => {
    expect(await first('定海GDP占全市比重')).toContain('39.57%');
    await first('定海GDP', 'dinghai');
    expect(await first('全市呢', 'dinghai')).toContain('712.4亿元');
    await first('定海GDP', 'share');
    expect(await first('占全市比重', 'share')).toContain('39.57%');
  });
  it('never sets two places’ figures of two years against each other unless the years are asked', async () => {
    expect(await first('嘉兴GDP比温州多多少')).toMatch(/时期不相容/);
    expect(await first('2019年嘉兴GDP比2015年温州多多少')).toContain('750.5亿元');
  });
  it("asks that province's figure (全省呢 after 安庆), and never another metric's comparison with it", async () => {
    await first('安庆固投', 'anqing');
    const a = await first('全省呢', 'anqing');
    expect(a).toContain('安徽省');
    expect(a).not.toMatch(/8\.2|4\.1/);
    await first('嘉兴出口', 'jiaxing');
    expect(await first('全省呢', 'jiaxing')).toContain('浙江省');
    expect(await first('全省第几', 'jiaxing')).not.toMatch(/第31项|11\.1%/);
  });
  it('asks the city of the place 全省 was read beside (全市呢 after 定海 → 全省呢): never the home city’s, unless the home city was that place', async () => {
    await first('定海GDP', 'back');
    await first('全省呢', 'back');
    expect(await first('全市呢', 'back')).toContain('712.4亿元');
    await first('嘉兴GDP', 'home');
    await first('全省呢', 'home');
    expect(await first('全市呢', 'home')).toContain('5370.3');
  });
});

describe('a follow-up of the figure just shown', () => {
  const first = seedsWith('follow-seeds', {
    '洞头区2022年预算执行情况.txt': '关于温州市洞头区2022年预算执行情况的报告\n2022年,全区一般公共预算收入10.62亿元。全区一般公共预算支出为33.41亿元,比上年增长0.2%。其中,民生支出24.50亿元,占年度预算支出的73.3%。\n',
    '2014年浙江居民收入.txt': '2014年浙江居民收入保持较快增长\n2014年,浙江城镇常住居民人均可支配收入40393元,比全国平均水平28844元高出11549元。2014年,浙江农村常住居民人均可支配收入19373元,比全国平均水平10489元高出8884元。\n',
    '宁波2021年外贸.txt': '2021年宁波外贸\n2021年,宁波实现外贸自营进出口总额11926.1亿元,增长21.6%,其中出口增长19%。\n',
    '2023年前三季度衢州经济.txt': '2023年前三季度衢州市经济运行情况\n分三次产业来看,第一产业增加值为55.65亿元,增长3.9%,增速居全省第四位;第二产业增加值为622.21亿元,增长5.6%,增速居全省第三位。\n',
  });

  it('leads a rank asked with the clause that ranks (第一产业 is no rank of its own)', async () => {
    expect(await first('衢州一产增速排名')).toContain('第四位');
  });
  it('asks its counterpart in its place (支出呢 after 一般公共预算收入), not any figure so named (民生支出)', async () => {
    await first('洞头一般公共预算收入', 'dongtou');
    expect(await first('支出呢', 'dongtou')).toContain('33.41亿元');
  });
  it('asks 出口 apart from 进出口: never the 进出口 total again', async () => {
    await first('宁波进出口', 'ningbo');
    expect(await first('出口呢', 'ningbo')).not.toContain('11926.1');
  });
  it('asks the average it is set against of the same metric (全国平均呢), never another’s', async () => {
    await first('浙江农村居民收入', 'zhejiang');
    expect(await first('全国平均呢', 'zhejiang')).not.toContain('28844');
  });
  it('keeps its part of the year for another place (全省呢 after 嘉兴’s 2021年6月): that, or none — never another year', async () => {
    await first('嘉兴一般公共预算收入', 'province');
    expect(await first('浙江呢', 'province')).toMatch(/没有/);
  });
  it('asks what else its sentence counts (开工了几个 after 150个攻坚项目…完成投资): that sentence’s figure', async () => {
    await first('枢纽嘉兴150个攻坚项目完成投资多少', 'hub');
    expect(await first('开工了几个', 'hub')).toContain('41个');
  });
});

describe('a document of a place the gazetteer holds by its kind alone', () => {
  it('is the zone of the one city its text names (经开区2022年…汇报 that names 芜湖市), never the home city’s zone', async () => {
    const r = await read('经开区工作汇报.txt', '经开区2022年经济社会发展总体情况和2023年工作打算汇报\n今年以来,经开区经济社会发展势头良好。预计全年地区生产总值达到685亿元,增长8.5%左右。芜湖市在这项工作上走在前列。\n');
    expect(r.sources[0].region).toBe('芜湖经济技术开发区');
    expect(r.indicators.find((i) => i.value === 685)?.region).toBe('芜湖经济技术开发区');
  });
  it('is not where the newspaper it was taken from is named (来源：中国工业报)', async () => {
    const r = await read('8月份全省规上工业.txt', '8月份,安徽省规模以上工业完成增加值709.2亿元,同比增长13.8%。1~8月,全省规模以上工业累计完成增加值5389.7亿元。\n全省高新技术产业完成增加值237.4亿元。\n来源：中国工业报\n');
    expect(r.sources[0].region).toBe('安徽省');
  });
  it('reviews the part of its own year gone by when given mid-year (关于2022年上半年…和下半年…的报告)', async () => {
    const r = await read('石桥头镇工作报告.txt', '政府工作报告\n关于2022年上半年全镇经济社会发展情况\n和下半年政府工作的报告\n(2022年9月6日在石桥头镇第十八届人民代表大会第二次会议上)\n一、上半年工作回顾\n上半年,全镇实现规上工业产值12.5亿元,同比增长8.2%。\n');
    expect(r.indicators.find((i) => i.value === 12.5)?.period).toMatchObject({ kind: 'range', year: 2022, from: 1, to: 6 });
  });
});

describe('where a document names its place', () => {
  it('is not where it names a place left out or a frame of ranking (不含嘉兴港区, 居嘉兴第2位)', async () => {
    const r = await read(
      '附件-1.txt',
      '2024年政府工作报告重点工作完成情况(前三季度)\n前三季度全市完成一般公共预算收入79.73亿元,同比增长3.3%;不含嘉兴港区为67.69亿元。\n全市规上工业增加值增速居嘉兴第2位。\n打响“平湖制造”金名片,推进平湖市先进制造业集群建设。\n',
    );
    expect(r.sources[0]).toMatchObject({ region: '平湖市', evidence: { place: 'body' } });
  });
  it("gives a place's own clause after a semicolon its figure (…;桐乡市增长4.8%)", async () => {
    const r = await read('通报.txt', '1-7月嘉兴市规上工业生产情况\n1-7月,嘉善县规上工业增加值增长8.2%,仍居第1;桐乡市增长4.8%,比上月回落1.3个百分点。\n');
    const tx = r.indicators.find((i) => i.region === '桐乡市')!;
    expect(tx).toMatchObject({ name: '规上工业增加值' });
    expect(tx.growth[0].value).toBe(4.8);
  });
  it('gives each place its figure in brackets (平湖市(6.8%)、秀洲区(6.2%), 义乌(1485.6亿元)、婺城(654.48亿元))', async () => {
    const r = await read('通报.txt', '1-7月嘉兴市规上工业生产情况\n1-7月,各县市区规上工业增加值增速为:平湖市(6.8%)、秀洲区(6.2%)。\n');
    expect(r.indicators.map((i) => [i.name, i.region, i.growth[0]?.value])).toEqual([['规上工业增加值', '平湖市', 6.8], ['规上工业增加值', '秀洲区', 6.2]]);
    const j = await read('金华.txt', '金华各县市区数据出炉\n按照2020年全年的GDP数据,九大县市区的GDP排名依次为义乌(1485.6亿元)、婺城(654.48亿元)。\n');
    expect(j.indicators.map((i) => [i.region, i.value])).toEqual([['义乌市', 1485.6], ['婺城区', 654.48]]);
  });
  it('gives a figure that places share (遂昌县、庆元县GDP均增长5.9%) to each, and one they may not share to none', async () => {
    const r = await read('丽水.txt', '2022年丽水县域经济\n遂昌县、庆元县GDP均增长5.9%,并列第4位;云和县、景宁县GDP增长4.1%。\n');
    const of = (v: number) => r.indicators.filter((i) => i.growth[0]?.value === v).map((i) => i.region);
    expect(of(5.9)).toEqual(['遂昌县', '庆元县']);
    expect(of(4.1)).toEqual(['']);
  });
});

describe('names of figures', () => {
  it('one character a list item stands for its name (农、林、牧、渔总产值分别增长…, a minus kept)', async () => {
    const r = await read('统计公报.txt', '2022年嵊州市国民经济和社会发展统计公报\n全年农、林、牧、渔总产值分别增长0.5%、-0.5%、21.6%和-2.9%。\n');
    expect(r.indicators.map((i) => [i.name, i.value])).toEqual([['农业总产值', 0.5], ['林业总产值', -0.5], ['牧业总产值', 21.6], ['渔业总产值', -2.9]]);
  });
  it('a figure named only by what was done is of the topic its sentence opens with (固定资产投资方面,全区完成…)', async () => {
    const r = await read('萧山区经济运行.txt', '2021年1-8月萧山区经济运行情况\n固定资产投资方面,全区完成846.59亿元,同比增长21.6%。\n');
    expect(r.indicators[0]).toMatchObject({ name: '固定资产投资', region: '萧山区', value: 846.59 });
  });
  it('a level passed is said as one, a target passed is the target, and what was reached after them the result', async () => {
    const r = await read('湖镇镇2024年政府工作报告.txt', '2024年湖镇镇政府工作报告\n一是规上工业产值继2023年突破60亿大关后,2024年继续上扬并突破70亿元目标,达到74.23亿元,同比增长23.75%。\n');
    expect(r.indicators.map((i) => [i.name, i.figure, i.nature, i.period.label])).toEqual([
      ['规上工业产值', '突破60亿大关', 'actual', '2023年'],
      ['规上工业产值', '70亿元', 'target', '2024年'],
      ['规上工业产值', '74.23亿元', 'actual', '2024年'],
    ]);
  });
});

describe('a task table of a district', () => {
  it('is the one district it names at all when it calls itself 区 (区政府民生实事…临安区职教中心)', async () => {
    const r = await read('进展情况表.txt', '2022年区政府民生实事项目进展情况表(截至9月底)\n序号 | 项目内容 | 进展情况 | 责任单位 |\n1 | 新建成公办中小学7所。 | 已新建成临安区职教中心等7所。 | 区教育局 |\n');
    expect(r.sources[0].region).toBe('临安区');
  });
});

describe('a task table one cell a line', () => {
  it('keeps a row whose cells run over several lines, and the departments its task cell names', async () => {
    const r = await read(
      '汇总表.txt',
      '2023年市政府工作报告重点工作半年度完成情况汇总表\n发布机构: 湖州市人民政府\n序号\n目标任务\n推进情况\n1\n继续压减一般性支出15%以上。责任单位:市政府办公室、市财政局\n1.实施意见已出台。\n2.1-6月全市一般公共预算支出318.54亿元。\n吴智勇常务副市长主抓重点工作\n序号\n目标任务\n推进情况\n2\n地区生产总值增长6%左右。责任单位:市发展改革委\n今年以来全市经济运行回升向好。\n',
    );
    expect(r.tasks.map((t) => [t.number, t.lead[0], t.progress.join('').includes('318.54')])).toEqual([
      [1, '市政府办公室', true],
      [2, '市发展改革委', false],
    ]);
    expect(r.tasks[0].progress.join('')).not.toContain('主抓');
  });
});

describe('a task table written with tabs', () => {
  it('keeps a task cell merged over two rows (written empty), and its county departments as the county writes them', async () => {
    const r = await read(
      '推进情况汇总表.txt',
      '2022年松阳县十件民生实事项目上半年推进情况汇总表\n\n序号\t实事名称\t指标任务\t责任单位\t实施点位\t完成时限\t进展情况\t下步计划\n1\t一、两慢病常用药免费服用\t8000人以上高血压患者\t卫健局\t全县17家乡镇卫生院\t12月底\t截至6月9日高血压用药免费服用8718人\t持续开展\n2\t\t1700人以上糖尿病患者\t\t全县17家乡镇卫生院\t12月底\t截至6月9日糖尿病用药免费服用1721人\t持续开展\n3\t二、农村公路改建提升工程\t改建农村公路12公里\t交通运输局\t四都乡\t11月底\t两个工程已完工,另两个已完成工程量70%;本项目已完成总工程量的85%。\t浇筑\n',
    );
    expect(r.tasks.map((t) => [t.number, t.text.slice(0, 4), t.lead[0], t.goal, t.status])).toEqual([
      [1, '一、两慢', '卫健局', '8000人以上高血压患者', null],
      [2, '一、两慢', '卫健局', '1700人以上糖尿病患者', null],
      // (已完成总工程量的85%: a share done, not the status 已完成; 交通运输局 is 松阳's, not the city's.)
      [3, '二、农村', '交通运输局', '改建农村公路12公里', null],
    ]);
  });
});

describe('a table of named rows with a value column', () => {
  it('names each row by its name and the column (农业 + 产值), with the row growth', async () => {
    const r = await read('2022年三门县统计公报.txt', '2022年三门县国民经济和社会发展统计公报\n全县农林牧渔业总产值及分项如下:\n指标 | 产值(亿元) | 比上年增长(%) |\n农林牧渔业总产值 | 81.87 | 4.9 |\n渔业 | 66.86 | 5.5 |\n');
    expect(r.indicators.map((i) => [i.name, i.region, i.figure, i.growth[0]?.value])).toEqual([
      ['农林牧渔业总产值', '三门县', '81.87亿元', 4.9],
      ['渔业产值', '三门县', '66.86亿元', 5.5],
    ]);
  });
});

describe('a yearbook table', () => {
  it('reads its Chinese labels without their English, its unit line, and its blocks of shares and growth rates', async () => {
    const r = await read(
      '年鉴表.txt',
      '表3-14各县(市)生产总值结构及增长速度(2008)\nStructure and Growth Rate of Gross Domestic Product by Region\n单位:%\n地区 Region\t生产总值\t第一产业\t第三产业\n\tGross Domestic Product\tPrimary Industry\tTertiary Industry\n产业结构 Structure\n全市 Ningbo\t100.0\t4.2\t40.4\n  余姚   Yuyao\t100.0\t5.6\t34.0\n  慈溪   Cixi\t100.0\t4.7\t33.2\n  #鄞州     Yinzhou\t100.0\t3.7\t31.6\n增长速度 Growth Rate\n全市 Ningbo\t10.1\t4.1\t11.0\n  余姚   Yuyao\t10.4\t5.2\t12.8\n  慈溪   Cixi\t8.8\t5.1\t9.0\n  #鄞州     Yinzhou\t14.0\t3.2\t15.0\n',
    );
    expect(r.sources[0]).toMatchObject({ region: '宁波市' });
    const of = (region: string, name: string) => r.indicators.filter((i) => i.region === region && i.name === name).map((i) => [i.figure, i.isChange]);
    expect(of('余姚市', '第三产业占比')).toEqual([['34.0%', false]]);
    expect(of('余姚市', '第三产业')).toEqual([['12.8%', true]]);
    expect(of('鄞州区', '生产总值')).toEqual([['14.0%', true]]);
  });
});

describe('a page about a town, a year gone by, a year that is the report\'s last', () => {
  it('is the town its 全镇 speaks of, though the site names the city more (沈荡镇)', async () => {
    const r = await read('走进浙江乡镇-嘉兴站.txt', '嘉兴人文历史走进浙江乡镇嘉兴站:市级文明镇沈荡镇\n\n沈荡镇地处海盐县的西部,北距嘉兴市区25公里,嘉兴至南北湖公路穿境而过。\n近年来,沈荡镇经济社会各项事业同步发展。2010年全镇生产总值13亿元,同比增长15.5%。\n');
    expect(r.sources[0].region).toBe('沈荡镇');
    expect(r.indicators.find((i) => i.figure === '13亿元')).toMatchObject({ region: '沈荡镇' });
  });
  it('is of the year before its date when its title says 去年', async () => {
    const r = await read('全省第一.txt', '去年台州这些工作拿到全省第一\n2018年01月11日\n新建农村文化礼堂273家,累计建成1206家,总量居全省第1位。\n');
    expect(r.indicators[0].period).toMatchObject({ kind: 'year', year: 2017 });
  });
  it('reads 2020年主要工作 in a report of 2021 as done, and a period after who says it as the sentence\'s', async () => {
    const r = await read('2021年诸暨市政府工作报告.txt', '2021年诸暨市政府工作报告\n各位代表:\n一、“十三五”发展成就和2020年主要工作\n预计2020年全市生产总值达到1360亿元,五年年均增长6.6%。\n');
    expect(r.indicators.map((i) => [i.figure, i.nature, i.period.label])).toEqual([['1360亿元', 'actual', '2020年'], ['6.6%', 'actual', '2016-2020年']]);
    const news = await read('外贸.txt', '全省外贸工作现场推进会召开\n2024-02-04\n海关数据显示,2023年浙江省进出口额达到4.9万亿元,比上年增长4.6%;其中出口3.57万亿元,增长3.9%。\n');
    expect(news.indicators.map((i) => i.period.year)).toEqual([2023, 2023]);
  });
});

describe('places the gazetteer lacks', () => {
  it('an entry titled by its place alone is that place’s, its year unknown when nothing says it (甘 霖 鎮)', async () => {
    const r = await read('条目.txt', '甘 霖 鎮\n【概況】位於市區西南部。全年實現地區生產總值40.49億元,增長16.8%;完成全社會固定資產投資9.9億元。\n');
    expect(r.sources[0]).toMatchObject({ region: '甘霖镇', title: '甘霖镇' });
    expect(r.sources[0].year).toBeUndefined();
    expect(r.indicators.map((i) => [i.region, i.period.year])).toEqual([['甘霖镇', undefined], ['甘霖镇', undefined]]);
  });
  it('a town named after its county is a place of its own, with the county around it (萧山区益农镇)', async () => {
    const r = await read('工作报告.txt', '(杭州市)萧山区益农镇2021年政府工作报告\n2020年,全镇实现规上工业总产值121亿元。益农镇财政总收入4.1亿元。\n');
    expect(r.sources[0]).toMatchObject({ region: '益农镇', places: [{ name: '益农镇', within: '萧山区' }] });
    expect(r.indicators.every((i) => i.region === '益农镇')).toBe(true);
  });
  it('a county or town that a document names as its own in its head is a place of its own (在霍山县第十八届人民代表大会…)', async () => {
    const r = await read('政府工作报告.txt', '政府工作报告\n——2023年1月5日在霍山县\n第十八届人民代表大会第二次会议上\n各位代表:\n2022年,全县地区生产总值增长4.5%。\n');
    expect(r.sources[0]).toMatchObject({ region: '霍山县', evidence: { place: 'meeting' }, places: [{ name: '霍山县', level: 'county' }] });
    const town = await read('报告.txt', '2024年湖镇镇政府工作报告\n——在龙游县湖镇镇第十五届人民代表大会第七次会议上\n全镇实现规上工业产值74.23亿元。\n');
    expect(town.sources[0]).toMatchObject({ region: '湖镇镇', places: [{ name: '湖镇镇', within: '龙游县' }] });
  });
  it('the count of a set the subject is one of is the set owner’s (是浙江省获批的4个试点县之一)', async () => {
    const r = await read('柯城区农业农村局工作.txt', '衢州市柯城区农业农村局2024年工作总结\n我区获批全国整县试点,是今年浙江省获批的4个试点县之一。全区新建高标准农田1.2万亩。\n');
    expect(r.indicators.map((i) => [i.figure, i.region])).toEqual([['4个', '浙江省'], ['1.2万亩', '柯城区']]);
  });
  it('an issuer or a title names a place the gazetteer lacks (来源:固镇县统计局, 昌硕街道2022年工作总结)', async () => {
    const r = await read('1-5月份全县经济运行情况.txt', '2021年1-5月份全县经济运行情况\n06-25 15:30   作者:统计局信息员    来源:固镇县统计局\n1-5月,全县规上工业增加值增长18.1%。\n');
    expect(r.sources[0].region).toBe('固镇县');
    const street = await read('工作总结.txt', '昌硕街道2022年工作总结和2023年工作计划\n2022年,街道实现财政总收入9.5亿元。\n');
    expect(street.sources[0].region).toBe('昌硕街道');
  });
  it('a page that names no smaller place is the province’s (7月浙江经济…)', async () => {
    const r = await read('新闻.txt', '7月浙江经济稳进提质\n记者从浙江省统计局了解到,7月份,浙江规模以上工业增加值增长4.1%。浙江数字经济核心产业制造业增加值增长6.1%。\n');
    expect(r.sources[0].region).toBe('浙江省');
  });
  it("takes a web page's year from its stamp line, not its menu (2022-08-17 17:07:24来源:…)", async () => {
    const r = await read('7月经济.txt', '要闻 | 长三角 | 数字浙江 | 看浙里\n新兴动能表现亮眼 7月浙江经济稳进提质\n2022-08-17 17:07:24来源:浙江新闻编辑:张三\n\n7月份,浙江规模以上工业增加值1780亿元。\n\n新兴动能表现亮眼。数字经济核心产业制造业增加值增长6.1%。\n');
    expect(r.sources[0]).toMatchObject({ region: '浙江省', year: 2022, date: '2022-08-17' });
    expect(r.indicators.map((i) => i.period.label)).toEqual(['2022年7月', '2022年7月']);
  });
  it('reads a header written as a table row, and a text that opens on a year is of that year (发布单位 | 新嘉街道 | 发布日期 | 2025-01-22)', async () => {
    const r = await read('工作总结-0122.txt', '索 引 号 | 002550284/2025-00626 | 公开分类 | |\n发布单位 | 新嘉街道 | 发布日期 | 2025-01-22 |\n2024年,新嘉街道办事处坚持实干。\n这一年,全年实现固定资产投资27.76亿元。\n');
    expect(r.sources[0]).toMatchObject({ region: '新嘉街道', date: '2025-01-22', issuer: '新嘉街道' });
    expect(r.indicators[0]).toMatchObject({ region: '新嘉街道', value: 27.76, period: { kind: 'year', year: 2024 } });
  });
  it('is the year before its date for a review written in January (今年以来…全年预计)', async () => {
    const r = await read('梅城镇工作总结.txt', '发布单位: | 梅城镇 | 成文日期: | 2025-01-26 |\n今年以来,梅城镇锚定目标、全力冲刺。全年预计完成规上工业总产值135亿元。\n');
    expect(r.indicators[0].period).toMatchObject({ kind: 'year', year: 2024 });
  });
  it('a page with no title line takes its part of the year from its headline (我区一季度…), not its date or menu', async () => {
    const r = await read('开门红.txt', '无标题文档\n您现在的位置: 黄岩新闻网 > 黄岩经济\n我区一季度经济实现“开门红”\n2017年04月26日 08:59 来源:今日黄岩\n  据介绍,今年一季度,全区实现地区生产总值91.46亿元。\n  此外,全区工业增加值35.95亿元,同比增加9.9%。\n');
    expect(r.indicators.map((i) => [i.region, i.period.label])).toEqual([['黄岩区', '2017年1-3月'], ['黄岩区', '2017年1-3月']]);
  });
  it('a year a template site masked (20*年) is unknown, not the page date; a stamp before the menu line’s 来源 is the date; a footer says whose site it is', async () => {
    const masked = await read('统计报告.txt', '统计局社会经济发展统计报告\n时间:2022-06-23 11:14:00\n20*年,全区人民团结奋斗,海宁国民经济和社会各项事业全面发展。\n经济总量:20*年我区完成国内生产总值(GDP)305.6亿元,同比增长20.1%,可比增长18.2%。\n');
    expect(masked.sources[0].year).toBeUndefined();
    expect(masked.indicators[0]).toMatchObject({ name: '完成国内生产总值', value: 305.6 });
    expect(masked.indicators[0].growth.map((g) => g.text)).toEqual(['同比增长20.1%', '可比增长18.2%']);
    const stamped = await read('杨勇作政府工作报告.txt', '中国宁波网 > 新闻中心 > 区县新闻        2015-01-13 08:41:06   来源:宁海新闻网   作者:\n\n杨勇作《政府工作报告》\n\n各位代表:去年,全县完成地区生产总值406亿元,增长6%。\n');
    expect(stamped.sources[0].date).toBe('2015-01-13');
    const footer = await read('重点工作完成情况.txt', '2024年政府工作报告重点工作完成情况(前三季度)\n信息来源: 市府办\n序号 | 主要工作任务 | 前三季度完成情况 | 责任单位\n1 | 规上工业增加值增长7%。 | 1-8月,全市规上工业增加值同比增长7.9%。 | 经信局\n网站地图 | 联系我们 | 平湖市人民政府办公室主办\n');
    expect(footer.sources[0].region).toBe('平湖市');
  });
  it('a row that leaves out its 序号 goes on the task above, with its department, and takes no number of its own', async () => {
    const r = await read('民生实事进展情况表.txt', '2022年区政府民生实事项目进展情况表(截至9月底)\n序号 | 项目内容 | 进展情况 | 责任单位 |\n2 | 新建成婴幼儿照护服务成长驿站7家。 | 已新建婴幼儿成长驿站13家。 | 卫生健康局 |\n新增婴幼儿照护服务托位500个。 | 已新增婴幼儿照护服务托位600个。 | ||\n3 | 实施农村公路大中修100公里。 | 已完成农村公路大中修50公里。 | 交通运输局 |\n');
    expect(r.tasks.map((t) => [t.number, t.lead])).toEqual([[2, ['卫生健康局']], [null, ['卫生健康局']], [3, ['交通运输局']]]);
  });
  it('a town named as a county is, in a year before that county was, is the town, and its short name is its (龙港镇 of 2013)', async () => {
    const r = await read('首季工业.txt', '首季龙港工业总值逾66亿\n发布时间:2013年05月09日 来源:苍南新闻网\n笔者近日从龙港镇统计部门获悉,一季度龙港工业生产总值累计近66.19亿元,同比增长5.6%。据了解,一季度龙港镇完成工业性投资1.35亿元。\n');
    expect(r.indicators.filter((i) => i.value === 66.19 || i.value === 1.35).map((i) => i.region)).toEqual(['龙港镇', '龙港镇']);
  });
});

describe("a figure's period", () => {
  it('of 今年1—8月 is the months of this year, as one period', async () => {
    const r = await read('萧山.txt', '今年前8个月萧山经济增长稳中有进\n更新时间:2021-09-22 17:39:52\n今年1—8月,全区实现规上工业增加值353.64亿元。\n');
    expect(r.indicators[0].period.label).toBe('2021年1-8月');
  });

  it('is the one its paragraph opened with, for the sentences after it that name none', async () => {
    const r = await read('通报-0909.txt', '嘉兴市规上工业生产情况\n2022年9月9日\n1-7月,全市规上工业增加值增长3.1%。前十大行业中,汽车制造业增长22.2%。\n');
    expect(r.indicators.find((i) => i.value === 22.2 || i.growth.some((g) => g.value === 22.2))!.period).toMatchObject({ kind: 'range', year: 2022, from: 1, to: 7 });
  });
  it('is not the year a state began (从2004年起…区域面积65平方公里)', async () => {
    const r = await read('概况.txt', '平湖经开概况\n从2004年起,平湖经开与钟埭街道合署办公,区域面积65平方公里。2024年,全区GDP达到259.7亿元。\n');
    expect(r.indicators.find((i) => i.value === 65)!.period.label).not.toContain('2004');
  });
  it("of a part titled 今后五年 is the five years ahead, and a year's part that year's", async () => {
    const r = await read(
      '湖州市2017年政府工作报告极简版.txt',
      '2017年4月22日,湖州市第八届人民代表大会第一次会议开幕。\n今后五年的重点目标\n地区生产总值突破3000亿元;\n2017年主要工作\n地区生产总值增长7.5%以上;\n',
    );
    expect(r.indicators.find((i) => i.value === 3000)!.period).toMatchObject({ kind: 'span', fromYear: 2017, toYear: 2021 });
    expect(r.indicators.find((i) => i.value === 7.5)!.period).toMatchObject({ kind: 'year', year: 2017 });
  });
});

describe('a thing named after a place', () => {
  it('lies in that place, and a port only right after a place’s name (无锡(江阴)港, not 王母桥港)', async () => {
    const r = await read('2023年嘉兴市工作总结.txt', '2023年嘉兴市工作总结\n全市实现地区生产总值7062亿元。嘉善国际创新中心(欧洲)海外园区已入驻企业13家。王母桥港综合治理完成投资2亿元。\n');
    expect(r.indicators.map((i) => [i.figure, i.region, i.owner ?? ''])).toEqual([
      ['7062亿元', '嘉兴市', ''],
      ['13家', '嘉善县', '嘉善国际创新中心(欧洲)海外园区'],
      ['2亿元', '嘉兴市', ''],
    ]);
  });
});

describe('round 22: a place’s own budget and tables', () => {
  const first = seedsWith('budget-seeds', {
    '鄞州区2017年预算执行情况.txt': '关于鄞州区2017年预算执行情况的报告\n2017年,鄞州区一般公共预算收入完成1917837万元,达到预算的102.9%。鄞州区一般公共预算支出共计1504361万元,达到预算的94.2%,比上年同期增长4.5%。\n',
    '西湖区2022年民生实事进展通报.txt': '2022年西湖区民生实事项目进展情况通报\n2022年确定了10件民生实事项目,10件实事项目中有9件进度正常。\n老旧小区综合改造提升工程开工15个、竣工24个;完成7个老旧高层住宅小区“二次供水”设施改造。\n',
  });
  it('asks how much of its budget the figure just shown made (完成预算多少 after 支出呢), its own rate and never another’s', async () => {
    await first('鄞州一般公共预算收入', 'yinzhou');
    await first('支出呢', 'yinzhou');
    expect(await first('完成预算多少', 'yinzhou')).toContain('94.2%');
    expect(await first('鄞州一般公共预算收入年度预算')).not.toContain('1917837');
  });
  it('never answers what was done (完成几件) with what was decided (确定民生实事项目10件)', async () => {
    await first('西湖区民生实事', 'decided');
    expect(await first('完成几件', 'decided')).not.toContain('10件');
  });
  it('asks the tasks of the place just asked of (哪些滞后 after 西湖区民生实事): its tables or none, never the home city’s', async () => {
    await first('西湖区民生实事', 'xihu');
    expect(await first('哪些滞后', 'xihu')).toContain('没有西湖区的任务表');
  });
});

describe('round 24: projects of two tiers in one county', () => {
  const first = seedsWith('tier-seeds', {
    '宜兴市2022年半年度重大项目推进情况.txt': '宜兴市2022年半年度重大项目推进情况\n1、列入省级重大项目的共2只,年度计划投资15亿元。\n2、无锡市级重大项目经滚动调整后现为58只,总投资1609.8亿元,年度计划投资235.6亿元。1-6月累计完成投资121.4亿元。\n3、宜兴市级重大项目共203只,总投资2039.8亿元,年度计划投资370.7亿元;1-6月完成投资158.8亿元。\n',
  });
  it('answers the tier asked, never the other’s figure (宜兴市级重大项目完成投资: 158.8亿元, not 无锡市级’s 121.4亿元)', async () => {
    expect(await first('宜兴市级重大项目完成投资')).toContain('158.8');
  });
  it('asks a name the reports give only of things apart (年度计划投资呢) of the last answer’s thing, and the plan alone as its target', async () => {
    await first('宜兴省级重大项目', 'tier');
    expect(await first('年度计划投资呢', 'tier')).toContain('15亿元');
    await first('宜兴市级重大项目完成投资', 'plan');
    expect(await first('年度计划呢', 'plan')).not.toMatch(/15亿元|62\.2|121\.4/);
  });
});

describe('round 24: a level of a budget', () => {
  const first = seedsWith('level-seeds', {
    '2021年慈溪市政府工作报告.txt': '2021年慈溪市政府工作报告\n过去一年,全市一般公共预算收入200.5亿元,与上年基本持平,市级118.6亿元,增长5%。\n',
  });
  it('answers the whole where no level is asked, and the level asked after it (市级呢: 118.6亿元)', async () => {
    expect(await first('慈溪一般公共预算收入', 'level')).toContain('200.5');
    expect(await first('市级呢', 'level')).toContain('118.6');
  });
});
