/**
 * The in-cluster egress probe: a POSIX sh script for an image with curl (curlimages/curl: busybox sh and curl).
 *
 * `$1` is the container's terminationMessagePath. PROBE_TARGETS has one target a line: `a <url>` (the guest
 * notification service's allowlist: fetched, its JSON array of relay hosts probed), `h <url>` (plain HTTPS), `r
 * <host[:port]>` (relays to probe when the allowlist gives none). Proxies come from HTTPS_PROXY/https_proxy/NO_PROXY
 * (curl reads them as the agents' Go and Python HTTP clients do); PROBE_CA is the proxy's CA (PEM), added to the
 * image's CA bundle.
 *
 * Every relay is probed twice on the same URL (`https://<relay>/$hc/arc-actions-egress-probe?sb-hc-action=connect`):
 * a plain GET, and a websocket upgrade without a token (a sender's handshake). Nothing is judged here: the script
 * writes what it saw (curl's exit code, status line and the start of the body) as compact JSON to `$1`, which the
 * kubelet reports as the container's termination message (at most 4096 bytes: entries that would not fit are
 * counted in `cut`). The runner reads it from the pod status, so no log access is needed.
 */
export const EGRESS_PROBE_SCRIPT = String.raw`out="$1"
[ -n "$PROBE_TIMEOUT" ] || PROBE_TIMEOUT=15
tmp=$(mktemp -d 2>/dev/null) || { tmp="/tmp/arc-egress-$$"; mkdir -p "$tmp"; }
if ! command -v curl >/dev/null 2>&1; then printf '{"v":1,"error":"curl not found in the image"}' > "$out"; exit 3; fi
cacert=""
if [ -n "$PROBE_CA" ]; then
  for base in "$CURL_CA_BUNDLE" /etc/ssl/certs/ca-certificates.crt /cacert.pem; do
    if [ -n "$base" ] && [ -r "$base" ]; then cat "$base" > "$tmp/ca.pem"; break; fi
  done
  printf '%s\n' "$PROBE_CA" >> "$tmp/ca.pem"
  cacert="$tmp/ca.pem"
fi
esc() { tr -d '\r\n\t' | tr -cd '[:print:]' | cut -c1-"$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }
: > "$tmp/entries"
cut=0
# probe KIND HOST URL UPGRADE(0|1) [N]: one request, one entry.
probe() {
  kind="$1"; host="$2"; url="$3"; up="$4"; n="$5"
  : > "$tmp/h"; : > "$tmp/b"; : > "$tmp/e"
  set -- "$url"
  if [ "$up" = 1 ]; then
    set -- "$@" -H 'Upgrade: websocket' -H 'Connection: Upgrade' -H 'Sec-WebSocket-Key: YXJjLWFjdGlvbnMtcHJvYmU=' -H 'Sec-WebSocket-Version: 13'
  fi
  if [ -n "$cacert" ]; then set -- "$@" --cacert "$cacert"; fi
  code=$(curl -sS --http1.1 --max-time "$PROBE_TIMEOUT" -A arc-actions-egress-probe -D "$tmp/h" -o "$tmp/b" -w '%{http_code}' "$@" 2>"$tmp/e")
  rc=$?
  case "$code" in ''|000) code=0 ;; esac
  text=""
  if [ "$code" != 0 ]; then
    text=$(grep -a "^HTTP/[0-9.]* $code" "$tmp/h" | tail -n 1 | sed 's/^HTTP\/[0-9.]* [0-9]* *//' | esc 70)
  fi
  entry="{\"k\":\"$kind\",\"h\":\"$(printf '%s' "$host" | esc 120)\",\"c\":$rc,\"s\":$code,\"t\":\"$text\""
  if [ "$kind" = u ] || [ "$kind" = p ]; then entry="$entry,\"b\":\"$(head -c 200 "$tmp/b" | esc 70)\""; fi
  if [ "$rc" != 0 ]; then entry="$entry,\"x\":\"$(head -n 1 "$tmp/e" | esc 90)\""; fi
  if [ -n "$n" ]; then entry="$entry,\"n\":$n"; fi
  entry="$entry}"
  size=$(wc -c < "$tmp/entries")
  if [ $((size + $(printf '%s' "$entry" | wc -c) + 40)) -gt 4000 ]; then cut=$((cut + 1)); return; fi
  printf '%s\n' "$entry" >> "$tmp/entries"
}
relays=""
fallback=""
printf '%s\n' "$PROBE_TARGETS" > "$tmp/targets"
while read -r kind target; do
  [ -n "$kind" ] || continue
  case "$kind" in
    a)
      host=$(printf '%s' "$target" | sed 's#^[a-z]*://##; s#/.*##')
      : > "$tmp/h"; : > "$tmp/b"
      probe a "$host" "$target" 0
      if [ "$code" = 200 ]; then
        relays=$(tr -d '[]" \r\n\t' < "$tmp/b" | tr ',' '\n' | grep -E '^[A-Za-z0-9.-]+(:[0-9]+)?$' | sort -u)
      fi
      ;;
    h) probe h "$(printf '%s' "$target" | sed 's#^[a-z]*://##; s#/.*##')" "$target" 0 ;;
    r) fallback="$fallback $target" ;;
  esac
done < "$tmp/targets"
[ -n "$relays" ] || relays="$fallback"
for relay in $relays; do
  url="https://$relay/\$hc/arc-actions-egress-probe?sb-hc-action=connect"
  probe p "$relay" "$url" 0
  probe u "$relay" "$url" 1
done
printf '{"v":1,"cut":%s,"e":[%s]}' "$cut" "$(tr '\n' ',' < "$tmp/entries" | sed 's/,$//')" > "$out"
rm -rf "$tmp"
exit 0
`;
