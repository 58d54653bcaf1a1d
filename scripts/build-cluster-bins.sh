#!/usr/bin/env bash
# Builds the local-cluster test infrastructure from Go modules and caches it by version:
#   kube-apiserver, kube-controller-manager (k8s.io/kubernetes, wrapper module tools/kube),
#   etcd (go.etcd.io/etcd/server/v3, wrapper module tools/etcd), gatekeeper and helm (go install @version),
#   Flux's source-controller and kustomize-controller (wrapper modules tools/source-controller, tools/kustomize-controller:
#   both go.mod files have replace directives) with their CRDs, and a loopback git server (tools/gitserver, on
#   github.com/fluxcd/gitkit) for tests and the demo.
# Prints the cache folder on its last line. Nothing here is ever committed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

K8S_VERSION=v1.36.3
ETCD_VERSION=v3.6.16
GATEKEEPER_VERSION=v3.23.0
HELM_VERSION=v3.21.4
# microsoft.flux 1.23.0 ships source-controller v1.7.4 and kustomize-controller v1.7.3 (Flux v2.7.5). The Go module
# proxy refuses source-controller v1.7.4 ("not available"), so its previous patch release builds here.
SOURCE_CONTROLLER_VERSION=v1.7.3
KUSTOMIZE_CONTROLLER_VERSION=v1.7.3

cache=${ARC_BIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/arc-actions/bin}
dir="$cache/k8s-$K8S_VERSION-etcd-$ETCD_VERSION-gk-$GATEKEEPER_VERSION-helm-$HELM_VERSION-sc-$SOURCE_CONTROLLER_VERSION-kc-$KUSTOMIZE_CONTROLLER_VERSION"
mkdir -p "$dir"
# One build at a time per cache folder: parallel test workers may all call this script on a cold machine.
exec 9>"$dir/.lock"
flock 9

export CGO_ENABLED=0 GOWORK=off GOFLAGS=-buildvcs=false GOTOOLCHAIN=local

log() { printf '[cluster-bins] %s\n' "$*" >&2; }
# Go's own output (pages of "go: downloading") goes to a log file; the terminal gets one line per step and a
# heartbeat every 30 s saying which binary is building, for how long, and what comes next.
build_log="$dir/build.log"
steps=(etcd helm gatekeeper kube-apiserver kube-controller-manager gitserver source-controller kustomize-controller)
total_start=$SECONDS
# The version part of the cache folder's name that a binary depends on: a folder of another set of versions that
# has the same part (e.g. before a binary was added to the set) holds the same build, which is copied, not rebuilt.
version_part() {
  case $1 in
    etcd) echo "-etcd-$ETCD_VERSION-" ;; helm) echo "-helm-$HELM_VERSION-" ;; gatekeeper | gator) echo "-gk-$GATEKEEPER_VERSION-" ;;
    kube-apiserver | kube-controller-manager) echo "k8s-$K8S_VERSION-" ;;
    source-controller) echo "-sc-$SOURCE_CONTROLLER_VERSION-" ;; kustomize-controller) echo "-kc-$KUSTOMIZE_CONTROLLER_VERSION-" ;;
  esac
}
reuse() { # name
  local part previous folder
  part=$(version_part "$1")
  [ -n "$part" ] || return 1
  for previous in "$cache"/*/"$1"; do
    folder=${previous%/*}
    [ "$folder" != "$dir" ] && [ -x "$previous" ] || continue
    case "-${folder##*/}-" in *"$part"*) ;; *) continue ;; esac
    cp "$previous" "$dir/$1.tmp" && mv "$dir/$1.tmp" "$dir/$1" && log "$1: copied from $folder (same version)" && return 0
  done
  return 1
}
timed() { # name, command...
  local name=$1; shift
  if [ -x "$dir/$name" ]; then log "$name: cached"; return; fi
  if reuse "$name"; then return; fi
  local start=$SECONDS i next="" n=0
  for i in "${!steps[@]}"; do [ "${steps[$i]}" = "$name" ] && n=$((i + 1)) && next=${steps[$((i + 1))]:-}; done
  log "$name ($n of ${#steps[@]}): building from its Go module (first run only; Go's output in $build_log)"
  ( while sleep 30; do log "  $name: $((SECONDS - start)) s so far, $((SECONDS - total_start)) s in all${next:+; next: $next}"; done ) &
  local beat=$!
  local status=0
  "$@" >>"$build_log" 2>&1 || status=$?
  kill "$beat" 2>/dev/null; wait "$beat" 2>/dev/null || true
  if [ "$status" -ne 0 ]; then
    log "$name: the build failed (exit $status); the last lines of $build_log:"; tail -n 20 "$build_log" >&2; exit "$status"
  fi
  log "$name: built in $((SECONDS - start)) s"
}

