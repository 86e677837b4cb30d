/** Figures in sentences: names, periods, spans and growth, one sentence at a time. */
import { describe, expect, it } from 'vitest';
import { extractFigures, type Context } from '../src/extract/figures.js';
import { readProse } from '../src/extract/prose.js';
import { span } from '../src/text/period.js';
import { lexicon } from '../src/knowledge/lexicon.js';

const lex = lexicon();
const year = (y: number) => ({ kind: 'year' as const, year: y, label: `${y}年` });
const results: Context = { region: '嘉兴市', year: 2021, period: year(2021), nature: 'actual', section: '', targets: year(2022), now: 2022 };
const fiveYears: Context = { ...results, period: span('过去五年', 2021, 2022)!, year: 2021 };
const read = (sentence: string, ctx: Context = results) =>
  extractFigures(sentence, ctx, lex).map((d) => [d.name, d.period.label, d.nature, d.figure, ...d.growth.map((g) => `${g.basis}${g.value}`)]);

describe('names', () => {
  it('are never clutter: a verb, a table cell, a row number', () => {
    expect(read('|市商务局|5|研发投入强度提高到3.8%')).toEqual([['研发投入强度', '2021年', 'actual', '3.8%']]);
    expect(read('1实现生产总值6355亿元')).toEqual([['生产总值', '2021年', 'actual', '6355亿元']]);
    expect(read('规上工业实现增加值965.31亿元')).toEqual([['规上工业增加值', '2021年', 'actual', '965.31亿元']]);
    expect(read('农村居民收入连续18年保持全省首位')).toEqual([]);
  });
  it('of a share named by its head alone are the metric’s before it (制造业投资增长15.4%,占比由22.7%提升至25.8%)', () => {
    expect(read('制造业投资增长15.4%,占比由22.7%提升至25.8%').map((r) => r[0])).toEqual(['制造业投资', '制造业投资占比', '制造业投资占比']);
  });
  it('of a head alone measure what the figure before named (谷物播种面积60165亩,产量29250吨; 总产 for 总产量)', () => {
    expect(read('其中谷物播种面积60165亩,产量29250吨').map((r) => r[0])).toEqual(['谷物播种面积', '谷物产量']);
    expect(read('全年粮食播种面积45.0万亩,增长5.7%;总产21.47万吨,增长3.4%').map((r) => r[0])).toEqual(['粮食播种面积', '粮食总产量']);
  });
  it('are the metric’s before a level passed in words (地区生产总值突破千亿大关,由…增加到1037.1亿元)', () => {
    expect(read('地区生产总值突破千亿大关,由2015年的717.4亿元增加到2020年的1037.1亿元;财政总收入突破百亿大关,达到127.6亿元').map((r) => [r[0], r[3]])).toEqual([
      ['地区生产总值', '717.4亿元'],
      ['地区生产总值', '1037.1亿元'],
      ['财政总收入', '127.6亿元'],
    ]);
  });
  it('keep the growth when its basis is said twice (按可比价计算比上年增长2.6%)', () => {
    expect(read('全县实现生产总值332.63亿元,按可比价计算比上年增长2.6%')).toEqual([['生产总值', '2021年', 'actual', '332.63亿元', '比上年2.6']]);
  });
  it('take the subject of the clause when the figure follows a bare verb', () => {
    expect(read('上市公司总数实现翻番、达到19家')).toEqual([['上市公司总数', '2021年', 'actual', '19家']]);
  });
});

describe('spans', () => {
  it('从A增加到B: the start before the span, the end at its last year; 年均 is the span’s', () => {
    expect(read('地区生产总值从3979亿元跃升到6355亿元,年均增长7%', fiveYears)).toEqual([
      ['地区生产总值', '2016年', 'actual', '3979亿元'],
      ['地区生产总值', '2021年', 'actual', '6355亿元'],
      ['地区生产总值', '过去五年（2017-2021年）', 'actual', '7%', '年均7'],
    ]);
  });
  it('从A到B in a year’s results: the year before, and the year', () => {
    expect(read('人口城镇化率由71.3%提高到71.9%')).toEqual([
      ['人口城镇化率', '2020年', 'actual', '71.3%'],
      ['人口城镇化率', '2021年', 'actual', '71.9%'],
    ]);
  });
  it('a figure that states its own year keeps it; what was counted over the years stays the span’s', () => {
    expect(read('2019年,全市实现地区生产总值5370亿元', fiveYears)).toEqual([['地区生产总值', '2019年', 'actual', '5370亿元']]);
    expect(read('累计完成固定资产投资2543亿元', fiveYears)).toEqual([['完成固定资产投资', '过去五年（2017-2021年）', 'actual', '2543亿元']]);
  });
});

describe('targets and comparisons', () => {
  it('a target whose sentence names only 全年 is the target year’s', () => {
    expect(read('确保全年实到外资3亿美元')).toEqual([['实到外资', '2022年', 'target', '3亿美元']]);
  });
  it('a target before a colon governs the list after it', () => {
    expect(read('主要预期目标是:地区生产总值增长6%左右;固定资产投资增长8%以上')).toEqual([
      ['地区生产总值', '2022年', 'target', '6%左右', '增长6'],
      ['固定资产投资', '2022年', 'target', '8%以上', '增长8'],
    ]);
  });
  it('the base of a comparison is no period; a gap to the province is no figure', () => {
    expect(read('人口城镇化率升至71.9%,较上年提升0.6个百分点')).toEqual([['人口城镇化率', '2021年', 'actual', '71.9%', '较上年0.6']]);
    expect(read('增加值增长25.0%,增速比全省高出1.8个百分点')).toEqual([['增加值', '2021年', 'actual', '25.0%', '增长25']]);
  });
  it('places before 分别 get one figure each, and the growths after them', () => {
    expect(
      extractFigures('海宁市GDP为1196.3亿元;桐乡市和嘉善县分列第二、第三,分别为1141.69亿元和789.26亿元,增速分别为8.5%和10.3%', results, lex).map((d) => [d.region, d.name, d.figure, d.growth[0]?.value]),
    ).toEqual([
      ['海宁市', 'GDP', '1196.3亿元', undefined],
      ['桐乡市', 'GDP', '1141.69亿元', 8.5],
      ['嘉善县', 'GDP', '789.26亿元', 10.3],
    ]);
  });
  it('places before a clause that names the metric, and a round level neared or passed before the figures themselves', () => {
    const figures = (s: string) => extractFigures(s, results, lex).map((d) => [d.region, d.name, d.figure]);
    expect(figures('宁波和温州排第二、第三,GDP总量分别为2351.4亿元和1187.1亿元')).toEqual([
      ['宁波市', 'GDP总量', '2351.4亿元'],
      ['温州市', 'GDP总量', '1187.1亿元'],
    ]);
    expect(figures('杭州居第一,GDP总量逼近3000亿元,达到2923.2亿元')).toEqual([['杭州市', 'GDP总量', '2923.2亿元']]);
    expect(figures('宁海的经济体量已逐步与象山拉开距离,两县前三季度GDP总量分别为512.3亿元和380.2亿元')).toEqual([
      ['宁海县', 'GDP总量', '512.3亿元'],
      ['象山县', 'GDP总量', '380.2亿元'],
    ]);
    expect(figures('在余姚,今年1-9月产值累计增长的企业有569家;利润累计增长的企业有659家').map((f) => f[0])).toEqual(['余姚市', '余姚市']);
    expect(figures('已有39项提前完成年度任务,尚有7项未完成年度任务').map((f) => f[1])).toEqual(['提前完成年度任务', '未完成年度任务']);
    expect(figures('其中湖州和丽水GDP增速超过8%,分别为8.3%、8.2%')).toEqual([
      ['湖州市', 'GDP增速', '8.3%'],
      ['丽水市', 'GDP增速', '8.2%'],
    ]);
  });
});

