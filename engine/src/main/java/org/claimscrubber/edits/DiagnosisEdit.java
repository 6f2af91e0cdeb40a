package org.claimscrubber.edits;

import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.claim.Normalize;
import org.claimscrubber.reference.DiagnosisCodes;

/**
 * INVALID_DIAGNOSIS: a diagnosis a line points to is not a billable ICD-10-CM code on the line's date of service (a
 * category header such as M54.5 since October 2021, or no code at all). Runs when an ICD-10-CM code set in force on
 * that date is loaded.
 */
final class DiagnosisEdit {
    private DiagnosisEdit() {
    }

    static void check(Review review, LineFacts f) {
        DiagnosisCodes.Release release = review.reference.diagnoses().releaseOn(f.date);
        if (release == null) {
            return;
        }
        List<String> problems = new ArrayList<>(1);
        for (int pointer : f.line.diagnosisPointers()) {
            String code = review.claim.diagnoses().get(pointer - 1);
            DiagnosisCodes.Status status = release.status(code);
            if (status == DiagnosisCodes.Status.HEADER) {
                problems.add(Normalize.displayDiagnosis(code) + " (pointer " + pointer + ") is a category header, not a billable code: report "
                        + "one of its more specific codes");
            } else if (status == DiagnosisCodes.Status.UNKNOWN) {
                problems.add(Normalize.displayDiagnosis(code) + " (pointer " + pointer + ") is not an ICD-10-CM code");
            }
        }
        if (!problems.isEmpty()) {
            review.add(EditCode.INVALID_DIAGNOSIS.line(f.number(), "line " + f.number() + " on " + f.date + ": " + String.join("; ", problems),
                    "ICD-10-CM code set in force on " + f.date + " (" + release.name() + ")"));
        }
    }
}
