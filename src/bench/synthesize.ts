/**
 * Records at a larger scale, synthesized from the real ones: copy k shifts every year by k and
 * moves the record to another region, so the copies are distinct records a question must tell apart.
 */
import type { Indicator, Passage, Task } from '../types.js';
import type { RecordSet } from '../knowledge/load.js';

const REGIONS = ['嘉兴市', '南湖区', '秀洲区', '嘉善县', '平湖市', '海盐县', '海宁市', '桐乡市'];

export function synthesize(records: RecordSet, times: number): RecordSet {
  const shiftText = (text: string, k: number) => text.replace(/((?:19|20)\d{2})年/g, (_, y) => `${Number(y) + k}年`);
  const region = (r: string, k: number) => REGIONS[(REGIONS.indexOf(r) + k + REGIONS.length) % REGIONS.length] ?? r;
  const out: RecordSet = { sources: records.sources, indicators: [...records.indicators], tasks: [...records.tasks], passages: [...records.passages] };
  for (let k = 1; k < times; k++) {
    for (const i of records.indicators) {
      out.indicators.push({
        ...i,
        id: `${i.id}~${k}`,
        region: region(i.region, k),
        period: { ...i.period, year: i.period.year === undefined ? undefined : i.period.year + k, label: shiftText(i.period.label, k) },
        sentence: shiftText(i.sentence, k),
      } as Indicator);
    }
    for (const t of records.tasks) out.tasks.push({ ...t, id: `${t.id}~${k}`, number: t.number === null ? null : t.number + 1000 * k, region: region(t.region, k) } as Task);
    for (const p of records.passages) {
      out.passages.push({
        ...p,
        id: `${p.id}~${k}`,
        text: shiftText(p.text, k),
        region: region(p.region, k),
        period: { ...p.period, year: p.period.year === undefined ? undefined : p.period.year + k },
      } as Passage);
    }
  }
  return out;
}