describe('places listed before 分别', () => {
  it('each get their figure, named by the metric after them', () => {
    expect(
      extractFigures('1-6月,南湖区、秀洲区规上工业增加值分别增长8.1%和10.2%', { ...results, period: year(2023), year: 2023 }, lex).map((d) => [d.region, d.name, d.period.label, d.figure, d.isChange]),
    ).toEqual([
      ['南湖区', '规上工业增加值', '2023年1-6月', '8.1%', true],
      ['秀洲区', '规上工业增加值', '2023年1-6月', '10.2%', true],
    ]);
  });
});

describe('shares of a target, and what marks a target', () => {
  const named = (sentence: string, ctx: Context = results) => extractFigures(sentence, ctx, lex).map((d) => [d.name, d.nature, d.figure, d.subject]);
  it('占…目标…的32% is the progress made towards the target: a result, of the figure before; the target itself is named without 占', () => {
    expect(named('累计完成投资320亿元，占三年目标投资1000亿的32%，推动项目开工41个，占项目总计划开工数95个的43.2%')).toEqual([
      ['完成投资', 'actual', '320亿元', ''],
      ['三年目标投资', 'target', '1000亿', ''],
      ['占三年目标投资', 'actual', '32%', '完成投资'],
      ['推动项目开工', 'actual', '41个', ''],
      ['项目总计划开工数', 'actual', '95个', ''],
      ['占项目总计划开工数', 'actual', '43.2%', '推动项目开工'],
    ]);
    expect(named('到资总额3.05亿美元,占合同外资总量的30%')).toEqual([
      ['到资总额', 'actual', '3.05亿美元', ''],
      ['占合同外资总量', 'actual', '30%', '到资总额'],
    ]);
  });
  it('完成年度目标任务的99.3% is a result even among targets; a target verb over it makes it a target', () => {
    const tasks: Context = { ...results, nature: 'target' };
    expect(named('发放公租房租赁补贴5462户,完成年度目标任务的99.3%', tasks).map((d) => d[1])).toEqual(['target', 'actual']);
    expect(named('力争新增贷款1500亿元，完成年度目标的100%').map((d) => d[1])).toEqual(['target', 'target']);
  });
  it('累计 is no result among targets, nor before a deadline still ahead; 已 and a deadline past are', () => {
    const tasks: Context = { ...results, nature: 'target' };
    expect(named('工业企业上云累计突破3万家', tasks)).toEqual([['工业企业上云', 'target', '突破3万家', '']]);
    expect(named('工业企业上云已累计突破3万家', tasks)).toEqual([['工业企业上云', 'actual', '突破3万家', '']]);
    const plan2017: Context = { ...results, year: 2017, period: year(2017), targets: year(2017), now: 2017 };
    expect(read('指导嘉善到2020年累计完成城市棚户区和农村危旧房改造面积43万平方米', plan2017)).toEqual([['完成城市棚户区和农村危旧房改造面积', '2020年', 'target', '43万平方米']]);
    expect(read('到2020年底累计建成5G基站1万个')).toEqual([['建成5G基站', '2020年底', 'actual', '1万个']]);
  });
});

describe('examples before a count (X等16个项目)', () => {
  const tongxiang: Context = { ...results, region: '桐乡市', year: 2017, period: year(2017), targets: year(2018), now: 2018 };
  const placed = (sentence: string) => extractFigures(sentence, tongxiang, lex).map((d) => [d.name, d.region, d.figure]);
  it('name the count by its noun; a place opening the one example is no place of the figures after it', () => {
    expect(placed('濮院时尚中心等16个项目入围省服务业重大项目,全年预计实现服务业增加值367亿元、增长7.3%')).toEqual([
      ['项目入围省服务业重大项目', '桐乡市', '16个'],
      ['服务业增加值', '桐乡市', '367亿元'],
    ]);
    expect(placed('实施学校建设项目15个,崇福镇中心幼儿园等4所学校建成投入使用')).toEqual([
      ['实施学校建设项目', '桐乡市', '15个'],
      ['学校', '桐乡市', '4所'],
    ]);
  });
  it('a place before several examples is theirs, and a place that opens the clause still is', () => {
    expect(placed('盐官古城游客服务中心、民宿街、员工中心等16个子项目已结顶')).toEqual([['子项目已结顶', '盐官镇', '16个']]);
    expect(placed('濮院镇实现服务业增加值36亿元')).toEqual([['服务业增加值', '濮院镇', '36亿元']]);
  });
});

describe('parentheticals', () => {
  const june: Context = { ...results, targets: undefined };
  const figs = (sentence: string) => extractFigures(sentence, june, lex).map((d) => [d.name, d.period.label, d.nature, d.figure]);
  it('one that is a clause of its own gives its figure, where it stands; a target set is a target', () => {
    expect(figs('截至6月底,全市住房保障受益覆盖率达22.15%(省厅已将住房保障受益覆盖率目标调整为22%)')).toEqual([
      ['住房保障受益覆盖率', '截至2021年6月底', 'actual', '22.15%'],
      ['住房保障受益覆盖率', '截至2021年6月底', 'target', '22%'],
    ]);
    expect(figs('固定资产投资增长10%（其中工业投资增长12.5%）').map((f) => f[0])).toEqual(['固定资产投资', '工业投资']);
    expect(figs('项目推进顺利(截至6月底累计完成投资45亿元),进度良好')).toEqual([['完成投资', '截至2021年6月底', 'actual', '45亿元']]);
  });
  it('short asides, units and notes give none', () => {
    expect(figs('项目已完成一期地块(198亩)供地相关手续,总投资约10亿元').map((f) => f[3])).toEqual(['10亿元']);
    expect(figs('截至6月底,完成54个(年度计划82个)').map((f) => f[3])).toEqual(['54个']);
    expect(figs('人均生产总值11.6万元(依年平均汇率折合18030美元)').map((f) => f[3])).toEqual(['11.6万元']);
    expect(figs('一般公共预算收入674.8亿元(注:按同口径计算增长12.7%)').map((f) => f[3])).toEqual(['674.8亿元']);
  });
});

