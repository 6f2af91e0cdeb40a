package org.claimscrubber.edits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.claim.Normalize;
import org.claimscrubber.claim.Frequency;
import org.claimscrubber.claim.IsoDates;
import org.claimscrubber.claim.Line;
import org.claimscrubber.claim.Npi;
import org.claimscrubber.history.MemberHistory;

/**
 * INVALID_CLAIM: what makes a readable event unusable (contracts §4 and §4a rules 9 and 11). A VOID is checked only
 * for its originalClaimId.
 */
final class ClaimValidator {
    static final String REFERENCE = "claim-scrubber claim rules (837P / CMS-1500 required fields)";
    private static final int MAX_MODIFIERS = 4;
    private static final int MAX_DIAGNOSES = 12;
    private static final int MAX_POINTERS = 4;
    /** An 837P claim holds at most 50 service lines (loop 2400). */
    static final int MAX_LINES = 50;
    /** No real service line has more units; a larger number is a keying or mapping error. */
    private static final int MAX_UNITS = 99_999;

    private ClaimValidator() {
    }

    /** The problems that make the claim unusable on the processing date (the engine clock's UTC date); empty when it can be judged. */
    static List<String> problems(Claim claim, MemberHistory history, LocalDate processingDate) {
        if (claim.frequency() == Frequency.VOID) {
            List<String> problems = new ArrayList<>(1);
            frequencyProblems(claim, history, problems);
            return problems;
        }
        List<String> problems = new ArrayList<>(claim.problems());
        if (claim.lines().isEmpty()) {
            problems.add("the claim has no lines");
        }
        if (claim.lines().size() > MAX_LINES) {
            problems.add(claim.lines().size() + " service lines (an 837P claim holds at most " + MAX_LINES + ")");
        }
        controlCharacters("claimId", claim.claimId(), problems);
        controlCharacters("eventId", claim.eventId(), problems);
        controlCharacters("memberId", claim.memberId(), problems);
        LocalDate submitted = claim.submittedAt() == null ? null : IsoDates.utcDateOfInstant(claim.submittedAt());
        if (claim.memberId() == null || claim.memberId().isBlank()) {
            problems.add("memberId is blank");
        }
        npi(null, "billingProviderNpi", claim.billingProviderNpi(), problems);
        npi(null, "renderingProviderNpi", claim.renderingProviderNpi(), problems);
        if (claim.diagnoses().size() > MAX_DIAGNOSES) {
            problems.add(claim.diagnoses().size() + " diagnoses (at most 12)");
        }
        for (Line line : claim.lines()) {
            if (line.lineNumber() != Line.MISSING && line.lineNumber() < 1) {
                problems.add("lineNumber " + line.lineNumber() + " (must be 1 or more)");
            } else if (line.lineNumber() != Line.MISSING && appearsBefore(claim.lines(), line)) {
                problems.add("line number " + line.lineNumber() + " appears twice");
            }
            if (line.units() != Line.MISSING && line.units() < 1) {
                problems.add(where(line) + ": units " + line.units() + " (must be 1 or more)");
            } else if (line.units() > MAX_UNITS) {
                problems.add(where(line) + ": units " + line.units() + " (more than " + MAX_UNITS + ")");
            }
            if (submitted != null && line.serviceDate() != null && line.serviceDate().isAfter(submitted)) {
                problems.add(where(line) + ": serviceDate " + line.serviceDate() + " is after the claim was submitted (" + submitted + ")");
            }
            if (line.serviceDate() != null && line.serviceDate().isAfter(processingDate)) {
                problems.add(where(line) + ": serviceDate " + line.serviceDate() + " is after the processing date (" + processingDate + ")");
            }
            npi(line, "renderingProviderNpi", line.renderingProviderNpi(), problems);
            if (line.modifiers().size() > MAX_MODIFIERS) {
                problems.add(where(line) + ": " + line.modifiers().size() + " modifiers (at most 4)");
            }
            for (String m : line.modifiers()) {
                if (!Normalize.isModifier(m)) {
                    problems.add(where(line) + ": modifier '" + m + "' is not two letters or digits");
                }
            }
            pointerProblems(claim, line, problems);
            placeProblems(claim, line, problems);
        }
        claimPlaceProblem(claim, problems);
        frequencyProblems(claim, history, problems);
        return problems;
    }

