// "Your model": the one home for a model the learner trained in the lab (#/train) or opened from a
// file the lab exported, kept for the trained panels — one per task, the latest wins. It lives in
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
}

const STORAGE_PREFIX = 'memory-lane.your-model.';
const models = new Map<TaskId, YourModel>();
const listeners = new Set<() => void>();
/** A panel asked to show the model on arrival (the lab's "Open" button), once. */
let showRequest: TaskId | null = null;

export function keepYourModel(spec: TrainedSpec, bin: ArrayBuffer, from: YourModel['from']): YourModel {
  const task = spec.task as TaskId;
  // A distinct id per weights file: the runtime caches sessions by it.
  const weights = readWeights(spec, bin);
  const model: YourModel = { spec: { ...spec, id: `yours/${task}/${weights.digest}` }, weights, from };
  models.set(task, model);
  try {
    sessionStorage.setItem(STORAGE_PREFIX + task, JSON.stringify({ spec: model.spec, from, bin: toBase64(bin) }));
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
    const saved = JSON.parse(text) as { spec: TrainedSpec; from: YourModel['from']; bin: string };
    return { spec: saved.spec, weights: readWeights(saved.spec, fromBase64(saved.bin)), from: saved.from };
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
