import { describe, expect, it } from 'vitest';
import { createCore } from '../src/core.js';
import { parseQuery } from '../src/question/parse.js';
import { makeQuery, storedQuery, type Query } from '../src/question/query.js';
import { readMetric, sameMetric } from '../src/question/metric.js';

const core = createCore(undefined, { now: () => new Date('2026-11-23T08:00:00+08:00') });
const k = core.knowledge;
const parse = (text: string) => parseQuery(text, k, new Date('2026-11-23T08:00:00+08:00'));
const first = (q: string) => core.ask(q).text.split('\n')[0];

describe('the structured query', () => {
  it('reads the period asked, of every kind', () => {
    expect(parse('6月全市用电量').period).toMatchObject({ kind: 'month', to: 6 });
    expect(parse('1-6月全市用电量').period).toMatchObject({ kind: 'range', from: 1, to: 6 });
    expect(parse('上半年用电量').period).toMatchObject({ kind: 'range', from: 1, to: 6 });
    expect(parse('二季度工业用电量').period).toMatchObject({ kind: 'range', from: 4, to: 6 });
    expect(parse('6月末贷款余额').period).toMatchObject({ kind: 'asof', to: 6 });
    expect(parse('19年GDP').period).toMatchObject({ kind: 'year', year: 2019 });
    expect(parse('“十三五”期间GDP年均增长').period).toMatchObject({ kind: 'span', fromYear: 2016, toYear: 2020 });
    // (期间 goes with the span: no word of the metric.)
    expect(parse('岱山十二五期间GDP年均增长').metric.replace(/\s+/g, '')).toBe('岱山gdp');
    expect(parse('2019年1月至11月研发费用增长').period).toMatchObject({ kind: 'range', year: 2019, from: 1, to: 11 });
    // A short name that is a common word too (金山银山) is read as the place at a question's start.
    expect(parse('金山工业总产值').places.map((p) => p.region)).toEqual(['金山区']);
    // A year written apart from the months is theirs.
    expect(parse('上半年社零增速2020年').period).toMatchObject({ kind: 'range', year: 2020, from: 1, to: 6 });
    // 几个亿 asks money; a space between a number and the months after it keeps them apart.
    expect(parse('6月份一般预算收入几个亿').unit).toBe('元');
    expect(parse('6月份当月工业用电量几个亿千瓦时').unit).toBe('亿千瓦时');
    expect(first('上半年实际利用外资多少亿美圆')).toContain('23.18亿美元');
    expect(parse('市区pm2.5 1-6月均值').period).toMatchObject({ kind: 'range', from: 1, to: 6 });
    // (乐清市级名师工作室: 市 goes with 级; the place is 乐清.)
    expect(parse('乐清市级名师工作室几个').places.map((p) => p.text)).toEqual(['乐清']);
    // Places after 与 are partners, words of the metric: not whose the figure is.
    expect(parse('嘉兴与青浦吴江建立了多少项合作机制').places.map((p) => p.region)).toEqual(['嘉兴市']);
    expect(parse('嘉兴和湖州GDP').places.map((p) => p.region)).toEqual(['嘉兴市', '湖州市']);
    // 1-9月…9月当月: the month said to be on its own, in the year named.
    expect(parse('2023年1-9月规上工业增加值9月当月增长多少').period).toMatchObject({ kind: 'month', year: 2023, to: 9 });
  });
  it('resolves 今年 and 去年 against today', () => {
    expect(parse('今年GDP目标').period).toMatchObject({ kind: 'year', year: 2026 });
    expect(parse('去年GDP').period).toMatchObject({ kind: 'year', year: 2025 });
    expect(parse('今年GDP目标').relative).toBe('this-year');
    // 五年前 is one year counted back; 五年 alone, the years past.
    expect(parse('五年前财政总收入').period).toMatchObject({ kind: 'year', year: 2021 });
    expect(parse('五年来财政总收入').period).toMatchObject({ kind: 'span' });
  });
  it('reads basis, target or result, and the unit asked', () => {
    expect(parse('6月税收环比增长多少')).toMatchObject({ intent: 'growth', basis: '环比' });
    // 比2022年增长多少: the change over the year before, of the year after the one named.
    expect(parse('比2022年增长多少')).toMatchObject({ intent: 'growth', basis: '比上年', period: { kind: 'year', year: 2023 } });
    expect(parse('2021年GDP比2019年增长多少').basis).toBe('比2019年');
    // 两年平均 alone is the two-year average growth; 比前两年平均 a comparison with it.
    expect(parse('两年平均呢').basis).toBe('两年平均');
    expect(parse('死亡人数比前两年平均降了多少').basis).toBe('前两年平均');
    expect(parse('2020年GDP预期增长目标')).toMatchObject({ nature: 'target' });
    expect(parse('2020年工业投资实际增长了多少')).toMatchObject({ nature: 'actual', intent: 'growth' });
    expect(parse('新增绿色工厂多少家').unit).toBe('家');
    // 哪个县…最快 asks every county's figure, in order.
    expect(parse('哪个县规上工业增加值增速最快')).toMatchObject({ eachPlace: true, placeRank: 'high', intent: 'growth' });
    expect(parse('GDP最低的区')).toMatchObject({ eachPlace: true, placeRank: 'low', intent: 'value' });
    // Dollars are asked apart from yuan: 人均GDP多少美元 is not the figure in 元.
    expect(parse('人均GDP多少美元').unit).toBe('美元');
    expect(parse('实际利用外资多少亿').unit).toBe('元');
    // 计划 inside a metric's own name (年度计划完成率) is no target.
    expect(parse('市级投资项目年度计划完成率').nature).toBeUndefined();
  });
  it('reads tasks, measures and their filters', () => {
    expect(parse('第十二项任务谁牵头')).toMatchObject({ intent: 'task', task: { number: 12, aspect: 'who' } });
    expect(parse('嘉善意见第（15）条是啥').scope?.kind).toBe('plan');
    expect(parse('部分滞后的任务有几项')).toMatchObject({ intent: 'count', task: { statuses: ['部分滞后'] } });
    expect(parse('市商务局牵头几项任务')).toMatchObject({ intent: 'count', task: { department: '市商务局', role: 'lead' } });
    expect(parse('哪个部门牵头最多').intent).toBe('rank');
  });
  it('reads typos of the words the reports use', () => {
    expect(parse('6月用点量').metric).toContain('用电量');
    expect(parse('第65项谁千头').task?.aspect).toBe('who');
    expect(parse('桐乡2017年技改投人多少').metric).toContain('技改投入');
    // A word that is written right is left alone.
    expect(parse('市容秩序乱象问题解决率').corrections).toBeUndefined();
  });
  it('reads questions about documents, computations and several figures', () => {
    expect(parse('信息交流第5期是哪天发的')).toMatchObject({ intent: 'document', ask: 'date', scope: { number: '第5期' } });
    expect(parse('有哪些报告').intent).toBe('sources');
    expect(parse('6月税收占上半年税收的比重多少')).toMatchObject({ intent: 'compute', compute: 'share' });
    expect(parse('6月财政收入和税收分别是多少').parts?.map((p) => p.metric)).toEqual(['财政收入', '税收']);
  });
  it('has every field in one order, whatever the question pins down (one shape for the compiled code)', () => {
    const keys = (q: Query) => Object.keys(q).join(',');
    const all = keys(makeQuery({ text: '', intent: 'value', metric: '', qualifiers: [], places: [] }));
    const asked = ['你好', '有哪些报告', '6月全市用电量是多少？', '第10项任务进展状态', '6月财政收入和税收分别是多少', '比5月多多少'].map(parse);
    for (const q of [...asked, ...asked.flatMap((q) => q.parts ?? [])]) expect(keys(q)).toBe(all);
    // Read back from a conversation's context, a query and its parts have it too.
    const stored = storedQuery(JSON.parse(JSON.stringify(asked[4])) as Query);
    expect([stored, ...stored.parts!].map(keys)).toEqual([all, all, all]);
  });
});

