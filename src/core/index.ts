// The float64 core: every mechanism in every view. The site's ONNX models are checked against
// `runReference`, and the `trace` command's `--backend reference` is this function.
import type { Case } from './cases';
import { chunkwise } from './chunkwise';
import { toProgram } from './mechanisms';
import { parallel } from './parallel';
import { recurrent } from './rule';
import { softmaxChunkwise, softmaxParallel, softmaxRecurrent } from './softmax';
import type { View, ViewResult } from './views';

/** Run one case in one view. `chunk` is used by the chunkwise view only. */
export function runReference(c: Case, view: View, chunk = 2): ViewResult {
  if (c.mechanism === 'softmax_attention') {
    switch (view) {
      case 'recurrent':
        return softmaxRecurrent(c);
      case 'parallel':
        return softmaxParallel(c);
      case 'chunkwise':
        return softmaxChunkwise(c, chunk);
    }
  }
  const program = toProgram(c);
  switch (view) {
    case 'recurrent': {
      const r = recurrent(program);
      return { o: r.o, S_final: r.S, steps: r.steps };
    }
    case 'parallel': {
      const r = parallel(program);
      return { o: r.o, S_final: r.S_final, M: r.M };
    }
    case 'chunkwise': {
      const r = chunkwise(program, chunk);
      return { o: r.o, S_final: r.S_final };
    }
  }
}

export * from './linalg';
export * from './rule';
export * from './cases';
export * from './mechanisms';
export * from './views';
export * from './random';
export * from './softmax';
export * from './parallel';
export * from './chunkwise';
export * from './s4';
