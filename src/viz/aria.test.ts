import { describe, expect, it } from 'vitest';
import { causalRowText, fillTemplate, formatSpeed, stepText, valuesText } from './aria';

const en = { stepOf: 'step {t} of {T}', beforeStart: 'before the first step' };
const zh = { stepOf: '第 {t} 步，共 {T} 步', beforeStart: '第一步之前' };

describe('fillTemplate', () => {
  it('fills named slots and leaves unknown ones visible', () => {
    expect(fillTemplate('step {t} of {T}', { t: 2, T: 8 })).toBe('step 2 of 8');
    expect(fillTemplate('{t}/{x}', { t: 1 })).toBe('1/{x}');
  });
});

describe('stepText (the slider’s aria-valuetext)', () => {
  it('counts steps from 1, as the lecture does', () => {
    expect(stepText(0, 8, en)).toBe('step 1 of 8');
    expect(stepText(7, 8, en)).toBe('step 8 of 8');
  });
  it('names the empty memory before step 1', () => {
    expect(stepText(-1, 8, en)).toBe('before the first step');
  });
  it('uses whatever language the app passes', () => {
    expect(stepText(2, 6, zh)).toBe('第 3 步，共 6 步');
    expect(stepText(-1, 6, zh)).toBe('第一步之前');
  });
});

describe('values read aloud', () => {
  it('uses a real minus sign and fixed digits', () => {
    expect(valuesText([0.5, -1.234, -0.0001])).toBe('0.50, −1.23, 0.00');
  });
  it('reads only the unmasked part of a causal row', () => {
    expect(causalRowText(1, [0.1, 0.2, 0.3, 0.4], 'step {t}')).toBe('step 2: 0.10, 0.20');
  });
  it('formats speeds', () => {
    expect([0.5, 1, 2].map(formatSpeed)).toEqual(['0.5×', '1×', '2×']);
  });
});
