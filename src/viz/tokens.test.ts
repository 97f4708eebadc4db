// The colour tokens (src/styles/tokens.css) against the page: one home for every colour, no reference
// to a token that does not exist, WCAG contrast for text and meaningful graphics on the real
// backgrounds, and symbols and mechanisms that stay apart for protanopes and deuteranopes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { MECHANISMS, MECHANISM_SPECS } from '../core/registry';
import { contrast, deltaE2000, simulate, type Deficiency } from './colorMath';
import { colorToken } from './tokens';
import { katexMacros } from './katexMacros';
import { parseTokens, themeValues, type TokenSheet } from './tokenParse';
import { MECHANISM_LINE, MECHANISM_TOKENS, SYMBOL_TOKENS, mechanismColor, symbolColor, uiColor, type PlottedMechanism } from './theme';

const ROOT = join(__dirname, '..', '..');
const TOKENS_FILE = 'src/styles/tokens.css';
const sheet = parseTokens(readFileSync(join(ROOT, TOKENS_FILE), 'utf8'));
const THEMES = [':root', ...sheet.themes.keys()];

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path, ext) : ext.test(name) ? [path] : [];
  });
}
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const CSS = filesUnder('src', /\.css$/);
const CODE = filesUnder('src', /\.tsx?$/).filter((f) => !/\.test\.tsx?$|test-|testLabels/.test(f));

/** WCAG text (4.5 : 1) and graphics (3 : 1); a failure reads "token on surface: ratio". */
function contrastFailures(s: TokenSheet): string[] {
  const out: string[] = [];
  for (const theme of [':root', ...s.themes.keys()]) {
    const t = themeValues(s, theme);
    const value = (name: string) => {
      const d = t.get(name);
      if (!d) throw new Error(`${theme}: missing token ${name}`);
      return d.value;
    };
    const check = (name: string, on: string, min: number) => {
      const r = contrast(value(name), value(on));
      if (r < min) out.push(`${theme} ${name} on ${on}: ${r.toFixed(2)} : 1 < ${min}`);
    };
    for (const [name, d] of t) {
      if (d.role === 'text') for (const on of d.on ? [d.on] : ['--bg', '--panel']) check(name, on, 4.5);
      if (d.role === 'graphic') for (const on of ['--bg', '--panel']) check(name, on, 3);
      if (d.role === 'surface') for (const text of ['--fg', '--muted']) check(text, name, 4.5);
    }
  }
  return out;
}

/**
 * The smallest CIEDE2000 difference two colours must keep, in normal vision and as simulated for
 * protanopia and deuteranopia. ΔE00 ≈ 1 is a just-noticeable difference between large patches; for
 * thin lines and glyphs the noticeable step grows several-fold (Szafir 2018, "Modeling Color
 * Difference for Visualization Design", IEEE TVCG 24(1)), so 10 keeps two symbols or two lines
 * apart at the sizes the figures and formulas draw them.
 */
const MIN_DELTA_E = 10;
const VISIONS: readonly (Deficiency | 'normal')[] = ['normal', 'protanopia', 'deuteranopia'];
const seen = (hex: string, v: Deficiency | 'normal') => (v === 'normal' ? hex : simulate(hex, v));

/** Pairs closer than MIN_DELTA_E in some vision: "a–b vision ΔE". */
function closePairs(colors: Readonly<Record<string, string>>, visions = VISIONS): { a: string; b: string; text: string }[] {
  const names = Object.keys(colors);
  const out: { a: string; b: string; text: string }[] = [];
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++)
      for (const v of visions) {
        const d = deltaE2000(seen(colors[names[i]], v), seen(colors[names[j]], v));
        if (d < MIN_DELTA_E) out.push({ a: names[i], b: names[j], text: `${names[i]}–${names[j]} ${v} ΔE00 ${d.toFixed(1)}` });
      }
  return out;
}

/** Mechanism pairs whose colours merge in some vision and whose lines look the same too. */
function unstyledClosePairs(colors: Readonly<Record<PlottedMechanism, string>>, line = MECHANISM_LINE): string[] {
  return closePairs(colors)
    .filter(({ a, b }) => {
      const [x, y] = [line[a as PlottedMechanism], line[b as PlottedMechanism]];
      return x.dash === y.dash && x.marker === y.marker;
    })
    .map((p) => p.text);
}

