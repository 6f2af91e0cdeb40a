#!/usr/bin/env bash
# Black-box end-to-end check, each part its own process: `broker`, `run`, `load-reference`, `produce` a generated
# stream, `consume`, then: decisions equal `check` on the same stream; /metrics carries the product's metric names;
# /health/ready goes unready when the broker stops and ready again when it returns. Everything is stopped by PID.
set -euo pipefail
cd "$(dirname "$0")/../.."
. ops/lib.sh

broker_port=$(free_port); controller_port=$(free_port); registry_port=$(free_port); http_port=$(free_port)
start_broker
kafka=(--bootstrap-servers "$bootstrap" --schema-registry-url "$registry")

java -jar "$jar" register-schemas "${kafka[@]}" > "$work/register.out"
java -jar "$jar" load-reference "${kafka[@]}" 2> "$work/load.err"
echo "ok: schemas registered and sample reference loaded"

java -jar "$jar" run "${kafka[@]}" --http-port "$http_port" --state-dir "$work/state" > "$work/run.out" 2> "$work/run.err" &
run_pid=$!
pids+=("$run_pid")
base="http://127.0.0.1:$http_port"
on_timeout() {
  echo "/health/ready: $(curl -s "$base/health/ready" || echo 'no answer')"
  if kill -0 "$run_pid" 2>/dev/null; then echo "run (pid $run_pid) is alive"; else echo "run (pid $run_pid) has exited"; fi
}
wait_for 120 "/health/ready answers 200" status_is "$base/health/ready" 200
status_is "$base/health/live" 200 || { echo "FAIL: /health/live"; exit 1; }

java -jar "$jar" generate --count 5000 --seed 3 > "$work/claims.jsonl"
java -jar "$jar" check --claims "$work/claims.jsonl" --quiet > "$work/expected.jsonl"
expected=$(wc -l < "$work/expected.jsonl")
java -jar "$jar" produce "${kafka[@]}" --claims "$work/claims.jsonl" 2> "$work/produce.err"

decided() {
  local n
  n=$(curl -s "$base/metrics" | awk '/^claimscrubber_decisions_total/ {s += $2} END {printf "%d", s}')
  [ "${n:-0}" -ge "$expected" ]
}
wait_for 300 "$expected decisions counted on /metrics" decided
java -jar "$jar" consume "${kafka[@]}" --out "$work/actual.jsonl" --until-idle 3 2> "$work/consume.err"
java -jar "$jar" compare --expected "$work/expected.jsonl" --actual "$work/actual.jsonl"

metrics=$(curl -s "$base/metrics")
for name in claimscrubber_decisions_total claimscrubber_findings_total claimscrubber_end_to_end_latency_seconds_bucket \
            claimscrubber_reference_info claimscrubber_member_history_entries kafka_stream_alive_stream_threads \
            kafka_stream_task_process_total kafka_stream_processor_node_process_total; do
  grep -q "^$name" <<< "$metrics" || { echo "FAIL: /metrics lacks $name"; exit 1; }
done
echo "ok: /metrics carries the product's metric names"
if grep -q 'MBR[0-9]' <<< "$metrics"; then echo "FAIL: a member id in /metrics"; exit 1; fi

kill "$broker_pid"; wait "$broker_pid" 2>/dev/null || true
wait_for 120 "/health/ready goes 503 while the broker is down" status_is "$base/health/ready" 503
status_is "$base/health/live" 200 || { echo "FAIL: /health/live must stay 200 while the client retries"; exit 1; }
start_broker
wait_for 180 "/health/ready is 200 again after the broker returns" status_is "$base/health/ready" 200

kill "$run_pid"; wait "$run_pid" 2>/dev/null || true
echo "ok: processor stopped by PID"
echo "e2e passed in $(( $(date +%s) - started ))s"
