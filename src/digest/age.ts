/**
 * How old a digest's figures are: a digest dated today over figures of years ago must say so,
 * or a reader takes 2021's figures for this month's.
 */
import type { Period } from '../types.js';

/** Figures older than this many months, counted from the month the digest is sent, are called old. */
export const OLD_AFTER_MONTHS = 2;

/** The last month a period's figures cover, as year*12 + month - 1; undefined when the period names no year. */
export function lastMonth(p: Period): number | undefined {
  const year = p.kind === 'span' ? p.toYear : p.year;
  if (year === undefined) return undefined;
  const month = p.kind === 'year' || p.kind === 'span' || p.to === undefined ? 12 : p.to;
  return year * 12 + month - 1;
}

/** 2025年7月22日 (as the digest's title gives its day) → year*12 + month - 1. */
export function monthOfDay(day: string | undefined): number | undefined {
  const m = day?.match(/(\d{4})年(\d{1,2})月/);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : undefined;
}

/**
 * The line that says how old the newest of the figures is, when it ends more than two months
 * before the digest's day; undefined when the figures are recent or nothing is known.
 */
export function ageNote(periods: Period[], day: string | undefined): string | undefined {
  const today = monthOfDay(day);
  const newest = periods
    .map((p) => ({ p, end: lastMonth(p) }))
    .filter((x): x is { p: Period; end: number } => x.end !== undefined)
    .sort((a, b) => b.end - a.end)[0];
  if (today === undefined || !newest) return undefined;
  const months = today - newest.end;
  if (months <= OLD_AFTER_MONTHS) return undefined;
  const age = months >= 24 ? `约${Math.floor(months / 12)}年前` : `${months}个月前`;
  return `（注意：简报中最新的数据是${newest.p.label}的，已是${age}的数据）`;
}
