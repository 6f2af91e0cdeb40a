package org.claimscrubber.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NpiTest {
    /** CMS's worked example ("Requirements for NPI check digit"): 123456789 completes to 1234567893. */
    @Test
    void theCheckDigitOfCmsWorkedExample() {
        assertEquals(3, Npi.checkDigit("123456789"));
        assertTrue(Npi.valid("1234567893"));
    }

    @Test
    void everyOtherLastDigitIsRefused() {
        for (int d = 0; d <= 9; d++) {
            assertEquals(d == 3, Npi.valid("123456789" + d), "last digit " + d);
        }
    }

    @Test
    void onlyTenDigitsCanBeAnNpi() {
        assertFalse(Npi.valid(null));
        assertFalse(Npi.valid("123456789"));
        assertFalse(Npi.valid("12345678933"));
        assertFalse(Npi.valid("12345678 3"));
        assertFalse(Npi.valid("１234567893")); // a full-width digit is not an ASCII digit
    }

    @Test
    void aCheckDigitCompletesNineDigitsOnly() {
        assertThrows(IllegalArgumentException.class, () -> Npi.checkDigit("12345678"));
        assertThrows(IllegalArgumentException.class, () -> Npi.checkDigit("12345678x"));
    }
}
