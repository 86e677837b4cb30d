/**
 * A monthly bulletin (《发展改革工作 信息交流》): a masthead with issue number, issuer and
 * date; 【数据透视】 sentences of headline indicators; news items under "### ●" titles.
 */
import type { Format, SourceRecords } from '../document.js';
import { findDate, period, placeOf } from '../document.js';
import { mostSpecificPlace } from '../../text/places.js';
import { paragraphs, readProse } from '../prose.js';
import type { Context } from '../figures.js';
import { identify } from '../identity.js';
import { layout } from '../layout.js';

export const bulletin: Format = {
  name: 'bulletin',
  detect: (text) => /【数据透视】/.test(text),
  read(_text, lines, lex, about) {
    const top = lines.slice(0, 30);
    const name = top.find((l) => /^#(?!#)/.test(l))?.replace(/^#\s*/, '') ?? '';
    const issueLine = top.find((l) => /第\s*\d+\s*期/.test(l)) ?? '';
    const issue = issueLine.match(/第\s*\d+\s*期/)?.[0] ?? '';
    const series = `${name}${issueLine.replace(issue, '')}`.trim();
    const issuer = top.find((l) => /(委员会|局|办公室|政府)$/.test(l)) ?? '';
    const date = findDate(top.join('\n')) ?? '';
    const year = date ? Number(date.slice(0, 4)) : (about.operator.year ?? about.fileName.year);
    const id = identify(lines, lex, layout());
    const place = placeOf(about, lex, ['issuer', issuer], ['title', series]);
    // Its parts (【数据透视】【工作动态】【县市交流】), as the body opens them.
    const sections = [...new Set(lines.filter((l) => /^##\s*【[^】]+】\s*$/.test(l)).map((l) => l.replace(/^#+\s*/, '').trim()))];
    const source: SourceRecords['source'] = {
      key: '',
      type: 'source',
      kind: 'bulletin',
      title: `《${series}》${issue}`,
      issuer,
      date,
      line: 1,
      region: place.region,
      ...(year ? { year } : {}),
      evidence: { place: place.from, year: date ? 'date' : about.operator.year ? 'operator' : year ? 'file name' : undefined, kind: 'content' },
      ...(issue ? { number: issue.replace(/\s+/g, '') } : {}),
      ...(id.notes.length ? { notes: id.notes } : {}),
      ...(sections.length ? { sections } : {}),
    };

    // Walk the body: ## opens a part (【数据透视】, 【工作动态】…), ### ● a news item.
    const start = lines.findIndex((l, i) => /^##\s*【/.test(l) && i > lines.findIndex((x) => /目\s*录/.test(x)) + 1);
    const body = lines.slice(Math.max(0, start));
    const end = body.findIndex((l) => /^签发|^---$/.test(l.trim()));
    // **bold** marks the headline metrics in the source; the marks themselves are not text.
    const raw = end >= 0 ? body.slice(0, end) : body;
    const boldLines = new Set(raw.flatMap((l, i) => (/\*\*[^*]+\*\*/.test(l) ? [Math.max(0, start) + 1 + i] : [])));
    const plain = raw.map((l) => l.replace(/\*\*/g, ''));
    const paras = paragraphs(plain, Math.max(0, start) + 1);
    const base: Context = {
      region: source.region,
      year,
      period: period({ kind: 'none', year, to: date ? Number(date.slice(5, 7)) : undefined }, date ? `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月报道` : ''),
      nature: 'actual',
      section: source.title,
    };
    const contexts = new Map<(typeof paras)[number], Context>();
    let part = '';
    let ctx = base;
    const kept = paras.filter((p) => {
      if (/^##\s*【/.test(p.text)) {
        part = p.text.replace(/^#+\s*/, '');
        ctx = { ...base, section: part };
        return false;
      }
      if (/^#{2,3}\s*●?/.test(p.text)) {
        const title = p.text.replace(/^#+\s*●?\s*/, '');
        ctx = { ...base, section: title, region: mostSpecificPlace(title, lex) ?? base.region };
        return false;
      }
      // Attributions such as （国民经济综合处） state nothing.
      if (/^[（(][^）)]{2,20}[）)]$/.test(p.text)) return false;
      contexts.set(p, ctx);
      return true;
    });
    const prose = readProse(kept, (p) => contexts.get(p)!, lex);
    // Headline figures: those of 【数据透视】 paragraphs that name a metric in bold.
    for (const ind of prose.indicators) if (ind.section === '【数据透视】' && boldLines.has(ind.line)) ind.headline = true;
    return { items: [{ source, tasks: [], ...prose }], problems: [] };
  },
};