describe('units', () => {
  it('per mille and 千分点: a share and its change', () => {
    const [share] = extractFigures('出口总值占全国出口份额12.97‰,同比增长0.84个千分点', results, lex);
    expect([share.name, share.value, share.unit, share.growth.map((g) => [g.basis, g.value, g.unit])]).toEqual(['出口总值占全国出口份额', 12.97, '‰', [['同比', 0.84, '个千分点']]]);
    expect(read('全年出生人口3.51万人，出生率6.3‰')).toEqual([
      ['出生人口', '2021年', 'actual', '3.51万人'],
      ['出生率', '2021年', 'actual', '6.3‰'],
    ]);
    // The rate of a sample is no figure of the place.
    expect(read('依据2021年5‰人口变动抽样调查推算,年末全市常住人口总量为551.60万人').map((f) => f[3])).toEqual(['551.60万人']);
  });
});

describe('names listed before 分别', () => {
  const names = (sentence: string) => extractFigures(sentence, results, lex).map((d) => [d.name, d.figure]);
  it('share the last name’s tail: a short parallel name takes what follows the parallel start', () => {
    expect(names('医废、危废年处置能力分别达到1万吨和115万吨')).toEqual([
      ['医废年处置能力', '1万吨'],
      ['危废年处置能力', '115万吨'],
    ]);
    expect(names('进出口、出口总额分别为100亿元和60亿元')).toEqual([
      ['进出口总额', '100亿元'],
      ['出口总额', '60亿元'],
    ]);
    expect(names('房屋征收项目一期、二期签约率分别达98.9%、96.39%')).toEqual([
      ['房屋征收项目一期签约率', '98.9%'],
      ['房屋征收项目二期签约率', '96.39%'],
    ]);
  });
  it('leave names that are whole, or not parallel, as they are', () => {
    expect(names('新增城镇就业、就业困难人员再就业人数分别为15万人和2万人').map((n) => n[0])).toEqual(['新增城镇就业', '就业困难人员再就业人数']);
    expect(names('新开工、竣工亿元以上产业项目分别突破360个和300个').map((n) => n[0])).toEqual(['新开工亿元以上产业项目', '竣工亿元以上产业项目']);
    expect(names('战略性新兴产业、装备制造、高新技术产业增加值占比分别达到41.5%、32.3%和58%').map((n) => n[0])).toEqual([
      '战略性新兴产业增加值占比',
      '装备制造增加值占比',
      '高新技术产业增加值占比',
    ]);
  });
  it('more names than values: the names without the tail go with the next that has it', () => {
    expect(names('其中交通投资、社会事业投资、生态环保、城市更新和水利设施投资分别增长28.3%、12.9%、29.9%')).toEqual([
      ['交通投资', '28.3%'],
      ['社会事业投资', '12.9%'],
      ['生态环保、城市更新、水利设施投资', '29.9%'],
    ]);
  });
});

describe('growth after a list of figures', () => {
  const growths = (sentence: string) => extractFigures(sentence, results, lex).map((d) => [d.name, d.figure, ...d.growth.map((g) => `${g.basis}${g.value}`)]);
  it('分别 after a written basis: each figure before gets its rate, with that basis and its sign', () => {
    expect(growths('1-6月,全市累计发生各类生产安全事故46起、死亡35人,与前两年平均相比分别下降32.8%和24.7%')).toEqual([
      ['发生各类生产安全事故', '46起', '与前两年平均相比-32.8'],
      ['死亡', '35人', '与前两年平均相比-24.7'],
    ]);
    expect(growths('财政总收入1122.77亿元、一般公共预算收入674.80亿元,比上年分别增长11.9%和12.7%')).toEqual([
      ['财政总收入', '1122.77亿元', '比上年11.9'],
      ['一般公共预算收入', '674.80亿元', '比上年12.7'],
    ]);
  });
  it('a written basis of one rate is its basis, not a name: 比前两年平均 is no 两年平均 growth', () => {
    expect(growths('全市发生生产安全事故46起,比前两年平均下降32.8%')).toEqual([['发生生产安全事故', '46起', '比前两年平均-32.8']]);
    expect(growths('全市发生生产安全事故46起,与前两年平均相比下降32.8%')).toEqual([['发生生产安全事故', '46起', '与前两年平均相比-32.8']]);
    expect(growths('地区生产总值增长12%,两年平均增长6.5%')).toEqual([['地区生产总值', '12%', '增长12', '两年平均6.5']]);
    expect(growths('全年实现地区生产总值96.67亿元,可比价同比增长6.4%')).toEqual([['地区生产总值', '96.67亿元', '可比价同比6.4']]);
  });
});

describe('a number written without its unit', () => {
  const counts = (sentence: string) => extractFigures(sentence, results, lex).map((d) => [d.name, d.figure, d.unit]);
  it('counts in the unit of the count of the same noun in the clause before', () => {
    expect(counts('全市整治提升高排放企业158家,整治“低散乱污”企业(作坊)2616,腾退低效用地1.22万亩')).toEqual([
      ['整治提升高排放企业', '158家', '家'],
      ['整治“低散乱污”企业', '2616', '家'],
      ['腾退低效用地', '1.22万亩', '万亩'],
    ]);
  });
  it('is left unread anywhere else: another noun, no count before, a year, a code', () => {
    expect(counts('新增高排放企业158家,整治低散乱污作坊2616,腾退用地3亩').map((c) => c[1])).toEqual(['158家', '3亩']);
    expect(counts('整治低散乱污企业2616,腾退用地3亩').map((c) => c[1])).toEqual(['3亩']);
    expect(counts('新增企业158家,另有企业2021').map((c) => c[1])).toEqual(['158家']);
    expect(counts('新增企业158家,服务热线12345').map((c) => c[1])).toEqual(['158家']);
  });
});

describe('分别 after a list of industries', () => {
  const names = (sentence: string) => extractFigures(sentence, results, lex).map((d) => [d.name, d.figure, d.isChange]);
  it('values with no names before 分别 take the list that ends the clause before', () => {
    expect(names('前十大行业里,增速超过全市平均水平的有汽车制造、计算机通信和化纤等行业,分别增长50.7%、50.6%和26.4%')).toEqual([
      ['汽车制造行业', '50.7%', true],
      ['计算机通信行业', '50.6%', true],
      ['化纤行业', '26.4%', true],
    ]);
    // Not when the counts differ, nor from a clause with figures of its own.
    expect(names('增速较快的有汽车制造、计算机通信和化纤等行业,分别增长50.7%和50.6%')).toEqual([]);
    expect(names('城镇居民收入52056元、农村居民收入31984元,同比分别增长8.4%和8%').map((n) => n[0])).toEqual(['城镇居民收入', '农村居民收入']);
  });
  it('what follows 等 in the last name is every name’s, less the kind a name already ends in', () => {
    expect(names('全市装备制造业、战略性新兴和高新技术等产业增加值分别增长41.2%、29.1%和27.2%').map((n) => n[0])).toEqual([
      '装备制造业增加值',
      '战略性新兴产业增加值',
      '高新技术产业增加值',
    ]);
  });
});

