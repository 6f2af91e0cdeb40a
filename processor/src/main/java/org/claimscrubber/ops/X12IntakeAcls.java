package org.claimscrubber.ops;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.claimscrubber.stream.Topics;
import org.claimscrubber.x12.X12Topics;

/**
 * The least-privilege ACLs of the X12 intake's principal ({@code X12IntakeApp}, application id
 * {@code <application.id>-x12-intake}), as the README lists them beside the processor's (a test keeps the two equal
 * and runs the intake with exactly these on an authorising broker). The intake reads 837P interchanges and the
 * decisions on their claims, writes claims, acknowledgements and dead letters, passes accepted interchanges through
 * {@code claims.x12.pending}, and creates only its state store's changelog, prefixed with its application id.
 */
public final class X12IntakeAcls {
    private X12IntakeAcls() {
    }

    /** The ACLs for {@code principal} running the intake as {@code intakeApplicationId} on these topics. */
    public static List<AclBinding> forIntake(String principal, String intakeApplicationId, Topics topics, X12Topics x12) {
        List<AclBinding> acls = new ArrayList<>();
        for (String in : List.of(x12.x12(), topics.accepted(), topics.flagged(), x12.pending())) {
            ProcessorAcls.allow(acls, principal, ResourceType.TOPIC, in, PatternType.LITERAL, AclOperation.READ);
        }
        for (String out : List.of(topics.submitted(), x12.ack(), x12.pending(), topics.dlq())) {
            ProcessorAcls.allow(acls, principal, ResourceType.TOPIC, out, PatternType.LITERAL, AclOperation.WRITE);
        }
        for (AclOperation op : List.of(AclOperation.CREATE, AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE_CONFIGS)) {
            ProcessorAcls.allow(acls, principal, ResourceType.TOPIC, intakeApplicationId + "-", PatternType.PREFIXED, op);
        }
        ProcessorAcls.allow(acls, principal, ResourceType.GROUP, intakeApplicationId, PatternType.LITERAL, AclOperation.READ);
        ProcessorAcls.allow(acls, principal, ResourceType.TRANSACTIONAL_ID, intakeApplicationId + "-", PatternType.PREFIXED, AclOperation.WRITE);
        return acls;
    }
}
