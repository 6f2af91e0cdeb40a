package org.claimscrubber.edits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.claimscrubber.policy.EditNames;
import org.junit.jupiter.api.Test;

/** A policy file may name exactly the edits there are: policy's list of names and the EditCode enum agree. */
class EditNamesTest {
    @Test
    void policyFilesMayNameEveryEditCodeAndNothingElse() {
        Set<String> codes = new TreeSet<>(Arrays.stream(EditCode.values()).map(Enum::name).toList());
        assertEquals(codes, new TreeSet<>(EditNames.ALL), "policy/EditNames.ALL must list the names of edits/EditCode");
    }
}
