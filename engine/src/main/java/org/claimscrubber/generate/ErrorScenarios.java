package org.claimscrubber.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;

/** Emits one error scenario: the claims that set it up (clean) and the claim or event that breaks a rule. */
final class ErrorScenarios {
    private final ClaimGenerator g;

    ErrorScenarios(ClaimGenerator generator) {
        this.g = generator;
    }

    void emit(ErrorKind kind) {
        String member = g.member();
        String provider = g.provider();
        LocalDate date = g.freshDate(member);
        List<String> lumbar = List.of("M54.16");
        switch (kind) {
            case PTP_NOT_BYPASSABLE -> g.emit(g.claim(member, provider, "11", date, lumbar).line("62323", 1).line("77003", 1).build());
            case PTP_MODIFIER_MISSING -> g.emit(g.claim(member, provider, "11", date, List.of("M79.18")).line("20552", 1).line("99213", 1).build());
            case PTP_ACROSS_CLAIMS -> {
                ObjectNode column1 = g.claim(member, provider, "11", date, List.of("M25.561")).line("20610", 1, "LT").build();
                ObjectNode column2 = g.claim(member, provider, "11", date, List.of("M25.561")).line("96372", 1).build();
                boolean columnOneLate = g.random().nextBoolean();
                g.emitAccepted(columnOneLate ? column2 : column1);
                g.emit(columnOneLate ? column1 : column2);
            }
            case MUE_LINE -> g.emit(g.claim(member, provider, "11", date, List.of("M17.11")).line("20610", 3, "RT").build());
            case MUE_DAY_LINES -> g.emit(g.claim(member, provider, "11", date, List.of("J06.9")).line("96372", 3).line("96372", 2, "59").build());
            case MUE_DAY_CLAIMS -> {
                g.emitAccepted(g.claim(member, provider, "11", date, List.of("J06.9")).line("96372", 3).build());
                g.emit(g.claim(member, provider, "11", date, List.of("J06.9")).line("96372", 2, "59").build());
            }
            case BAD_MODIFIER -> g.emit(g.claim(member, provider, "11", date, lumbar).line("62323", 1, g.pickOne(List.of("26", "TC", "25"))).build());
            case DIAGNOSIS_NOT_COVERED -> g.emit(g.claim(member, provider, "11", date, List.of("J06.9")).line("62323", 1).build());
            case NOT_COVERED -> g.emit(g.claim(member, provider, "11", date, lumbar).line("62322", 1).build());
            case SESSION_LEVELS -> g.emit(g.claim(member, provider, "24", date, lumbar).line("64483", 1).line("64484", 2).build());
            case SESSION_REGIONS -> g.emit(g.claim(member, provider, "24", date, List.of("M54.16", "M54.12"))
                    .line("62323", 1).line("62321", 1).pointTo(2).build());
            case FREQUENCY -> frequency(provider);
            case DUPLICATE_CLAIM -> duplicateClaim();
            case DUPLICATE_LINE -> duplicateLine();
            case REDELIVERY -> {
                String event = g.recentEvent();
                if (event != null) {
                    g.emitRaw(event);
                }
            }
            case REPLACEMENT -> replaceOrVoid(false);
            case VOID -> replaceOrVoid(true);
            case INVALID -> invalid(member, provider, date);
            case UNKNOWN_CODE -> g.emit(g.claim(member, provider, "11", date, List.of("M54.50"))
                    .line("99213", 1).line(g.pickOne(List.of("97014", "62311")), 1).build());
            case TIMELY_FILING -> timelyFiling(member, provider, date);
            case STATUS_NOT_PAYABLE -> statusNotPayable(member, provider, date);
            case POS_INCONSISTENT -> {
                ClaimBuilder b = g.claim(member, provider, g.pickOne(List.of("22", "24", "19")), date, List.of("M54.50"));
                String code = g.pickOne(List.of("72148", "72100"));
                g.emit((g.random().nextBoolean() ? b.line(code, 1) : b.line(code, 1, "TC")).build());
            }
            case INVALID_POS -> g.emit(g.claim(member, provider, g.pickOne(List.of("28", "00", "40", "98")), date, List.of("J06.9"))
                    .line("99213", 1).build());
            case BILATERAL_SIDES -> g.emit(g.claim(member, provider, "24", date, lumbar)
                    .line("64483", 1, "50").line("64484", 1, "RT").line("64484", 1, "LT").build());
            case ADD_ON_WITHOUT_PRIMARY -> {
                ClaimBuilder b = g.claim(member, provider, "24", date, lumbar);
                switch (g.random().nextInt(3)) {
                    case 0 -> b.line("64484", 1);
                    case 1 -> b.line("62323", 1).line("64484", 1);
                    default -> b = g.claim(member, provider, "24", date, List.of("M54.12")).line("64480", 1);
                }
                g.emit(b.build());
            }
            case DIAGNOSIS_NOT_BILLABLE -> g.emit(g.claim(member, provider, "11", date, List.of(g.pickOne(List.of("M54.5", "B02.2", "M50.1"))))
                    .line("99213", 1).build());
            case PAYMENT_MODIFIERS -> paymentModifiers(member, provider, date);
            default -> throw new IllegalStateException(kind.name());
        }
    }