describe('the tokens file', () => {
  it('gives every declaration a role, and its themes override only tokens :root defines', () => {
    expect(sheet.root.size).toBeGreaterThan(40);
    for (const [theme, decls] of sheet.themes) for (const name of decls.keys()) expect(sheet.root.has(name), `${theme} ${name}`).toBe(true);
    expect(() => parseTokens(':root { --x: #fff; }')).toThrow(/role/);
  });

  it('holds the only colour literals of the style sheets', () => {
    const literal = /#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\(/;
    const offenders = CSS.filter((f) => f !== TOKENS_FILE).flatMap((f) =>
      read(f)
        .split('\n')
        .map((line, i) => ({ line, at: `${f}:${i + 1}` }))
        .filter(({ line }) => literal.test(line.replace(/\/\*.*?\*\//g, '')))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it('holds the only colour literals of the code (but the data palette and the colour arithmetic)', () => {
    const allowed = new Set(['src/viz/diverging.ts', 'src/viz/colorMath.ts']);
    const offenders = CODE.filter((f) => !allowed.has(f)).flatMap((f) =>
      read(f)
        .split('\n')
        .map((line, i) => ({ line, at: `${f}:${i + 1}` }))
        .filter(({ line }) => /['"`]#[0-9a-fA-F]{3,8}['"`]|=\s*"#[0-9a-fA-F]{3,8}"|\b(?:rgba?|hsla?)\(\s*\d/.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it('leaves the course text no colour of its own: formulas colour terms with the symbol macros', () => {
    const offenders = filesUnder('content', /\.md$/).flatMap((f) => [...read(f).matchAll(/\\(?:text)?colou?r\{[^}]*\}/g)].map((m) => `${f}: ${m[0]}`));
    expect(offenders).toEqual([]);
    expect(katex.renderToString('\\symgamma{f_t}', { macros: { ...katexMacros }, output: 'html' })).toContain(`color:${symbolColor.gamma.toLowerCase()}`);
  });

  it('defines every var(--…) the style sheets and components use', () => {
    const defined = new Set(sheet.root.keys());
    // Non-colour custom properties (fonts, layout) declared in the style sheets or set inline.
    for (const f of [...CSS, ...CODE]) for (const m of read(f).matchAll(/(?:^|[{;\s'"])(--[\w-]+)['"]?\s*:/gm)) defined.add(m[1]);
    for (const f of CODE) for (const m of read(f).matchAll(/setProperty\(\s*['"](--[\w-]+)['"]/g)) defined.add(m[1]);
    const missing = [...CSS, ...CODE].flatMap((f) => [...read(f).matchAll(/var\(\s*(--[\w-]+)/g)].filter((m) => !defined.has(m[1])).map((m) => `${f}: ${m[1]}`));
    expect(missing).toEqual([]);
  });

  it('defines every token the code names (colorToken calls, the theme and registry tables)', () => {
    const named = CODE.flatMap((f) =>
      [...read(f).matchAll(/colorToken\(\s*'(--[\w-]+)'|'(--(?:sym|mech)-[\w-]+)'/g)].map((m) => ({ f, name: m[1] ?? m[2] })),
    );
    const tables = [...Object.values(SYMBOL_TOKENS), ...Object.values(MECHANISM_TOKENS)];
    expect(named.length).toBeGreaterThan(20);
    const missing = [...named, ...tables.map((name) => ({ f: 'theme.ts', name }))].filter(({ name }) => !sheet.root.has(name));
    expect(missing).toEqual([]);
  });

  it('resolves every colour the code reads to a real value, and throws on a missing token', () => {
    for (const table of [symbolColor, mechanismColor, uiColor]) for (const [k, v] of Object.entries(table)) expect(v, k).toMatch(/^#[0-9a-f]{6}$/i);
    expect(() => colorToken('--no-such-token')).toThrow(/no colour token/);
  });

  it('prefers the live page’s value (presenter mode’s overrides) and falls back to the file’s', () => {
    const g = globalThis as Record<string, unknown>;
    g.document = { documentElement: {} };
    g.getComputedStyle = () => ({ getPropertyValue: (n: string) => (n === '--bg' ? ' #ffffff' : '') });
    try {
      expect(colorToken('--bg')).toBe('#ffffff');
      expect(colorToken('--fg')).toBe(sheet.root.get('--fg')?.value);
    } finally {
      delete g.document;
      delete g.getComputedStyle;
    }
  });

  it('asks the page again when its theme classes change, not for every colour it draws', () => {
    const g = globalThis as Record<string, unknown>;
    // A theme class no other test uses, so no value kept from another test answers.
    const root = { className: 'test-theme' };
    let asked = 0;
    let bg = '#ffffff';
    g.document = { documentElement: root };
    g.getComputedStyle = () => ({ getPropertyValue: (n: string) => (n === '--bg' ? (asked++, bg) : '') });
    try {
      expect(colorToken('--bg')).toBe('#ffffff');
      expect(colorToken('--bg')).toBe('#ffffff');
      expect(asked).toBe(1);
      bg = '#000000';
      root.className = 'test-theme presenting';
      expect(colorToken('--bg')).toBe('#000000');
      expect(asked).toBe(2);
    } finally {
      delete g.document;
      delete g.getComputedStyle;
    }
  });

  it('gives each mechanism of the registry its own token, named after it', () => {
    for (const m of MECHANISMS) expect(MECHANISM_SPECS[m].color).toBe(`--mech-${m}`);
  });
});

describe('contrast on the real backgrounds', () => {
  it('keeps text ≥ 4.5 : 1 and meaningful graphics ≥ 3 : 1, in every theme', () => {
    expect(THEMES).toContain('html.presenting');
    expect(contrastFailures(sheet)).toEqual([]);
  });

  it('would catch a colour too faint (DeltaNet’s old #E69F00, 2.2 : 1) and a missing background', () => {
    const withOld = parseTokens(read(TOKENS_FILE).replace(/--mech-deltanet: #[0-9a-f]+/i, '--mech-deltanet: #E69F00'));
    expect(contrastFailures(withOld).join('\n')).toMatch(/--mech-deltanet on --bg: 2\.\d+ : 1/);
    const noPanel = parseTokens(read(TOKENS_FILE).replace(/--panel: #[0-9a-f]+; \/\* surface \*\/\n/g, ''));
    expect(() => contrastFailures(noPanel)).toThrow(/missing token --panel/);
  });
});

describe('colours that stay apart, also for colour-blind readers', () => {
  const symbols = Object.fromEntries(Object.entries(SYMBOL_TOKENS).map(([k, t]) => [k, sheet.root.get(t)?.value ?? 'missing']));
  const mechanisms = Object.fromEntries(Object.entries(MECHANISM_TOKENS).map(([k, t]) => [k, sheet.root.get(t)?.value ?? 'missing'])) as Record<PlottedMechanism, string>;

  it('simulates deficiencies as Machado et al. do: grey stays grey, red and green merge for a deuteranope', () => {
    expect(simulate('#777777', 'deuteranopia')).toBe('#777777');
    expect(deltaE2000(simulate('#d55e00', 'deuteranopia'), simulate('#6f7a00', 'deuteranopia'))).toBeLessThan(deltaE2000('#d55e00', '#6f7a00') / 3);
  });

  it('keeps every pair of symbols apart in normal vision, protanopia and deuteranopia', () => {
    expect(closePairs(symbols).map((p) => p.text)).toEqual([]);
    // The old palette's query and write strength merged for a deuteranope (ΔE00 1.5):
    expect(closePairs({ ...symbols, q: '#B34700', beta: '#8F6200' }).map((p) => p.text)).toContain('q–beta deuteranopia ΔE00 1.5');
  });

  it('gives every mechanism a colour of its own in normal vision, none a symbol’s', () => {
    expect(closePairs(mechanisms, ['normal']).map((p) => p.text)).toEqual([]);
    const againstSymbols = Object.entries(mechanisms).flatMap(([m, c]) =>
      Object.entries(symbols)
        .filter(([, s]) => deltaE2000(c, s) < MIN_DELTA_E)
        .map(([s]) => `${m} looks like symbol ${s}`),
    );
    expect(againstSymbols).toEqual([]);
  });

  it('draws mechanisms whose colours merge for colour-blind readers with different lines', () => {
    expect(unstyledClosePairs(mechanisms)).toEqual([]);
    expect(new Set(Object.values(MECHANISM_LINE).map((l) => l.dash)).size).toBe(Object.keys(MECHANISM_LINE).length);
    // Two close colours on the same line would fail:
    const same = { ...MECHANISM_LINE, gla: MECHANISM_LINE.linear_attention };
    expect(unstyledClosePairs(mechanisms, same).join('\n')).toMatch(/linear_attention–gla/);
  });
});
