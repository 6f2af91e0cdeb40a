package org.claimscrubber.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.avro.CodeReferenceRow;
import org.claimscrubber.avro.MueReferenceRow;
import org.claimscrubber.avro.PtpReferenceRow;
import org.claimscrubber.avro.ReferenceLoad;
import org.claimscrubber.serde.AvroModels;
import org.claimscrubber.serde.SchemaRegistry;
import org.claimscrubber.serde.SerdeConfig;
import org.claimscrubber.stream.ReferenceRecords;
import org.claimscrubber.stream.TopicRegistry;
import org.claimscrubber.stream.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code register-schemas}: registers the product's schemas under their topic-name subjects, for deployments
 * where the processor runs with {@code auto.register.schemas=false} (the default of {@code run}).
 */
@Command(name = "register-schemas", mixinStandardHelpOptions = true,
        description = "Register the event, decision and reference schemas under <topic>-value subjects (deploy step).")
public final class RegisterSchemasCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    PrintStream out = System.out;

    /** Every subject the product writes or reads, with its schema as published (see {@link AvroModels#published}). */
    public static Map<String, Schema> subjects(Topics topics) {
        Map<String, Schema> s = new LinkedHashMap<>();
        s.put(topics.submitted() + "-value", ClaimSubmitted.getClassSchema());
        s.put(topics.accepted() + "-value", ClaimDecision.getClassSchema());
        s.put(topics.flagged() + "-value", ClaimDecision.getClassSchema());
        s.put(ReferenceRecords.PTP + "-value", PtpReferenceRow.getClassSchema());
        s.put(ReferenceRecords.MUE + "-value", MueReferenceRow.getClassSchema());
        s.put(ReferenceRecords.CODES + "-value", CodeReferenceRow.getClassSchema());
        s.put(ReferenceRecords.ADD_ONS + "-value", org.claimscrubber.avro.AddOnReferenceRow.getClassSchema());
        s.put(ReferenceRecords.DIAGNOSES + "-value", org.claimscrubber.avro.DiagnosisReferenceRow.getClassSchema());
        s.put(ReferenceRecords.LOCALITIES + "-value", org.claimscrubber.avro.LocalityReferenceRow.getClassSchema());
        s.put(ReferenceRecords.POLICIES + "-value", org.claimscrubber.avro.PolicyFileRecord.getClassSchema());
        s.put(ReferenceRecords.LOADS + "-value", ReferenceLoad.getClassSchema());
        s.replaceAll((subject, schema) -> AvroModels.published(schema));
        return s;
    }

    @Override
    public Integer call() {
        Map<String, Object> config = kafka.config();
        SchemaRegistry registry = SerdeConfig.from(config, false).registry();
        subjects(TopicRegistry.from(config).names()).forEach((subject, schema) ->
                out.println(subject + " -> id " + registry.register(subject, schema)));
        return 0;
    }
}
