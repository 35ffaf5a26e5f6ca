#!/usr/bin/env node
// Entry point. Node >= 22.18 runs the TypeScript sources directly (type stripping).
// The only place that sets the process's exit code: `main` returns it (core/run/exit-code.ts picks
// it), and a second Ctrl-C during a run ends the process at once through `finish(code, true)`.
function finish(code, now = false) {
  if (now) process.exit(code);
  process.exitCode = code;
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`error: tracseq-validate needs Node >= 22.18 (this is ${process.version}); run scripts/setup, which installs Node 24 into .tools/\n`);
  finish(2);
} else {
  process.removeAllListeners('warning');
  // V8's code cache for the harness's modules, in Node's own folder under the OS temp dir (or
  // $NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns it off): from the second run on, start-up
  // takes about half the CPU. A cache that cannot be written is skipped, never an error.
  (await import('node:module')).enableCompileCache?.();
  const { main } = await import('../cli/main.ts');
  const io = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    tty: Boolean(process.stderr.isTTY),
    env: process.env,
    exitNow: (code) => finish(code, true),
  };
  finish(await main(process.argv, io));
}
