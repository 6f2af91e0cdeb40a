package org.claimscrubber.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads a folder of CMS files, recognised by their CMS file names: every PTP part ({@code ccipra-*.txt}),
 * every MUE edition and every PPRRVU release. Any file that cannot be used fails the whole load, so the
 * reference in force is never replaced by a partial one. Where a release has both a QPP and a non-QPP
 * PPRRVU file, the non-QPP one is in force.
 */
public final class ReferenceLoader {
    /** The sample reference data shipped in the jar, listed in {@code index.txt}. */
    public static final String SAMPLE = "/sample-reference/";

    private ReferenceLoader() {
    }

    /** A named stream of bytes: a file on disk or a resource in the jar. */
    public interface Source {
        String name();

        InputStream open() throws IOException;
    }

    public static ReferenceData load(Path dir) {
        return load(sources(dir), dir.toString());
    }

    /** The files of a folder as sources. */
    public static List<Source> sources(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ReferenceException(dir.toString(), 0, "not a directory");
        }
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).sorted().forEach(p -> sources.add(new Source() {
                @Override
                public String name() {
                    return p.getFileName().toString();
                }

                @Override
                public InputStream open() throws IOException {
                    return Files.newInputStream(p);
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    public static ReferenceData loadSample() {
        return load(sampleSources(), "sample reference");
    }

    /** The shipped sample files as sources. */
    public static List<Source> sampleSources() {
        List<Source> sources = new ArrayList<>();
        try (InputStream index = ReferenceLoader.class.getResourceAsStream(SAMPLE + "index.txt")) {
            if (index == null) {
                throw new IllegalStateException("sample reference index missing from the jar");
            }
            for (String name : new String(index.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                if (name.isBlank()) {
                    continue;
                }
                sources.add(new Source() {
                    @Override
                    public String name() {
                        return name.trim();
                    }

                    @Override
                    public InputStream open() {
                        return ReferenceLoader.class.getResourceAsStream(SAMPLE + name.trim());
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /** Loads the recognised sources into an immutable reference. */
    public static ReferenceData load(List<Source> sources, String where) {
        ReferenceBuilder builder = new ReferenceBuilder();
        visit(sources, where, builder);
        return builder.build();
    }

    /**
     * Streams every row of the recognised sources to the visitor: PTP parts newest release first, each pair's rows
     * only from the newest release that holds the pair (contracts §4a rule 1); MUE editions and RVU releases by
     * date; of a release's QPP and non-QPP files, only the non-QPP one.
     */
    public static void visit(List<Source> sources, String where, ReferenceVisitor visitor) {
        List<Source> ptp = new ArrayList<>();
        List<Source> mue = new ArrayList<>();
        Map<LocalDate, Source> rvu = new java.util.TreeMap<>();
        Map<String, Source> addOns = new java.util.TreeMap<>();
        Map<LocalDate, Source> diagnoses = new java.util.TreeMap<>();
        List<Source> localityFiles = new ArrayList<>();
        Map<String, Source> seen = new java.util.HashMap<>();
        for (Source s : sources) {
            if (PtpReader.version(s.name()) != null) {
                unique(seen, "ptp " + PtpReader.part(s.name()), s);
                ptp.add(s);
            } else if (MueReader.effectiveDate(s.name()) != null) {
                unique(seen, "mue " + MueReader.effectiveDate(s.name()), s);
                mue.add(s);
            } else if (AddOnReader.release(s.name()) != null) {
                unique(seen, "add-on code release " + AddOnReader.release(s.name()), s);
                addOns.put(AddOnReader.release(s.name()), s);
            } else if (DiagnosisReader.effectiveDate(s.name()) != null) {
                unique(seen, "ICD-10-CM release of " + DiagnosisReader.effectiveDate(s.name()), s);
                diagnoses.put(DiagnosisReader.effectiveDate(s.name()), s);
            } else if (localityFile(s.name()) != null) {
                unique(seen, localityFile(s.name()), s);
                localityFiles.add(s);
            } else if (RvuReader.effectiveDate(s.name()) != null) {
                LocalDate date = RvuReader.effectiveDate(s.name());
                unique(seen, "rvu " + date + (nonQpp(s) ? " nonqpp" : ""), s);
                Source other = rvu.get(date);
                if (other == null || !nonQpp(other) && nonQpp(s)) {
                    rvu.put(date, s);
                }
            }
        }
        if (ptp.isEmpty() && mue.isEmpty() && rvu.isEmpty()) {
            throw new ReferenceException(where, 0, "no CMS reference files (ccipra-*.txt, MCR_MUE_PractitionerServices_Eff_*.csv, PPRRVU*.csv)");
        }
        visitPtp(ptp, visitor);
        for (Source s : mue) {
            LocalDate edition = MueReader.effectiveDate(s.name());
            visitor.report(read(s, in -> MueReader.read(s.name(), in, row -> visitor.mue(edition, row))));
        }
        for (Map.Entry<LocalDate, Source> e : rvu.entrySet()) {
            Source s = e.getValue();
            visitor.report(read(s, in -> RvuReader.read(s.name(), in, row -> visitor.code(e.getKey(), s.name(), row))));
        }
        for (Map.Entry<String, Source> e : addOns.entrySet()) {
            Source s = e.getValue();
            visitor.report(read(s, in -> AddOnReader.read(s.name(), in, row -> visitor.addOn(e.getKey(), row))));
        }
        for (Map.Entry<LocalDate, Source> e : diagnoses.entrySet()) {
            Source s = e.getValue();
            visitor.report(read(s, in -> DiagnosisReader.read(s.name(), in,
                    (code, billable) -> visitor.diagnosis(e.getKey(), s.name(), code, billable))));
        }
        for (Source s : localityFiles) {
            visitor.report(read(s, in -> readLocalityFile(s.name(), in, visitor)));
        }
    }

    /** What a locality pricing file holds ("GPCI 2026", ...), or null when the name is none of GPCI, LOCCO and ZIP5. */
    private static String localityFile(String name) {
        if (GpciReader.year(name) != null) {
            return "GPCI " + GpciReader.year(name);
        }
        if (LocalityCountyReader.year(name) != null) {
            return "locality-to-county file of " + LocalityCountyReader.year(name);
        }
        return ZipLocalityReader.effectiveDate(name) == null ? null : "ZIP5 file of " + ZipLocalityReader.effectiveDate(name);
    }

    private static ReadReport readLocalityFile(String name, InputStream in, ReferenceVisitor visitor) throws IOException {
        Integer gpciYear = GpciReader.year(name);
        if (gpciYear != null) {
            return GpciReader.read(name, in, row -> visitor.gpci(gpciYear, name, row));
        }
        Integer countyYear = LocalityCountyReader.year(name);
        if (countyYear != null) {
            return LocalityCountyReader.read(name, in, row -> visitor.localityCounty(countyYear, name, row));
        }
        LocalDate effective = ZipLocalityReader.effectiveDate(name);
        return ZipLocalityReader.read(name, in, row -> visitor.zip(effective, name, row));
    }

    private static void visitPtp(List<Source> ptp, ReferenceVisitor visitor) {
        ptp.sort(Comparator.comparing((Source s) -> PtpRelease.of(PtpReader.version(s.name()))).reversed().thenComparing(Source::name));
        List<PtpRelease> releases = ptp.stream().map(s -> PtpRelease.of(PtpReader.version(s.name()))).distinct().toList();
        NewestPtpRelease newest = releases.size() > 1 ? new NewestPtpRelease() : null;
        for (Source s : ptp) {
            int rank = releases.indexOf(PtpRelease.of(PtpReader.version(s.name())));
            visitor.report(read(s, in -> PtpReader.read(s.name(), in, row -> {
                if (newest == null || newest.admit(Codes.pair(row.column1(), row.column2()), rank)) {
                    visitor.ptp(row);
                }
            })));
        }
    }

    /** Refuses a second file for the same PTP version and part, MUE edition, or PPRRVU release. */
    private static void unique(Map<String, Source> seen, String what, Source s) {
        Source before = seen.putIfAbsent(what, s);
        if (before != null) {
            throw new ReferenceException(s.name(), 0, "duplicates " + before.name() + " (the same " + what + "): remove one of them");
        }
    }

    private static boolean nonQpp(Source s) {
        return s.name().toLowerCase().contains("nonqpp");
    }

    private interface Reading {
        ReadReport read(InputStream in) throws IOException;
    }

    private static ReadReport read(Source source, Reading reading) {
        try (InputStream in = source.open()) {
            if (in == null) {
                throw new ReferenceException(source.name(), 0, "cannot be opened");
            }
            return reading.read(in);
        } catch (IOException e) {
            throw new ReferenceException(source.name(), 0, e.toString());
        }
    }
}
