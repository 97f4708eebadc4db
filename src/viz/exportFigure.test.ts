import { describe, expect, it } from 'vitest';
import { matrixSvg } from './exportFigure';
import { divergingColor } from './theme';
import { colorToken } from './tokens';

describe('matrix figure as SVG', () => {
  it('draws one rect per cell in the palette, with the title and (large cells) the numbers', () => {
    const { svg, width, height } = matrixSvg([[1, -1], [0, 0.5]], { title: 'O <recurrent> & “WASM”', limit: 1 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('O &#60;recurrent&#62; &#38; “WASM”');
    const fills = [...svg.matchAll(/<rect x="\d+" y="\d+" width="\d+" height="\d+" fill="([^"]+)"/g)].map((m) => m[1]);
    expect(fills).toEqual([1, -1, 0, 0.5].map((x) => divergingColor(x, 1)));
    expect(svg).toContain('>−1.00<');
    expect(svg).toContain('>0.50<');
    expect(width).toBeGreaterThanOrEqual(320);
    expect(height).toBe(2 * 40 + 28 + 16);
  });

  it('carries real colours, resolved from the tokens (a file outside the page has no var(--…))', () => {
    const { svg } = matrixSvg([[1]], { title: 't' });
    expect(svg).not.toContain('var(');
    expect(svg).toContain(`<rect width="320" height="84" fill="${colorToken('--bg')}"/>`);
    expect(svg).toContain(`fill="${colorToken('--fg')}">t<`);
    expect(colorToken('--bg')).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('a 1024 × 64 matrix gets 2-pixel cells and no numbers', () => {
    const values = Array.from({ length: 1024 }, (_, i) => Array.from({ length: 64 }, (_, j) => Math.sin(i + j)));
    const { svg, height } = matrixSvg(values, { title: 'big' });
    expect(height).toBe(1024 * 2 + 28 + 16);
    expect(svg).not.toContain('font-family="monospace"');
    expect(svg.match(/<rect /g)).toHaveLength(1024 * 64 + 1);
  });
});
