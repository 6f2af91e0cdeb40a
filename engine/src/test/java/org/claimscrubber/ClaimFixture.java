package org.claimscrubber;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.claim.Frequency;
import org.claimscrubber.claim.Line;

/** Builds claims for tests: one member, one provider, office setting, 2026-03-02 unless told otherwise. */
public final class ClaimFixture {
    public static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private String eventId = UUID.randomUUID().toString();
    private final String claimId;
    private Frequency frequency = Frequency.ORIGINAL;
    private String originalClaimId;
    private String memberId = "MBR-TEST-1";
    private String billing = "1003000126";
    private String rendering = "1003000126";
    private String pos = "11";
    private final List<String> diagnoses = new ArrayList<>(List.of("M5416"));
    private final List<Line> lines = new ArrayList<>();
    private LocalDate date = DAY;
    private boolean submittedSet;
    private String submittedAt;
    private String billingZip;
    private String facilityZip;
    private String payerId;

    private ClaimFixture(String claimId) {
        this.claimId = claimId;
    }

    public static ClaimFixture claim(String claimId) {
        return new ClaimFixture(claimId);
    }

    public ClaimFixture event(String id) {
        this.eventId = id;
        return this;
    }

    public ClaimFixture member(String id) {
        this.memberId = id;
        return this;
    }

    public ClaimFixture provider(String npi) {
        this.rendering = npi;
        return this;
    }

    public ClaimFixture pos(String placeOfService) {
        this.pos = placeOfService;
        return this;
    }

    public ClaimFixture on(LocalDate serviceDate) {
        this.date = serviceDate;
        return this;
    }

    public ClaimFixture on(String serviceDate) {
        return on(LocalDate.parse(serviceDate));
    }

    public ClaimFixture diagnoses(String... codes) {
        diagnoses.clear();
        for (String c : codes) {
            diagnoses.add(c.replace(".", ""));
        }
        return this;
    }

    /** The claim's submittedAt (null: none); by default the day after its last date of service. */
    public ClaimFixture submitted(String instant) {
        this.submittedSet = true;
        this.submittedAt = instant;
        return this;
    }

    /** The billing provider's ZIP (2010AA N403) and the service facility's (2310C N403); either may be null. */
    public ClaimFixture zips(String billingProviderZip, String serviceFacilityZip) {
        this.billingZip = billingProviderZip;
        this.facilityZip = serviceFacilityZip;
        return this;
    }

    public ClaimFixture payer(String id) {
        this.payerId = id;
        return this;
    }

    public ClaimFixture billing(String npi) {
        this.billing = npi;
        return this;
    }

    public ClaimFixture replaces(String original) {
        this.frequency = Frequency.REPLACEMENT;
        this.originalClaimId = original;
        return this;
    }

    public ClaimFixture voids(String original) {
        this.frequency = Frequency.VOID;
        this.originalClaimId = original;
        return this;
    }

    public ClaimFixture line(String code, String... modifiers) {
        return line(code, 1, modifiers);
    }

    public ClaimFixture line(String code, int units, String... modifiers) {
        lines.add(new Line(lines.size() + 1, code, List.of(modifiers), units, date, List.of(1), BigDecimal.TEN, null, null));
        return this;
    }

    /** A line with everything spelled out. */
    public ClaimFixture line(Line line) {
        lines.add(line);
        return this;
    }

    public Claim build() {
        LocalDate last = lines.stream().map(Line::serviceDate).filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(date);
        return new Claim(eventId, claimId, frequency, originalClaimId, memberId, billing, rendering, pos, List.copyOf(diagnoses),
                List.copyOf(lines), submittedSet ? submittedAt : last.plusDays(1) + "T10:00:00Z", billingZip, facilityZip, payerId, List.of());
    }
}
