// A Trainer that learns nothing: it answers like the engine (src/train/types.ts) with made-up,
// deterministic numbers, so the page and its tests run without a worker or tfjs.
import type { ExportedModel, ProbeReading, TrainConfig, TrainEvent, TrainMechanism, Trainer } from '../../train/types';
import { TASKS } from '../../core/tasks';

export class FakeTrainer implements Trainer {
  config: TrainConfig | null = null;
  step = 0;
  state: 'idle' | 'training' | 'paused' = 'idle';
  /** Calls in order, for tests. */
  readonly calls: string[] = [];
  private listeners = new Set<(e: TrainEvent) => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  private emit(e: TrainEvent): void {
    for (const l of this.listeners) l(e);
  }

  private advance(): void {
    if (!this.config) throw new Error('configure first');
    this.step += 1;
    const s = this.step;
    this.emit({
      kind: 'progress',
      progress: this.config.mechanisms.map((mechanism, i) => ({
        mechanism,
        step: s,
        loss: 4 / (1 + s * (i + 1)),
        accuracy: s % 5 === 0 ? Math.min(1, s / (100 * (i + 1))) : undefined,
        stepsPerSecond: 10,
        stepMs: 100,
        backend: 'cpu' as const,
      })),
    });
  }

  async configure(config: TrainConfig): Promise<void> {
    this.calls.push('configure');
    this.config = config;
    this.step = 0;
    this.state = 'idle';
    this.emit({ kind: 'state', state: 'idle', step: 0 });
  }

  start(): void {
    this.calls.push('start');
    this.state = 'training';
    this.emit({ kind: 'state', state: 'training', step: this.step });
    const tick = () => {
      if (this.state !== 'training') return;
      this.advance();
      this.timer = setTimeout(tick, 20);
    };
    this.timer = setTimeout(tick, 0);
  }

  pause(): void {
    this.calls.push('pause');
    if (this.timer) clearTimeout(this.timer);
    this.state = 'paused';
    this.emit({ kind: 'state', state: 'paused', step: this.step });
  }

  async stepOnce(): Promise<void> {
    this.calls.push('stepOnce');
    if (this.state === 'training') this.pause();
    this.advance();
    this.state = 'paused';
    this.emit({ kind: 'state', state: 'paused', step: this.step });
  }

  async reset(): Promise<void> {
    this.calls.push('reset');
    if (this.timer) clearTimeout(this.timer);
    this.step = 0;
    this.state = 'idle';
    this.emit({ kind: 'state', state: 'idle', step: 0 });
  }

  subscribe(listener: (event: TrainEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async probe(mechanism: TrainMechanism): Promise<ProbeReading> {
    const T = 6;
    const d = 4;
    const row = (t: number, c: number) => Array.from({ length: d }, (_, j) => Math.sin(t + j + c + this.step / 10));
    return {
      mechanism,
      tokens: Array.from({ length: T }, (_, t) => 1 + t),
      q: Array.from({ length: T }, (_, t) => row(t, 0)),
      k: Array.from({ length: T }, (_, t) => row(t, 1)),
      v: Array.from({ length: T }, (_, t) => row(t, 2)),
      beta: mechanism === 'deltanet' || mechanism === 'gated_deltanet' ? Array.from({ length: T }, (_, t) => (t + 1) / (T + 1)) : undefined,
      gamma: mechanism === 'gated_deltanet' || mechanism === 'mamba2' || mechanism === 'retnet' ? Array.from({ length: T }, () => 0.9) : undefined,
      predictions: Array.from({ length: T }, () => 0),
    };
  }

  async exportWeights(mechanism: TrainMechanism): Promise<ExportedModel> {
    const c = this.config;
    if (!c) throw new Error('configure first');
    const vocab = TASKS[c.task].vocab;
    return {
      id: `${c.task}/${mechanism}`,
      task: c.task,
      mechanism,
      layers: c.layers,
      d_model: c.dModel,
      dk: c.dModel / 2,
      dv: c.dModel / 2,
      vocab,
      tensors: [{ name: 'embed', shape: [vocab, c.dModel], data: new Array<number>(vocab * c.dModel).fill(0) }],
    };
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
  }
}
