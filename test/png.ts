/**
 * A PNG read back, as a person would look at it: its size from its header, its pixels drawn
 * again by resvg (the PNG as an embedded image), and how much of it is not white background.
 */
import { Resvg } from '@resvg/resvg-js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface Picture {
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Buffer;
}

export function decodePng(png: Buffer): Picture {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  if (image.width !== width || image.height !== height) throw new Error(`decoded ${image.width}×${image.height}, header says ${width}×${height}`);
  return { width, height, pixels: image.pixels };
}

/** Pixels that are not the white background (or, `dark`, that are near black: writing) in rows [from, to). */
export function inked(image: Picture, from = 0, to = Infinity, dark = false): number {
  let n = 0;
  const rows = Math.min(to, image.height);
  for (let i = from * image.width * 4; i < rows * image.width * 4; i += 4) {
    const [r, g, b] = [image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]];
    if (dark ? r < 120 && g < 120 && b < 120 : r < 235 || g < 235 || b < 235) n++;
  }
  return n;
}

/** A chart as drawn: at least 800 px wide, not blank, and its title written (no font, no glyphs). */
export function looksLikeChart(png: Buffer): Picture {
  const image = decodePng(png);
  if (image.width < 800) throw new Error(`${image.width} px wide`);
  if (inked(image) < image.width * image.height * 0.015) throw new Error('blank');
  if (inked(image, 10, 50, true) < 500) throw new Error('no title written');
  return image;
}
