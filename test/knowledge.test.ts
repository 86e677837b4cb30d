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

  // By file: a seed added later gives its own sources and changes none of these.
  const SEED_KINDS: Record<string, Record<string, number>> = {
    'seeds/2020年嘉兴市政府工作报告.txt': { report: 1 },
    'seeds/2021年政府工作报告重点工作执行情况-上半年.txt': { tasks: 1 },
    'seeds/发展改革工作信息交流-第5期-2021-07-19.txt': { bulletin: 1 },
    'seeds/嘉委发2017-12号-嘉善县域科学发展示范点实施意见.txt': { plan: 1 },
    // The page holds 7 news items and 3 work reports (桐乡市 2018, 濮院镇 2017 and 2018).
    'seeds/桐乡投资资讯与政府工作报告-网页.txt': { news: 7, report: 3 },
  };

  it('reads each of these seeds without problems, as the kinds it holds', () => {
    for (const [file, kinds] of Object.entries(SEED_KINDS)) {
      expect(records.problems.filter((p) => p.file === file), file).toEqual([]);
      const found: Record<string, number> = {};
      for (const s of records.sources.filter((x) => x.file === file)) found[s.kind] = (found[s.kind] ?? 0) + 1;
      expect(found, file).toEqual(kinds);
    }
  });

  it('gives each seed its identity: number, notes, sections and the year its figures are about', () => {
    const by = (part: string) => records.sources.find((s) => s.title.includes(part) && s.file in SEED_KINDS)!;
    expect(by('第5期')).toMatchObject({ number: '第5期', year: 2021, sections: ['【数据透视】', '【工作动态】', '【县市交流】'] });
    expect(by('第5期').notes).toContainEqual(expect.stringMatching(/^发送：市委办公室/));
    expect(by('嘉委发')).toMatchObject({ issuer: '中共嘉兴市委 嘉兴市人民政府', number: '嘉委发〔2017〕12号', year: 2020 });
    expect(by('嘉委发').notes).toContainEqual(expect.stringMatching(/^为贯彻落实《国家发展改革委关于印发/));
    expect(by('2020年浙江省嘉兴市')).toMatchObject({ year: 2019, notes: ['——2020年4月28日在嘉兴市第八届人民代表大会第五次会议上', '嘉兴市人民政府市长 毛宏芳'] });
    expect(by('执行情况')).toMatchObject({ issuer: '市政府办公室', notes: ['发布日期:2021-09-08 17:17 信息来源:市政府办公室'] });
    expect(by('2017年桐乡市濮院镇')).toMatchObject({ date: '2017-01-11', year: 2016, notes: ['2017年1月11日在濮院镇第十七届人民代表大会第一次会议上', '徐华君'] });
  });
});
