import { describe, expect, it } from 'vitest';
import { createCore } from '../src/core.js';
import { memoryContexts } from '../src/conversation.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { taskFigures } from '../src/question/task-figures.js';
import { makeQuery } from '../src/question/query.js';
import { parseQuery } from '../src/question/parse.js';

const knowledge = loadKnowledge();
let clock = new Date('2026-11-23T09:00:00+08:00').getTime();
const core = createCore(knowledge, { contexts: memoryContexts(), now: () => new Date(clock) });
const say = (conversation: string, text: string) => core.ask(text, { conversation });
const first = (conversation: string, text: string) => say(conversation, text).text.split('\n')[0];

describe('follow-ups', () => {
  it('take what they leave out from the last question, and say so', () => {
    expect(first('a', '6月全市用电量是多少')).toContain('52.91亿千瓦时');
    const range = say('a', '那1-6月呢');
    expect(range.text.split('\n')[0]).toContain('293.25亿千瓦时');
    expect(range.text).toContain('按上文');
    expect(first('a', '同比呢')).toContain('24.4%');
    expect(first('a', '6月单月呢')).toContain('1.2%');
  });
  it('compare the last figure with another (比…多多少), or say what is missing', () => {
    say('cmp', '6月全市用电量是多少');
    const gap = say('cmp', '比工业用电量多多少');
    expect(gap.text.split('\n')[0]).toContain('11.15亿千瓦时');
    expect(gap.text).toContain('按上文');
    const none = say('cmp', '比5月多多少');
    expect(none.kind).toBe('none');
    expect(none.text).not.toContain('52.91');
    expect(say('cmp-alone', '比全省高多少').kind).toBe('none');
  });
  it('compute the last figure against its target (占全年目标几成)', () => {
    // 1-6月全市新引进大学生6.1万人; 新引进大学生12万人左右 (the year's target)
    say('share', '1-6月新引进大学生多少人');
    expect(first('share', '占全年目标几成')).toContain('50.83%');
  });
  it('keep the setting for a new metric asked with 呢', () => {
    // 2020 report: 市控断面Ⅲ类以上水质比例稳定在65%以上 (a 2020 target; 2019's result was 65.8%)
    say('ne', '2019年空气质量优良率多少');
    expect(first('ne', '2020年目标呢')).toContain('85%');
    expect(first('ne', '市控断面Ⅲ类以上水质比例呢')).toContain('65%以上');
  });
  it('point into the last list (第二个是谁负责), and at nothing without one', () => {
    // 2021 table: 市商务局 leads 第31、32、35… 项 marked 进度较快
    say('ord', '市商务局牵头的任务里进度较快的有几项');
    expect(first('ord', '第二个是谁负责')).toContain('第32项任务牵头部门：市商务局');
    expect(first('ord', '第一个进展如何')).toContain('第31项');
    expect(say('ord-none', '第一个进展如何').kind).toBe('none');
  });
  it('narrow the tasks of a department (其中哪些滞后)', () => {
    // 2021 table: 市交通运输局 leads 第9项 (部分滞后), 第10项 (进度滞后), 第11项 (按时推进)
    say('narrow', '2021年市交通运输局牵头哪些任务');
    expect(first('narrow', '其中哪些滞后')).toContain('市交通运输局牵头的部分滞后、进度滞后、严重滞后的任务共2项');
  });
  it('ask the parallel thing (存款呢 after 贷款余额) and the industry (工业呢 after 用电量)', () => {
    // 6月末全市金融机构本外币存款余额12057.34亿元…；…贷款余额11680.96亿元
    say('par', '6月末贷款余额');
    expect(first('par', '存款呢')).toContain('12057.34亿元');
    // 1-6月全市全社会用电量293.25亿千瓦时…，工业用电量233.27亿千瓦时
    say('ind', '1-6月全市用电量');
    expect(first('ind', '工业呢')).toContain('233.27亿千瓦时');
    // 援疆上,今年安排资金1.5亿元…;援青上,今年安排资金2079万元: a word of the same make for the first.
    say('aid', '援疆今年安排多少钱');
    expect(first('aid', '援青呢')).toContain('2079万元');
  });
  it('ask the parallel measure of the same thing (竣工率呢 after 百年百项开工率), and drop a thing for another place (全市呢)', () => {
    say('prog', '百年百项开工率');
    expect(first('prog', '竣工率呢')).toContain('69.5%');
    // 临沪高能级智慧产业新区完成工业投入41.26亿元: the new district's, never the city's.
    expect(first('zone', '临沪高能级智慧产业新区完成工业投入多少')).toContain('41.26亿元');
    expect(say('zone', '全市呢').text).not.toContain('41.26');
  });
  it('ask of the task just shown a figure by its unit alone, by what says it is done, or by its subject (现在有多少家, 已竣工多少个, 签约项目总投资多少)', () => {
    // 第33项: 出口名牌企业达到120家 set out; 目前,出口名牌企业数为113家 done.
    say('t33', '第33项任务');
    expect(first('t33', '现在有多少家')).toContain('113家');
    // 第24项: …已开工52个,正在施工中35个,已竣工17个…
    say('t24', '第24项任务');
    expect(first('t24', '已竣工多少个')).toContain('17个');
    // 第57项: 签约项目50个,总投资额达243亿元
    say('t57', '第57项任务');
    expect(first('t57', '签约项目总投资多少')).toContain('243亿元');
    // 第1项: …引进世界500强项目3个、超亿美元项目5个 (not the city's 46个)
    say('t1', '第1项任务');
    expect(first('t1', '引进了多少个超亿美元项目')).toContain('5个');
  });
  it('ask of the task just shown what was done of it (上市了几家, 压减了多少, 进度呢)', () => {
    say('task46', '第46项任务');
    expect(first('task46', '上市了几家')).toContain('3家');
    say('task95', '第95项任务');
    expect(first('task95', '压减了多少')).toContain('20.78%');
    say('task79', '第79项任务');
    expect(first('task79', '进度呢')).toContain('48.6%');
    say('task29', '第29项任务');
    expect(first('task29', '目标呢')).toContain('8%');
  });
  it('go on with a place named alone, and ask 占比呢 of one figure only as its records name it', () => {
    // (The place alone asks which: what the reports hold of it, the metrics people ask by name first.)
    const which = say('place', '桐乡');
    expect(which.kind).toBe('none');
    expect(which.text.split('\n')[0]).toBe('请问要桐乡市的哪项数据？');
    expect(which.text).toContain('地区生产总值（2017年）');
    expect(first('place', '实到外资')).toContain('近3.8亿美元');
    say('tax', '嘉兴税收收入');
    expect(say('tax', '占比呢').kind).toBe('none');
    say('rank-county', '桐乡2017年GDP');
    expect(first('rank-county', '全市第几')).not.toMatch(/5370\.3|全市实现生产总值/);
  });
  it('ask a generic word with how far it went (累计完成投资) of the last subject, and alone of nothing', () => {
    say('task10', '第10项任务');
    expect(first('task10', '累计完成投资多少')).toContain('7.2亿元');
    // (A city asked with no thing named: 攻坚项目's 320亿元 is no answer.)
    for (const q of ['全市已完成投资多少', '嘉善投资完成多少']) expect(say(q, q).kind).toBe('none');
  });
  it('show of the basis asked only that growth first (同比呢 after an index)', () => {
    say('basis', '6月STI进出口贸易指数');
    const line = first('basis', '同比呢');
    expect(line).toContain('34.3%');
    expect(line).not.toContain('6.01%');
  });
  it('qualify the last metric with a word alone (累计呢)', () => {
    // 2021上半年, task 10: 1-6月,项目完成投资3.22亿元,累计完成投资7.2亿元
    say('qual', '1-6月浙北集装箱通道项目完成投资多少');
    expect(first('qual', '累计呢')).toContain('7.2亿元');
  });
  it('compute over the last two figures (还差多少 after a result and its target), and ask a result of the target year only', () => {
    // 1-6月实际利用外资23.18亿美元; 实际利用外资确保28亿美元
    say('gap', '实际利用外资上半年');
    say('gap', '全年目标多少');
    expect(first('gap', '还差多少')).toContain('4.82亿美元');
    // 新认定…科技型中小企业600家 (2021 target): 完成了多少 is 2021's result or none, never 2019's 1041家.
    say('year', '新认定高新技术企业目标');
    say('year', '科技型中小企业呢');
    expect(say('year', '完成了多少').text).not.toContain('1041');
  });
  it('compute from the figures just asked, in their place and year', () => {
    // 2018年桐乡市政府工作报告: 财政总收入108.3亿元,其中一般公共预算收入61.7亿元
    say('kept', '桐乡2017年财政总收入和一般公共预算收入分别多少');
    const share = say('kept', '一般公共预算收入占财政总收入的几成');
    expect(share.text.split('\n')[0]).toContain('56.97%');
    expect(share.text).toContain('按上文：桐乡市 · 2017年');
  });
  it('ask the rank of the last figure (全省第几), as the report words it', () => {
    // 1-5月,全市出口1043.3亿元,同比增长38.2%,高于全省4.2个百分点,增速列全省第四
    say('rank-growth', '1-5月全市出口多少');
    expect(first('rank-growth', '增速全省第几')).toContain('增速列全省第四');
    say('rank', '1-6月直播电商交易额');
    const rank = say('rank', '全省排第几');
    expect(rank.text.split('\n')[0]).toContain('规模居全省第三');
    expect(rank.text).toContain('按上文：直播电商交易额');
  });
  it('change the place, the year, or target and result', () => {
    expect(first('b', '桐乡2017年实到外资同比增长多少')).toContain('2.8%');
    expect(first('b', '濮院呢')).toContain('149.8%');
    expect(first('c', '2019年空气质量优良率')).toContain('87.2%');
    expect(first('c', '那2021年目标呢')).toContain('88%');
  });
  it('ask about the same task or measure', () => {
    say('d', '第48项任务是啥');
    expect(say('d', '谁牵头').text).toContain('市发展改革委');
    expect(say('d', '第83项呢').text).toContain('第83项');
    say('e', '嘉善措施第（37）条讲的啥');
    expect(say('e', '谁牵头').text).toContain('市环保局');
  });
  it('a complete new question starts afresh; conversations never mix', () => {
    say('f', '6月全市用电量是多少');
    say('g', '桐乡2017年实到外资同比增长多少');
    expect(first('f', '那1-6月呢')).toContain('293.25亿千瓦时');
    const fresh = say('f', '2019年全市空气质量优良率');
    expect(fresh.text).not.toContain('按上文');
    expect(first('f', '那2021年目标呢')).toContain('88%');
  });
  it('forget after 30 minutes idle', () => {
    say('h', '6月全市用电量是多少');
    clock += 31 * 60 * 1000;
    expect(say('h', '那1-6月呢').kind).toBe('none');
  });
  it('page a list with 更多, and say when nothing is left', () => {
    expect(say('i', '市科技局牵头的任务进展如何').more).toEqual({ total: 12, next: 10 });
    expect(say('i', '更多').text).toContain('第11-12项');
    expect(say('i', '更多').text).toContain('没有更多了');
  });
  it('give the sentence behind the last answer when asked for it', () => {
    say('k', '6月全市用电量是多少');
    const quote = say('k', '原文呢');
    expect(quote.text).toContain('原文：“6月全市全社会用电量52.91亿千瓦时');
    expect(quote.text).toContain('来源：《发展改革工作信息交流》第5期');
  });
  it('offer the next questions the records can answer, and not what the answer shows', () => {
    const a = say('j', '6月全市用电量是多少');
    // 同比增长1.2% is in the answer: no 同比 button.
    expect(a.followUps?.map((f) => f.label)).toEqual(expect.arrayContaining(['2021年1-6月']));
    expect(a.followUps?.map((f) => f.label)).not.toContain('同比');
    for (const f of a.followUps ?? []) expect(say('j', f.question).kind, f.question).not.toBe('none');
    // A task answer shows its status and who leads it: no 谁牵头 button.
    expect(say('j2', '第48项任务').followUps?.map((f) => f.label) ?? []).not.toContain('谁牵头');
  });
  it('ask a figure the task just shown states of that task, its result before its target (重点培育企业几家, 研发机构覆盖率呢)', () => {
    say('task52', '第52项任务');
    expect(first('task52', '重点培育企业几家')).toContain('10家');
    say('task19', '第19项任务');
    expect(first('task19', '研发机构覆盖率呢')).toContain('61.34%');
    // Only its target in the task: the result is looked for where the reports give it.
    say('task30', '第30项任务');
    expect(first('task30', '百年百项完工率多少')).toContain('69.5%');
  });
  it('ask of a task what was done by its verb alone, its share of target as its 完成率, its progress in percent (引进了多少, 完成率呢, 完成了多少)', () => {
    say('t20', '第20项任务');
    expect(first('t20', '引进了多少')).toContain('2873名');
    say('t53', '第53项任务进展');
    expect(first('t53', '完成率呢')).toContain('82.8%');
    say('t9', '第9项任务进展');
    expect(first('t9', '完成投资多少')).toContain('4215万元');
    say('t79', '第79项任务');
    expect(first('t79', '完成了多少')).toContain('48.6%');
    // 上年呢 after a task of the 2021 table: not in it.
    say('t53b', '第53项任务');
    expect(first('t53b', '上年呢')).toBe('第53项任务是2021年任务表中的任务；报告中没有它2020年的情况。');
  });
  it('read a period without a year as the last figure’s year, and 现在 as the latest', () => {
    say('tax', '6月全市入库税收');
    expect(say('tax', '全年目标呢').kind).toBe('none');
    say('brand', '2020年出口名牌企业目标');
    say('brand', '2021年呢');
    expect(first('brand', '现在有几家')).toContain('113家');
  });
  it('take another thing for the one just asked of (中电科南湖研究院呢), and a document fact of the document just asked of (文号呢)', () => {
    say('lab', '南湖实验室引进科研人员多少');
    expect(first('lab', '中电科南湖研究院呢')).toContain('133名');
    say('doc', '嘉善示范点实施意见哪天印发');
    expect(first('doc', '文号呢')).toContain('嘉委发〔2017〕12号');
  });
  it('ask a button in the context of the answer it sits under (followUps[].after)', () => {
    const a = say('btn', '6月全市用电量是多少');
    const half = a.followUps!.find((f) => f.label === '2021年1-6月')!;
    say('btn', '哪些任务滞后');
    const tapped = core.ask(half.question, { conversation: 'btn', after: half.after });
    expect(tapped.text.split('\n')[0]).toContain('293.25');
    // A context that cannot be read leaves the conversation as it is.
    expect(core.ask('那1-6月呢', { conversation: 'btn2', after: '{"not":"a context"}' }).kind).toBe('none');
  });
  it('read on in the last answer’s sentence of another place (污水管网改造多少户 after 濮院’s 新增污水管网), and count a task’s figure by its unit after 累计 (现在累计多少项)', () => {
    say('pipe', '濮院2017年新增污水管网多少公里');
    expect(first('pipe', '污水管网改造多少户')).toContain('600户');
    say('std', '第41项任务');
    expect(first('std', '现在累计多少项')).toContain('1540项');
    say('inv', '第1项任务');
    expect(first('inv', '1-6月完成投资多少')).toContain('110.95亿元');
  });
  it('say a qualifier alone of the last head (其中一般公共预算呢 after 财政总收入), do to another thing what was done to the last (高新技术企业呢 after 新增科技型中小企业), and take the same share of another industry (装备制造业呢)', () => {
    say('fin', '桐乡17年财政总收入多少');
    expect(first('fin', '其中一般公共预算呢')).toContain('61.7亿元');
    expect(first('fin', '增幅呢')).toContain('5.1%');
    say('hi', '19年新增科技型中小企业多少');
    expect(first('hi', '高新技术企业呢')).toContain('523家');
    say('share', '上半年战略性新兴产业增加值占规上比重');
    expect(first('share', '装备制造业呢')).toContain('38.2%');
  });
  it('carry what was done to the next thing asked (重点项目呢 after 无废城市指标完成几项: 38个), and the unit asked of a task (接待考察多少人次)', () => {
    say('waste', '无废城市55项指标完成几项');
    expect(first('waste', '重点项目呢')).toContain('38个');
    say('visit', '第90项任务');
    expect(first('visit', '接待考察多少人次')).toContain('1012人次');
  });
  it('read 规上总产值呢 as 规上工业总产值 (总 goes with its head), and 占比多少 alone after two figures as the share of one in the other', () => {
    say('gy', '桐乡17年规上工业增加值');
    expect(first('gy', '规上总产值呢')).toContain('1500亿元');
    say('pw', '全社会用电1-6月');
    say('pw', '工业用电呢');
    expect(first('pw', '占比多少')).toContain('79.55%');
  });
  it('read on in the last answer’s sentence when the question drops an implied qualifier (失业人员 are 城镇失业人员)', () => {
    // 桐乡 2017: 新增城镇就业15576人,帮助城镇失业人员再就业7780人
    say('job', '桐乡2017年新增城镇就业多少人');
    expect(first('job', '帮助失业人员再就业多少人')).toContain('7780人');
  });
  it('take a short metric typed alone (一产) in the last setting, and keep the year of a figure answered when the place changes (桐乡呢)', () => {
    say('gdp', '2019年嘉兴GDP增长多少');
    const first1 = say('gdp', '一产');
    expect(first1.text).toContain('2019年');
    expect(first1.text).toContain('按上文');
    say('fdi', '2021年嘉兴上半年实际利用外资');
    say('fdi', '目标呢');
    const tongxiang = say('fdi', '桐乡呢');
    // (桐乡's only 外资 target is 2018's 3.6亿美元: no answer for 2021.)
    expect(tongxiang.kind).toBe('none');
    expect(tongxiang.text).not.toContain('3.6亿美元');
  });
  it('put the parallel word in its place inside the last metric (那存款呢 after 6月末金融机构贷款余额)', () => {
    say('dep', '6月末金融机构贷款余额');
    expect(first('dep', '那存款呢')).toContain('12057.34亿元');
  });
  it('ask a period of their own of the record, not of the figure beside (上半年完成投资多少 after 嘉善县…排定多少个重点项目)', () => {
    say('jsx', '嘉善县示范区建设排定多少个重点项目');
    const done = first('jsx', '上半年完成投资多少');
    expect(done).toContain('110.95亿元');
    expect(done).not.toContain('290亿元');
  });
  it('read the count the last sentence writes right before the thing asked (给了多少家小微企业 after 平台…发放信用贷款123.98亿元)', () => {
    say('sme', '金融信用信息共享平台累计发放信用贷款多少');
    expect(first('sme', '给了多少家小微企业')).toContain('3168家');
  });
  it('ask a task’s own word of the period asked of that task (上半年实际引进多少 after 第20项任务), and no figure of another period', () => {
    say('t20', '第20项任务');
    expect(first('t20', '上半年实际引进多少')).toContain('2873名');
  });
});