describe('a list of targets', () => {
  it('an item without a figure is a statement of its own; the words that open the list are none', () => {
    const text = '建议2020年全市经济社会发展的主要预期目标为：生产总值增长7%左右，一般公共预算收入、城乡居民收入增长与经济增长基本同步。';
    const { indicators, passages } = readProse([{ text, line: 1 }], { ...results, nature: 'target' }, lex);
    expect(indicators.map((i) => [i.name, i.figure, i.nature])).toEqual([['生产总值', '7%左右', 'target']]);
    expect(passages.map((p) => [p.text, p.nature])).toEqual([['一般公共预算收入、城乡居民收入增长与经济增长基本同步', 'target']]);
  });
});

describe('a mark that places pass', () => {
  it('is no figure of one (超过2000亿的地区, 跨过1500亿门槛), while a target to break one is', () => {
    const ctx = { region: '绍兴市', year: 2024, period: { kind: 'year' as const, year: 2024, label: '2024年' }, nature: 'actual' as const, section: '' };
    const lex = lexicon();
    expect(extractFigures('柯桥区是唯一全年GDP超过2000亿的地区', ctx, lex)).toEqual([]);
    expect(extractFigures('越城区能否尽快跨过1500亿门槛', ctx, lex)).toEqual([]);
    expect(extractFigures('地区生产总值奋力突破4000亿元关口', { ...ctx, nature: 'target' as const }, lex).map((f) => f.value)).toEqual([4000]);
  });
});

describe('months listed before 分别', () => {
  it('each take their own figure (3月、4月…当月增速分别为…), and a thing named as a partner (与桐乡主城区…对接) owns nothing after', () => {
    const ctx = { region: '温岭市', year: 2023, period: { kind: 'year' as const, year: 2023, label: '2023年' }, nature: 'actual' as const, section: '' };
    const found = extractFigures('分月看,3月、4月、5月、6月规上工业增加值当月增速分别为2.7%、5.9%、3.8%、3.6%,工业经济逐步企稳。', ctx, lexicon());
    expect(found.map((f) => [f.name, f.figure, f.period.label])).toEqual([
      ['规上工业增加值当月增速', '2.7%', '2023年3月'],
      ['规上工业增加值当月增速', '5.9%', '2023年4月'],
      ['规上工业增加值当月增速', '3.8%', '2023年5月'],
      ['规上工业增加值当月增速', '3.6%', '2023年6月'],
    ]);
    const text = '加快与桐乡主城区功能及规划对接,完成濮院镇总体规划修编。完成污水管网改造600户,新增污水管网建设8.7公里。';
    const { indicators } = readProse([{ text, line: 1 }], { ...ctx, region: '濮院镇' }, lexicon());
    expect(indicators.map((i) => i.owner ?? '')).toEqual(['', '']);
  });
});

describe('a place with a figure of what follows its 的, and a name that opens with 上', () => {
  it('苏州以近1.85万亿元的GDP总量稳居榜首 is 苏州’s; 上三高速东互通区块 owns its rates', () => {
    const ctx = { region: '江苏省', year: 2024, period: { kind: 'year' as const, year: 2024, label: '2024年' }, nature: 'actual' as const, section: '' };
    const found = extractFigures('从各设区市看,苏州以近1.85万亿元的GDP总量稳居榜首,南京和无锡紧随其后。', ctx, lexicon());
    expect(found.map((f) => [f.name, f.region, f.figure])).toEqual([['GDP总量', '苏州市', '1.85万亿元']]);
    const tt = { ...ctx, region: '天台县' };
    expect(extractFigures('上三高速东互通区块房屋签约完成率89%', tt, lexicon()).map((f) => f.owner)).toEqual(['上三高速东互通区块']);
  });
  it('a company described before its 的 owns what its sentence says of it, from…to its level now (麦田能源 年产值…飙升到20亿元)', () => {
    const zone = { region: '温州经济技术开发区', year: 2023, period: year(2023), nature: 'actual' as const, section: '' };
    const found = extractFigures('总部位于温州经开区的麦田能源股份有限公司,年产值从2019年成立之初的8000万元飙升到20亿元', zone, lexicon());
    expect(found.map((f) => [f.name, f.period.label, f.figure, f.owner])).toEqual([
      ['年产值', '2019年', '8000万元', '麦田能源股份有限公司'],
      ['年产值', '2023年', '20亿元', '麦田能源股份有限公司'],
    ]);
  });
});

describe('a sentence that says how it counts, a mark passed, and a head alone', () => {
  const ctx = { region: '武进区', year: 2023, period: { kind: 'year' as const, year: 2023, label: '2023年' }, nature: 'actual' as const, section: '' };
  it('gives every figure of a sentence that opens on its scope that scope (不含常州经开区计算,…)', () => {
    const found = extractFigures('不含常州经开区计算,全年地区生产总值2239.58亿元,增长7.3%。其中,第一产业增加值40.28亿元,增长3.6%', ctx, lexicon());
    expect(found.map((f) => f.scope)).toEqual(['不含常州经开区', '不含常州经开区']);
  });
  it('reads 突破300亿元达到301.5亿元 as 301.5亿元, and 工业经济…,增加值增长20.9% as 工业增加值', () => {
    expect(extractFigures('全年地区生产总值突破300亿元达到301.5亿元,增长5.2%', ctx, lexicon()).map((f) => [f.name, f.figure])).toEqual([['地区生产总值', '301.5亿元']]);
    expect(extractFigures('工业经济表现强劲,增加值增长20.9%', ctx, lexicon()).map((f) => f.name)).toEqual(['工业增加值']);
  });
});

describe('a bound of a class, a level first passed, what was added of the same thing, a share’s growth', () => {
  it('reads 新增产值超过10亿元的企业6家 as a count of a class, not 10亿元 of 新增产值', () => {
    expect(read('新增产值超过10亿元的企业6家;投资1亿元以上的项目12个').map((r) => [r[0], r[3]])).toEqual([
      ['新增产值超过10亿元的企业', '6家'],
      ['投资1亿元以上的项目', '12个'],
    ]);
  });
  it('keeps 首次突破 with the level a figure first passed (单月产值首次突破60亿元)', () => {
    expect(read('规上工业单月产值首次突破60亿元').map((r) => [r[0], r[3]])).toEqual([['规上工业单月产值', '首次突破60亿元']]);
  });
  it('names 新增产值 after …企业实现产值 as that same thing’s (…项目企业新增产值)', () => {
    expect(read('全市新增长点项目企业实现产值2072.8亿元,同比增长18.6%;新增产值282.8亿元').map((r) => r[0])).toEqual(['新增长点项目企业产值', '新增长点项目企业新增产值']);
  });
  it('gives a growth in % after a share to the level before it (…29.9亿元,占…比重为52.7%;同比增长12%)', () => {
    expect(read('实现高新技术产业增加值29.9亿元,占规上工业增加值的比重为52.7%;同比增长12%').map((r) => [r[0], r[4]])).toEqual([
      ['高新技术产业增加值', '同比12'],
      ['占规上工业增加值的比重', undefined],
    ]);
  });
  it('gives a period of no year the year of the one its paragraph opened a sentence with (截至2023年底…。1-12月…)', () => {
    const found = readProse([{ text: '截至2023年底,入园企业154家。1-12月投产企业完成工业总产值68.21亿元,累计增长6.73%。', line: 1 }], { ...results, year: 2024, period: year(2024) }, lex);
    expect(found.indicators.map((f) => f.period.label)).toEqual(['2023年底', '2023年1-12月']);
  });
});

