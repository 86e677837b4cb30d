/** The text layer of extraction: page clutter, glosses and footnotes, spans of years, dates. */
import { describe, expect, it } from 'vitest';
import { paragraphs } from '../src/extract/prose.js';
import { cellLineBlocks } from '../src/extract/read/cell-lines.js';
import { blocksToLines } from '../src/extract/read/lines.js';
import { clean, isClutter, asWritten } from '../src/extract/clean.js';
import { layout } from '../src/extract/layout.js';
import { findPeriods, span } from '../src/text/period.js';
import { dateIn, identify, issuers } from '../src/extract/identity.js';
import { lexicon } from '../src/knowledge/lexicon.js';
import { tidy } from '../src/text/normalize.js';

const lay = layout();

describe('page clutter', () => {
  it('knows navigation, login prompts, badges and page numbers', () => {
    for (const line of ['首页', '> 政务公开 > 法规文件', '注册 | 登录', '登录后可继续阅读全文', 'VIP专免', '35.4KB', '46 页', '999+', '0/0', '— 12 —', '第 3 页 共 46 页', '浏览次数:']) {
      expect(isClutter(line, lay), line).toBe(true);
    }
  });
  it('leaves text alone', () => {
    for (const line of ['2025年嘉兴市政府工作报告', '一、综合', '6月全市一般公共预算收入86.87亿元。', '1', '市发展改革委']) {
      expect(isClutter(line, lay), line).toBe(false);
    }
  });
});

describe('glosses, footnotes, traditional characters', () => {
  it('drops pinyin glosses and footnote marks, keeps (GDP) and figures after quotes', () => {
    const { lines } = clean(['政府工作報(bào)告', '坚持“两个毫不动摇”8,争取', '“410”行动7为抓手', '“浙政钉”上线应用29个', '生产总值(GDP)为6355亿元', '比上年增长7.5%[1]。'], lay);
    expect(lines).toEqual(['政府工作报告', '坚持“两个毫不动摇”,争取', '“410”行动为抓手', '“浙政钉”上线应用29个', '生产总值(GDP)为6355亿元', '比上年增长7.5%。']);
  });
  it('drops glosses without tone marks only where a line has several (億(yi)(yi)元), and keeps one (km) after a word', () => {
    const { lines } = clean(['2020年(nian)嘉興(xing)地區(qu)生(sheng)產總值達到5509.52億(yi)(yi)元(yuan)', '全长12公里(km)'], lay);
    expect(lines[0]).toBe('2020年嘉興地區生產總值達到5509.52億元');
    expect(lines[1]).toBe('全长12公里(km)');
  });
  it('drops a bracketed note mark wherever it follows a word, and keeps a note’s own number and a list’s circled one', () => {
    const { lines } = clean(['推进全面创新改革,R&D占比[2]达2.97%', '镇(街道)“四个平台”[6]基本建成。', '注：[1]规模以上工业', '①加快产业转型', '实现家庭共济［4］,基本医疗'], lay);
    expect(lines).toEqual(['推进全面创新改革,R&D占比达2.97%', '镇(街道)“四个平台”基本建成。', '注：[1]规模以上工业', '①加快产业转型', '实现家庭共济,基本医疗']);
  });
  it('reads traditional text in simplified characters and quotes it as written', () => {
    const c = clean(['2021年末,全市戶籍人口為371.85萬人,較上年末增加4.47萬人。依照地區生產總值統一核算的初步結果。'], lay);
    expect(c.lines[0]).toContain('全市户籍人口为371.85万人');
    expect(asWritten('全市户籍人口为371.85万人', c)).toBe('全市戶籍人口為371.85萬人');
  });
  it('keeps the space between a date and a time', () => {
    expect(tidy('发布日期:2022-05-13 14:19 信息来源: 市政府办公室')).toBe('发布日期:2022-05-13 14:19信息来源:市政府办公室');
    expect(tidy('从 773 亿元提升到 1196 亿元')).toBe('从773亿元提升到1196亿元');
  });
});

describe('spans of years', () => {
  const first = (text: string, year?: number, now?: number) => findPeriods(text, year, now)[0]?.period;
  it('reads the five-year plans, year ranges and 过去五年 / 今后五年', () => {
    expect(first('“十三五”时期')).toMatchObject({ kind: 'span', fromYear: 2016, toYear: 2020 });
    expect(first('十四五期间')).toMatchObject({ kind: 'span', fromYear: 2021, toYear: 2025 });
    expect(first('2016-2020年')).toMatchObject({ kind: 'span', fromYear: 2016, toYear: 2020, label: '2016-2020年' });
    expect(first('过去五年', undefined, 2022)).toMatchObject({ kind: 'span', fromYear: 2017, toYear: 2021, label: '过去五年（2017-2021年）' });
    expect(first('今后五年', undefined, 2022)).toMatchObject({ kind: 'span', fromYear: 2022, toYear: 2026 });
    expect(first('五年来', 2021)).toMatchObject({ fromYear: 2017, toYear: 2021 });
    expect(span('未来五年')).toMatchObject({ kind: 'span', label: '今后五年' });
  });
  it('a first or last year of a plan is one year, not the span', () => {
    expect(findPeriods('“十四五”元年大招商').some((p) => p.period.kind === 'span')).toBe(false);
    expect(first('“十二五”开局之年,浙江省生产总值预计达31800亿元')).toMatchObject({ kind: 'year', year: 2011 });
    expect(first('十三五收官之年')).toMatchObject({ kind: 'year', year: 2020 });
    expect(first('“十四五”元年大招商')).toMatchObject({ kind: 'year', year: 2021 });
  });
  it('a year written out says whose months follow it (2025年前11个月)', () => {
    expect(first('2025年前11个月,义乌市进出口总额', 2021)).toMatchObject({ kind: 'range', year: 2025, from: 1, to: 11 });
  });
  it('年末 is the end of the year', () => {
    expect(first('年末全市常住人口', 2021)).toMatchObject({ kind: 'asof', year: 2021, to: 12, label: '2021年底' });
    expect(findPeriods('较上年末增加').map((p) => p.period.kind)).toEqual(['year']);
  });
});

