// `npm run -s trace -- --input case.json [--view …] [--chunk N] [--backend wasm|reference] [--steps]`
// Prints one JSON trace on stdout (docs/trace-cli.md). Any bad input: exit 2, one line on stderr.
// The command itself is runTrace (scripts/traceRun.ts), which tests call in-process; this file is
// only the process around it: the real argv, stdout, stderr and exit code.
import { runTrace } from './traceRun';

runTrace(process.argv.slice(2), process.stdout, process.stderr).then((code) => {
  if (code !== 0) process.exit(code);
});
