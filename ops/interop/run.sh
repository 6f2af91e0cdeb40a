#!/usr/bin/env bash
# Third-party clients against claim-scrubber, each its own process: `broker` (the embedded broker and schema
# registry), `register-schemas`, `load-reference`, `run`; Confluent's JavaScript Schema Registry client
# (@confluentinc/schemaregistry) registers the claim and decision subjects from schemas/*.avsc first, and
# `register-schemas` must find each under the same id (so `run`, which writes decisions without registering, finds them); then the client (its AvroSerializer, the Confluent wire format, the registry's REST API) encodes a
# generated stream and KafkaJS sends it to claims.submitted keyed by claimId, with one record that is not Avro; the
# same clients read the decisions back from claims.accepted and claims.flagged. Checks: every decision decodes with
# Confluent's AvroDeserializer, its key is its claimId, the decisions equal `check` on the same events, and the DLQ
# record is the bytes sent with the error headers of contracts §1. The npm packages are pinned by package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/../.."
. ops/lib.sh

(cd ops/interop && npm ci --no-audit --no-fund --loglevel=error > "$work/npm.out" 2>&1) || { cat "$work/npm.out"; exit 1; }
echo "ok: @confluentinc/schemaregistry $(node -p "require('./ops/interop/node_modules/@confluentinc/schemaregistry/package.json').version")," \
  "kafkajs $(node -p "require('./ops/interop/node_modules/kafkajs/package.json').version"), node $(node --version)"

broker_port=$(free_port); controller_port=$(free_port); registry_port=$(free_port); http_port=$(free_port)
start_broker
kafka=(--bootstrap-servers "$bootstrap" --schema-registry-url "$registry")
export KAFKAJS_NO_PARTITIONER_WARNING=1
for subject in claims.submitted-value:claim-submitted claims.accepted-value:claim-decision claims.flagged-value:claim-decision; do
  node ops/interop/confluent-js.cjs register "$registry" "${subject%%:*}" "schemas/${subject#*:}.avsc" >> "$work/theirs.out"
done
java -jar "$jar" register-schemas "${kafka[@]}" > "$work/register.out"
while read -r theirs; do
  grep -qxF "$theirs" "$work/register.out" || { echo "FAIL: Confluent's client registered '$theirs'; register-schemas:"; cat "$work/register.out"; exit 1; }
done < "$work/theirs.out"
echo "ok: the claim and decision subjects registered by Confluent's client from schemas/*.avsc; register-schemas found the same ids"
java -jar "$jar" load-reference "${kafka[@]}" 2> "$work/load.err"
java -jar "$jar" run "${kafka[@]}" --http-port "$http_port" --state-dir "$work/state" > "$work/run.out" 2> "$work/run.err" &
pids+=("$!")
wait_for 120 "/health/ready answers 200" status_is "http://127.0.0.1:$http_port/health/ready" 200

java -jar "$jar" generate --count 3000 --seed 5 > "$work/claims.jsonl"
node ops/interop/confluent-js.cjs produce "$bootstrap" "$registry" "$work/claims.jsonl" "$work/sent.jsonl"
java -jar "$jar" check --claims "$work/sent.jsonl" --quiet > "$work/expected.jsonl"
node ops/interop/confluent-js.cjs consume "$bootstrap" "$registry" "$(wc -l < "$work/expected.jsonl")" "$work/actual.jsonl"
java -jar "$jar" compare --expected "$work/expected.jsonl" --actual "$work/actual.jsonl"
echo "interop passed in $(( $(date +%s) - started ))s"
