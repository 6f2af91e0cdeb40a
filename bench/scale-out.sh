#!/usr/bin/env bash
# Scale-out on a partitioned input (PARTITIONS, default 4):
#  1. one process with 1, 2 and 4 stream threads (`bench --quick`, in-process broker);
#  2. one and two `run` processes on a `broker` process: after an 80,000-claim warm-up batch (a fresh `run` JVM needs about 30 s of work before the JIT has compiled its hot paths), the same backlog of
#     CLAIMS produced and timed until every decision is counted on the instances' /metrics;
#  3. state migration: the second instance stops; time until the first owns all partitions (history restored from
#     the changelog) and decides a new batch, with its history entries before and after.
# Usage: bench/scale-out.sh [CLAIMS] [PARTITIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
claims=${1:-40000}
partitions=${2:-4}
jar=processor/target/claim-scrubber.jar   # the production jar for `run` and the clients
tools=target/claim-scrubber.jar          # the tools jar: `bench`, `broker`
[ -f "$jar" ] && [ -f "$tools" ] || mvn -B -q package -DskipTests
echo "machine: $(nproc) cores; $claims claims; $partitions partitions; exactly-once v2"
for threads in ${THREADS-1 2 4}; do
  rate=$(java -jar "$tools" bench --quick --claims "$claims" --partitions "$partitions" --set num.stream.threads=$threads 2>/dev/null \
    | sed -n 's/^processor: //p')
  echo "one process, $threads stream thread(s): $rate"
done

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
decided() { local n=0 p; for p in "$@"; do n=$(( n + $(curl -s "http://127.0.0.1:$p/metrics" | awk '/^claimscrubber_decisions_total/ {s += $2} END {printf "%d", s}') )); done; echo "$n"; }
entries() { curl -s "http://127.0.0.1:$1/metrics" | awk '/^claimscrubber_member_history_entries/ {printf "%d", $2}'; }

start_broker() {
  java -jar "$tools" broker --port "$(port)" --controller-port "$(port)" --registry-port "$(port)" --data-dir "$work/broker-$1" \
    > "$work/broker-$1.out" 2> "$work/broker-$1.err" &
  pids+=($!)
  until grep -qs '^schema.registry.url=' "$work/broker-$1.out"; do sleep 0.5; done
  kafka=(--bootstrap-servers "$(sed -n 's/^bootstrap.servers=//p' "$work/broker-$1.out")"
         --schema-registry-url "$(sed -n 's/^schema.registry.url=//p' "$work/broker-$1.out")")
  java -jar "$jar" register-schemas "${kafka[@]}" > /dev/null
  java -jar "$jar" load-reference "${kafka[@]}" 2> /dev/null
}
start_run() { # NAME HTTP_PORT
  java -jar "$jar" run "${kafka[@]}" --partitions "$partitions" --http-port "$2" --state-dir "$work/state-$1" > /dev/null 2> "$work/run-$1.err" &
  pids+=($!)
  eval "pid_$1=$!"
}
await_ready() { for p in "$@"; do until curl -sf "http://127.0.0.1:$p/health/ready" > /dev/null; do sleep 0.2; done; done; }

java -jar "$jar" generate --count "$claims" --seed 5 > "$work/claims.jsonl"
expected=$(./claim-scrubber check --claims "$work/claims.jsonl" --quiet | wc -l)
java -jar "$jar" generate --count 80000 --seed 4 > "$work/warm.jsonl"
warm=$(./claim-scrubber check --claims "$work/warm.jsonl" --quiet | wc -l)
java -jar "$jar" generate --count 2000 --seed 6 > "$work/more.jsonl"
more=$(./claim-scrubber check --claims "$work/more.jsonl" --quiet | wc -l)
for instances in 1 2; do
  start_broker "$instances"
  ports=()
  for i in $(seq "$instances"); do ports+=("$(port)"); start_run "$i" "${ports[-1]}"; done
  await_ready "${ports[@]}"
  # Warm-up batch first (a fresh JVM decides its first claims several times slower while the JIT compiles).
  java -jar "$jar" produce "${kafka[@]}" --claims "$work/warm.jsonl" 2> /dev/null
  until [ "$(decided "${ports[@]}")" -ge "$warm" ]; do sleep 0.5; done
  # The backlog is produced in the background; the rate is the slope from its 10% to its 90% decision.
  java -jar "$jar" produce "${kafka[@]}" --claims "$work/claims.jsonl" 2> /dev/null &
  until [ "$(decided "${ports[@]}")" -ge $(( warm + expected / 10 )) ]; do sleep 0.1; done
  t0=$(now_ms)
  until [ "$(decided "${ports[@]}")" -ge $(( warm + expected * 9 / 10 )) ]; do sleep 0.1; done
  t1=$(now_ms)
  until [ "$(decided "${ports[@]}")" -ge $(( warm + expected )) ]; do sleep 0.5; done
  echo "$instances run process(es), 1 thread each: $(( expected * 8 / 10 )) decisions (10% to 90% of the backlog) in $(( t1 - t0 )) ms: $(( expected * 8000 / 10 / (t1 - t0) )) claims/s"
  if [ "$instances" = 2 ]; then
    before=$(entries "${ports[0]}")
    kill "$pid_2"; wait "$pid_2" 2>/dev/null || true
    t2=$(now_ms)
    done_before=$(decided "${ports[0]}")
    java -jar "$jar" produce "${kafka[@]}" --claims "$work/more.jsonl" 2> /dev/null
    until [ "$(decided "${ports[0]}")" -ge $(( done_before + more )) ]; do sleep 0.2; done
    t3=$(now_ms)
    echo "state migration: instance 2 stopped; instance 1 took its partitions and decided a new batch of $more claims within $(( t3 - t2 )) ms of the stop; its history entries $before -> $(entries "${ports[0]}")"
  fi
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
done