    /**
     * Assistants at surgery under each assistant-at-surgery indicator (62323 1, 99213 0, 63047 2 with 80 and AS, 36415 9),
     * 53 without a 53 row, and a bilateral transforaminal injection ranked above a trigger point injection (multiple
     * procedure reduction).
     */
    private void paymentModifiers(String member, String provider, LocalDate date) {
        ClaimBuilder b = switch (g.random().nextInt(7)) {
            case 0 -> g.claim(member, provider, "11", date, List.of("M54.16")).line("62323", 1, "80");
            case 1 -> g.claim(member, provider, "11", date, List.of("J06.9")).line("99213", 1, "80");
            case 2 -> g.claim(member, provider, "22", date, List.of("M48.062")).line("63047", 1, "80");
            case 3 -> g.claim(member, provider, "22", date, List.of("M48.062")).line("63047", 1, "AS");
            case 4 -> g.claim(member, provider, "11", date, List.of("E11.9")).line("99213", 1).line("36415", 1, "80");
            case 5 -> g.claim(member, provider, "11", date, List.of("M54.16")).line("62323", 1, "53");
            default -> g.claim(member, provider, "24", date, List.of("M54.16", "M79.18")).line("64483", 1, "50").line("20552", 1).pointTo(2);
        };
        g.emit(b.build());
    }

    /** A code whose fee-schedule status says it is not paid (B, N, P, T beside a visit) or needs review (C, R). */
    private void statusNotPayable(String member, String provider, LocalDate date) {
        ClaimBuilder b = switch (g.random().nextInt(6)) {
            case 0 -> g.claim(member, provider, "11", date, List.of("M54.16")).line("62323", 1).line("A4550", 1);
            case 1 -> g.claim(member, provider, "11", date, List.of("Z00.00")).line("99385", 1);
            case 2 -> g.claim(member, provider, "11", date, List.of("E11.9")).line("99213", 1).line("A4211", 1);
            case 3 -> g.claim(member, provider, "11", date, List.of("J06.9")).line("99213", 1).line("94760", 1);
            case 4 -> g.claim(member, provider, "11", date, List.of("E11.9")).line("99499", 1);
            default -> g.claim(member, provider, "24", date, List.of("M48.062")).line("0275T", 1);
        };
        g.emit(b.build());
    }

    private void frequency(String provider) {
        String member = g.newMemberId();
        LocalDate date = LocalDate.of(2026, 1, 5).plusDays(g.random().nextInt(40));
        for (int session = 1; session <= 5; session++) {
            ObjectNode claim = g.claim(member, provider, "24", date, List.of("M54.16")).line("62323", 1).build();
            if (session < 5) {
                g.emitAccepted(claim);
            } else {
                g.emit(claim);
            }
            date = date.plusDays(35 + g.random().nextInt(16));
        }
    }

