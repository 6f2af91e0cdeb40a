package org.claimscrubber;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.reference.ReferenceLoader;

/** Reference data from in-memory files in the CMS layouts, for tests that need their own rows. */
public final class TestReference {
    public static final String PTP_NOTICE = "CPT only copyright 2025 American Medical Association.  All rights reserved.\t\t\t\t\t\t\r\n"
            + "Column1/Column2 Edits\t\t\t\t\t\t\r\n"
            + "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\r\n"
            + "\t\tprior to 1996\tDate\tDate\t0=not allowed\t\r\n";
    public static final String MUE_HEADER = "\"Notice line one.\nNotice line two.\",,,\r\n"
            + "\"HCPCS/\nCPT Code\",Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\r\n";

    private final List<ReferenceLoader.Source> sources = new ArrayList<>();

    public static TestReference files() {
        return new TestReference();
    }

    /** Adds a file with the given name and latin-1 content. */
    public TestReference file(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
        sources.add(new ReferenceLoader.Source() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        });
        return this;
    }

    /** Adds a PTP part whose rows are given tab-separated without the line ends. */
    public TestReference ptp(String name, String... rows) {
        return file(name, PTP_NOTICE + String.join("\r\n", rows) + "\r\n");
    }

    public TestReference mue(String name, String... rows) {
        return file(name, MUE_HEADER + String.join("\r\n", rows) + "\r\n");
    }

    /** Adds one of the shipped sample files under its own name. */
    public TestReference sample(String name) {
        return file(name, sampleText(name));
    }

    /** Adds a shipped sample file under another name (another release date, say). */
    public TestReference sampleAs(String sampleName, String name) {
        return file(name, sampleText(sampleName));
    }

    /** The files added so far, as the loader takes them. */
    public List<ReferenceLoader.Source> sources() {
        return List.copyOf(sources);
    }

    public ReferenceData load() {
        return ReferenceLoader.load(sources, "test");
    }

    public static String sampleText(String name) {
        try (InputStream in = ReferenceLoader.class.getResourceAsStream(ReferenceLoader.SAMPLE + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