describe('a paragraph’s years, a share after a growth, a count before the next count’s verb', () => {
  it('gives a 从…到 that names no years the years of the 从2011年的…到2016年的 before it, and the sentences after it 2016', () => {
    const found = readProse([{ text: '全县生产总值从2011年的151.9亿元增加到2016年的216.6亿元,年均增长8.3%,人均生产总值达到63290元。财政总收入从20.5亿元增加到37.5亿元,年均增长12.8%。规上企业达到487家。', line: 1 }], { ...results, year: 2016, period: year(2016) }, lex);
    expect(found.indicators.map((f) => [f.name, f.figure, f.period.label])).toEqual([
      ['生产总值', '151.9亿元', '2011年'],
      ['生产总值', '216.6亿元', '2016年'],
      ['生产总值', '8.3%', '2011-2016年'],
      ['人均生产总值', '63290元', '2016年'],
      ['财政总收入', '20.5亿元', '2011年'],
      ['财政总收入', '37.5亿元', '2016年'],
      ['财政总收入', '12.8%', '2011-2016年'],
      ['规上企业', '487家', '2016年'],
    ]);
  });
  it('keeps the period a sentence opened with past a 今年以来 after its first figure (上半年,…为今年以来累计增速首次转正。工业用电量…)', () => {
    const found = readProse([{ text: '上半年,规模以上工业增加值3593.9亿元,同比增长0.3%,为今年以来累计增速首次转正。工业用电量下降3.5%。', line: 1 }], { ...results, year: 2009, period: { kind: 'range', year: 2009, from: 4, to: 6, label: '2009年4-6月' } }, lex);
    expect(found.indicators.map((f) => [f.name, f.period.label])).toEqual([
      ['规模以上工业增加值', '2009年1-6月'],
      ['工业用电量', '2009年1-6月'],
    ]);
  });
  it('reads 2019年1月至11月 as the months up to November', () => {
    expect(read('2019年1月至11月,研发费用支出增长26.3%').map((r) => r[1])).toEqual(['2019年1-11月']);
  });
  it('gives a share after a level’s growth to that level (…35.47亿元,同比增长11.8%,占GDP比重为57.7%)', () => {
    expect(extractFigures('全年服务业增加值实现35.47亿元,同比增长11.8%,占GDP比重为57.7%', results, lex).map((d) => [d.name, d.subject])).toEqual([
      ['服务业增加值', ''],
      ['占GDP比重', '服务业增加值'],
    ]);
  });
  it('reads 同期下降 as a change of the year before, a month’s 累计 as from January, and what a count of people did after it as its name', () => {
    expect(read('2月份全区累计用电量35497万千瓦时,同期下降18.79%')).toEqual([['用电量', '2021年1-2月', 'actual', '35497万千瓦时', '同期-18.79']]);
    expect(read('全镇480户低收入家庭752人实现脱贫').map((r) => [r[0], r[3]])).toEqual([
      ['低收入家庭', '480户'],
      ['低收入家庭实现脱贫', '752人'],
    ]);
  });
  it('pairs the values after 分别 with names whose counts stand among them (12个省“千项万亿”项目、51个市重点项目的…完成率)', () => {
    expect(read('12个省“千项万亿”项目、51个市重点项目的年度投资完成率分别达到152%、105%').map((r) => [r[0], r[3]])).toEqual([
      ['省“千项万亿”项目', '12个'],
      ['市重点项目的年度投资', '51个'],
      ['省“千项万亿”项目的年度投资完成率', '152%'],
      ['市重点项目的年度投资完成率', '105%'],
    ]);
  });
  it('reads no figure of a milestone entered (GDP跨入4000亿时代), and what met a target, listed after its colon, as results', () => {
    expect(read('全市GDP跨入4000亿时代')).toEqual([]);
    expect(read('在有半年数据的12个指标中,7个指标符合预期目标:全区完成一般公共预算收入43.56亿元,占年度目标任务的54%;新增城镇就业5661人').filter((r) => /收入|就业/.test(String(r[0]))).map((r) => r[2])).toEqual(['actual', 'actual']);
  });
  it('ends the noun after a count at the verb of the next (13人参评…教坛新秀择优推荐17人)', () => {
    expect(read('拟推荐王浩冰等13人参评嘉兴市中小学教坛新秀择优推荐17人为省教坛新秀人选').map((r) => [r[0], r[3]])[0]).toEqual(['参评嘉兴市中小学教坛新秀', '13人']);
  });
  it('reads a figure glued to a metric’s Latin name (实现GDP1192.6亿元) and none of the bar a class sets (划定标准是:…1000亿元以上)', () => {
    expect(read('上半年,海宁市实现GDP1192.6亿元,同比增长8.3%').map((r) => [r[3], r[4]])).toEqual([['1192.6亿元', '同比8.3']]);
    expect(read('此次工业大县的划定标准是:2023年规上工业总产值1000亿元以上,或规上工业增加值200亿元以上')).toEqual([]);
  });
  it('reads a growth of a period of its own, or one aimed at, as a figure of its own (一季度…增长7.1%,力争上半年增长7.5%以上)', () => {
    expect(read('一季度GDP增长7.1%,力争上半年增长7.5%以上').map((r) => [r[1], r[2], r[3]])).toEqual([
      ['2021年1-3月', 'actual', '7.1%'],
      ['2021年1-6月', 'target', '7.5%以上'],
    ]);
  });
  it('reads what beat or stands against a plan as done (超出计划投资0.32亿元), and 前11个月 after a year as its months, not a deadline', () => {
    expect(read('累计完成投资已达1.4亿元,超出计划投资0.32亿元,占全年水利建设投资计划的54%').map((r) => r[2])).toEqual(['actual', 'actual', 'actual']);
    expect(read('2025年前11个月,义乌市进出口总额合计7011.89亿元,占全市总量接近80%').map((r) => [r[0], r[1], r[2]])).toEqual([
      ['进出口总额', '2025年1-11月', 'actual'],
      ['占全市总量', '2025年1-11月', 'actual'],
    ]);
  });
  it('gives each value after 年均分别 its basis, and files no values of places it cannot pair under one of them', () => {
    expect(read('城乡居民人均可支配收入年均分别增长7.3%和8.6%').slice(1)).toEqual([
      ['城镇居民人均可支配收入', '2021年', 'actual', '7.3%', '年均7.3'],
      ['农村居民人均可支配收入', '2021年', 'actual', '8.6%', '年均8.6'],
    ]);
    const unpaired = extractFigures('东阳市、武义县和某某园进出口总额分别为286.47亿元、273.75亿元和259.27亿元', results, lex);
    expect(unpaired.filter((d) => d.region === '东阳市' || d.region === '武义县')).toEqual([]);
  });
  it('gives the figures of the parts of a place counted (14个乡镇(园区)实现GDP…) to those parts, not the place', () => {
    const [, gdp] = extractFigures('沿海前沿区域14个乡镇(园区)实现GDP1626.6亿元,比上年增长7.2%', results, lex);
    expect([gdp.figure, gdp.owner]).toEqual(['1626.6亿元', '沿海前沿区域乡镇']);
    // (下辖4个镇、9个街道,户籍人口…: the count is said of the place; its population is its own.)
    expect(extractFigures('南湖区下辖4个镇、9个街道,户籍人口50.88万人', results, lex).find((d) => d.figure === '50.88万人')?.owner).toBeUndefined();
  });
  it('carries a period before 累计 to the sentence after it (2025年1-11月,全市累计…!其中出口…)', () => {
    const { indicators } = readProse([{ text: '2025年1-11月,金华全市累计完成进出口总额8788.32亿元,增势强劲!其中出口总额7750.52亿元,同比增长19.8%。', line: 1 }], results, lex);
    expect(indicators.map((d) => d.period.label)).toEqual(['2025年1-11月', '2025年1-11月']);
  });
  it('says a level passed as the bound it is (突破1500亿元), and reads no figure of the bound a share of a class passed (100%的村…100万元以上)', () => {
    expect(read('规上工业总产值突破1500亿元').map((r) => r[3])).toEqual(['突破1500亿元']);
    expect(read('在全省率先实现100%的村集体经济经常性收入100万元以上').map((r) => r[3])).not.toContain('100万元以上');
  });
});