describe('the first line, of what was asked and of whose', () => {
  it('gives a share of the whole asked (占全省), never another share of the same figure (占全国)', () => {
    expect(first('solo', '嘉兴减负占全省')).toContain('11.1%');
    say('retail', '嘉兴社零');
    expect(first('retail', '占全国呢')).not.toContain('1.3%');
  });
  it('counts what was done of a task, never what was applied for (56个精品村申报工作)', () => {
    say('t62', '第62项');
    expect(first('t62', '精品村建成几个了')).not.toContain('56个');
  });
  it('asks of a task what was done of a thing it sets out, and says its target below, never as the result (新优质学校新增几所 after 第83项)', () => {
    say('t83', '第83项');
    const a = say('t83', '新优质学校新增几所');
    expect(a.kind).toBe('none');
    expect(a.text.split('\n')[0]).not.toContain('20所');
    expect(a.text).toContain('目标');
    say('t62b', '第62项');
    expect(say('t62b', '3A级景区村创了几个').kind).toBe('none');
    say('t62c', '第62项要新创建几个精品村');
    expect(first('t62c', '3A级景区村呢')).toContain('16个');
  });
  it('never counts the candidates named as what became of them within a task (苗子企业上市了几家 of 第52项), though it counts them asked so', () => {
    expect(taskFigures(knowledge, makeQuery({ ...parseQuery('苗子企业上市了几家', knowledge), task: { number: 52 } })).answers).toEqual([]);
    say('t52b', '第52项任务');
    expect(first('t52b', '重点培育企业几家')).toContain('10家');
  });
  it('asks a count over part of a year as what came new (嘉兴高层次人才 → 新引进高层次人才2873名), and the result after a target', () => {
    expect(first('talent', '嘉兴高层次人才')).toContain('2873名');
    say('talent', '目标呢');
    expect(first('talent', '完成多少')).toContain('2873名');
  });
  it('says a total over years is one where no span was asked (过去五年（2012-2016年）累计：30多亿元)', () => {
    expect(first('span', '濮院投入市场改造建设资金多少')).toMatch(/^过去五年（2012-2016年）累计：30多亿元/);
  });
  it('answers a figure asked in the task’s own words of it (这项完成得咋样 给个数 after 第35项)', () => {
    say('t35', '第35项');
    expect(first('t35', '这项完成得咋样 给个数')).toContain('1089.40');
  });
  it('leads with the clause of the date asked, and a document’s note on its title’s line', () => {
    expect(first('solo', '国家生态文明建设示范市哪天通过现场核查的')).toContain('7月7日');
    expect(first('solo', '国家生态文明建设示范市哪天通过现场核查的')).not.toContain('6月23日');
    expect(first('solo', '发改工作信息交流第5期谁签发的')).toContain('章剑');
  });
  it('asks what else its sentence counts (开工了几个 after 150个攻坚项目…完成投资) and the same measure of another kind of 项目', () => {
    say('hub', '枢纽嘉兴150个攻坚项目完成投资多少');
    expect(first('hub', '开工了几个')).toContain('41个');
    say('rate', '省重点建设项目投资完成率多少');
    expect(first('rate', '市级投资项目呢')).toContain('57.4%');
  });
});

