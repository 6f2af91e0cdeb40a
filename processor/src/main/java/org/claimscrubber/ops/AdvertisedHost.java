package org.claimscrubber.ops;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;

/**
 * The host other instances use to reach this one's HTTP port ({@code application.server}). Derived from the bind
 * address when that is a concrete address, else this machine's address. A loopback host only works while every
 * instance runs on this machine: {@link #refusal} says why it must not start when a member of its group connects
 * from elsewhere.
 */
public final class AdvertisedHost {
    private AdvertisedHost() {
    }

    /** The bind address when concrete; for the wildcard, this machine's address (loopback when it has no other). */
    public static String derive(InetAddress bind) {
        if (!bind.isAnyLocalAddress()) {
            return literal(bind);
        }
        try {
            InetAddress local = InetAddress.getLocalHost();
            if (!local.isLoopbackAddress()) {
                return literal(local);
            }
        } catch (UnknownHostException e) {
            // Fall through to the interfaces.
        }
        return literal(firstInterfaceAddress().orElse(InetAddress.getLoopbackAddress()));
    }

    /** The address as a host of {@code host:port}: IPv6 in brackets. */
    private static String literal(InetAddress address) {
        return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    }

    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** As {@link #refusal(String, Collection, Predicate)}, with the group's current members asked from the cluster. */
    public static Optional<String> refusal(Admin admin, String applicationId, String host) throws InterruptedException {
        return refusal(admin, applicationId, host, AdvertisedHost::isThisMachine);
    }

    public static Optional<String> refusal(Admin admin, String applicationId, String host, Predicate<InetAddress> thisMachine)
            throws InterruptedException {
        if (!isLoopback(host)) {
            return Optional.empty();
        }
        List<String> hosts = new ArrayList<>();
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId)).all().get(10, TimeUnit.SECONDS)
                    .get(applicationId);
            for (MemberDescription m : group.members()) {
                hosts.add(m.host());
            }
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
        return refusal(host, hosts, thisMachine);
    }

    /**
     * Why {@code host} cannot be advertised, or empty: a loopback host is refused when some member of the group
     * connects from an address that is not this machine's (it could not reach us, and with the same port it would
     * take itself for the owner of every member).
     */
    public static Optional<String> refusal(String host, Collection<String> memberHosts, Predicate<InetAddress> thisMachine) {
        if (!isLoopback(host)) {
            return Optional.empty();
        }
        List<String> elsewhere = new ArrayList<>();
        for (String member : memberHosts) {
            String address = member.startsWith("/") ? member.substring(1) : member;
            try {
                if (!thisMachine.test(InetAddress.getByName(address))) {
                    elsewhere.add(address);
                }
            } catch (UnknownHostException e) {
                elsewhere.add(address);
            }
        }
        return elsewhere.isEmpty() ? Optional.empty() : Optional.of("the advertised host " + host + " is a loopback address, but "
                + "instances of this application run on other machines (" + String.join(", ", elsewhere.stream().distinct().toList())
                + "); give --advertised-host a name they can reach, or --http-bind a concrete address");
    }

    static boolean isThisMachine(InetAddress address) {
        try {
            return address.isLoopbackAddress() || address.isAnyLocalAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    private static Optional<InetAddress> firstInterfaceAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                        if (a instanceof Inet4Address) {
                            return Optional.of(a);
                        }
                    }
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
