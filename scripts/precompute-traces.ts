// The chapters' default cases, run through the same ONNX models as the page (onnxruntime-web's WASM
// backend under Node) into precomputed-traces.json. build/precomputed-traces-plugin.ts runs this
// during `vite build`; the page shows an entry until its live run lands (useModelTraces).
// Only each MemoryLab's default case is listed, so the file stays small.
import { pathToFileURL } from 'node:url';
import { CAPACITY_DEFAULTS, DV, N_PAIRS } from '../src/app/chapters/ch04-capacity/config';
import { mambaCase } from '../src/app/chapters/ch09-mamba/presets';
import { linearAttentionPreset, retnetPreset, writeReadCase, writeReadPreset } from '../src/app/chapters/presets';
import { capacityCase, capacityPairs } from '../src/core/capacity';
import type { Case } from '../src/core/cases';
import { finerGateExample } from '../src/core/finerGates';
import type { Mat } from '../src/core/linalg';
import { recapCase } from '../src/core/recap';
import { DEFAULT_STORY, storyCase } from '../src/core/story';
import { gatedRetentionCase, gatesPreset } from '../src/core/tokenGates';
import type { View, ViewResult } from '../src/core/views';
import { decodeOutputs, prepareModel } from '../src/models';
import { releaseNodeSessions, runInNode } from '../src/models/run-node';
import { caseHash, type PrecomputedTraces } from '../src/trace/precomputed';

/** Each chapter figure's input with no link parameters (keep in step with the chapters' defaults). */
export function defaultCases(): Record<string, Case> {
  const overlapping = writeReadPreset('overlapping');
  const { keys, dk, n, seed } = CAPACITY_DEFAULTS;
  const gla = finerGateExample('gla', { closeColumn: null }).live;
  if (!gla) throw new Error('chapter 7: GLA should have a live case');
  return {
    'linear-attention': linearAttentionPreset('random', 1),
    'write-read': writeReadCase(overlapping.keys, overlapping.values, overlapping.query),
    capacity: capacityCase('linear_attention', capacityPairs({ dk, dv: DV, count: N_PAIRS, keys, seed }), n),
    retnet: retnetPreset('random', 0.8),
    gates: gatedRetentionCase(gatesPreset('one-clear')),
    'finer-gates': gla,
    deltanet: storyCase(DEFAULT_STORY, { mechanism: 'deltanet', beta: 1 }, 'orthogonal'),
    mamba: mambaCase('selective'),
    'where-they-stand': recapCase('linear_attention', 1),
  };
}

/** float32 outputs carry ~7 significant digits; 9 keep them exact and the JSON about half as long. */
const round = (x: number): number => Number(x.toPrecision(9));
const roundMat = (m: Mat): Mat => m.map((row) => row.map(round));

function compact(r: ViewResult): ViewResult {
  return {
    o: roundMat(r.o),
    S_final: r.S_final && roundMat(r.S_final),
    ...(r.steps ? { steps: r.steps.map((s) => ({ decayed: roundMat(s.decayed), recalled: s.recalled.map(round), erase: roundMat(s.erase), write: roundMat(s.write), S: roundMat(s.S), o: s.o.map(round) })) } : {}),
    ...(r.M !== undefined ? { M: r.M && roundMat(r.M) } : {}),
  };
}

async function runView(c: Case, view: View): Promise<ViewResult> {
  const { outputs } = await runInNode(prepareModel(c, view));
  return compact(decodeOutputs(c, view, outputs));
}

/** Run every case's parallel and recurrent view; keyed by caseHash. */
export async function precomputeTraces(cases: Case[] = Object.values(defaultCases())): Promise<PrecomputedTraces> {
  const out: PrecomputedTraces = {};
  try {
    for (const c of cases) out[caseHash(c)] = { parallel: await runView(c, 'parallel'), recurrent: await runView(c, 'recurrent') };
  } finally {
    await releaseNodeSessions();
  }
  return out;
}

// Run directly (the build plugin does): print the table as JSON on stdout.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  precomputeTraces().then(
    (table) => process.stdout.write(JSON.stringify(table)),
    (e: unknown) => {
      process.stderr.write(`precompute-traces: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