describe('the fifth blind round', () => {
  it('reads 投了多少 as 投资, 截止6月 as a date (no typo of 越城), 几万 as a size only, 多少人口 as no unit of 人, and a number typed without its brackets', () => {
    expect(first('枢纽嘉兴150个攻坚项目一年投了多少')).toContain('320亿元');
    expect(first('截止6月城镇新增就业')).toContain('9.27万人');
    expect(first('上半年新引进大学生几万')).toContain('6.1万人');
    expect(parse('缪家村有多少人口').unit).toBeUndefined();
    expect(parse('嘉委发2017 12号哪天发的').scope?.number).toBe('嘉委发〔2017〕12号');
  });
  it('gives a place’s one figure so named for the words asked (缪家村人口: 户籍人口), never one of two (嘉兴人口)', () => {
    expect(first('缪家村有多少人口')).toContain('3393人');
    expect(core.ask('嘉兴有多少人口').kind).toBe('none');
  });
  it('never gives those an act took as how many there are (组织9家国际产业合作园参加…), nor another place’s task to a question of no place', () => {
    expect(first('全市有多少个国际合作产业园')).not.toMatch(/^(9家|4家)/);
    expect(first('全市有多少个国际合作产业园')).toContain('12');
  });
});

describe('the sixth blind round', () => {
  it('gives money for a metric whose head measures money (发放信用贷款多少: not 3168家), and the count for 多少家', () => {
    expect(first('金融信用信息共享平台发放信用贷款多少')).toContain('123.98亿元');
    expect(first('金融信用信息共享平台为多少家小微企业发放了信用贷款')).toContain('3168家');
  });
  it('leads a rank asked with the clause that ranks (排名74名), and a task’s progress with the part asked on the first line', () => {
    expect(first('综保区全国排第几')).toContain('排名74名');
    expect(first('综保区全国排第几')).not.toContain('57.8亿');
    expect(first('运动家社区上半年进度')).toContain('48.6%');
  });
});

