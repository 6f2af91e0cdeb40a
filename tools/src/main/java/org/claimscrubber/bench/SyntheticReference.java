package org.claimscrubber.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.claimscrubber.reference.ReferenceLoader;

/**
 * Writes a synthetic full-size quarter in the exact CMS layouts (four PTP parts, an MUE table, a PPRRVU file),
 * with the shipped sample rows folded in so that generated claims still meet their codes. For benchmarks and
 * scale tests; nothing this writes is committed.
 */
public final class SyntheticReference {
    public static final int FULL_PTP_ROWS = 2_500_000;
    public static final int FULL_MUE_ROWS = 15_000;
    public static final int FULL_RVU_ROWS = 19_000;
    private static final String PTP_NOTICE = "CPT only copyright 2025 American Medical Association.  All rights reserved.\t\t\t\t\t\t\r\n"
            + "Column1/Column2 Edits\t\t\t\t\t\t\r\n"
            + "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\r\n"
            + "\t\tprior to 1996\tDate\tDate\t0=not allowed\t\r\n\t\t\t\t*=no data\t1=allowed\t\r\n\t\t\t\t\t9=not applicable\t\r\n";

    private SyntheticReference() {
    }

    /** Writes the files into {@code dir} and returns it. */
    public static Path write(Path dir, int ptpRows, int mueRows, int rvuRows, long seed) {
        try {
            Files.createDirectories(dir);
            SplittableRandom random = new SplittableRandom(seed);
            List<String> codes = codes(Math.max(rvuRows, 1000));
            copySample(dir, "ccipra-v320r0-f1.txt");
            copySample(dir, "ccipra-v320r0-f2.txt");
            writePtp(dir, codes, ptpRows, random);
            writeMue(dir, codes, mueRows, random);
            writeRvu(dir, codes, rvuRows, random);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> codes(int n) {
        List<String> codes = new ArrayList<>(n);
        Set<String> sample = sampleCodes();
        for (int i = 0; codes.size() < n; i++) {
            String code = String.format("%05d", 10000 + i * 4);
            if (!sample.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static Set<String> sampleCodes() {
        Set<String> codes = new HashSet<>();
        for (String line : sample("PPRRVU2026_Jan_nonQPP.csv").split("\r\n")) {
            if (line.length() > 5 && Character.isLetterOrDigit(line.charAt(0))) {
                codes.add(line.substring(0, 5));
            }
        }
        return codes;
    }

    private static void writePtp(Path dir, List<String> codes, int rows, SplittableRandom random) throws IOException {
        int parts = 4;
        int column1PerPart = Math.max(1, codes.size() / parts);
        int perPart = rows / parts;
        for (int part = 0; part < parts; part++) {
            try (Writer out = writer(dir.resolve("ccipra-v323r0-f" + (part + 1) + ".txt"))) {
                out.write(PTP_NOTICE);
                int written = 0;
                int c1 = part * column1PerPart;
                while (written < perPart + (part == parts - 1 ? rows % parts : 0)) {
                    String column1 = codes.get(c1 % codes.size());
                    int pairs = 50 + random.nextInt(400);
                    for (int p = 0; p < pairs && written < perPart + (part == parts - 1 ? rows % parts : 0); p++) {
                        String column2 = codes.get(random.nextInt(codes.size()));
                        int year = 1996 + random.nextInt(30);
                        String effective = year + "0101";
                        boolean deleted = random.nextInt(4) == 0;
                        int indicator = random.nextInt(20) == 0 ? 9 : random.nextInt(5) == 0 ? 0 : 1;
                        String deletion = indicator == 9 ? effective : deleted ? (year + 1 + random.nextInt(3)) + "1231" : "*";
                        out.write(column1 + "\t" + column2 + "\t" + (year == 1996 ? "*" : "") + "\t" + effective + "\t" + deletion
                                + "\t" + indicator + "\tMisuse of Column Two code with Column One code\r\n");
                        written++;
                    }
                    c1++;
                }
            }
        }
    }

    private static void writeMue(Path dir, List<String> codes, int rows, SplittableRandom random) throws IOException {
        String sample = sample("MCR_MUE_PractitionerServices_Eff_01-01-2026.csv");
        try (Writer out = writer(dir.resolve("MCR_MUE_PractitionerServices_Eff_01-01-2026.csv"))) {
            out.write(sample);
            for (int i = 0; i < rows && i < codes.size(); i++) {
                int mai = 1 + random.nextInt(3);
                out.write(codes.get(i) + "," + (1 + random.nextInt(6)) + "," + mai
                        + (mai == 1 ? " Line Edit" : mai == 2 ? " Date of Service Edit: Policy" : " Date of Service Edit: Clinical")
                        + ",Clinical: Data\r\n");
            }
        }
    }

    private static void writeRvu(Path dir, List<String> codes, int rows, SplittableRandom random) throws IOException {
        String sample = sample("PPRRVU2026_Jan_nonQPP.csv");
        try (Writer out = writer(dir.resolve("PPRRVU2026_Jan_nonQPP.csv"))) {
            out.write(sample);
            for (int i = 0; i < rows && i < codes.size(); i++) {
                String work = String.format("%.2f", random.nextDouble() * 5);
                String pe = String.format("%.2f", random.nextDouble() * 8);
                out.write(codes.get(i) + ",,Synthetic service " + i + ",A,," + work + "," + pe + ",," + pe + ",,0.10,,,0,000,"
                        + "0.00,0.00,0.00,2,0,0,0,0,0,33.4009,09,,88,0.00,0.00,0.00\r\n");
            }
        }
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1), 1 << 16);
    }

    private static void copySample(Path dir, String name) throws IOException {
        Files.writeString(dir.resolve(name), sample(name), StandardCharsets.ISO_8859_1);
    }

    private static String sample(String name) {
        try (InputStream in = ReferenceLoader.class.getResourceAsStream(ReferenceLoader.SAMPLE + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