describe('what a sentence points back to', () => {
  it('names 该产业 by the industry a sentence of the paragraph opened with', () => {
    const text = '金融服务业优化发展。评出杰出金融人才4名。该产业完成一般公共预算收入18.08亿元。文创产业优化发展。该产业完成一般公共预算收入4.97亿元。';
    const { indicators } = readProse([{ text, line: 1 }], results, lex);
    expect(indicators.filter((i) => i.unit === '亿元').map((i) => [i.name, i.figure])).toEqual([
      ['金融服务业完成一般公共预算收入', '18.08亿元'],
      ['文创产业完成一般公共预算收入', '4.97亿元'],
    ]);
  });
  it('keeps apart counts of one thing told apart by their verbs, and reads no gap to 全国 as the place’s', () => {
    expect(read('全年25个项目开工、27个项目竣工、22个项目投产').map((r) => [r[0], r[3]])).toEqual([
      ['项目开工', '25个'],
      ['项目竣工', '27个'],
      ['项目投产', '22个'],
    ]);
    expect(read('农村常住居民人均可支配收入19373元,比全国平均水平10489元高出8884元').map((r) => r[3])).toEqual(['19373元']);
    // (A period in brackets holds inside them only.)
    const plans2021: Context = { ...results, targets: year(2021) };
    expect(read('各地计划建设绕镇碧水河道47.2公里(其中乍浦镇5公里预计2022年完成),建设绕村碧水河道176.5公里', plans2021).map((r) => [r[1], r[3]])).toContainEqual(['2021年', '176.5公里']);
    // (Who said it, then a year: the year of every part of the sentence; 上年专项结转 is no period.)
    expect(read('政府工作报告说,据初步统计,2018年全省生产总值3.58万亿元,增长8.3%;一般公共预算总收入5045.4亿元').map((r) => [r[1], r[3]])).toEqual([
      ['2018年', '3.58万亿元'],
      ['2018年', '5045.4亿元'],
    ]);
    expect(read('上年专项结转10.87亿元').map((r) => [r[0], r[1]])).toEqual([['上年专项结转', '2021年']]);
  });
});

describe('a census bulletin’s classes and shares, a scope a part opens on, a breakdown’s period', () => {
  it('names age classes and averages whole, and a bare share as the class’s (0-14岁88511人,占15.75%)', () => {
    expect(read('全区常住人口里,0-14岁88511人,占15.75%;60岁及以上98361人,占17.50%').map((r) => [r[0], r[3]])).toEqual([
      ['0-14岁', '88511人'],
      ['0-14岁占比', '15.75%'],
      ['60岁及以上', '98361人'],
      ['60岁及以上占比', '17.50%'],
    ]);
    expect(read('全区常住人口里,男性292498人,所占比重52.04%').map((r) => r[0])).toEqual(['男性', '男性比重']);
    expect(read('每个家庭户平均2.40人').map((r) => r[0])).toEqual(['每个家庭户平均']);
  });
  it('gives a growth after how much of its plan a level made to the level (…64854万元,完成预算的232%,增长350%)', () => {
    expect(read('国有资源有偿使用收入64854万元,完成预算的232%,增长350%')).toEqual([
      ['国有资源有偿使用收入', '2021年', 'actual', '64854万元', '增长350'],
      ['完成预算', '2021年', 'actual', '232%'],
    ]);
  });
  it('keeps a part’s scope (若剔除…) and never names its figure after what it leaves out', () => {
    const [, rest] = extractFigures('其中,奥克斯集团完成产值10.39亿元,同比增长-52.1%;若剔除奥克斯集团,10月产值同比增长10.3%', results, lex);
    expect(rest).toMatchObject({ scope: '剔除奥克斯集团' });
    expect(rest.name).not.toContain('奥克斯');
  });
  it('reads a breakdown (其中…) in the period of the figure it breaks down', () => {
    const text = '2020年1-10月,全区本级产值1138.53亿元。全区规上企业10月当月完成产值126.41亿元,同比增长-0.44%。其中,奥克斯集团完成产值10.39亿元,同比增长-52.1%。';
    const { indicators } = readProse([{ text, line: 1 }], { ...results, year: 2020, period: year(2020) }, lex);
    expect(indicators.find((i) => i.figure === '10.39亿元')?.period.label).toBe('2020年10月');
  });
});

