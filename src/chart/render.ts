/**
 * Draws an Answer's chart: Apache ECharts renders it to SVG on the server (no browser, no
 * canvas), resvg turns the SVG into a PNG with the CJK font of an npm dependency — never a
 * system font, so a chart looks the same on every machine.
 */
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { Chart } from '../types.js';
import { chartOption } from './option.js';
import { FONT_FAMILY, fontFor } from './font.js';

// ECharts' one-file build: its ES modules are some 900 files, which took seconds to load.
const echarts = createRequire(import.meta.url)('echarts') as typeof import('echarts');

/** Wide enough to read on a phone held across, and for every county's name under its bar. */
export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 600;

/** The chart as SVG text. */
export function chartSvg(chart: Chart): string {
  const view = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    view.setOption(chartOption(chart, CHART_WIDTH));
    return view.renderToSVGString();
  } finally {
    view.dispose();
  }
}

/** resvg loads fonts from files only: each chart's font lies here while it is drawn. */
let fontDir: string | undefined;
let drawn = 0;
function fontFile(font: Buffer): string {
  if (!fontDir) {
    const dir = mkdtempSync(join(tmpdir(), 'jx-chart-font-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    fontDir = dir;
  }
  const file = join(fontDir, `${++drawn}.otf`);
  writeFileSync(file, font);
  return file;
}

/** The chart as a PNG image, on white. */
export function chartPng(chart: Chart): Buffer {
  const svg = chartSvg(chart);
  // Every character of the SVG: its texts, and markup's few Latin letters (a glyph each, no matter).
  const file = fontFile(fontFor(svg));
  try {
    const resvg = new Resvg(svg, { font: { fontFiles: [file], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY }, background: '#ffffff' });
    return resvg.render().asPng();
  } finally {
    unlinkSync(file);
  }
}
