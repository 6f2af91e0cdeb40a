package org.claimscrubber.stream;

import static org.claimscrubber.ClaimFixture.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.claimscrubber.Scrubber;
import org.claimscrubber.avro.LocalityReferenceRow;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.reference.AddOnRow;
import org.claimscrubber.reference.CatalogRow;
import org.claimscrubber.reference.GpciRow;
import org.claimscrubber.reference.LocalityCounty;
import org.claimscrubber.reference.MueRow;
import org.claimscrubber.reference.PtpRow;
import org.claimscrubber.reference.ReferenceBuilder;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.reference.ReferenceLoader;
import org.claimscrubber.reference.ReferenceVisitor;
import org.claimscrubber.reference.ZipLocality;
import org.junit.jupiter.api.Test;

/** GPCI, county and ZIP rows as reference.localities carries them: a reference built from them prices as the files do. */
class LocalityReferenceRowsTest {

    /** Reads the sample files, sending each locality row through its topic form (key and Avro value) on the way. */
    private static ReferenceData throughTheTopicForm(Set<String> keys) {
        ReferenceBuilder builder = new ReferenceBuilder();
        ReferenceLoader.visit(ReferenceLoader.sampleSources(), "sample", new ReferenceVisitor() {
            @Override
            public void ptp(PtpRow row) {
                builder.ptp(row);
            }

            @Override
            public void mue(LocalDate edition, MueRow row) {
                builder.mue(edition, row);
            }

            @Override
            public void code(LocalDate release, String file, CatalogRow row) {
                builder.code(release, file, row);
            }

            @Override
            public void addOn(String release, AddOnRow row) {
                builder.addOn(release, row);
            }

            @Override
            public void diagnosis(LocalDate effective, String file, String code, boolean billable) {
                builder.diagnosis(effective, file, code, billable);
            }

            @Override
            public void gpci(int year, String file, GpciRow row) {
                keys.add(ReferenceRecords.key(year, row));
                ReferenceRecords.visit(copy(ReferenceRecords.avro(year, file, row)), builder);
            }

            @Override
            public void localityCounty(int year, String file, LocalityCounty row) {
                keys.add(ReferenceRecords.key(year, row));
                ReferenceRecords.visit(copy(ReferenceRecords.avro(year, file, row)), builder);
            }

            @Override
            public void zip(LocalDate effective, String file, ZipLocality row) {
                keys.add(ReferenceRecords.key(effective, row));
                ReferenceRecords.visit(copy(ReferenceRecords.avro(effective, file, row)), builder);
            }
        });
        return builder.build();
    }

    /** The value as a reader gets it back: every field through Avro's own copy. */
    private static LocalityReferenceRow copy(LocalityReferenceRow row) {
        return LocalityReferenceRow.newBuilder(row).build();
    }

    @Test
    void aReferenceBuiltFromTheTopicRowsPricesEveryLocalityAsTheFilesDo() {
        Set<String> keys = new HashSet<>();
        Scrubber fromFiles = Scrubber.sample();
        Scrubber fromTopics = new Scrubber(throughTheTopicForm(keys));

        for (String zip : new String[] {"99501", "35203", "90012", "90265", "94103", "33101", "10001", "82001", "60601"}) {
            Decision a = fromFiles.judge(claim("C" + zip).event("E" + zip).pos("11").zips(zip, null).line("62323"));
            Decision b = fromTopics.judge(claim("C" + zip).event("E" + zip).pos("11").zips(zip, null).line("62323"));
            assertEquals(a.lines(), b.lines(), zip);
        }
        assertTrue(keys.contains("GPCI|2026|02102-01"), keys.toString());
        assertTrue(keys.contains("ZIP|2025-10-01|99501"), keys.toString());
        assertTrue(keys.contains("COUNTY|2025|09102-04|MIAMI"), keys.toString());
        assertEquals(7 + 8 + 8, keys.size(), "7 GPCI rows, 8 ZIP records and 8 county rows in the sample");
    }
}
