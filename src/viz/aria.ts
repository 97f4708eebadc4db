// Text that screen readers hear. Components get translated templates from the app ("step {t} of {T}",
// "第 {t} 步，共 {T} 步"), so the words are never English-only; these helpers only fill them in.
import { formatNumber } from './format';

/** Replaces each {name} with vars[name]; an unknown {name} stays as written, so a typo is visible. */
export function fillTemplate(template: string, vars: Readonly<Record<string, string | number | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

export interface StepTextLabels {
  /** e.g. "step {t} of {T}" — t is 1-based, as in the lecture. */
  stepOf: string;
  /** e.g. "before the first step (empty memory)". */
  beforeStart: string;
}

/** The slider's aria-valuetext and the figures' step captions: code step 0 is the lecture's step 1. */
export function stepText(step: number, T: number, labels: StepTextLabels): string {
  if (step < 0) return labels.beforeStart;
  return fillTemplate(labels.stepOf, { t: step + 1, T });
}

/** Numbers as a screen reader should hear a list of them. */
export function valuesText(values: readonly number[], digits = 2): string {
  return values.map((x) => formatNumber(x, digits)).join(', ');
}

/** Row t of a causal T × T matrix: only the visible entries s ≤ t are read out. */
export function causalRowText(t: number, row: readonly number[], template: string, digits = 2): string {
  return `${fillTemplate(template, { t: t + 1 })}: ${valuesText(row.slice(0, t + 1), digits)}`;
}

/** "0.5×", "1×", "2×": a speed needs no translation. */
export function formatSpeed(speed: number): string {
  return `${speed}×`;
}
