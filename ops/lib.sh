# Shell helpers of the black-box runs (ops/e2e/run.sh, ops/interop/run.sh). Sourced from the top folder, it sets
# `jar` (the production jar, for every process but the broker), `tools` (the tools jar: `broker`), building both when
# missing, a temporary folder `work`, `pids=()` (every process to stop on exit, by stop_all, trapped here) and `started`.
jar=processor/target/claim-scrubber.jar
tools=target/claim-scrubber.jar
[ -f "$jar" ] && [ -f "$tools" ] || mvn -B -q package -DskipTests
work=$(mktemp -d)
pids=()
started=$(date +%s)
trap stop_all EXIT

# free_port: a port nobody listens on, below the kernel's ephemeral range: a client that keeps reconnecting to a
# stopped broker's port inside that range can connect to itself (TCP simultaneous open) and hold the port, so the
# restarted broker cannot have it back.
free_port() {
  local p low
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  [ "$low" -gt 12000 ] 2>/dev/null || low=32768
  while :; do
    p=$(( 10000 + RANDOM % (low - 10000) ))
    (echo > "/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}

# wait_for SECONDS DESCRIPTION COMMAND...: polls the command until it succeeds.
wait_for() {
  local limit=$1 what=$2; shift 2
  local t0; t0=$(date +%s)
  until "$@" >/dev/null 2>&1; do
    if [ $(( $(date +%s) - t0 )) -gt "$limit" ]; then
      echo "FAIL: timed out after ${limit}s waiting for: $what"
      if declare -F on_timeout > /dev/null; then on_timeout || true; fi
      for f in "$work"/*.err; do
        [ -f "$f" ] || continue
        echo "--- last ERROR lines and last 10 lines of $(basename "$f")"
        grep -E ' ERROR |Exception' "$f" | tail -n 10 || true
        tail -n 10 "$f" | cut -c1-400
      done
      exit 1
    fi
    sleep 0.5
  done
  echo "ok: $what ($(( $(date +%s) - t0 ))s)"
}

http_status() { curl -s -o /dev/null -w '%{http_code}' "$1"; }
status_is() { [ "$(http_status "$1")" = "$2" ]; }

# start_broker: the tools jar's embedded broker and registry on the ports broker_port, controller_port and
# registry_port; sets broker_pid, bootstrap and registry.
start_broker() {
  : > "$work/broker.out"
  java -jar "$tools" broker --port "$broker_port" --controller-port "$controller_port" --registry-port "$registry_port" \
    --data-dir "$work/data" > "$work/broker.out" 2> "$work/broker.err" &
  broker_pid=$!
  pids+=("$broker_pid")
  wait_for 120 "broker and registry accept connections" grep -q '^schema.registry.url=' "$work/broker.out"
  bootstrap=$(sed -n 's/^bootstrap.servers=//p' "$work/broker.out")
  registry=$(sed -n 's/^schema.registry.url=//p' "$work/broker.out")
}

# stop_all: every process in pids, then the work folder (kept when KEEP_WORK is set).
stop_all() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  [ -n "${KEEP_WORK:-}" ] && echo "kept $work" || rm -rf "$work"
}
