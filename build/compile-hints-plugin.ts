// V8's explicit compile hint: a file that starts with `//# allFunctionsCalledOnLoad` has all its
// functions compiled as it streams in, on a background thread (Chromium 136+; other engines read a
// comment). Without it V8 compiles each function on the main thread the first time it is called,
// and on a chapter's load that was ~100–140 ms of main-thread compiling (unthrottled, chapter 6),
// spread over the tasks Lighthouse counts as blocking (docs/page-loading.md).
//
// The hint goes on the site's own chunks (React, the app, KaTeX, the chapter code), whose functions
// mostly run as a page comes in. Not on onnxruntime-web's or TensorFlow.js's code: they come later,
// when a model first runs, and a learner's page calls a small part of them.
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

const LATE_VENDORS = /node_modules\/(onnxruntime-web|onnxruntime-common|@tensorflow)\//;

/** Whether a chunk made of these modules gets the hint: not when any of them is a late vendor's. */
export function wantsCompileHint(moduleIds: readonly string[]): boolean {
  return !moduleIds.some((id) => LATE_VENDORS.test(id.replaceAll('\\', '/')));
}

export function compileHints(): Plugin {
  return {
    name: 'memory-lane-compile-hints',
    apply: 'build',
    // After Vite's own generateBundle, which puts its preload map (`const __vite__mapDeps=…`) at the
    // top of the entry: the hint must be the file's first line.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const out of Object.values(bundle))
          if (out.type === 'chunk' && !out.code.startsWith(COMPILE_HINT) && wantsCompileHint(out.moduleIds)) out.code = COMPILE_HINT + out.code;
      },
    },
  };
}
