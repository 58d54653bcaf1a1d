#!/usr/bin/env bash
# `npm run sandbox -- up [--clusters N] [--emulated-clusters N] --env-file FILE`
# Node 24 reads --env-file anywhere on its command line (even after the script), so the option is handed to the
# CLI under its alias --write-env.
. "$(dirname "$0")/use-node24.sh"
args=()
for a in "$@"; do
  case "$a" in
    --env-file) a=--write-env ;;
    --env-file=*) a="--write-env=${a#--env-file=}" ;;
  esac
  args+=("$a")
done
exec node --import tsx "$(dirname "$0")/../packages/sandbox/src/cli.ts" "${args[@]}"
