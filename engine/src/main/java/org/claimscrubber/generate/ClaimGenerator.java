package org.claimscrubber.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.claimscrubber.claim.Npi;

/**
 * A deterministic, realistic claim stream against the shipped sample reference: mostly clean claims, and a
 * chosen share of error scenarios (see {@link ErrorKind}). Same seed, same bytes. Dates are fixed (services from
 * 2026-01-05 for 270 days, submitted two days later), so the stream means the same whatever day it is judged on,
 * provided the processing date is not before {@link #LAST_DATE}.
 */
public final class ClaimGenerator {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5);
    private static final int DAYS = 270;
    /** No date of service or submission that the generator writes is later (apart from the deliberately future ones). */
    public static final LocalDate LAST_DATE = FIRST_DAY.plusDays(DAYS + 1L);
    private static final List<String> GENERAL_DX = List.of("I10", "E11.9", "J06.9", "M54.50", "R51.9", "Z00.00", "M25.561");
    private static final List<String> LUMBAR_DX = List.of("M54.16", "M54.17", "M48.062", "M51.16", "M48.061");
    private static final List<String> CERVICAL_DX = List.of("M54.12", "M50.120", "M48.02", "M54.13");
    private static final List<String> OFFICE_VISITS = List.of("99202", "99203", "99204", "99212", "99213", "99214", "99215");
    /**
     * Billing provider ZIPs by provider: the localities of the sample ZIP5 and GPCI files, a ZIP split by ZIP+4 (90265), one
     * the sample ZIP file lacks (60601) and none, so that lines are priced in several localities and nationally.
     */
    private static final String[] PROVIDER_ZIPS = {"10001", "90012", "35203", "99501", "94103", "33101", "82001", "90265", "60601", null};
    /** Payer ids by claim: the shipped file's example payer section, a payer without one (the default rules) and none. */
    private static final String[] PAYERS = {"EXAMPLE-COMMERCIAL", "00882", null, null, null};
    /** Service facility ZIPs, given to every third claim in a facility place of service. */
    private static final String[] FACILITY_ZIPS = {"94103", "10001", "99501", "35203", "82001"};

    private final SplittableRandom random;
    private final double errorRate;
    private final List<String> members = new ArrayList<>();
    private final Map<String, Set<LocalDate>> usedDates = new HashMap<>();
    private final Map<String, Integer> spinalSessions = new HashMap<>();
    private final List<ObjectNode> accepted = new ArrayList<>();
    private final List<String> emitted = new ArrayList<>();
    private final String[] providers = new String[24];
    private int claimSequence;
    private int memberSequence;
    private Writer out;
    private int remaining;

    public ClaimGenerator(long seed, double errorRate) {
        this.random = new SplittableRandom(seed);
        this.errorRate = errorRate;
        for (int i = 0; i < providers.length; i++) {
            String firstNine = String.valueOf(1003000000L + 1117L * (i + 1)).substring(0, 9);
            providers[i] = firstNine + Npi.checkDigit(firstNine);
        }
    }

    /** The {@code count} events, one JSON line each. */
    public List<String> lines(int count) {
        java.io.StringWriter out = new java.io.StringWriter();
        write(count, out);
        return out.toString().lines().toList();
    }

    /** Writes {@code count} events as JSON Lines. */
    public void write(int count, Writer writer) {
        this.out = writer;
        this.remaining = count;
        int pool = Math.max(50, count / 4);
        for (int i = 0; i < pool; i++) {
            members.add(newMemberId());
        }
        while (remaining > 0) {
            if (random.nextDouble() < errorRate) {
                ErrorKind kind = ErrorKind.values()[random.nextInt(ErrorKind.values().length)];
                new ErrorScenarios(this).emit(kind);
            } else {
                cleanClaim();
            }
        }
    }

    void cleanClaim() {
        String member = member();
        LocalDate date = freshDate(member);
        String provider = provider();
        int pick = random.nextInt(10);
        ClaimBuilder b;
        if (pick < 4) {
            b = claim(member, provider, "11", date, pickAll(GENERAL_DX, 1 + random.nextInt(2)));
            b.line(pickOne(OFFICE_VISITS), 1);
            if (random.nextInt(3) == 0) {
                b.line("80053", 1).line("85025", 1).line("36415", 1);
            }
        } else if (pick < 6 && spinalSessions.getOrDefault(member, 0) < 3) {
            spinalSessions.merge(member, 1, Integer::sum);
            boolean lumbar = random.nextInt(4) > 0;
            b = claim(member, provider, pickOne(List.of("11", "24", "22")), date, List.of(pickOne(lumbar ? LUMBAR_DX : CERVICAL_DX)));
            if (lumbar && random.nextBoolean()) {
                b.line("64483", 1, pickOne(List.of("RT", "LT", "50")));
                if (random.nextBoolean()) {
                    b.line("64484", 1, "RT");
                }
            } else {
                b.line(lumbar ? "62323" : "62321", 1);
            }
            if (random.nextInt(3) == 0) {
                b.line(pickOne(List.of("J1040", "J3301")), pickOne(List.of(1, 2)));
            }
        } else if (pick < 7) {
            b = claim(member, provider, "11", date, List.of("M79.18")).line("20552", 1).line("99213", 1, "25");
        } else if (pick < 8) {
            b = claim(member, provider, "11", date, List.of("M17.11")).line("20610", 1, "RT").line("96372", 1, "XS");
        } else if (pick < 9) {
            b = claim(member, provider, "22", date, List.of("M54.50")).line(pickOne(List.of("72148", "72100")), 1, "26");
        } else {
            b = claim(member, provider, "11", date, List.of("M54.50")).line("99214", 1).line("72100", 1);
        }
        emitAccepted(b.build());
    }

    ClaimBuilder claim(String member, String provider, String pos, LocalDate date, List<String> dx) {
        claimSequence++;
        String claimId = String.format("C-2026-%07d", claimSequence);
        ClaimBuilder b = new ClaimBuilder(eventId(), claimId, member, provider, provider, pos, date, dx);
        String facilityZip = claimSequence % 3 == 0 && List.of("19", "21", "22", "24").contains(pos)
                ? FACILITY_ZIPS[claimSequence % FACILITY_ZIPS.length] : null;
        return b.zips(PROVIDER_ZIPS[Math.floorMod(provider.hashCode(), PROVIDER_ZIPS.length)], facilityZip)
                .payer(PAYERS[claimSequence % PAYERS.length]);
    }

    void emitAccepted(ObjectNode claim) {
        emit(claim);
        accepted.add(claim);
        if (accepted.size() > 2000) {
            accepted.remove(0);
        }
    }

    void emit(ObjectNode claim) {
        try {
            emitRaw(MAPPER.writeValueAsString(claim));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void emitRaw(String json) {
        if (remaining <= 0) {
            return;
        }
        remaining--;
        try {
            out.write(json);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        emitted.add(json);
        if (emitted.size() > 200) {
            emitted.remove(0);
        }
    }

    /** A recently accepted claim, removed from the pool when {@code take} (it is about to be replaced or voided). */
    ObjectNode recentAccepted(boolean take) {
        if (accepted.isEmpty()) {
            return null;
        }
        int i = accepted.size() - 1 - random.nextInt(Math.min(accepted.size(), 200));
        return take ? accepted.remove(i) : accepted.get(i);
    }

    String recentEvent() {
        return emitted.isEmpty() ? null : emitted.get(emitted.size() - 1 - random.nextInt(emitted.size()));
    }

    String member() {
        return members.get(random.nextInt(members.size()));
    }

    String newMemberId() {
        memberSequence++;
        return String.format("MBR%07d", memberSequence);
    }

    String provider() {
        return providers[random.nextInt(providers.length)];
    }

    LocalDate freshDate(String member) {
        Set<LocalDate> used = usedDates.computeIfAbsent(member, m -> new HashSet<>());
        LocalDate date;
        do {
            date = FIRST_DAY.plusDays(random.nextInt(DAYS));
        } while (!used.add(date));
        return date;
    }

    String eventId() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    SplittableRandom random() {
        return random;
    }

    <T> T pickOne(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private List<String> pickAll(List<String> values, int n) {
        List<String> picked = new ArrayList<>(n);
        while (picked.size() < n) {
            String v = pickOne(values);
            if (!picked.contains(v)) {
                picked.add(v);
            }
        }
        return picked;
    }

    static ObjectNode copy(ObjectNode claim) {
        return claim.deepCopy();
    }

    static ArrayNode lines(ObjectNode claim) {
        return (ArrayNode) claim.get("lines");
    }
}
