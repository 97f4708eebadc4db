// A stand-in onnxruntime-web build for the runtime's tests (run.test.ts, run.choice.test.ts): sessions
// answer y = 2·x; the hooks say per execution provider what happens and record what was created or run.
export interface FakeOrtHooks {
  /** A session creation that never finishes (a hung WebGPU). */
  hangCreate?: (ep: string) => boolean;
  /** A run that never finishes. */
  hangRun?: (ep: string) => boolean;
  created?: (ep: string) => void;
  ran?: (ep: string) => void;
}

type Feeds = Record<string, { data: Float32Array; dims: number[] }>;

export function fakeOrt(hooks: FakeOrtHooks = {}) {
  return {
    env: { wasm: {} },
    Tensor: class {
      constructor(
        readonly type: string,
        readonly data: Float32Array,
        readonly dims: number[],
      ) {}
    },
    InferenceSession: {
      create: (_bytes: Uint8Array, options: { executionProviders: string[] }) => {
        const ep = options.executionProviders[0];
        hooks.created?.(ep);
        if (hooks.hangCreate?.(ep)) return new Promise(() => undefined);
        return Promise.resolve({
          run: (feeds: Feeds) => {
            if (hooks.hangRun?.(ep)) return new Promise(() => undefined);
            hooks.ran?.(ep);
            return Promise.resolve({ y: { dims: feeds.x.dims, getData: async () => feeds.x.data.map((v) => 2 * v) } });
          },
          release: async () => undefined,
        });
      },
    },
  };
}
