// Fetch the trained models' manifest and weights (public/models, precached by the service worker).
// Each file is fetched once per page load; a missing or corrupt file becomes a TrainedLoadError the
// panel puts in words, never a blank figure.
import type { TaskId } from '../../core/tasks';
import { readWeights, WeightsError, TRAINED_MECHANISMS, type TrainedMechanism, type TrainedSpec, type Weights } from '../../models/trained';

export interface Manifest {
  version: number;
  heldOut: { seed: number; per_level: number };
  tasks: Record<TaskId, { vocab: number; levels: number[]; layers: number }>;
  models: TrainedSpec[];
}

export class TrainedLoadError extends Error {
  constructor(
    readonly kind: 'missing' | 'corrupt',
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'TrainedLoadError';
  }
}

const base = (): string => `${import.meta.env.BASE_URL}models/`;

async function fetchOk(file: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(base() + file);
  } catch (e) {
    throw new TrainedLoadError('missing', file, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw new TrainedLoadError('missing', file, `HTTP ${res.status}`);
  return res;
}

/** Check the manifest's shape before trusting it (a hand-edited or truncated file must not crash the page). */
export function checkManifest(raw: unknown): Manifest {
  const m = raw as Partial<Manifest> | null;
  const ok =
    !!m &&
    typeof m === 'object' &&
    Array.isArray(m.models) &&
    !!m.tasks &&
    m.models.every(
      (s) =>
        s && typeof s.id === 'string' && (TRAINED_MECHANISMS as readonly string[]).includes(s.mechanism) && typeof s.file === 'string' && Array.isArray(s.tensors) && !!s.accuracy,
    );
  if (!ok) throw new TrainedLoadError('corrupt', 'manifest.json', 'not a model manifest');
  return m as Manifest;
}

let manifest: Promise<Manifest> | null = null;

export function loadManifest(): Promise<Manifest> {
  manifest ??= fetchOk('manifest.json')
    .then(async (r) => {
      try {
        return await r.json();
      } catch {
        throw new TrainedLoadError('corrupt', 'manifest.json', 'not JSON');
      }
    })
    .then(checkManifest);
  manifest.catch(() => (manifest = null)); // try again on the next visit
  return manifest;
}

const weights = new Map<string, Promise<Weights>>();

export function loadWeights(spec: TrainedSpec): Promise<Weights> {
  let w = weights.get(spec.id);
  if (!w) {
    w = fetchOk(spec.file)
      .then((r) => r.arrayBuffer())
      .then((buf) => {
        try {
          return readWeights(spec, buf);
        } catch (e) {
          throw new TrainedLoadError('corrupt', spec.file, e instanceof WeightsError ? e.message : String(e));
        }
      });
    weights.set(spec.id, w);
    w.catch(() => weights.delete(spec.id));
  }
  return w;
}

export function findSpec(m: Manifest, task: TaskId, mechanism: TrainedMechanism): TrainedSpec | undefined {
  return m.models.find((s) => s.task === task && s.mechanism === mechanism);
}