    private void duplicateClaim() {
        ObjectNode original = g.recentAccepted(false);
        if (original == null) {
            return;
        }
        ObjectNode again = ClaimGenerator.copy(original);
        again.put("eventId", g.eventId());
        g.emit(again);
    }

    private void duplicateLine() {
        ObjectNode original = g.recentAccepted(false);
        if (original == null) {
            return;
        }
        ObjectNode again = ClaimGenerator.copy(original);
        again.put("eventId", g.eventId());
        again.put("claimId", original.get("claimId").asText() + "-D");
        ArrayNode lines = ClaimGenerator.lines(again);
        while (lines.size() > 1) {
            lines.remove(lines.size() - 1);
        }
        g.emit(again);
    }

    private void replaceOrVoid(boolean isVoid) {
        ObjectNode original = g.recentAccepted(true);
        if (original == null) {
            return;
        }
        ObjectNode next = ClaimGenerator.copy(original);
        String originalId = original.get("claimId").asText();
        next.put("eventId", g.eventId());
        next.put("claimId", originalId + (isVoid ? "-V" : "-R"));
        next.put("frequency", isVoid ? "VOID" : "REPLACEMENT");
        next.put("originalClaimId", originalId);
        if (!isVoid) {
            ((ObjectNode) ClaimGenerator.lines(next).get(0)).put("chargeAmount", "99.00");
            g.emitAccepted(next);
        } else {
            g.emit(next);
        }
    }

    /** A claim submitted on {@code filed} for a service 12 months and 1 to 30 days earlier. */
    private void timelyFiling(String member, String provider, LocalDate filed) {
        LocalDate served = filed.minusMonths(12).minusDays(1 + g.random().nextInt(30));
        ObjectNode claim = g.claim(member, provider, "11", served, List.of("M54.50")).line("99213", 1).build();
        claim.put("submittedAt", filed + "T09:30:00Z");
        g.emit(claim);
    }

    /** Another accepted claim of the member, then a REPLACEMENT of the first sent under the second's claimId. */
    private void replacementUnderAnotherId(String member, String provider, LocalDate date) {
        ObjectNode first = g.claim(member, provider, "11", date, List.of("M54.50")).line("99213", 1).build();
        ObjectNode second = g.claim(member, provider, "11", g.freshDate(member), List.of("M54.50")).line("99212", 1).build();
        g.emitAccepted(first);
        g.emitAccepted(second);
        ObjectNode replacement = ClaimGenerator.copy(first);
        replacement.put("eventId", g.eventId());
        replacement.put("claimId", second.get("claimId").asText());
        replacement.put("frequency", "REPLACEMENT");
        replacement.put("originalClaimId", first.get("claimId").asText());
        g.emit(replacement);
    }

    private void invalid(String member, String provider, LocalDate date) {
        if (g.random().nextInt(11) == 10) {
            replacementUnderAnotherId(member, provider, date);
            return;
        }
        ObjectNode claim = g.claim(member, provider, "11", date, List.of("M54.50")).line("99213", 1).build();
        ObjectNode line = (ObjectNode) ClaimGenerator.lines(claim).get(0);
        switch (g.random().nextInt(10)) {
            case 0 -> ClaimGenerator.lines(claim).removeAll();
            case 1 -> line.put("units", 0);
            case 2 -> line.putArray("diagnosisPointers").add(3);
            case 3 -> line.put("serviceDate", "2026-02-30");
            case 4 -> line.putArray("modifiers").add("25").add("59").add("XS").add("GT").add("95");
            case 5 -> {
                claim.put("frequency", "REPLACEMENT");
                claim.put("originalClaimId", "C-NEVER-SEEN");
            }
            case 6 -> claim.put("memberId", " ");
            case 7 -> line.put("serviceDate", date.withYear(2099).toString());
            case 8 -> claim.put("billingProviderNpi", provider.substring(0, 9) + (provider.charAt(9) - '0' + 1) % 10);
            default -> ClaimGenerator.lines(claim).add(line.deepCopy());
        }
        g.emit(claim);
    }
}