minor=${K8S_VERSION#v1.}; minor=${minor%%.*}
kpkg=k8s.io/component-base/version
kflags="-s -w -X $kpkg.gitVersion=$K8S_VERSION -X $kpkg.gitMajor=1 -X $kpkg.gitMinor=$minor \
 -X $kpkg.gitCommit=unknown -X $kpkg.gitTreeState=clean -X $kpkg.buildDate=2026-01-01T00:00:00Z"

build_kube() { (cd "$root/tools/kube" && go build -trimpath -ldflags "$kflags" -o "$dir/$1.tmp" "k8s.io/kubernetes/cmd/$1" && mv "$dir/$1.tmp" "$dir/$1"); }
build_etcd() { (cd "$root/tools/etcd" && go build -trimpath -ldflags "-s -w" -o "$dir/etcd.tmp" go.etcd.io/etcd/server/v3 && mv "$dir/etcd.tmp" "$dir/etcd"); }
build_gatekeeper() {
  GOBIN="$dir/.gobin" go install -trimpath \
    -ldflags "-s -w -X github.com/open-policy-agent/gatekeeper/v3/pkg/version.Version=$GATEKEEPER_VERSION" \
    "github.com/open-policy-agent/gatekeeper/v3@$GATEKEEPER_VERSION"
  mv "$dir/.gobin/gatekeeper" "$dir/gatekeeper"
}
build_helm() {
  local h=helm.sh/helm/v3
  GOBIN="$dir/.gobin" go install -trimpath -ldflags "-s -w -X $h/internal/version.version=$HELM_VERSION \
    -X $h/pkg/chartutil.k8sVersionMajor=1 -X $h/pkg/chartutil.k8sVersionMinor=$minor \
    -X $h/pkg/lint/rules.k8sVersionMajor=1 -X $h/pkg/lint/rules.k8sVersionMinor=$minor" \
    "$h/cmd/helm@$HELM_VERSION"
  mv "$dir/.gobin/helm" "$dir/helm"
}

build_flux() { # name
  (cd "$root/tools/$1" && go build -trimpath -ldflags "-s -w" -o "$dir/$1.tmp" "github.com/fluxcd/$1" && mv "$dir/$1.tmp" "$dir/$1")
}
build_gitserver() { (cd "$root/tools/gitserver" && go build -trimpath -ldflags "-s -w" -o "$dir/gitserver.tmp" . && mv "$dir/gitserver.tmp" "$dir/gitserver"); }

timed etcd build_etcd
timed helm build_helm
timed gatekeeper build_gatekeeper
timed kube-apiserver build_kube kube-apiserver
timed kube-controller-manager build_kube kube-controller-manager
timed gitserver build_gitserver
timed source-controller build_flux source-controller
timed kustomize-controller build_flux kustomize-controller

if [ ! -d "$dir/gatekeeper-crds" ]; then
  gk=$(go env GOMODCACHE)/github.com/open-policy-agent/gatekeeper/v3@$GATEKEEPER_VERSION
  [ -d "$gk/charts/gatekeeper/crds" ] || (cd "$root/tools/etcd" && go mod download "github.com/open-policy-agent/gatekeeper/v3@$GATEKEEPER_VERSION" >>"$build_log" 2>&1)
  mkdir -p "$dir/gatekeeper-crds.tmp" && cp "$gk"/charts/gatekeeper/crds/*.yaml "$dir/gatekeeper-crds.tmp/"
  chmod -R u+w "$dir/gatekeeper-crds.tmp" && mv "$dir/gatekeeper-crds.tmp" "$dir/gatekeeper-crds"
fi
# The CRDs each controller serves (config/crd/bases of its module), as the microsoft.flux extension installs them.
copy_crds() { # controller (its wrapper module under tools/ pins the version)
  local out="$dir/$1-crds" mod
  [ -d "$out" ] && return
  mod=$(cd "$root/tools/$1" && go mod download "github.com/fluxcd/$1" >>"$build_log" 2>&1 && go list -m -f '{{.Dir}}' "github.com/fluxcd/$1")
  [ -d "$mod/config/crd/bases" ] || { log "$1: no config/crd/bases in $mod"; exit 1; }
  mkdir -p "$out.tmp" && cp "$mod"/config/crd/bases/*.yaml "$out.tmp/"
  chmod -R u+w "$out.tmp" && mv "$out.tmp" "$out"
}
copy_crds source-controller
copy_crds kustomize-controller

# gator, Gatekeeper's CLI from the same module and version as the gatekeeper binary: policy-rollout's deny-impact
# preview runs `gator test` in its tests (a runner takes it from PATH or downloads the pinned release).
build_gator() {
  GOBIN="$dir/.gobin" go install -trimpath \
    -ldflags "-s -w -X github.com/open-policy-agent/gatekeeper/v3/pkg/version.Version=$GATEKEEPER_VERSION" \
    "github.com/open-policy-agent/gatekeeper/v3/cmd/gator@$GATEKEEPER_VERSION"
  mv "$dir/.gobin/gator" "$dir/gator"
}
steps+=(gator)
timed gator build_gator

echo "$dir"
