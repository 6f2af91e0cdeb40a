package org.claimscrubber.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class IsoDatesTest {
    @Test
    void instantsGiveTheirUtcDate() {
        assertEquals(LocalDate.of(2026, 3, 1), IsoDates.utcDateOfInstant("2026-03-01T10:15:30Z"));
        assertEquals(LocalDate.of(2026, 3, 1), IsoDates.utcDateOfInstant(" 2026-03-01T23:59:59.123456789Z "));
        assertEquals(LocalDate.of(2026, 3, 2), IsoDates.utcDateOfInstant("2026-03-01T20:00:00-05:00"));
        assertEquals(LocalDate.of(2026, 2, 28), IsoDates.utcDateOfInstant("2026-03-01T01:00:00+02:00"));
        assertEquals(LocalDate.of(2026, 3, 1), IsoDates.utcDateOfInstant("2026-03-01T10:15Z"));
    }

    @Test
    void theFastPathAgreesWithJavaTime() {
        for (String s : List.of("2026-03-01T10:15:30Z", "2026-03-01T24:00:00Z", "2026-03-01T23:60:00Z", "2026-03-01T23:00:60Z",
                "2026-02-29T10:00:00Z", "2024-02-29T10:00:00Z", "2026-03-01T10:15:30.Z", "2026-03-01T10:15:30.1234567890Z",
                "2026-03-01T1a:15:30Z", "2026-03-01 10:15:30Z", "2026-03-01T10:15:30", "2026-03-01", "", "Z")) {
            LocalDate expected;
            try {
                expected = OffsetDateTime.parse(s).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
            } catch (java.time.DateTimeException e) {
                expected = null;
            }
            assertEquals(expected, IsoDates.utcDateOfInstant(s), s);
        }
        assertNull(IsoDates.utcDateOfInstant("not a date"));
    }
}
