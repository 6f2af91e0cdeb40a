package org.claimscrubber.edits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.reference.FeeSchedule;
import org.claimscrubber.reference.GpciRow;
import org.claimscrubber.reference.Localities;
import org.claimscrubber.reference.LocalityCounty;
import org.claimscrubber.reference.ZipLocality;

/**
 * The locality that prices a line: the claim's service facility ZIP, else its billing provider ZIP, looked up in the ZIP5
 * file in force on the date of service, whose carrier and locality select the row of the GPCI file of the RVU release's
 * year. Where a step finds nothing (no ZIP, a ZIP not in the file, no GPCI file of that year) the line is priced with
 * national GPCIs of 1.000 and {@code pricingLocality} null, and the note says why. Never a failure.
 */
record PricingLocality(String zip, String locality, String name, BigDecimal work, BigDecimal pe, BigDecimal mp, String note) {
    private static final String NATIONAL = "national GPCIs (1.000) used";

    boolean national() {
        return locality == null;
    }

    /** Resolves the locality of a claim's lines on one date and RVU release. */
    static PricingLocality of(Claim claim, LocalDate date, FeeSchedule.Release release, Localities localities) {
        String facility = blankToNull(claim.serviceFacilityZip());
        String raw = facility != null ? facility : blankToNull(claim.billingProviderZip());
        String source = facility != null ? "service facility" : "billing provider";
        if (raw == null) {
            return national(null, "no service facility or billing provider ZIP on the claim: " + NATIONAL);
        }
        String zip = zip5(raw);
        if (zip == null) {
            return national(null, source + " ZIP '" + raw + "' is not a five-digit ZIP code: " + NATIONAL);
        }
        Localities.ZipEdition edition = localities.zipsOn(date);
        if (edition == null) {
            return national(zip, "no ZIP5 file is in force on the date of service: " + NATIONAL);
        }
        ZipLocality z = edition.zip(zip);
        if (z == null) {
            return national(zip, "ZIP " + zip + " (" + source + ") is not in " + edition.file() + ": " + NATIONAL);
        }
        int year = release.effective().getYear();
        Localities.GpciYear gpcis = localities.gpci(year);
        String where = "ZIP " + zip + " (" + source + ") is in MAC " + z.mac() + " locality " + z.locality() + " (" + edition.file() + ")";
        if (gpcis == null) {
            return national(zip, where + ", but no GPCI" + year + ".csv is loaded for the " + year + " RVU release (GPCIs of another "
                    + "year do not price " + year + " RVUs): " + NATIONAL);
        }
        GpciRow g = gpcis.row(z.key());
        if (g == null) {
            return national(zip, where + ", which " + gpcis.file() + " does not list: " + NATIONAL);
        }
        return new PricingLocality(zip, z.mac() + z.locality(), g.name(), g.work().stripTrailingZeros(), g.pe().stripTrailingZeros(),
                g.mp().stripTrailingZeros(), found(where, z, g, gpcis.file(), localities.countiesFor(year)));
    }

    /** Resolved localities shared by every claim judged against one reference: the notes are built once per ZIP. */
    static final class Cache {
        private static final int MOST = 200_000;
        private final Localities localities;
        private final java.util.concurrent.ConcurrentHashMap<Key, PricingLocality> resolved = new java.util.concurrent.ConcurrentHashMap<>();

        /** The claim's ZIPs and the ZIP file and release in force, the last two compared by identity (never hashed whole). */
        private record Key(String facilityZip, String billingZip, Localities.ZipEdition edition, FeeSchedule.Release release) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Key k && java.util.Objects.equals(facilityZip, k.facilityZip) && java.util.Objects.equals(billingZip, k.billingZip)
                        && edition == k.edition && release == k.release;
            }

            @Override
            public int hashCode() {
                return (java.util.Objects.hashCode(facilityZip) * 31 + java.util.Objects.hashCode(billingZip)) * 31
                        + System.identityHashCode(edition) * 17 + System.identityHashCode(release);
            }
        }

        Cache(Localities localities) {
            this.localities = localities;
        }

        PricingLocality of(Claim claim, LocalDate date, FeeSchedule.Release release) {
            Key key = new Key(claim.serviceFacilityZip(), claim.billingProviderZip(), localities.zipsOn(date), release);
            PricingLocality p = resolved.get(key);
            if (p == null) {
                p = PricingLocality.of(claim, date, release, localities);
                if (resolved.size() < MOST) {
                    resolved.put(key, p);
                }
            }
            return p;
        }
    }

    private static String found(String where, ZipLocality z, GpciRow g, String gpciFile, Localities.CountyYear counties) {
        StringBuilder s = new StringBuilder(160).append(where).append("; GPCIs of ").append(gpciFile);
        if (g.workFloor() && g.work().compareTo(BigDecimal.ONE) == 0) {
            s.append("; the work GPCI is at the 1.0 floor CMS applies");
        }
        if (!g.notes().isEmpty()) {
            s.append("; ").append(g.notes());
        }
        if (z.plusFour()) {
            s.append("; ZIP ").append(z.zip()).append(" is split between localities by ZIP+4: priced by its ZIP5 record");
        }
        List<LocalityCounty> rows = counties == null ? null : counties.byKey().get(z.key());
        if (rows != null && !rows.isEmpty()) {
            s.append("; counties: ").append(rows.get(0).counties()).append(" (").append(counties.file()).append(')');
        }
        return s.toString();
    }

    private static PricingLocality national(String zip, String note) {
        return new PricingLocality(zip, null, null, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, note);
    }

    /** The five digits of {@code 99501}, {@code 99501-1234} or {@code 995011234}; null for anything else. */
    static String zip5(String raw) {
        String s = raw.strip();
        int n = s.length();
        if (n != 5 && n != 9 && n != 10) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(n == 10 && i == 5 && c == '-')) {
                return null;
            }
        }
        return s.substring(0, 5);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The locality of one claim, resolved once per date and release (a claim's lines usually share both). */
    static final class Memo {
        private final Claim claim;
        private final Cache cache;
        private LocalDate date;
        private FeeSchedule.Release release;
        private PricingLocality last;

        Memo(Claim claim, Cache cache) {
            this.claim = claim;
            this.cache = cache;
        }

        PricingLocality on(LocalDate onDate, FeeSchedule.Release inRelease) {
            if (last == null || !onDate.equals(date) || inRelease != release) {
                last = cache.of(claim, onDate, inRelease);
                date = onDate;
                release = inRelease;
            }
            return last;
        }
    }
}