    /** The claim's own place of service must be a valid code even where every line names its own (§4a rule 7). */
    private static void claimPlaceProblem(Claim claim, List<String> problems) {
        String pos = claim.placeOfService();
        if (pos == null || pos.isBlank() || claim.lines().isEmpty()) {
            return;
        }
        String problem = PlaceOfService.problem(pos, claim.lines().get(0).serviceDate());
        if (problem != null && !problems.contains(problem)) {
            problems.add(problem);
        }
    }

    /**
     * An NPI that is present must have ten digits and a valid check digit; a blank one counts as absent. The field is
     * the claim's, or the line's when a line is given (its name is made only for a problem).
     */
    private static void npi(Line line, String field, String value, List<String> problems) {
        if (value != null && !Npi.valid(value) && !value.isBlank()) {
            problems.add((line == null ? "" : where(line) + ": ") + field + " " + value + " is not a valid NPI (ten digits ending in its check digit)");
        }
    }

    private static void controlCharacters(String field, String value, List<String> problems) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                problems.add(field + " contains control characters");
                return;
            }
        }
    }

    private static String where(Line line) {
        return line.lineNumber() == Line.MISSING ? "a line without lineNumber" : "line " + line.lineNumber();
    }

    private static boolean appearsBefore(List<Line> lines, Line line) {
        for (Line other : lines) {
            if (other == line) {
                return false;
            }
            if (other.lineNumber() == line.lineNumber()) {
                return true;
            }
        }
        return false;
    }

    private static void pointerProblems(Claim claim, Line line, List<String> problems) {
        List<Integer> pointers = line.diagnosisPointers();
        if (pointers.isEmpty()) {
            problems.add(where(line) + ": no diagnosis pointer");
        } else if (pointers.size() > MAX_POINTERS) {
            problems.add(where(line) + ": " + pointers.size() + " diagnosis pointers (at most 4)");
        }
        for (int p : pointers) {
            if (p < 1 || p > claim.diagnoses().size() || p > MAX_DIAGNOSES) {
                problems.add(where(line) + ": diagnosis pointer " + p + " is outside 1.." + claim.diagnoses().size());
            }
        }
    }

    /** The line's place of service (its own, else the claim's) must be in CMS's code set on its date; a claim's bad one is told once. */
    private static void placeProblems(Claim claim, Line line, List<String> problems) {
        String own = line.placeOfService();
        boolean fromLine = own != null && !own.isBlank();
        String pos = fromLine ? own : claim.placeOfService();
        String problem;
        if (pos == null || pos.isBlank()) {
            problem = where(line) + ": no placeOfService (on the line or the claim)";
        } else {
            problem = PlaceOfService.problem(pos, line.serviceDate());
            if (problem != null && fromLine) {
                problem = where(line) + ": " + problem;
            }
        }
        if (problem != null && !problems.contains(problem)) {
            problems.add(problem);
        }
    }

    private static void frequencyProblems(Claim claim, MemberHistory history, List<String> problems) {
        Frequency f = claim.frequency();
        if (f != Frequency.REPLACEMENT && f != Frequency.VOID) {
            return;
        }
        String original = claim.originalClaimId();
        if (original == null || original.isBlank()) {
            problems.add("a " + f + " needs originalClaimId");
        } else if (history.claim(original) == null) {
            problems.add("a " + f + " names claim " + original + ", which is not an accepted claim in force"
                    + " (never accepted, already voided or already replaced)");
        }
        if (f == Frequency.REPLACEMENT && original != null && !original.isBlank() && !claim.claimId().equals(original)
                && history.claim(claim.claimId()) != null) {
            problems.add("a REPLACEMENT of " + original + " is sent under claimId " + claim.claimId()
                    + ", which is another accepted claim in force (replace it under the original's claimId or a new one)");
        }
    }
}
