/** A task's lines as every task answer shows them: what was asked first. */
import { describe, expect, it } from 'vitest';
import { taskLines } from '../src/answer/task-lines.js';
import type { Task } from '../src/types.js';
import { lexicon } from '../src/knowledge/lexicon.js';

const task = (progress: string[], status: string | null = null): Task => ({ id: 't', type: 'task', source: 's', number: 2, text: '新增安装300套路口交通信息视频采集设备。', progress, lead: ['市公安局'], others: [], status, section: '', region: '宁波市', line: 1 });
const firstLine = (t: Task) => taskLines(t, { progress: true, whole: lexicon().lexicon.wholeProgress.words })[0].map((s) => s.text).join('');

describe('a task asked its progress', () => {
  it('says first the clause that gives the whole task’s share done, out of a long sentence of its parts', () => {
    const t = task(['中心设备调试、前端摄像机上杆安装,以及外场线路铺设、立杆基础浇筑、基础管道施工等工作,整体进度已完成年度目标任务的55%,项目按预期计划扎实有序推进。']);
    expect(firstLine(t)).toBe('第2项任务进度：整体进度已完成年度目标任务的55% · 牵头：市公安局');
  });
  it('lists the progress under a clause taken out of its sentence, not under one that stands as a clause of its own', () => {
    const body = (t: Task) => taskLines(t, { progress: true, whole: lexicon().lexicon.wholeProgress.words }).map((l) => l.map((s) => s.text).join('')).join('\n');
    expect(body(task(['将新就业无房职工及稳定就业外来务工人员纳入住房保障体系,发放公租房租赁补贴5462户,完成年度目标任务的99.3%。']))).toContain('5462户');
    expect(body(task(['斋坛-大路、白角外-庄门提升工程已完工,泉大线、平田-塘后提升工程已完成工程量70%;本项目已完成总工程量的85%。']))).not.toContain('70%');
  });
  it('says its status first where no clause gives the whole', () => {
    expect(firstLine(task(['前端摄像机上杆安装已完成三成,外场线路铺设正在进行中,立杆基础浇筑和基础管道施工等工作有序推进。'], '按时推进'))).toBe('第2项任务 · 进展状态：按时推进 · 牵头：市公安局');
  });
});
