package org.claimscrubber.claim;

/**
 * Which NPI makes two lines "the same provider" for NCCI and MUE: the rendering NPI (the line's, else the
 * claim's, else the billing NPI), or always the billing NPI.
 */
public enum ProviderBasis {
    RENDERING, BILLING
}
