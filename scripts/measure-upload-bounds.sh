#!/usr/bin/env bash
# Memory of the web server when a bad file is uploaded to the archive (a measurement, not a test): starts the web
# app (Release, Development sign-in, a fresh data directory with the sample archive), signs in as admin, uploads
# each bad file of scripts/make-bad-inputs.py through POST /api/admin/ingest and prints the server's RSS before,
# its peak while the upload is ingested (sampled every 0.2 s), the RSS after, and the ingestion status.
#
# Usage: scripts/measure-upload-bounds.sh [--web PATH/Anfragen.Assistant.Web.dll] [--limit-mb N] [--keep DIR]
#   --web       a built web app to measure (default: this worktree, built with -c Release)
#   --limit-mb  the server is killed when its RSS passes N MB (default 4096); reported as "killed"
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
web=""
limit_mb=4096
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --web) web=$2; shift 2 ;;
    --limit-mb) limit_mb=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 1 ;;
  esac
done

if [ -z "$web" ]; then
  dotnet build "$repo/src/Anfragen.Assistant.Web" -c Release -v q -nologo >/dev/null
  web="$repo/artifacts/bin/Anfragen.Assistant.Web/release/Anfragen.Assistant.Web.dll"
fi
[ -f "$web" ] || { echo "web app not found: $web" >&2; exit 1; }

work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
inputs=${keep:-$work/inputs}
[ -f "$inputs/bombe-300mb-absaetze.docx" ] || python3 "$repo/scripts/make-bad-inputs.py" "$inputs"

port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
jar="$work/cookies"
rss() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$server/status" 2>/dev/null || echo 0; }

# One server for all uploads, as in production: memory that is not given back shows in the next row's "before".
(cd "$(dirname "$web")" && exec env ASPNETCORE_ENVIRONMENT=Development Urls="$base" Anfragen__DataDirectory="$work/data" \
  Anfragen__Web__SampleDataPath="$repo/data" dotnet "$web" >"$work/server.log" 2>&1) &
server=$!
for _ in $(seq 1 120); do curl -fs "$base/anmelden" -o /dev/null && break; sleep 1; done

token=$(curl -fs -c "$jar" -b "$jar" "$base/anmelden" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//; s/&#x2B;/+/g; s/&#x2F;/\//g; s/&#x3D;/=/g')
curl -fs -c "$jar" -b "$jar" -o /dev/null --data-urlencode "userName=admin" --data-urlencode "returnUrl=/anfragen" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/konto/anmelden"

status() { curl -fs -b "$jar" "$base/api/admin/status"; }
running() { status | python3 -c 'import json,sys; print(json.load(sys.stdin)["ingestion"]["running"])'; }
message() { status | python3 -c 'import json,sys; print(json.load(sys.stdin)["ingestion"]["message"])'; }

# The sample archive is ingested at the first start; measure from a settled server.
while [ "$(running)" = "True" ]; do sleep 1; done
sleep 2

printf '%-32s %10s %10s %10s  %s\n' "upload" "before MB" "peak MB" "after MB" "ingestion status"
for file in normal.txt bombe-300mb-absaetze.docx bombe-300mb-ein-lauf.docx bombe-300mb-inhalt.pdf tief-verschachtelt.html riesenzeile.jsonl ueberlang.txt; do
  before=$(rss)
  anti=$(curl -fs -c "$jar" -b "$jar" "$base/api/antiforgery" | tr -d '"')
  code=$(curl -s -c "$jar" -b "$jar" -o "$work/response" -w '%{http_code}' -H "RequestVerificationToken: $anti" -F "files=@$inputs/$file" -F "visibility=öffentlich" "$base/api/admin/ingest")
  if [ "$code" != 202 ]; then
    printf '%-32s %10s %10s %10s  %s
' "$file" "$before" "-" "$(rss)" "HTTP $code $(head -c 120 "$work/response")"
    continue
  fi
  peak=$before
  while true; do
    now=$(rss)
    [ "$now" -gt "$peak" ] && peak=$now
    if [ "$now" -gt "$limit_mb" ]; then
      printf '%-32s %10s %10s %10s  %s\n' "$file" "$before" "> $limit_mb" "-" "server killed"
      exit 0
    fi
    [ "$(running)" = "True" ] || break
    sleep 0.2
  done
  sleep 2
  printf '%-32s %10s %10s %10s  %s\n' "$file" "$before" "$peak" "$(rss)" "$(message | cut -c1-150)"
done
