#!/usr/bin/env bash
# Starts every committed bundle the way the runner does (node dist/<action>/index.js with INPUT_* variables and
# GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files) on a path that loads no SDK: a missing required input must fail the
# step with a one-line ::error:: naming it. Prints "N passed, N failed" for the bundles.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
passed=0; failed=0
for action in arc-connect flux-apply policy-rollout arc-verify arc-access baseline; do
  tmp=$(mktemp -d)
  : > "$tmp/output"; : > "$tmp/summary"
  out=$(cd "$tmp" && env -i PATH="$PATH" HOME="$tmp" GITHUB_OUTPUT="$tmp/output" GITHUB_STEP_SUMMARY="$tmp/summary" \
        GITHUB_WORKSPACE="$tmp" RUNNER_TEMP="$tmp" node "$root/dist/$action/index.js" 2>&1)
  code=$?
  if [ "$code" -eq 1 ] && printf '%s' "$out" | grep -qE '^::error::Input "[a-z-]+"'; then
    passed=$((passed + 1)); echo "[smoke] $action: ok ($(printf '%s' "$out" | grep -m1 '^::error::'))"
  else
    failed=$((failed + 1)); echo "[smoke] $action: FAILED (exit $code)"; printf '%s\n' "$out" | tail -20
  fi
  rm -rf "$tmp"
done
echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
