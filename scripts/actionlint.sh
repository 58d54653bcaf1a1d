#!/usr/bin/env bash
# Lints the example workflows with actionlint, built once from its Go module and cached by version
# (like scripts/build-cluster-bins.sh). Extra arguments are passed to actionlint; files default to
# workflows-examples/*.yml. shellcheck and pyflakes are not used (they are not installed in CI).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

ACTIONLINT_VERSION=v1.7.12

cache=${ARC_BIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/arc-actions/bin}
dir="$cache/actionlint-$ACTIONLINT_VERSION"
bin="$dir/actionlint"
mkdir -p "$dir"
exec 9>"$dir/.lock"
flock 9

if [ ! -x "$bin" ]; then
  printf '[actionlint] building %s (first time only)\n' "$ACTIONLINT_VERSION" >&2
  export CGO_ENABLED=0 GOWORK=off GOFLAGS=-buildvcs=false GOTOOLCHAIN=local
  GOBIN="$dir/.gobin" go install -trimpath \
    -ldflags "-s -w -X github.com/rhysd/actionlint.version=$ACTIONLINT_VERSION" \
    "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
  mv "$dir/.gobin/actionlint" "$bin"
fi
exec 9>&-

cd "$root"
files=()
for arg in "$@"; do case $arg in *.yml | *.yaml) files+=("$arg") ;; esac; done
if [ ${#files[@]} -eq 0 ]; then set -- "$@" workflows-examples/*.yml; fi
exec "$bin" -shellcheck= -pyflakes= "$@"
