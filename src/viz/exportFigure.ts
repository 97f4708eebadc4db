// A matrix figure as a stand-alone file: an SVG drawn from the numbers (the same diverging palette
// and fixed limit as the page), and a PNG rasterised from that SVG. The SVG is the source of truth,
// so the two downloads always show the same picture.
import { formatNumber } from './format';
import { limitOf } from './scales';
import { divergingColor, textOn, uiColor } from './theme';

export interface MatrixSvgOptions {
  /** A line of text above the matrix (e.g. "Outputs O · deltanet · recurrent · WASM"). */
  title: string;
  /** Symmetric colour limit; defaults to max |value|. */
  limit?: number;
  /** Largest side of the drawn matrix in pixels (cells are square, between 1 and 40 px). */
  maxSide?: number;
  digits?: number;
}

export interface MatrixSvg {
  svg: string;
  width: number;
  height: number;
}

const TITLE_PX = 28;
const PAD = 8;
const escapeXml = (s: string): string => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Cells as rects (and their numbers when a cell is large enough to read them). */
export function matrixSvg(values: readonly (readonly number[])[], { title, limit, maxSide = 2048, digits = 2 }: MatrixSvgOptions): MatrixSvg {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const lim = limit ?? limitOf(values);
  const cell = Math.max(1, Math.min(40, Math.floor(maxSide / Math.max(rows, cols, 1))));
  const gap = cell >= 10 ? 1 : 0;
  const width = Math.max(cols * cell + 2 * PAD, 320);
  const height = rows * cell + TITLE_PX + 2 * PAD;
  const numbers = cell >= 34;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" shape-rendering="crispEdges">`,
    `<rect width="${width}" height="${height}" fill="${uiColor.grid}"/>`,
    `<text x="${PAD}" y="${PAD + 16}" font-family="system-ui, sans-serif" font-size="14" fill="${uiColor.fg}">${escapeXml(title)}</text>`,
    `<g transform="translate(${PAD} ${PAD + TITLE_PX})">`,
  ];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const x = values[i][j];
      parts.push(`<rect x="${j * cell}" y="${i * cell}" width="${cell - gap}" height="${cell - gap}" fill="${divergingColor(x, lim)}"/>`);
      if (numbers)
        parts.push(
          `<text x="${j * cell + cell / 2}" y="${i * cell + cell / 2 + 4}" text-anchor="middle" font-family="monospace" font-size="11" fill="${textOn(x, lim)}">${escapeXml(formatNumber(x, digits))}</text>`,
        );
    }
  }
  parts.push('</g></svg>');
  return { svg: parts.join(''), width, height };
}

/** Rasterise an SVG string to a PNG through an offscreen canvas (browser only). */
export async function svgToPng({ svg, width, height }: MatrixSvg): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
