// Test helper: the `trace` command run in-process (runTrace), its stdout and stderr caught as text.
// Starting Node and tsx for every case cost about a second each; a few tests still start the real
// process for the contract that only a process has (exit status, streams).
import { Writable } from 'node:stream';
import { runTrace } from './traceRun';

function sink(into: string[]): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      into.push(String(chunk));
      done();
    },
  });
}

export async function traceInProcess(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runTrace(argv, sink(out), sink(err));
  return { code, stdout: out.join(''), stderr: err.join('').trim() };
}
