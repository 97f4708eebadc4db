// "Your model": the one home for a model the learner trained in the lab (#/train) or opened from a
// file the lab exported, kept for the trained panels — one per task, the latest wins (and remembers
// which it replaced, so the panel can say so). It lives in
// memory and in sessionStorage, so a reload of the tab keeps it and closing the tab forgets it.
import { useSyncExternalStore } from 'react';
import { TASK_IDS, type TaskId } from '../../core/tasks';
import { readWeights, type TrainedSpec, type Weights } from '../../models/trained';
import { CHAPTERS } from '../chapters/registry';

export interface YourModel {
  spec: TrainedSpec;
  weights: Weights;
  /** Where it came from: the lab's button, or a file (its name). */
  from: { kind: 'lab' } | { kind: 'file'; name: string };
  /** The different model it displaced for the same task, if any: what the panel names when it says so. */
  replaced?: { mechanism: TrainedSpec['mechanism']; steps: number };
}

const STORAGE_PREFIX = 'memory-lane.your-model.';
const models = new Map<TaskId, YourModel>();
const listeners = new Set<() => void>();
/** A panel asked to show the model on arrival (the lab's "Open" button), once. */
let showRequest: TaskId | null = null;

/** Keep a model; `weights` are `bin` already decoded (readLabFile did it), else decoded here. */
export function keepYourModel(spec: TrainedSpec, bin: ArrayBuffer, from: YourModel['from'], weights: Weights = readWeights(spec, bin)): YourModel {
  const task = spec.task as TaskId;
  const before = yourModel(task);
  // A distinct id per weights file: the runtime caches sessions by it.
  const model: YourModel = { spec: { ...spec, id: `yours/${task}/${weights.digest}` }, weights, from };
  // The same weights opened again replace nothing; another model is named, or what it replaced carries on.
  const replaced = before && before.weights.digest !== weights.digest ? { mechanism: before.spec.mechanism, steps: before.spec.steps } : before?.replaced;
  if (replaced) model.replaced = replaced;
  models.set(task, model);
  try {
    sessionStorage.setItem(STORAGE_PREFIX + task, JSON.stringify({ spec: model.spec, from, replaced, bin: toBase64(bin) }));
  } catch {
    // Storage full or blocked: the model still lives in memory until the tab reloads.
  }
  listeners.forEach((l) => l());
  return model;
}

export function yourModel(task: TaskId): YourModel | undefined {
  if (!models.has(task)) {
    const restored = restore(task);
    if (restored) models.set(task, restored);
  }
  return models.get(task);
}

/** The model kept for this task, re-read whenever another is kept. */
export function useYourModel(task: TaskId): YourModel | undefined {
  return useSyncExternalStore(subscribe, () => yourModel(task), () => undefined);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Ask the next trained panel on this task to show the kept model and scroll to it. */
export function requestShow(task: TaskId): void {
  showRequest = task;
}

/** The task a panel on `task` (any task, for the playground) was asked to show, or null. Read-only. */
export function showRequestFor(task?: TaskId): TaskId | null {
  return showRequest !== null && (task === undefined || task === showRequest) ? showRequest : null;
}

/** The request is spent once a panel has shown the model. */
export function clearShowRequest(): void {
  showRequest = null;
}

/** The chapter whose trained panel runs this task, preferring the one that shows this mechanism. */
export function chapterFor(task: TaskId, mechanism: string): { number: number; slug: string } | undefined {
  const withTask = CHAPTERS.filter((c) => c.trained?.task === task);
  return withTask.find((c) => c.trained?.model === mechanism) ?? withTask[0];
}

function restore(task: TaskId): YourModel | undefined {
  try {
    const text = sessionStorage.getItem(STORAGE_PREFIX + task);
    if (!text || !TASK_IDS.includes(task)) return undefined;
    const saved = JSON.parse(text) as { spec: TrainedSpec; from: YourModel['from']; replaced?: YourModel['replaced']; bin: string };
    const model: YourModel = { spec: saved.spec, weights: readWeights(saved.spec, fromBase64(saved.bin)), from: saved.from };
    if (saved.replaced) model.replaced = saved.replaced;
    return model;
  } catch {
    return undefined; // a damaged entry is simply not there
  }
}

function toBase64(bin: ArrayBuffer): string {
  const bytes = new Uint8Array(bin);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): ArrayBuffer {
  const s = atob(text);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes.buffer;
}
