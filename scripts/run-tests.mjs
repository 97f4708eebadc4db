// `npm test`: type-check, unit/numeric tests (Vitest), then end-to-end tests in real Chromium
// (Playwright). Ends with one summary line: "tests: N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;
const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);

let passed = 0;
let failed = 0;
let skipped = 0;

// The site the end-to-end tests visit is built first, beside the type-check and the unit tests: the
// build waits mostly on the disk, they on the CPU. Playwright then serves this fresh build (E2E_PREBUILT).
const OUT = process.env.E2E_OUT ?? 'dist';
const build = new Promise((resolve) =>
  spawn('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', OUT], { stdio: 'inherit', env: process.env }).on('exit', (code) => resolve(code ?? 1)),
);

console.log('\n== type-check (tsc --noEmit)');
if (run('npx', ['tsc', '--noEmit']) === 0) passed++;
else failed++;

console.log('\n== unit and numeric tests (vitest)');
rmSync('test-results/vitest.json', { force: true });
const vitestCode = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json']);
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitestCode !== 0 && vitest.numFailedTests === 0 ? 1 : 0);
  skipped += vitest.numPendingTests + vitest.numTodoTests;
} else failed++;

console.log('\n== end-to-end tests (playwright, Chromium with and without WebGPU)');
rmSync('test-results/playwright.json', { force: true });
const built = (await build) === 0;
if (!built) console.log('the site did not build: no end-to-end test can run');
const pwCode = built ? spawnSync('npx', ['playwright', 'test'], { stdio: 'inherit', env: { ...process.env, E2E_PREBUILT: '1' } }).status ?? 1 : 1;
const pw = readJson('test-results/playwright.json');
if (pw) {
  const s = pw.stats;
  passed += s.expected;
  failed += s.unexpected + s.flaky + (pwCode !== 0 && s.unexpected === 0 ? 1 : 0);
  skipped += s.skipped;
  if (s.expected + s.unexpected === 0) {
    console.log('no end-to-end test ran: that is a failure');
    failed++;
  }
} else failed++;

console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
