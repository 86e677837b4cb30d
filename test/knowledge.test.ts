import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFiles, extractAll } from '../src/knowledge/build.js';
import { GENERATED_DIR } from '../src/knowledge/lexicon.js';

const records = await extractAll();
const built = buildFiles(records);

describe('npm run knowledge', () => {

  it('builds exactly what is committed in knowledge/generated (else run `npm run knowledge` and commit)', () => {
    for (const [name, content] of Object.entries(built)) {
      const committed = readFileSync(join(GENERATED_DIR, name), 'utf8');
      expect(committed === content, `knowledge/generated/${name} is stale`).toBe(true);
    }
  });

  it('is deterministic', async () => {
    expect(buildFiles(await extractAll())).toEqual(built);
    // A whole build: seconds on a busy machine.
  }, 60_000);

  it('reads every seed document without problems', () => {
    expect(records.problems).toEqual([]);
    const kinds: Record<string, number> = {};
    for (const s of records.sources) kinds[s.kind] = (kinds[s.kind] ?? 0) + 1;
    // The page holds 7 news items and 3 work reports (桐乡市 2018, 濮院镇 2017 and 2018).
    expect(kinds).toEqual({ bulletin: 1, tasks: 1, plan: 1, news: 7, report: 4 });
  });

  it('gives each seed its identity: number, notes, sections and the year its figures are about', () => {
    const by = (part: string) => records.sources.find((s) => s.title.includes(part))!;
    expect(by('第5期')).toMatchObject({ number: '第5期', year: 2021, sections: ['【数据透视】', '【工作动态】', '【县市交流】'] });
    expect(by('第5期').notes).toContainEqual(expect.stringMatching(/^发送：市委办公室/));
    expect(by('嘉委发')).toMatchObject({ issuer: '中共嘉兴市委 嘉兴市人民政府', number: '嘉委发〔2017〕12号', year: 2020 });
    expect(by('嘉委发').notes).toContainEqual(expect.stringMatching(/^为贯彻落实《国家发展改革委关于印发/));
    expect(by('2020年浙江省嘉兴市')).toMatchObject({ year: 2019, notes: ['——2020年4月28日在嘉兴市第八届人民代表大会第五次会议上', '嘉兴市人民政府市长 毛宏芳'] });
    expect(by('执行情况')).toMatchObject({ issuer: '市政府办公室', notes: ['发布日期:2021-09-08 17:17 信息来源:市政府办公室'] });
    expect(by('2017年桐乡市濮院镇')).toMatchObject({ date: '2017-01-11', year: 2016, notes: ['2017年1月11日在濮院镇第十七届人民代表大会第一次会议上', '徐华君'] });
  });
});