describe('round 22: a word the last metric holds, and a long sentence’s clause', () => {
  it('asks the last metric again of the year named (20年要新增多少 after 科技型中小企业新增), not its head’s (新增企业)', () => {
    say('u22c17', '19年科技型中小企业新增多少');
    expect(first('u22c17', '20年要新增多少')).toContain('1000家');
  });
  it('leads with the clause that names what a report asks of it (20年报告对民营企业中长期贷款有啥要求)', () => {
    expect(first('solo', '20年报告对民营企业中长期贷款有啥要求')).toContain('增长20%');
    expect(first('solo', '20年报告对民营企业中长期贷款有啥要求')).not.toContain('300亿');
  });
});

describe('round 23: a figure of a task by its words apart, and words read as the reports write them', () => {
  it('finds the one figure of the task that holds the words asked in order (入驻了几个项目 after 第21项: 已入驻5个国家级高端人才项目)', () => {
    say('t21', '第21项');
    expect(first('t21', '入驻了几个项目')).toContain('5个');
  });
  it('reads a metric the segmenter cut badly as the records’ names write it (低效用地腾退 of 腾退低效用地2.8万亩)', () => {
    expect(first('solo', '19年低效用地腾退了多少亩')).toContain('2.8万亩');
    // (Only a figure whose name holds every word: 生猪出栏完成率 is no 水稻播种完成率.)
    expect(first('solo', '水稻播种完成率')).not.toContain('57.2%');
  });
});