describe('the seventh blind round', () => {
  it('asks the unit asked of a task (接待考察多少人次: 1012人次, not 81批), and one total of what is joined (…合计多少个: never one part)', () => {
    expect(core.ask('第90项任务接待考察多少人次').text).not.toMatch(/^81批/);
    expect(first('12个高能级产业园引进头部企业和大项目合计多少个')).not.toContain('6个');
  });
});

describe('strict matching', () => {
  it('never gives another metric that contains the words asked', () => {
    for (const q of ['2021年GDP', '1-6月全市一般公共预算支出', '6月末人民币贷款余额', '嘉兴人口']) {
      expect(core.ask(q).kind, q).toBe('none');
    }
    // 规上工业总产值 and 工业总产值 are two metrics of one sentence.
    expect(first('濮院2017年工业总产值')).toContain('253.6亿元');
    expect(first('濮院2017年规上工业总产值')).toContain('56.1亿元');
  });
  it('never gives another period kind or basis, and says which part is missing', () => {
    const quarter = core.ask('二季度工业用电量多少');
    expect(quarter.kind).toBe('none');
    expect(quarter.text).not.toMatch(/\d+\.\d+亿千瓦时/);
    const basis = core.ask('6月税收环比增长多少');
    expect(basis.kind).toBe('none');
    expect(basis.text).toContain('只有同比');
    expect(core.ask('2020年工业投资实际增长了多少').kind).toBe('none');
  });
  it('leads with the figure the question asks of a sentence that holds several', () => {
    expect(first('无废城市建设指标完成了多少项')).toContain('45项');
    expect(first('3个省重点建设项目拿到多少亩土地指标')).toContain('625亩');
    expect(core.ask('上半年整治低散乱污企业多少家').text).toContain('2616');
  });
  it('says when the reports hold only an older period than the one asked', () => {
    expect(first('今年GDP目标是多少')).toMatch(/^报告中最新为2020年：/);
  });
  it('says "only the target" for a period whose result the reports lack, of a metric they give results of', () => {
    expect(first('2020年GDP是多少')).toBe('报告中只有这项指标的目标（2020年生产总值：增长7%左右），没有实际完成数（“2020年GDP是多少”）。');
    // A plan item the reports only ever aim at is its target; so is 要 after a period.
    expect(first('2020年中心城市新增智能停车位多少')).toContain('1万个');
    expect(parse('2020年要引进超百亿元项目多少个')).toMatchObject({ nature: 'target', metric: '引进超百亿元项目' });
  });
  it('reads a one-character verb done before 了多少 as a result asked (建了, 引了, 发了)', () => {
    // (引了 asks what was 引进: 新引进高层次人才2873名, not the 2500余名 青年人才 a meeting drew.)
    expect(parse('国家级高端人才引了多少')).toMatchObject({ nature: 'actual', metric: '国家级高端人才 引进' });
    expect(first('高层次人才上半年引了几名')).toContain('2873名');
    expect(first('高标准农田建了多少')).toContain('3.12万亩');
    expect(first('小微成长礼包发了多少份')).toContain('70519份');
  });
  it('asks each of a list the measure named after its last (小麦、水稻、蔬菜播种面积), never a figure in another dimension', () => {
    expect(parse('1-6月小麦、水稻、蔬菜播种面积各多少').parts?.map((p) => p.metric)).toEqual(['小麦播种面积', '水稻播种面积', '蔬菜播种面积']);
    expect(first('1-6月小麦播种面积')).toContain('80余万亩');
  });
  it('asks a figure of the one task a question points at by what it is about (三员机制那项…)', () => {
    expect(first('三员机制那项上半年走访了多少个私企业')).toContain('20万户');
    expect(first('智慧办税服务厅建了几个')).toContain('6个');
  });
  it('never gives another sentence’s figure for a thing the question names (中新嘉善现代产业园引进多少项目 is not 与苏州共建…引进7个项目)', () => {
    expect(core.ask('中新嘉善现代产业园引进多少项目').text).not.toMatch(/^7个\n引进项目/);
  });
  it('reads 同比提高多少 as a change asked, 哪六个单位牵头 as who leads, and a name with a number in it (PM2.5) as no level set', () => {
    expect(first('出口份额同比提高多少')).toMatch(/^同比增长0.84个千分点/);
    expect(first('沪嘉同城化是哪六个单位牵头')).toContain('长三角发展办、南湖区政府、平湖市政府、海盐县政府、海宁市政府、桐乡市政府');
  });
  it('reads a place written after the one it lies in as that place (嘉兴市南湖区, 桐乡崇福镇)', () => {
    expect(parse('嘉兴市南湖区GDP').places.map((p) => p.region)).toEqual(['南湖区']);
    expect(parse('桐乡崇福镇行政处罚事项')).toMatchObject({ places: [{ region: '崇福镇' }], metric: '崇福镇行政处罚事项' });
  });
  it('counts tasks over one document, lead apart from taking part', () => {
    expect(core.ask('市商务局牵头几项任务').text).toMatch(/共13项（列牵头部门第一位）；连同联合牵头（列第二位及以后）共14项/);
    expect(core.ask('滞后的任务总共有几个').text).toContain('共4项');
  });
  it('answers statements from the prose, with their neighbours', () => {
    expect(core.ask('缪家村一院四园都有啥').text).toContain('碧云花园');
    expect(core.ask('高铁新城站城一体活力区参照啥模式建').text).toContain('樟宜');
  });
  it('answers a figure of every county, each on its line, and counts those without', () => {
    const a = core.ask('各县市2017年地区生产总值');
    expect(a.text).toContain('桐乡市 · 2017年：802.6亿元');
    expect(a.text).toMatch(/南湖区.*报告中没有/);
  });
  it('computes only from stated figures of one unit, and shows both', () => {
    const share = core.ask('6月税收占上半年税收的比重多少');
    expect(share.text).toMatch(/^计算：占16\.58%/);
    expect(share.text).toContain('120.96亿元');
    expect(share.text).toContain('729.75亿元');
  });
});

