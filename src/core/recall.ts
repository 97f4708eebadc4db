// Reading a memory of stored pairs with one query, term by term (chapter 3):
//   S q = Σ_s v_s (k_sᵀ q) = v_j ‖k_j‖²·(k_jᵀq/‖k_j‖²) + crosstalk
// where j is the stored key most aligned with q (the one the reader "wants").
import { type Mat, type Vec, dot } from './linalg';

export interface ReadTerm {
  /** k_sᵀ q */
  overlap: number;
  /** v_s (k_sᵀ q) */
  contribution: Vec;
}

export interface ReadBreakdown {
  terms: ReadTerm[];
  /** S q, the sum of every term. */
  total: Vec;
  /** Index of the wanted pair: the key with the largest cosine to q (−1 when q = 0). */
  wanted: number;
  /** total − the wanted term: what the other pairs leak into the read. */
  crosstalk: Vec;
}

export function readBreakdown(keys: Mat, values: Mat, q: Vec): ReadBreakdown {
  const terms = keys.map((k, s) => {
    const overlap = dot(k, q);
    return { overlap, contribution: values[s].map((x) => x * overlap) };
  });
  const dv = values[0]?.length ?? 0;
  const total = new Array<number>(dv).fill(0);
  for (const term of terms) term.contribution.forEach((x, i) => (total[i] += x));
  const qNorm = Math.sqrt(dot(q, q));
  let wanted = -1;
  let best = -Infinity;
  keys.forEach((k, s) => {
    const kNorm = Math.sqrt(dot(k, k));
    if (qNorm === 0 || kNorm === 0) return;
    const cosine = dot(k, q) / (kNorm * qNorm);
    if (cosine > best) {
      best = cosine;
      wanted = s;
    }
  });
  const crosstalk = wanted < 0 ? total.slice() : total.map((x, i) => x - terms[wanted].contribution[i]);
  return { terms, total, wanted, crosstalk };
}
