#!/usr/bin/env bash
# Soak: N generated claims (default 1,000,000) through a `run` process on a `broker` process, sampling every
# SAMPLE seconds the processor's heap (jvm_memory_used_bytes, area heap), RSS (ps), member-history entries
# (claimscrubber_member_history_entries), the local state folder's size and the decision count, until every
# decision is out. Usage: bench/soak.sh [CLAIMS] [SAMPLE_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
claims=${1:-1000000}
every=${2:-10}
jar=processor/target/claim-scrubber.jar   # the production jar for `run` and the clients
tools=target/claim-scrubber.jar          # the tools jar: `broker`
[ -f "$jar" ] && [ -f "$tools" ] || mvn -B -q package -DskipTests
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  [ -n "${KEEP_SOAK:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
http=$(port)

java -jar "$tools" broker --port "$(port)" --controller-port "$(port)" --registry-port "$(port)" --data-dir "$work/broker" \
  > "$work/broker.out" 2> "$work/broker.err" &
pids+=($!)
until grep -qs '^schema.registry.url=' "$work/broker.out"; do sleep 0.5; done
kafka=(--bootstrap-servers "$(sed -n 's/^bootstrap.servers=//p' "$work/broker.out")"
       --schema-registry-url "$(sed -n 's/^schema.registry.url=//p' "$work/broker.out")")
java -jar "$jar" register-schemas "${kafka[@]}" > /dev/null
java -jar "$jar" load-reference "${kafka[@]}" 2> /dev/null

./claim-scrubber generate --count "$claims" --seed 21 > "$work/claims.jsonl"
expected=$(./claim-scrubber check --claims "$work/claims.jsonl" --quiet | wc -l)
echo "soak: $claims claims, $expected decisions expected; sampling every ${every}s"

java -jar "$jar" run "${kafka[@]}" --http-port "$http" --state-dir "$work/state" > /dev/null 2> "$work/run.err" &
run_pid=$!
pids+=("$run_pid")
until curl -sf "http://127.0.0.1:$http/health/ready" > /dev/null; do sleep 0.5; done
java -jar "$jar" produce "${kafka[@]}" --claims "$work/claims.jsonl" 2> "$work/produce.err" &
pids+=($!)

metric() { awk -v m="$1" 'index($0, m) == 1 {s += $NF} END {printf "%.0f", s}' <<< "$2"; }
printf '%8s %10s %9s %9s %12s %10s\n' seconds decisions heap_MB rss_MB history_keys state_MB
start=$(date +%s)
while :; do
  sleep "$every"
  m=$(curl -s "http://127.0.0.1:$http/metrics")
  decided=$(metric 'claimscrubber_decisions_total' "$m")
  heap=$(metric 'jvm_memory_used_bytes{area="heap"' "$m")
  entries=$(metric 'claimscrubber_member_history_entries' "$m")
  rss=$(ps -o rss= -p "$run_pid" | tr -d ' ')
  state=$(du -sm "$work/state" | cut -f1)
  printf '%8d %10d %9d %9d %12d %10d\n' $(( $(date +%s) - start )) "$decided" $(( heap / 1048576 )) $(( rss / 1024 )) "$entries" "$state"
  [ "$decided" -ge "$expected" ] && break
  kill -0 "$run_pid" 2>/dev/null || { echo "FAIL: the processor exited"; tail -20 "$work/run.err"; exit 1; }
done
echo "soak done: $decided decisions in $(( $(date +%s) - start ))s"
