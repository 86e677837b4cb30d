/**
 * The chart font cut down to the characters of one chart. resvg reads a font file again for
 * every text it lays out: the whole Noto Sans SC (8 MB) took about 10 ms a text, a chart's
 * subset (10–20 KB) a fraction of one. HarfBuzz's subsetter (harfbuzzjs, WebAssembly) holds the
 * whole font once per process and cuts it in a few milliseconds.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Noto Sans (Simplified Chinese: GB2312's characters, and Latin), as @embedpdf/fonts-sc installs it. */
export const FONT_FILE = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');
/** Its family name, for the SVG's font-family and resvg's default. */
export const FONT_FAMILY = 'Noto Sans S Chinese';

interface HarfBuzz {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(n: number): number;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const MEMORY_READONLY = 1;
const SETS_DROP_TABLE_TAG = 3;
const FLAGS_NO_HINTING = 0x1;
const FLAGS_NO_LAYOUT_CLOSURE = 0x200;
/** Tables a horizontal chart label never uses: substitutions, positioning, vertical metrics. */
const DROPPED = ['GSUB', 'GPOS', 'GDEF', 'vhea', 'vmtx', 'VORG'];
const tag = (s: string) => [...s].reduce((a, ch) => a * 256 + ch.charCodeAt(0), 0);

let loaded: { hb: HarfBuzz; face: number } | undefined;

/** HarfBuzz and the whole font in its memory, made once (synchronously: a few ms, then kept). */
function harfBuzz(): { hb: HarfBuzz; face: number } {
  if (loaded) return loaded;
  const wasm = new WebAssembly.Module(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')));
  const hb = new WebAssembly.Instance(wasm, {}).exports as unknown as HarfBuzz;
  hb._initialize();
  const font = readFileSync(FONT_FILE);
  const at = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, at);
  const blob = hb.hb_blob_create(at, font.byteLength, MEMORY_READONLY, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  loaded = { hb, face };
  return loaded;
}

/** The font with only the glyphs of `text` (and what every font keeps: .notdef). */
export function fontFor(text: string): Buffer {
  const { hb, face } = harfBuzz();
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) throw new Error('chart font: harfbuzz could not start a subset');
  try {
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | FLAGS_NO_HINTING | FLAGS_NO_LAYOUT_CLOSURE);
    const drop = hb.hb_subset_input_set(input, SETS_DROP_TABLE_TAG);
    for (const t of DROPPED) hb.hb_set_add(drop, tag(t));
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const ch of new Set(text)) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
    const subset = hb.hb_subset_or_fail(face, input);
    if (!subset) throw new Error('chart font: harfbuzz could not cut the font');
    const blob = hb.hb_face_reference_blob(subset);
    const bytes = Buffer.from(new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(blob, 0), hb.hb_blob_get_length(blob)));
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(subset);
    return bytes;
  } finally {
    hb.hb_subset_input_destroy(input);
  }
}
