// Parse a vector typed by a learner. Never throws: a bad entry is a value saying what is wrong.
export type VectorProblem = 'empty' | 'not-a-number' | 'not-finite' | 'wrong-length' | 'too-large';
export type ParsedVector = { ok: true; value: number[] } | { ok: false; problem: VectorProblem };

export function parseVector(text: string, length: number, maxAbs = 100): ParsedVector {
  const parts = text
    .replace(/[−–]/g, '-') // typographic minus signs, as the figures print them
    .replace(/[\[\]()]/g, '')
    .split(/[,，\s]+/)
    .filter((p) => p.length > 0);
  if (parts.length === 0) return { ok: false, problem: 'empty' };
  const values: number[] = [];
  for (const p of parts) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(p) && !/^[-+]?(inf|infinity|nan)$/i.test(p)) return { ok: false, problem: 'not-a-number' };
    const x = Number(p.replace(/^([-+]?)inf$/i, '$1Infinity'));
    if (!Number.isFinite(x)) return { ok: false, problem: 'not-finite' };
    if (Math.abs(x) > maxAbs) return { ok: false, problem: 'too-large' };
    values.push(x);
  }
  if (values.length !== length) return { ok: false, problem: 'wrong-length' };
  return { ok: true, value: values };
}
