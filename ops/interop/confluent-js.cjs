// Third-party clients against claim-scrubber: Confluent's JavaScript Schema Registry client (its AvroSerializer and
// AvroDeserializer, the Confluent wire format) and KafkaJS.
//   node confluent-js.cjs register REGISTRY_URL SUBJECT SCHEMA.avsc
//     registers the schema file under the subject with Confluent's client and prints `SUBJECT -> id N`.
//   node confluent-js.cjs produce BOOTSTRAP REGISTRY_URL CLAIMS.jsonl SENT.jsonl
//     encodes every claim event with the latest registered claims.submitted-value schema, keyed by claimId (contracts
//     §1), and sends them in file order; an event the schema cannot hold is left out (and not written to SENT). Then one
//     record of bytes that are not Avro, for the DLQ.
//   node confluent-js.cjs consume BOOTSTRAP REGISTRY_URL COUNT OUT.jsonl
//     reads claims.accepted and claims.flagged from the start until COUNT decisions arrived, decodes each with the
//     schema its id names, and writes them as JSON Lines; then checks the DLQ record is the one sent, byte for byte.
'use strict';
const fs = require('fs');
const { Kafka, logLevel } = require('kafkajs');
const { SchemaRegistryClient, SerdeType, AvroSerializer, AvroDeserializer } = require('@confluentinc/schemaregistry');

const NOT_AVRO = Buffer.from('not an avro record: claim-scrubber interop', 'utf8');
// contracts §1: the exception class, its message, the source topic, partition and offset, and the application id.
const DLQ_HEADERS = ['__streams.errors.exception', '__streams.errors.message', '__streams.errors.topic',
  '__streams.errors.partition', '__streams.errors.offset', '__streams.errors.application.id'];

async function register(registryUrl, subject, schemaFile) {
  const registry = new SchemaRegistryClient({ baseURLs: [registryUrl] });
  const id = await registry.register(subject, { schemaType: 'AVRO', schema: fs.readFileSync(schemaFile, 'utf8') });
  console.log(`${subject} -> id ${id}`);
}

async function produce(bootstrap, registryUrl, claimsFile, sentFile) {
  const registry = new SchemaRegistryClient({ baseURLs: [registryUrl] });
  const serializer = new AvroSerializer(registry, SerdeType.VALUE, { useLatestVersion: true, autoRegisterSchemas: false });
  const messages = [];
  const sent = [];
  let left = 0;
  for (const line of fs.readFileSync(claimsFile, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const event = JSON.parse(line);
    try {
      messages.push({ key: event.claimId, value: await serializer.serialize('claims.submitted', event) });
      sent.push(line);
    } catch (e) {
      left++;
    }
  }
  const producer = new Kafka({ clientId: 'interop-producer', brokers: [bootstrap], logLevel: logLevel.WARN })
    .producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  for (let i = 0; i < messages.length; i += 500) {
    await producer.send({ topic: 'claims.submitted', acks: -1, messages: messages.slice(i, i + 500) });
  }
  await producer.send({ topic: 'claims.submitted', acks: -1, messages: [{ key: 'not-avro', value: NOT_AVRO }] });
  await producer.disconnect();
  fs.writeFileSync(sentFile, sent.join('\n') + '\n');
  const first = messages[0].value;
  console.log(`sent ${messages.length} claims encoded by Confluent's AvroSerializer (magic byte ${first[0]}, schema id `
    + `${first.readInt32BE(1)}), ${left} events the schema cannot hold left out, 1 record that is not Avro`);
}

async function consume(bootstrap, registryUrl, count, outFile) {
  const registry = new SchemaRegistryClient({ baseURLs: [registryUrl] });
  const deserializer = new AvroDeserializer(registry, SerdeType.VALUE, {});
  const kafka = new Kafka({ clientId: 'interop-consumer', brokers: [bootstrap], logLevel: logLevel.WARN });
  const consumer = kafka.consumer({ groupId: `interop-${process.pid}-${Date.now()}`, readUncommitted: false });
  const decisions = [];
  let dlq = null;
  const errors = [];
  await consumer.connect();
  await consumer.subscribe({ topics: ['claims.accepted', 'claims.flagged', 'claims.dlq'], fromBeginning: true });
  const done = new Promise((resolve) => {
    consumer.run({
      eachMessage: async ({ topic, message }) => {
        if (topic === 'claims.dlq') {
          dlq = message;
        } else {
          try {
            const d = await deserializer.deserialize(topic, message.value);
            if (message.key.toString('utf8') !== d.claimId) {
              errors.push(`${topic}: key ${message.key} is not the decision's claimId ${d.claimId}`);
            }
            decisions.push(d);
          } catch (e) {
            errors.push(`${topic}: ${e.message}`);
          }
        }
        if (decisions.length + errors.length >= count && dlq !== null) resolve();
      },
    });
  });
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(
    `timed out: ${decisions.length} of ${count} decisions, DLQ record ${dlq === null ? 'not ' : ''}seen`)), 240000));
  try {
    await Promise.race([done, timeout]);
  } finally {
    await consumer.disconnect();
  }
  if (errors.length > 0) throw new Error(`${errors.length} decisions could not be read: ${errors.slice(0, 3).join('; ')}`);
  if (!Buffer.from(dlq.value).equals(NOT_AVRO)) throw new Error('the DLQ record is not the bytes sent');
  const headers = Object.keys(dlq.headers || {});
  const missing = DLQ_HEADERS.filter((h) => !headers.includes(h));
  if (missing.length > 0) throw new Error(`the DLQ record lacks the headers ${missing.join(', ')}`);
  fs.writeFileSync(outFile, decisions.map((d) => JSON.stringify(d)).join('\n') + '\n');
  console.log(`read ${decisions.length} decisions with Confluent's AvroDeserializer; the DLQ record is the bytes sent, `
    + `headers: ${headers.join(', ')}`);
}

const [command, ...args] = process.argv.slice(2);
const run = command === 'register' ? register(args[0], args[1], args[2])
  : command === 'produce' ? produce(args[0], args[1], args[2], args[3])
  : command === 'consume' ? consume(args[0], args[1], Number(args[2]), args[3])
    : Promise.reject(new Error('usage: confluent-js.cjs register|produce|consume ...'));
run.then(() => process.exit(0), (e) => { console.error(`FAIL: ${e.message}`); process.exit(1); });