describe('qualifiers a record implies', () => {
  const same = (asked: string, name: string, subject = '') => sameMetric(asked, readMetric(asked, k.lex), name, subject, `${name}|${subject}`, name, '亿元', k.lex);
  it('reads 规模以上企业…增加值 as 规上工业增加值, and 低收入农户人均可支配收入 as the 收入 of 低收入农户', () => {
    expect(same('规上工业增加值', '增加值', '规模以上企业')).toBe(true);
    expect(same('低收入农户收入', '低收入农户人均可支配收入')).toBe(true);
    expect(same('r&d经费支出', '全社会r&d经费支出')).toBe(true);
  });
  it('never reads a part named for the whole (规上服务业 is no 规上工业; 城镇居民 no 居民)', () => {
    expect(same('规上工业增加值', '增加值', '规模以上服务业企业')).toBe(false);
    expect(same('居民收入', '城镇居民人均可支配收入')).toBe(false);
    // (登记失业 implies no 城镇 of another count: 城镇调查失业率 is no 城镇登记失业率.)
    expect(same('城镇登记失业率', '城镇调查失业率控制在低于')).toBe(false);
  });
});

describe('places and parts asked (round 17)', () => {
  it('reads a province or a municipality named alone as whose figure is asked, and 全省 after 比 as what is compared with', () => {
    expect(parse('上海呢').places.map((p) => p.region)).toEqual(['上海市']);
    expect(parse('浙江呢').places.map((p) => p.region)).toEqual(['浙江省']);
    expect(parse('比全省高多少').places).toEqual([]);
    // (11月份 is 11月: no 份 left over for the metric.)
    expect(parse('宁波市2018年11月份规上工业增加值').metric.replace(/\s+/g, '')).toBe('宁波市规上工业增加值');
  });
  it('lets a table’s part named carry the whole’s qualifiers, and no other subject', () => {
    const part = (asked: string, name: string, subject: string, partOfWhole: boolean) =>
      sameMetric(asked, readMetric(asked, k.lex), name, subject, `${name}|${subject}`, name, '亿元', k.lex, true, name, name, false, partOfWhole);
    expect(part('高新技术产业增加值', '规上工业增加值', '高新技术产业', true)).toBe(true);
    expect(part('高新技术产业增加值', '规上工业增加值', '高新技术产业', false)).toBe(false);
  });
});