describe('owners, starts and years a sentence gives its figures in passing', () => {
  const places = (sentence: string) => extractFigures(sentence, { ...results, region: '衢州市' }, lex).map((d) => [d.name, d.figure, d.region]);
  it('files a figure under the place a clause ends on as what it names (…最多的区县为柯城区,常住人口53.24万人)', () => {
    expect(places('到2021年末,衢州市常住人口最多的区县为柯城区,常住人口53.24万人')).toEqual([['常住人口', '53.24万人', '柯城区']]);
  });
  it('pairs values with the places the clause before ends on (…的分别是江山市和龙游县,…分别为69.25亿元和65.78亿元)', () => {
    expect(places('位列全市第二和第三的分别是江山市和龙游县,地方财政收入分别为69.25亿元和65.78亿元').map((r) => [r[1], r[2]])).toEqual([
      ['69.25亿元', '江山市'],
      ['65.78亿元', '龙游县'],
    ]);
  });
  it('reads a yardstick’s figure in brackets as that place’s growth of what was compared (比全省(6.3%)和衢州(6.7%))', () => {
    const read2 = extractFigures('地区生产总值为140.4亿元,比上年同期增长8.7%,比全省(6.3%)和衢州(6.7%)分别高出2.4个和2.0个百分点', { ...results, region: '江山市' }, lex);
    expect(read2.filter((d) => d.region !== '江山市').map((d) => [d.name, d.region, d.growth[0]?.value])).toEqual([
      ['地区生产总值', '浙江省', 6.3],
      ['地区生产总值', '衢州市', 6.7],
    ]);
  });
  it('gives a start whose end was cut off its own year (…比重从2006年的10.11%增加)', () => {
    expect(read('2012年,高新技术产业增加值占工业增加值的比重从2006年的10.11%增加')).toEqual([['高新技术产业增加值占工业增加值的比重', '2006年', 'actual', '10.11%']]);
  });
  it('gives another year’s figure in brackets its own year, of the same thing (共引进亿元以上项目19个(去年全年为12个))', () => {
    expect(read('今年以来共引进亿元以上项目19个(去年全年为12个)', { ...results, now: 2021 }).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['共引进亿元以上项目', '2021年以来', '19个'],
      ['共引进亿元以上项目', '2020年', '12个'],
    ]);
  });
  it('reads 计划年内完工 as a plan and 争取到 as something got', () => {
    expect(read('其中,计划年内完工的项目39个,按形象进度已完工或基本完工的19个').map((r) => r[2])).toEqual(['target', 'actual']);
    expect(read('争取到地方专债项目11个').map((r) => r[2])).toEqual(['actual']);
  });
  it('shares what follows the last name’s 的 across a list, and growths said 比年初分别', () => {
    expect(read('宁波对欧盟、美国和东盟的进出口额分别为1347.7亿元、1324.4亿元和812.7亿元').map((r) => r[0])).toEqual(['对欧盟的进出口额', '美国的进出口额', '东盟的进出口额']);
    expect(read('存款、贷款余额分别为3076亿元、3435亿元,比年初分别增长7.5%、13.8%').map((r) => r[4])).toEqual(['比年初7.5', '比年初13.8']);
  });
  it('pairs values after a bound both pass (两地进出口总额也都在3000亿之上,分别为…)', () => {
    expect(places('绍兴、舟山两地进出口总额也都在3000亿之上,分别为3555.64亿元和3289.41亿元').map((r) => [r[1], r[2]])).toEqual([
      ['3555.64亿元', '绍兴市'],
      ['3289.41亿元', '舟山市'],
    ]);
  });
  it('makes each count of a thing of its own the subject of what was done of it (2个…已完成1个、15个…已完成8个)', () => {
    const drafts = extractFigures('2个嵌入式养老机构建设已完成1个、15个农村幸福院建设已完成8个', results, lex);
    expect(drafts.filter((d) => d.subject).map((d) => [d.figure, d.subject])).toEqual([
      ['1个', '嵌入式养老机构建设'],
      ['8个', '农村幸福院建设'],
    ]);
  });
});

describe('round 22: periods and names a sentence gives', () => {
  it('shares a rate of change after the last name’s 的 with every name of the list (…规上工业产值…的同比增幅依次为)', () => {
    expect(read('全社会固定资产投资、规上工业产值、规上工业增加值、高新技术产业增加值的同比增幅依次为92.9%、16.6%、11.1%、9.4%').map((r) => r[0])).toEqual([
      '全社会固定资产投资的同比增幅',
      '规上工业产值的同比增幅',
      '规上工业增加值的同比增幅',
      '高新技术产业增加值的同比增幅',
    ]);
  });
  it('reads the parts a figure is made of in brackets after it (包括:上解支出771390万元,…), each by its name', () => {
    expect(read('转移性支出1130639万元(包括:上解支出771390万元,预算稳定调节基金174763万元)').map((r) => [r[0], r[3]])).toEqual([
      ['转移性支出', '1130639万元'],
      ['上解支出', '771390万元'],
      ['预算稳定调节基金', '174763万元'],
    ]);
  });
  it('reads no level of thresholds passed (财政收入接连迈过20亿元、30亿元两个台阶)', () => {
    expect(read('财政收入接连迈过20亿元、30亿元两个台阶,年均增长10.4%').filter((r) => r[3] === '20亿元' || r[3] === '30亿元')).toEqual([]);
  });
  it('reads the months written as words (今年前四个月)', () => {
    expect(read('今年前四个月,吴中开发区地区生产总值达到124.7亿元').map((r) => r[1])).toEqual(['2022年1-4月']);
  });
  it('gives no figure the period of a clause that only says which place is meant (去年重新夺回…的杭州市余杭区,以GDP…)', () => {
    expect(read('其中,去年重新夺回“浙江经济第一区”的杭州市余杭区,以GDP1615.5亿元、增长6.7%的成绩,继续稳坐头把交椅').map((r) => r[1])).toEqual(['2021年']);
  });
});

describe('round 23: owners and natures a sentence gives', () => {
  const where = (sentence: string) => extractFigures(sentence, results, lex).map((d) => [d.figure, d.region, d.owner ?? '']);
  it('gives each place of a list after 其中 its own figure (其中越城区26个、柯桥区48个、上虞区10个)', () => {
    expect(where('新建公交候车亭84个,其中越城区26个、柯桥区48个、上虞区10个。')).toEqual([
      ['84个', '嘉兴市', ''],
      ['26个', '越城区', ''],
      ['48个', '柯桥区', ''],
      ['10个', '上虞区', ''],
    ]);
  });
  it('gives no one place a count of several named before it (南湖、嘉善、桐乡3个…试点城市)', () => {
    expect(where('抓好南湖、嘉善、桐乡3个省级夜间经济试点城市建设').map((r) => r[1])).toEqual(['嘉兴市']);
  });
  it('gives one project of those counted what is said of it (其中先科半导体…制造项目推进较快,已完成投资3.32亿元)', () => {
    expect(where('其中先科半导体新一代电子信息材料国产化制造项目推进较快,已完成投资3.32亿元')).toEqual([['3.32亿元', '嘉兴市', '先科半导体新一代电子信息材料国产化制造项目']]);
  });
  it('reads the list after 目标任务: as targets', () => {
    expect(read('目标任务:完善综合交通网络,开工建设主干公路15公里;完成公路大中修工程12公里').map((r) => r[2])).toEqual(['target', 'target']);
  });
});

describe('round 23: periods and names a sentence gives', () => {
  it('gives no figure the period it is set against (和一季度相比,…增值税34.30亿元)', () => {
    expect(read('2024年1-6月,地方财政收入为124.93亿元。和一季度相比,税收收入由增转降,增值税34.30亿元,同比增长-4.8%').map((r) => r[1])).toEqual(['2024年1-6月', '2024年1-6月']);
  });
  it('reads no figure of how many a ranking ranks (在全省100个县(市、区)财政总收入完成情况排名里)', () => {
    expect(read('在全省100个县(市、区)财政总收入完成情况排名里,全市共有5个县区进入前十').map((r) => r[3])).toEqual(['5个']);
  });
  it('names each 产业 written once after the last (第二、第三产业对GDP增长的贡献率依次为60.4%和33.0%)', () => {
    expect(read('第二、第三产业对GDP增长的贡献率依次为60.4%和33.0%').map((r) => r[0].slice(0, 4))).toEqual(['第二产业', '第三产业']);
  });
  it('takes the year in brackets after 全年 as the sentence’s (全年(2024年)共争取到各类政策资金近7000万元)', () => {
    expect(read('全年(2024年)共争取到各类政策资金近7000万元', { ...results, year: 2025, period: year(2025) }).map((r) => r[1])).toEqual(['2024年']);
  });
});

