import { describe, expect, it } from 'vitest';
import { createCore } from '../src/core.js';

const core = createCore();
const first = (q: string) => core.ask(q).text.split('\n')[0];

describe('indicators', () => {
  it('gives the figure of the period asked, never the neighbouring one', () => {
    expect(first('6月全市一般公共预算收入是多少？')).toContain('86.87亿元');
    expect(first('1-6月全市一般公共预算收入')).toContain('456.96亿元');
    expect(first('上半年一般公共预算收入')).toContain('456.96亿元');
    expect(core.ask('6月全市一般公共预算收入').text).not.toContain('456.96');
  });
  it('leads with the figure and ends with the source and its date', () => {
    const a = core.ask('6月末金融机构本外币贷款余额');
    expect(a.kind).toBe('indicator');
    expect(a.lines[0].find((s) => s.strong)?.text).toBe('11680.96亿元');
    expect(a.text.split('\n').at(-1)).toBe('来源：《发展改革工作信息交流》第5期（2021-07-19）');
    expect(a.sources).toEqual([{ title: '《发展改革工作信息交流》第5期', date: '2021-07-19' }]);
    expect(a.quote).toContain('11680.96');
  });
  it('keeps regions and years apart', () => {
    expect(first('桐乡2017年地区生产总值')).toContain('802.6');
    expect(first('濮院镇2017年地区生产总值')).toContain('96.67');
    expect(first('2019年全市空气质量优良率')).toContain('87.2%');
  });
  it('tells targets from results', () => {
    expect(core.ask('2020年GDP预期增长目标').text).toMatch(/7%左右/);
    expect(first('2020年新增城镇就业目标')).toContain('10万人');
    expect(first('2019年新增城镇就业')).toContain('15.9万人');
    // Only a target stated for the year, of a metric the reports give results of, and none asked:
    // the first line says the result is not there, and what the target is.
    expect(first('2020年GDP')).toMatch(/^报告中只有这项指标的目标（2020年生产总值：增长7%左右），没有实际完成数/);
  });
  it('reads untidy input', () => {
    expect(first('６月全社會用電量')).toContain('52.91');
    expect(first('GDP 2019')).toContain('5370.3');
    expect(first('  上半年，工业 用电量？？ ')).toContain('233.27');
    expect(first('用电量')).toContain('52.91');
  });
});

describe('tasks', () => {
  it('by number', () => {
    expect(core.ask('第10项任务进展状态').text).toContain('进度滞后');
    expect(first('第14项任务的牵头部门')).toContain('市科技局');
  });
  it('by status, with a count', () => {
    const list = core.ask('哪些任务滞后？');
    expect(list.kind).toBe('list');
    expect(list.text).toContain('共4项');
    expect(core.ask('部分滞后的任务有几项').text).toMatch(/共3项/);
  });
  it('by department, capped with the rest counted', () => {
    const a = core.ask('市科技局牵头的任务进展如何？');
    // The task table only: 9 led (named first), 3 more it takes part in; the plan is not mixed in.
    expect(a.more).toEqual({ total: 12, next: 10 });
    expect(a.text).toContain('还有2项');
    const next = core.ask('市科技局牵头的任务进展如何？', { offset: 10 });
    expect(next.text).toContain('第11-12项');
    expect(next.more).toBeUndefined();
  });
  it('answers who leads a measure of the plan', () => {
    expect(first('支持嘉善创建大云温泉国家级旅游度假区由哪个部门负责')).toContain('市旅委');
  });
});

describe('no data', () => {
  for (const q of ['北京2019年GDP是多少', '宁波的GDP', '2030年GDP目标', '今天天气怎么样', '帮我订一张明天的机票', '上海2020年用电量']) {
    it(q, () => {
      const a = core.ask(q);
      expect(a.kind).toBe('none');
      expect(a.records).toEqual([]);
      // It says what it can answer instead: examples, or the same topic at other times and places.
      expect(a.text).toMatch(/可以这样问|报告中有/);
    });
  }
});

describe('passages', () => {
  it('answers facts without figures', () => {
    expect(first('杭海城际什么时候通车')).toContain('6月28日');
  });
});

describe('words officials say', () => {
  it('reads spoken verbs (改好了), a verb after the period taken out (上半年建了), 要 before what is to be done, 这些 and 降 as no words of the metric', () => {
    // 截至6月底,已完成发热门诊提升改造29家 (目标30家)
    expect(first('发热门诊改好了几家')).toBe('29家');
    // 新建高标准农田3.12万亩 (目标6万亩)
    expect(first('高标准农田上半年建了多少')).toBe('3.12万亩');
    // 2020: 确保固定资产投资增长12% (2019年 11.3%)
    expect(first('20年固定资产投资要增长多少')).toContain('12%');
    // 截至6月底办公费、印刷费等非刚性、非重点项目支出同比下降20.78%
    expect(first('办公费印刷费这些非刚性支出降了多少')).toContain('20.78%');
  });
});