describe('round 23: a rank asked after a figure', () => {
  it('answers the rank its sentence gives the last figure (总量排全省第几 after 19年实际利用外资; 全国地级市排第几 after 城市信用监测综合指数)', () => {
    say('rank1', '嘉兴19年实际利用外资多少');
    expect(first('rank1', '总量排全省第几')).toContain('全省第二');
    say('rank2', '城市信用监测综合指数多少');
    expect(first('rank2', '全国地级市排第几')).toContain('第四');
    expect(first('solo', '城市信用监测综合指数全国地级市排第几')).toContain('第四');
  });
});

describe('round 24: a doing, an industry and a colloquial verb asked after a figure', () => {
  it('asks the same doing of the last thing (建成几家 after 新增小微企业园: 新建成小微企业园9家), and its target after', () => {
    say('doing', '19年新增小微企业园几个');
    expect(first('doing', '21年上半年建成几家')).toContain('9家');
    expect(first('doing', '全年目标呢')).toContain('20家');
    // (Of the thing, not of what was measured of it: 开工了几个 after 攻坚项目完成投资.)
    say('started', '枢纽嘉兴150个攻坚项目完成投资多少');
    expect(first('started', '开工了几个')).toContain('41个');
    // (Alone, a doing names no thing: which is asked.)
    expect(core.ask('建成多少').kind).toBe('none');
  });
  it('asks the same measure of an industry named without its 业 (装备制造呢 after 高新技术产业增加值占规上工业比重)', () => {
    say('industry', '19年高新技术产业增加值占规上工业比重');
    expect(first('industry', '装备制造呢')).toContain('32.3%');
  });
  it('reads 查出 as 发现, 接回 as 接返, and 间 as a count’s unit (发现问题隐患861条, 建设留观室325间)', () => {
    expect(first('solo', '危化品企业专家指导查出多少条隐患')).toContain('861条');
    expect(first('solo', '发热门诊建了多少间留观室')).toContain('325间');
    expect(first('solo', '疫情期间帮企业包车包机接回多少外地员工')).toContain('22.5万');
  });
  it('reads a verb after the thing it made as no thing measured (新锐型青年企业家培育了多少名: 140名, not 领军型’s 10名)', () => {
    expect(first('solo', '新锐型青年企业家培育了多少名')).toContain('140名');
  });
});

describe('round 24: a part, a level and an example asked after a figure', () => {
  it('asks the part the reports name with the last metric’s head (工业呢 after 固投: 工业投资)', () => {
    say('part', '固投');
    expect(first('part', '工业呢')).not.toMatch(/12\.7%/);
    expect(say('part', '工业呢').text).toContain('工业投资');
  });
  it('never answers an example named before 等 with the count of all (基础设施 of 规划设计、基础设施…等12个领域)', () => {
    expect(first('solo', '嘉兴基础设施')).not.toContain('12个');
  });
});