describe('round 23: a name that opens with 近', () => {
  it('keeps 近 of a name (近洋航线1条) and drops it before a number (近5000亿元)', () => {
    expect(read('1-6月新开通集装箱海河联运航线5条、近洋航线1条').map((r) => r[0])).toEqual(['新开通集装箱海河联运航线', '近洋航线']);
  });
});

describe('round 23: what a figure leaves out', () => {
  it('reads a name that opens on what it leaves out as so counted (不含港区的一般公共预算收入完成31.78亿元)', () => {
    const [all, without] = extractFigures('1-3月份全市一般公共预算收入完成37.58亿元,同比增长1.9%;不含港区的一般公共预算收入完成31.78亿元,同比增长2.2%', results, lex);
    expect([all.scope, without.name, without.scope, without.owner]).toEqual([undefined, '一般公共预算收入完成', '不含港区', undefined]);
  });
});

describe('round 23: the structure of the three sectors', () => {
  it('reads 三次产业结构为a:b:c as each sector’s share, the structure it changed from left unread', () => {
    expect(read('全县三次产业的比重结构从上年的17.8:48.9:33.3调整为15.7:51.3:33.0').map((r) => [r[0], r[3]])).toEqual([
      ['第一产业比重', '15.7%'],
      ['第二产业比重', '51.3%'],
      ['第三产业比重', '33.0%'],
    ]);
  });
});

describe('round 24: years a paragraph goes on in', () => {
  const prose = (text: string, year: number) =>
    readProse([{ text, line: 1 }], { ...results, year, period: { kind: 'year', year, label: `${year}年` } }, lex).indicators.map((d) => [d.name, d.figure, d.period.label]);
  it('keeps the year 全年(2024年) names for the paragraph’s later sentences, in a text of 2025', () => {
    const found = prose('全年(2024年)共争取到各类政策资金近7000万元。全年固定资产投资完成15802万元。社会消费品零售总额2亿元,比上年增长8.5%。', 2025);
    expect(found.map((r) => r[2])).toEqual(['2024年', '2024年', '2024年']);
  });
  it('takes no opening year from 继…后 (继2023年突破60亿大关后,2024年…达到74.23亿元), and gives the threshold its own year', () => {
    const found = prose('一是规上工业产值继2023年突破60亿大关后,2024年继续上扬,达到74.23亿元。二是全年税收收入约3.77亿元。', 2024);
    expect(found.filter((r) => r[0] !== '规上工业产值' || r[1] !== '70亿元').map((r) => [r[1], r[2]])).toEqual([
      ['突破60亿大关', '2023年'],
      ['74.23亿元', '2024年'],
      ['3.77亿元', '2024年'],
    ]);
  });
  it('reads a 由…增加到 after a sentence’s own 从2012年的…到2021年的 of those years, in the same sentence', () => {
    const found = prose('地区生产总值从2012年的250亿元增加到2021年的431亿元，年均增长7.4%；财政总收入由30亿元增加到67亿元。', 2022);
    expect(found.filter((r) => r[0] === '财政总收入').map((r) => [r[1], r[2]])).toEqual([
      ['30亿元', '2012年'],
      ['67亿元', '2021年'],
    ]);
  });
  it('reads a level passed in figures, before 由, as no figure (越过2000亿元大关，由2012年的…跃升到2021年的2011.62亿元)', () => {
    expect(read('萧山地区生产总值越过2000亿元大关，由2012年的1542.5亿元跃升到2021年的2011.62亿元').map((r) => r[3])).toEqual(['1542.5亿元', '2011.62亿元']);
    // (A target to pass it is the figure: 确保GDP突破1000亿元大关,为….)
    expect(read('确保GDP突破1000亿元大关,为宁波现代化滨海大都市建设贡献力量').map((r) => r[3])).toEqual(['突破1000亿元大关']);
  });
});

describe('round 24: projects counted by an item', () => {
  const prose = (text: string) => readProse([{ text, line: 1 }], { ...results, region: '宜兴市' }, lex).indicators.map((d) => [d.name, d.figure, d.subject]);
  it('gives the item’s later figures of investment to the projects its first sentence counted, in 只 too, until it counts others', () => {
    const found = prose('2、无锡市级重大项目经滚动调整后现为58只,总投资1609.8亿元,年度计划投资235.6亿元。1-6月累计完成投资121.4亿元,占年度目标任务的43.4%。');
    expect(found.slice(0, 4)).toEqual([
      ['无锡市级重大项目', '58只', ''],
      ['总投资', '1609.8亿元', '无锡市级重大项目'],
      ['年度计划投资', '235.6亿元', '无锡市级重大项目'],
      ['完成投资', '121.4亿元', '无锡市级重大项目'],
    ]);
    expect(prose('宜兴市级重大项目共203只,总投资2039.8亿元;1-6月完成投资158.8亿元。').map((r) => r[2])).toEqual(['', '宜兴市级重大项目', '宜兴市级重大项目']);
  });
  it('gives a part 其中 counts its own investment, and a count of those in one state none of the whole’s', () => {
    const part = prose('盛泽镇23个区级以上重点项目完成投资24.17亿元,其中市重点项目5个,完成投资6.49亿元。');
    expect(part.filter((r) => r[1] === '6.49亿元').map((r) => r[2])).toEqual(['市重点项目']);
    const state = prose('全市105个“百年百项”重大项目,已开工103个,累计竣工项目73个,累计完成投资1304.3亿元。');
    expect(state.filter((r) => r[1] === '1304.3亿元').map((r) => r[2])).not.toEqual(['竣工项目']);
  });
});

describe('round 24: names a list of counts and a budget level give', () => {
  it('names each count of N个X和M个Y by its own noun (2个公共就业服务驿站和1个标准化零工市场)', () => {
    expect(read('2个公共就业服务驿站和1个标准化零工市场已投入使用').map((r) => [r[0], r[3]])).toEqual([
      ['公共就业服务驿站', '2个'],
      ['标准化零工市场', '1个'],
    ]);
  });
  it('names a level of the budget alone by the figure before (…200.5亿元,…,市级118.6亿元: 市级一般公共预算收入)', () => {
    expect(read('全市一般公共预算收入200.5亿元,与上年基本持平,市级118.6亿元,增长5%').map((r) => r[0])).toEqual(['一般公共预算收入', '市级一般公共预算收入']);
  });
});

describe('round 24: a measure of things just counted', () => {
  it('names a measure alone right after a count with the things counted (公有制企业5846户,注册资本9351.54亿元)', () => {
    expect(read('其中公有制企业5846户,注册资本9351.54亿元;私营企业21807户,注册资本3785.72亿元').map((r) => r[0])).toEqual([
      '公有制企业',
      '公有制企业注册资本',
      '私营企业',
      '私营企业注册资本',
    ]);
  });
});
