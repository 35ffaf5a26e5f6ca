#!/usr/bin/env node
// Entry point. Node >= 22.18 runs the TypeScript sources directly (type stripping).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`error: tracseq-validate needs Node >= 22.18 (this is ${process.version}); run scripts/setup, which installs Node 24 into .tools/\n`);
  process.exit(2);
}
process.removeAllListeners('warning');
const { main } = await import('../cli/main.ts');
const code = await main(process.argv);
process.exitCode = code;