describe('owners and measures', () => {
  it('judges which clause is asked without the owner’s words (临沪…新区完成工业投入…,引进世界500强项目3个、超亿美元项目5个)', () => {
    expect(first('临沪高能级智慧产业新区引进超亿美元项目几个')).toContain('5个');
  });
});

describe('a project named without 项目', () => {
  it('is asked by its name alone (浙北集装箱通道上半年完成投资: 3.22亿元), and 项目 of a period names none', () => {
    // 10.推进浙北集装箱通道建设… 2.1-6月,项目完成投资3.22亿元,累计完成投资7.2亿元。
    expect(first('浙北集装箱通道上半年完成投资')).toContain('3.22亿元');
    expect(first('浙北集装箱通道累计完成投资')).toContain('7.2亿元');
    expect(first('上半年项目完成投资多少')).not.toContain('3.22亿元');
  });
});

describe('levels passed, heads asked alone, counts over part of a year', () => {
  it('says a level passed as passed (突破1万亿元), gives no company’s 产值 for a district’s, and counts the new ones over a half-year', () => {
    expect(first('2019年规上工业总产值')).toBe('突破1万亿元');
    // 其中南湖东方特钢1-6月预计产值52亿元: one company's.
    expect(first('2021年上半年南湖区产值')).not.toContain('52亿元');
    // 1-6月全市新引进高层次人才2873名 (not 引进高端人才项目17个)
    expect(first('上半年高层次人才')).toContain('2873名');
  });
  it('knows a thing by its first words and its ending (虹桥枢纽 of 虹桥国际开放枢纽)', () => {
    // 梳理了22个重点平台、40个重点项目、63个重点改革政策清单
    expect(first('虹桥枢纽梳理了多少个重点改革政策清单')).toContain('63个');
  });
});

describe('a document’s speaker', () => {
  it('is asked by 谁做的 as by 谁作的', () => {
    expect(first('2020年市政府工作报告谁做的')).toContain('毛宏芳');
  });
});

describe('lists a colon introduces', () => {
  it('lists the headings of the parts after it, and says first the one asked by its place (第五个)', () => {
    // 今年，我们将着力做好以下九个方面重点工作： / （五）着力打破产业结构“旧格局”
    expect(first('政府工作报告九个方面重点工作第五个是啥')).toBe('第5项：（五）着力打破产业结构“旧格局”');
    expect(core.ask('政府工作报告九个方面重点工作是哪些').text).toContain('· （九）着力打好民生改善“持久战”');
  });
});

describe('words that name nothing, and words of the next figure’s clause', () => {
  it('reads a light verb alone (搞了多少个) as saying only that something was done', () => {
    expect(first('缪家村搞了多少个微网格')).toContain('383个');
  });
  it('takes a topic word only a later figure’s clause says (信用 of 信用核查) as no purpose of the figure asked', () => {
    // 编制守信联合激励和失信惩戒措施清单148条,…,2019年以来累计信用核查223.47万次
    expect(first('我市信用建设编制了多少条守信激励和失信惩戒措施清单')).toContain('148条');
    // …but what the question ends on, said in the next figure's clause, asks that figure (推动项目开工41个).
    expect(first('枢纽嘉兴大会战一年推动开工了多少个项目')).toContain('41个');
  });
});

describe('a topic asked bare', () => {
  it('asks its headline metric (嘉兴外贸 → 出口, 嘉兴外资 → 实际利用外资), never a count that only names the topic', () => {
    // 率先在全省出台22条稳外贸政策 / 引进…世界500强外资项目10个 / 全市出口1043.3亿元 / 实际利用外资23.18亿美元
    expect(first('嘉兴外贸')).toContain('1043.3');
    expect(first('嘉兴外资')).toContain('23.18');
    expect(first('嘉兴就业')).toContain('9.27万人');
  });
  it('takes 争取 for 力争, the reach beyond what is 确保 (确保28亿美元、力争30亿美元)', () => {
    expect(first('外资今年争取目标是多少亿美元')).toContain('30亿美元');
    expect(first('外资今年确保目标是多少亿美元')).toContain('28亿美元');
  });
});

describe('a document named by words of its title', () => {
  it('counts a department’s tasks of the document its title words name (示范点意见里市环保局牵头几条: 6条), those words no filter of the tasks', () => {
    expect(first('示范点意见里市环保局牵头几条')).toContain('6条');
    expect(first('示范点意见市合作交流办牵头几条')).toContain('3条');
    // (A place before the kind word is whose the document is: 嘉善意见里.)
    expect(first('嘉善意见里市环保局牵头几条')).toContain('6条');
  });
});

describe('the zones of a kind a sentence opens with', () => {
  it('owns what it says of them (全市农业经济开发区新引进项目38个,合同超亿元项目14个): the zones’, asked by their name, in each part of a question', () => {
    expect(first('嘉兴合同超亿元项目')).not.toContain('14个');
    expect(first('1-6月农业经济开发区合同超亿元项目多少个')).toContain('14个');
    expect(core.ask('1-6月农业经济开发区新引进项目和合同超亿元项目各多少个').text).toContain('14个');
  });
});
