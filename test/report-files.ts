/** Reports as an operator sends them to the bot, made in the tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';

/** A county's statistics bulletin as a Word document, without its year: none of the seeds gives 海宁市's figures for it. */
export async function bulletinDocx(): Promise<Buffer> {
  const lines = [
    '海宁市国民经济和社会发展统计公报',
    '海宁市统计局',
    '2025年3月10日',
    '初步核算，全年全市实现地区生产总值1357.9亿元，比上年增长6.1%。',
    '全年规模以上工业增加值512.3亿元，增长8.2%。',
  ];
  return Packer.toBuffer(new Document({ sections: [{ children: lines.map((t) => new Paragraph(t)) }] }));
}

export const BULLETIN_QUESTION = '海宁市2024年地区生产总值是多少';
export const BULLETIN_FIGURE = '1357.9亿元';

/** The first rows of the 2021 task table as a PDF (test/fixtures/formats). */
export const TASKS_PDF = readFileSync(join(import.meta.dirname, 'fixtures', 'formats', 'tasks-2021-first-rows.pdf'));
