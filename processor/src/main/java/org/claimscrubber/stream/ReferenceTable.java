package org.claimscrubber.stream;

import java.time.LocalDate;
import org.apache.avro.Schema;
import org.claimscrubber.avro.AddOnReferenceRow;
import org.claimscrubber.avro.CodeReferenceRow;
import org.claimscrubber.avro.DiagnosisReferenceRow;
import org.claimscrubber.avro.LocalityReferenceRow;
import org.claimscrubber.avro.MueReferenceRow;
import org.claimscrubber.avro.PtpReferenceRow;
import org.claimscrubber.reference.CatalogRow;
import org.claimscrubber.reference.Codes;
import org.claimscrubber.reference.MueRow;
import org.claimscrubber.reference.PtpRow;
import org.claimscrubber.reference.ReferenceVisitor;
import org.claimscrubber.serde.AvroDeserializer;
import org.claimscrubber.serde.SerdeConfig;

/** The reference tables as the processor reads them: topic, global store, and how a value becomes a row. */
enum ReferenceTable {
    PTP(ReferenceRecords.PTP, ReferenceStores.PTP_STORE, PtpReferenceRow.getClassSchema(), true) {
        @Override
        void add(Object value, ReferenceVisitor into) {
            PtpRow row = ReferenceRecords.row((PtpReferenceRow) value);
            if (Codes.pair(row.column1(), row.column2()) < 0) {
                throw new IllegalArgumentException("not a pair of five-character codes: " + row.column1() + "/" + row.column2());
            }
            into.ptp(row);
        }
    },
    MUE(ReferenceRecords.MUE, ReferenceStores.MUE_STORE, MueReferenceRow.getClassSchema(), true) {
        @Override
        void add(Object value, ReferenceVisitor into) {
            MueReferenceRow a = (MueReferenceRow) value;
            into.mue(LocalDate.parse(a.getEdition()), ReferenceRecords.row(a));
        }
    },
    CODES(ReferenceRecords.CODES, ReferenceStores.CODES_STORE, CodeReferenceRow.getClassSchema(), true) {
        @Override
        void add(Object value, ReferenceVisitor into) {
            CodeReferenceRow a = (CodeReferenceRow) value;
            into.code(LocalDate.parse(a.getRelease()), a.getFile(), ReferenceRecords.row(a));
        }
    },
    ADD_ONS(ReferenceRecords.ADD_ONS, ReferenceStores.ADD_ONS_STORE, AddOnReferenceRow.getClassSchema(), false) {
        @Override
        void add(Object value, ReferenceVisitor into) {
            AddOnReferenceRow a = (AddOnReferenceRow) value;
            into.addOn(a.getRelease(), ReferenceRecords.row(a));
        }
    },
    DIAGNOSES(ReferenceRecords.DIAGNOSES, ReferenceStores.DIAGNOSES_STORE, DiagnosisReferenceRow.getClassSchema(), false) {
        @Override
        void add(Object value, ReferenceVisitor into) {
            DiagnosisReferenceRow a = (DiagnosisReferenceRow) value;
            into.diagnosis(LocalDate.parse(a.getEffective()), a.getFile(), a.getCode(), a.getBillable());
        }
    },
    LOCALITIES(ReferenceRecords.LOCALITIES, ReferenceStores.LOCALITIES_STORE, LocalityReferenceRow.getClassSchema(), false) {
        @Override
        void add(Object value, ReferenceVisitor into) {
            ReferenceRecords.visit((LocalityReferenceRow) value, into);
        }
    };

    /** Takes rows and keeps none: reading a value into it only checks that it is a usable row. */
    static final ReferenceVisitor CHECK_ONLY = new ReferenceVisitor() {
        @Override
        public void ptp(PtpRow row) {
        }

        @Override
        public void mue(LocalDate edition, MueRow row) {
        }

        @Override
        public void code(LocalDate release, String file, CatalogRow row) {
        }
    };

    final String topic;
    final String store;
    /** Whether every load must hold rows of this table (PTP, MUE, fee schedule); the others may be empty. */
    final boolean required;
    private final Schema schema;

    ReferenceTable(String topic, String store, Schema schema, boolean required) {
        this.topic = topic;
        this.store = store;
        this.schema = schema;
        this.required = required;
    }

    /** A reader of this table's values; one per thread. */
    AvroDeserializer<Object> reader(SerdeConfig serde) {
        return new AvroDeserializer<>(schema, serde);
    }

    /** Decodes a value as the topic carries it and hands its row to the visitor; throws when it is not a usable row. */
    void read(AvroDeserializer<Object> reader, byte[] value, ReferenceVisitor into) {
        add(reader.deserialize(topic, value), into);
    }

    abstract void add(Object value, ReferenceVisitor into);
}
