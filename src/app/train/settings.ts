// The training lab's setup as link parameters: each one a schema of src/app/state (a bad value is
// clamped or dropped and named in the site's notice, never a blank page).
import { TASKS, TASK_IDS, type TaskId } from '../../core/tasks';
import type { Ablations, TrainConfig, TrainMechanism } from '../../train/types';
import { amended, integerIn, listOf, oneOf, reject, type Schema } from '../state/schema';
import { TRAIN_MECHANISMS } from './mechanisms';

export const MAX_MECHANISMS = 4;

/** What the page's setup chooses: the engine's config less what the page fixes (batch, learning rate) or keeps apart (backend). */
export type TrainSetup = Pick<TrainConfig, 'task' | 'level' | 'dModel' | 'layers' | 'mechanisms' | 'ablations' | 'seed'>;

/** The default difficulty of each task: the easiest level the offline models were scored at. */
export const DEFAULT_LEVEL: Record<TaskId, number> = { mqar: 4, story: 2, selective_copy: 2 };

export const DEFAULT_SETUP: TrainSetup = {
  task: 'mqar',
  level: DEFAULT_LEVEL.mqar,
  dModel: 16,
  layers: 1,
  mechanisms: ['linear_attention', 'deltanet'],
  ablations: { noGate: false, noDelta: false, freezeKeys: false },
  seed: 1,
};

export const taskParam: Schema<TaskId> = oneOf(TASK_IDS);

export const levelParam = (task: TaskId): Schema<number> => integerIn({ min: TASKS[task].range[0], max: TASKS[task].range[1] });

const sizeOf = <N extends number>(choices: readonly N[]): Schema<N> => {
  const names = choices.map(String);
  const inner = oneOf(names);
  return {
    parse(text) {
      const p = inner.parse(text);
      return p.ok ? { ok: true, value: Number(p.value) as N } : p;
    },
    format: (n) => String(n),
  };
};

export const dModelParam = sizeOf<16 | 32>([16, 32]);
export const layersParam = sizeOf<1 | 2>([1, 2]);
/**
 * Sequences per training batch: the page's 32, or the offline runs' 64 (public/models/manifest.json) so a
 * link can repeat an offline model's training (the bench's parity check). In the link only, no knob.
 */
export const DEFAULT_BATCH = 32;
export const batchParam = sizeOf<32 | 64>([DEFAULT_BATCH, 64]);

/** One to four mechanisms, comma-separated; unknown names are dropped, extra ones cut, none at all refused. */
export const mechanismsParam: Schema<TrainMechanism[]> = {
  parse(text) {
    const list = listOf(TRAIN_MECHANISMS).parse(text);
    if (!list.ok) return list;
    const named = [...list.value];
    if (named.length === 0) return reject('unknown-choice', { choices: TRAIN_MECHANISMS.join(', ') });
    // The link's order, not the canonical one: the first four the learner wrote are kept.
    const written = text.split(',').map((s) => s.trim()).filter((s): s is TrainMechanism => (named as string[]).includes(s));
    const value = [...new Set(written)];
    if (value.length > MAX_MECHANISMS) return amended(value.slice(0, MAX_MECHANISMS), 'too-many', { max: String(MAX_MECHANISMS) });
    return list.problem ? { ok: true, value, problem: list.problem } : { ok: true, value };
  },
  format: (list) => list.join(','),
};

const ABLATION_NAMES = { nogate: 'noGate', nodelta: 'noDelta', freezekeys: 'freezeKeys' } as const;
type AblationName = keyof typeof ABLATION_NAMES;
const ABLATION_LIST = Object.keys(ABLATION_NAMES) as AblationName[];

export const ablationsParam: Schema<Ablations> = {
  parse(text) {
    const p = listOf(ABLATION_LIST).parse(text);
    if (!p.ok) return p;
    const value: Ablations = { noGate: false, noDelta: false, freezeKeys: false };
    for (const name of p.value) value[ABLATION_NAMES[name]] = true;
    return p.problem ? { ok: true, value, problem: p.problem } : { ok: true, value };
  },
  format: (a) => ABLATION_LIST.filter((n) => a[ABLATION_NAMES[n]]).join(','),
};

export const BACKENDS = ['auto', 'wasm', 'webgpu', 'cpu'] as const satisfies readonly TrainConfig['backend'][];
/** The backend, in the link: a run is reproducible on the same backend only. */
export const backendParam: Schema<TrainConfig['backend']> = oneOf(BACKENDS);

export const seedParam: Schema<number> = integerIn({ min: 0, max: 2 ** 31 - 1 });

/** The model whose memory the page shows: one of the trained mechanisms. */
export const probeParam: Schema<TrainMechanism> = oneOf(TRAIN_MECHANISMS);