describe('round 21: how officials type', () => {
  it('reads a year written without 年 before a part of it (2020全年, 2021上半年) and one spelled 一七年', () => {
    expect(parse('2020全年城镇新增就业完成多少').period).toMatchObject({ kind: 'year', year: 2020 });
    expect(parse('2021上半年全社会用电量').period).toMatchObject({ kind: 'range', year: 2021, from: 1, to: 6 });
    expect(parse('濮院镇一七年外资到位多少').period).toMatchObject({ kind: 'year', year: 2017 });
  });
  it('asks 环比 of a month over the month before (6月比5月涨了多少), and no basis the reports name over another month', () => {
    expect(parse('全社会用电量6月比5月涨了多少').basis).toBe('环比');
    expect(parse('全社会用电量6月比4月涨了多少').basis).toBe('比4月');
  });
  it('counts tasks, not a plan’s measures, when 任务 is said beside the counter 条 (卫健委牵头的任务一共几条)', () => {
    expect(parse('卫健委牵头的任务一共几条').scope?.kind).not.toBe('plan');
    expect(parse('嘉善实施意见一共有多少条措施').scope?.kind).toBe('plan');
  });
  it('asks what was reached of a mark asked about (占比到39%没有, 发热门诊30家改完了吗), not the mark', () => {
    expect(parse('装备制造增加值占比到39%没有')).toMatchObject({ nature: 'actual', intent: 'value' });
    expect(parse('发热门诊30家改完了吗').metric).not.toContain('30');
  });
  it('reads the words officials say for the reports’ (城里人 城镇居民, 乡下的 农村, 做到多少 多少) and an aim stated before the question (今年目标6万亩 建了多少)', () => {
    expect(parse('桐乡城里人17年人均可支配收入').metric).toContain('城镇居民');
    expect(parse('新增贷款做到多少了').metric).not.toContain('做到');
    expect(parse('高标准农田今年目标6万亩 建了多少')).toMatchObject({ nature: 'actual' });
    expect(parse('高标准农田今年目标6万亩 建了多少').metric).not.toMatch(/6|亩/);
  });
  it('asks each figure a combined word names (存贷款余额), and a figure of 给个数', () => {
    expect(parse('嘉兴存贷款余额').parts?.map((p) => p.metric)).toEqual(['嘉兴存款余额', '嘉兴贷款余额']);
    expect(parse('这项完成得咋样 给个数').intent).toBe('value');
  });
});

describe('round 23: places and years a question gives', () => {
  it('reads 县区 after a city as its counties and districts (南昌县区财政总收入), not a county', () => {
    expect(parseQuery('南昌县区财政总收入增长', k).places.map((p) => p.region)).toEqual(['南昌市']);
  });
  it('reads the year of a report apart from the year asked (2020年报告里说19年…, 2020年报告说去年…)', () => {
    expect(parseQuery('2020年报告里说19年给企业减负多少', k).period?.year).toBe(2019);
    expect(parseQuery('2020年报告说去年服务业增加值增长多少', k).period?.year).toBe(2019);
    expect(parseQuery('2020年政府工作报告GDP目标', k).period?.year).toBe(2020);
  });
});
