import { defineConfig } from '@playwright/test';

// Debian's chromium (apt-get install chromium); Playwright's own browser download is not used.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const quiet = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // V8 runs onnxruntime's 14–27 MB of wasm on its baseline compiler only: the optimising tier-up
  // recompiled it in background threads in every fresh page (about a third of a chapter load's CPU
  // time on this 2-core machine). Wasm gives the same numbers on either tier; only long runs get
  // slower, and no test times anything. The bench (scripts/bench) runs Chromium as a learner has it.
  '--js-flags=--liftoff-only',
];
// No spare renderer: Chromium starts one ahead of the next navigation, and every test's fresh context
// left it unused (three renderer processes a page where one works). One list: the switch is read once.
const disabled = (...features: string[]) => `--disable-features=${['SpareRendererForSitePerProcess', ...features].join(',')}`;
// E2E_PORT / E2E_OUT let several people run the suite side by side on one machine.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const OUT = process.env.E2E_OUT ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_PORT ? `test-results/e2e-${process.env.E2E_PORT}` : 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  // Three browsers at once on a 2-core machine: a test spends much of its time waiting on a model, a
  // frame, an animation or a poll, and two browsers kept the CPU only about three quarters busy (no test
  // asserts a duration, so a busier CPU makes tests slower, never wrong).
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 3),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_PORT ? `test-results/playwright-${process.env.E2E_PORT}.json` : 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1280, height: 900 },
    // A failed test keeps a trace of its actions, console and network, without DOM snapshots and
    // screenshots: recording those for every test (to keep a failure's) cost about 40% of the suite's
    // time here (url-state + terms: 266–309 s of test time with them, 184–201 s without). E2E_TRACE=full
    // records them, to debug a failure; a failure's final screenshot is kept either way.
    trace: process.env.E2E_TRACE === 'full' ? 'retain-on-failure' : { mode: 'retain-on-failure', snapshots: false, screenshots: false },
    screenshot: 'only-on-failure',
    // The service worker precaches the whole site (~4 MB) in every fresh context, a fifth of a
    // chapter load's CPU time; the specs about offline use, updates, sub-paths and the site's policy
    // allow it (test.use({ serviceWorkers: 'allow' })).
    serviceWorkers: 'block',
  },
  webServer: {
    // Tests run against the built site, as a learner gets it: built here, or already built by `npm test`
    // (scripts/run-tests.mjs builds it beside the unit tests and sets E2E_PREBUILT).
    command: `${process.env.E2E_PREBUILT === '1' ? '' : `npx vite build --logLevel warn --outDir ${OUT} && `}npx vite preview --outDir ${OUT} --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    timeout: 180_000,
    reuseExistingServer: false, // always a fresh build: a leftover server would test stale code
    stdout: 'ignore',
    stderr: 'pipe',
  },
  // Most tests run without WebGPU: the parallel view then runs on WASM, which is what the course's
  // small cases need, and a software GPU (SwiftShader, as on CI) spends seconds compiling shaders per
  // page. Tests where WebGPU is the point carry @webgpu and run in the project that has it. That project
  // is listed first, so its tests start first: they are few and long (training every mechanism takes a
  // minute), and run last they kept one worker busy for about 50 s after the others had finished.
  projects: [
    {
      name: 'webgpu',
      grep: /@webgpu/,
      use: { launchOptions: { executablePath, args: [...quiet, disabled(), '--enable-unsafe-webgpu'] } },
    },
    {
      name: 'wasm',
      grepInvert: /@webgpu/,
      // No GPU process work at all: without WebGPU, the only use of this machine's software GPU
      // (SwiftShader) was drawing the pages, and Chromium's own software raster draws them for less CPU
      // (the chapter specs: about 5 % of their CPU time, alternating runs).
      use: { launchOptions: { executablePath, args: [...quiet, disabled('WebGPU'), '--disable-gpu'] } },
    },
  ],
});
