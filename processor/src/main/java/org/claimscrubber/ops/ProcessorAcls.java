package org.claimscrubber.ops;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.claimscrubber.stream.ReferenceRecords;
import org.claimscrubber.stream.Topics;

/**
 * The least-privilege ACLs of the processor's principal, as the README lists them (a test keeps the two equal and
 * runs the processor with exactly these on an authorising broker). READ and WRITE imply DESCRIBE. The claim and
 * reference topics are created by an administrator (the compose init step or {@code load-reference} run as one);
 * the processor creates only its own internal topics, named with the application id as prefix.
 */
public final class ProcessorAcls {
    private ProcessorAcls() {
    }

    public static List<AclBinding> forProcessor(String principal, String applicationId, Topics topics) {
        List<AclBinding> acls = new ArrayList<>();
        allow(acls, principal, ResourceType.TOPIC, topics.submitted(), PatternType.LITERAL, AclOperation.READ);
        for (String reference : ReferenceRecords.TOPICS) {
            allow(acls, principal, ResourceType.TOPIC, reference, PatternType.LITERAL, AclOperation.READ);
        }
        for (String out : List.of(topics.accepted(), topics.flagged(), topics.dlq())) {
            allow(acls, principal, ResourceType.TOPIC, out, PatternType.LITERAL, AclOperation.WRITE);
        }
        // Internal topics: the repartition topic and the history changelog (created, written, read, purged).
        for (AclOperation op : List.of(AclOperation.CREATE, AclOperation.READ, AclOperation.WRITE, AclOperation.DELETE,
                AclOperation.DESCRIBE_CONFIGS)) {
            allow(acls, principal, ResourceType.TOPIC, applicationId + "-", PatternType.PREFIXED, op);
        }
        allow(acls, principal, ResourceType.GROUP, applicationId, PatternType.LITERAL, AclOperation.READ);
        allow(acls, principal, ResourceType.TRANSACTIONAL_ID, applicationId + "-", PatternType.PREFIXED, AclOperation.WRITE);
        return acls;
    }

    /** One line per ACL, as in the README: {@code principal operation resource-type pattern name}. */
    public static List<String> render(List<AclBinding> acls) {
        return acls.stream().map(a -> String.join(" ", a.entry().principal(), a.entry().operation().name(),
                a.pattern().resourceType().name(), a.pattern().patternType().name(), a.pattern().name())).toList();
    }

    /** Adds an ALLOW from any host for {@code principal} to do {@code op} on the resource. */
    static void allow(List<AclBinding> acls, String principal, ResourceType type, String name, PatternType pattern, AclOperation op) {
        acls.add(new AclBinding(new ResourcePattern(type, name, pattern), new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW)));
    }
}
