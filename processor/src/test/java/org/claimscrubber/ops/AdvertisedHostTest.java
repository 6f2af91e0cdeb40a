package org.claimscrubber.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The advertised host: derived rather than "localhost", and a loopback one refused when the group spans machines. */
class AdvertisedHostTest {
    private static final Predicate<InetAddress> ONLY_LOOPBACK_IS_HERE = InetAddress::isLoopbackAddress;

    @Test
    void aConcreteBindAddressIsAdvertisedAsItIs() throws Exception {
        assertEquals("10.1.2.3", AdvertisedHost.derive(InetAddress.getByName("10.1.2.3")));
        assertEquals("127.0.0.1", AdvertisedHost.derive(InetAddress.getByName("127.0.0.1")));
        assertEquals("[0:0:0:0:0:0:0:1]", AdvertisedHost.derive(InetAddress.getByName("::1")), "IPv6 in brackets, as host:port needs");
        assertTrue(AdvertisedHost.isLoopback("[0:0:0:0:0:0:0:1]"));
    }

    @Test
    void theWildcardAdvertisesThisMachinesOwnAddressNotLoopback() throws Exception {
        String derived = AdvertisedHost.derive(InetAddress.getByName("0.0.0.0"));

        assertTrue(AdvertisedHost.isThisMachine(InetAddress.getByName(derived)), derived);
        assertEquals(OpsServerTest.nonLoopbackAddress() != null, !AdvertisedHost.isLoopback(derived),
                "a machine with a network interface advertises its address, got " + derived);
    }

    @Test
    void aLoopbackHostIsRefusedWhenAnInstanceConnectsFromAnotherMachine() {
        Optional<String> refusal = AdvertisedHost.refusal("localhost", List.of("/127.0.0.1", "/10.9.8.7"), ONLY_LOOPBACK_IS_HERE);

        assertTrue(refusal.isPresent());
        assertTrue(refusal.get().contains("10.9.8.7") && refusal.get().contains("--advertised-host"), refusal.get());
    }

    @Test
    void aLoopbackHostIsAllowedWhileEveryInstanceRunsOnThisMachine() {
        assertFalse(AdvertisedHost.refusal("127.0.0.1", List.of("/127.0.0.1", "/127.0.0.1"), ONLY_LOOPBACK_IS_HERE).isPresent());
        assertFalse(AdvertisedHost.refusal("localhost", List.of(), ONLY_LOOPBACK_IS_HERE).isPresent());
    }

    @Test
    void aRoutableHostIsNeverRefused() {
        assertFalse(AdvertisedHost.refusal("10.1.2.3", List.of("/10.9.8.7"), ONLY_LOOPBACK_IS_HERE).isPresent());
    }
}