describe('identity pieces', () => {
  it('reads dates, and organs issuing together', () => {
    expect(dateIn('(2022 年2月15 日在海宁市')).toBe('2022-02-15');
    expect(dateIn('2022-13-45')).toBeUndefined();
    expect(issuers('中共嘉兴市委嘉兴市人民政府')).toBe('中共嘉兴市委 嘉兴市人民政府');
  });
});

describe('site menus', () => {
  it('bracketed menu lines and font-size pickers are clutter', () => {
    for (const line of ['【打印本页】【关闭窗口】', '【字体：大 中 小】', '字号：大 中 小', '分享到：微信 微博']) expect(isClutter(line, lay), line).toBe(true);
    // A part's title in brackets is text.
    expect(isClutter('【数据透视】', lay)).toBe(false);
  });
});

describe('titles', () => {
  it('are lines naming a kind of document, by the words of knowledge/layout.json', () => {
    const lines = ['嘉兴市数字经济发展白皮书', '2023年,全市数字经济核心产业增加值增长8%。'];
    expect(identify(lines, lexicon(), lay).title).toBe('');
    expect(identify(lines, lexicon(), { ...lay, titleWords: [...lay.titleWords, '白皮书'] }).title).toBe('嘉兴市数字经济发展白皮书');
    expect(identify(['2022年海宁市政府工作报告', '各位代表:'], lexicon(), lay).title).toBe('2022年海宁市政府工作报告');
  });
});

describe('paragraphs of PDF text', () => {
  it('join a numbered heading that runs on into a sentence cut by a line break', () => {
    const lines = ['(一)坚持项目为王,有效投资持续扩大。全年新开工亿元', '以上项目 42 个,竣工亿元以上项目 36 个。', '(二)全力推动创新发展', '力争新增国家高新技术企业 50 家。'];
    expect(paragraphs(lines).map((p) => p.text)).toEqual([
      '(一)坚持项目为王,有效投资持续扩大。全年新开工亿元以上项目 42 个,竣工亿元以上项目 36 个。',
      '(二)全力推动创新发展',
      '力争新增国家高新技术企业 50 家。',
    ]);
  });
  it('end on a figure before a blank line and a lead sentence of their own (…增长21.3% / 建筑业产值平稳增长。), not before more of a list', () => {
    const lead = ['全年利税总额210.87亿元,较上年增长21.3%', '', '建筑业产值平稳增长。全年建筑企业总产值74.86亿元,较上年增长8.5%。'];
    expect(paragraphs(lead)).toHaveLength(2);
    const list = ['2023年全区经济社会发展的主要预期目标是:地区生产总值增长8%;一般公共预算收入增长10%、力争完成65亿元', '', '固定资产投资增长6%,其中工业投资完成200亿元。'];
    expect(paragraphs(list)).toHaveLength(1);
  });
});

describe('a web table copied one cell a line (序号 | / 目标任务 | / … / 1 | / …)', () => {
  it('is read back into rows: from each number to the next, each line of a row closed by its empty note, its cells right to left', () => {
    const lines = ['2022年民生实事进度表', '序号 |', '目标任务 |', '牵头单位 |', '目标 |', '累计完成 |', '备注 |', '1 |', '城镇新增就业1100人 |', '县人社局 |', '1100 |', '1063 |', '|', '“三公里”充分就业社区4个 |', '4 |', '4 |', '|', '2 |', '培训家政服务人员613人次 |', '县科商', '工信局 |', '613 |', '626 |', '|'];
    expect(blocksToLines(cellLineBlocks(lines))).toEqual([
      '2022年民生实事进度表',
      '| 序号 | 目标任务 | 牵头单位 | 目标 | 累计完成 | 备注 |',
      '| 1 | 城镇新增就业1100人 | 县人社局 | 1100 | 1063 |  |',
      '|  | “三公里”充分就业社区4个 |  | 4 | 4 |  |',
      '| 2 | 培训家政服务人员613人次 | 县科商¦工信局 | 613 | 626 |  |',
    ]);
  });
  it('reads a line the page cuts off before its note as the row’s words before the note (…西湖家园等5个项目已经基本完工)', () => {
    const lines = ['序号 |', '目标任务 |', '牵头单位 |', '进展情况 |', '备注 |', '1 |', '竣工24个 |', '区住建局 |', '开工15个 |', '|', '西湖家园等5个项目已经基本完工'];
    expect(blocksToLines(cellLineBlocks(lines)).at(-1)).toBe('|  |  |  | 西湖家园等5个项目已经基本完工 |  |');
  });
  it('leaves a text with no such table as it is, line for line', () => {
    const lines = ['', '标题', '全年增长5% |', '正文'];
    expect(cellLineBlocks(lines)).toEqual([{ type: 'text', lines }]);
  });
});
