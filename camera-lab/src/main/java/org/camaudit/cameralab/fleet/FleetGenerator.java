package org.camaudit.cameralab.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camaudit.cameralab.profile.ProfileDescriptor;
import org.camaudit.cameralab.profile.ProfileRegistry;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Builds a reproducible mixed fleet for {@code --count N --network CIDR --seed S}: cameras on
 * randomly chosen addresses of the network (the others stay dead), vendors drawn by the weights
 * of {@code fleet-mix.json}, some Hikvision units with ONVIF disabled, some without ONVIF auth,
 * some with a password the lab's default account does not know, and realistic clock skews.
 */
public final class FleetGenerator {

    private static final int LARGEST_ENUMERATED_NETWORK = 1 << 20;

    private final ProfileRegistry profiles;
    private final Mix mix;

    /** The JSON shape of {@code fleet-mix.json}. */
    @RegisterForReflection
    public record Mix(String source, double authNoneShare, double foreignPasswordShare, long smallSkewSeconds,
            double largeSkewShare, long largeSkewSeconds, List<Share> profiles) {
    }

    /**
     * One profile's share of a generated fleet.
     *
     * @param onvifDisabledShare the part of these units with ONVIF switched off (found only by SADP and HTTP)
     */
    @RegisterForReflection
    public record Share(String profile, int weight, double onvifDisabledShare) {
    }

    public FleetGenerator(ProfileRegistry profiles) {
        this.profiles = profiles;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("fleet-mix.json")) {
            this.mix = new ObjectMapper().readValue(in, Mix.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fleet-mix.json", e);
        }
    }

    public List<CameraSpec> generate(int count, String cidr, long seed) {
        if (count < 1) {
            throw new FleetException("--count must be at least 1");
        }
        IPAddress network = parseNetwork(cidr);
        Random random = new Random(seed);
        List<String> addresses = pickAddresses(network, count, random);
        int totalWeight = mix.profiles().stream().mapToInt(Share::weight).sum();
        Set<String> macs = new HashSet<>();
        List<CameraSpec> fleet = new ArrayList<>(count);
        for (String ip : addresses) {
            Share share = draw(random.nextInt(totalWeight));
            ProfileDescriptor profile = profiles.find(share.profile()).orElseThrow(() -> new IllegalStateException(
                    "fleet-mix.json names unknown profile " + share.profile())).descriptor();
            Identity identity = IdentityFactory.create(profile, random, null);
            while (!macs.add(identity.mac())) {
                identity = IdentityFactory.create(profile, random, null);
            }
            boolean onvifEnabled = random.nextDouble() >= share.onvifDisabledShare();
            String auth = random.nextDouble() < mix.authNoneShare() ? OnvifSettings.AUTH_NONE
                    : OnvifSettings.AUTH_DIGEST;
            String password = random.nextDouble() < mix.foreignPasswordShare()
                    ? "Site-" + Long.toString(Math.abs(random.nextLong()), 36)
                    : FleetResolver.DEFAULT_PASSWORD;
            long skew = random.nextDouble() < mix.largeSkewShare()
                    ? random.nextLong(-mix.largeSkewSeconds(), mix.largeSkewSeconds() + 1)
                    : random.nextLong(-mix.smallSkewSeconds(), mix.smallSkewSeconds() + 1);
            fleet.add(new CameraSpec(ip, profile.id(), identity,
                    new OnvifSettings(onvifEnabled, auth, FleetResolver.DEFAULT_USERNAME, password), profile.sadp(),
                    profile.dhip(), true, skew, List.of()));
        }
        return fleet;
    }

    private Share draw(int ticket) {
        int seen = 0;
        for (Share share : mix.profiles()) {
            seen += share.weight();
            if (ticket < seen) {
                return share;
            }
        }
        throw new IllegalStateException("weights changed while drawing");
    }

    private static IPAddress parseNetwork(String cidr) {
        try {
            IPAddress address = new IPAddressString(cidr).toAddress();
            if (!address.isIPv4() || !address.isPrefixed()) {
                throw new FleetException("--network '" + cidr + "' is not an IPv4 CIDR such as 127.0.10.0/24");
            }
            return address.toPrefixBlock();
        } catch (AddressStringException e) {
            throw new FleetException("--network '" + cidr + "' is not an IPv4 CIDR such as 127.0.10.0/24");
        }
    }

    /**
     * {@code count} distinct host addresses of {@code network}, sorted. Addresses ending in .0 or
     * .255 are left out: installers avoid them, and Java cannot bind an IPv4 datagram socket to an
     * address ending in .255.
     */
    private static List<String> pickAddresses(IPAddress network, int count, Random random) {
        long first = network.getLower().getValue().longValue();
        long last = network.getUpper().getValue().longValue();
        long size = last - first + 1;
        if (size > LARGEST_ENUMERATED_NETWORK) {
            TreeSet<Long> picked = new TreeSet<>();
            while (picked.size() < count) {
                long candidate = first + random.nextLong(size);
                if (usable(candidate)) {
                    picked.add(candidate);
                }
            }
            return picked.stream().map(FleetGenerator::toDotted).toList();
        }
        long[] hosts = new long[(int) size];
        int usable = 0;
        for (long value = first; value <= last; value++) {
            if (usable(value)) {
                hosts[usable++] = value;
            }
        }
        if (count > usable) {
            throw new FleetException("--network " + network.toPrefixLengthString() + " has " + usable
                    + " usable host addresses, fewer than --count " + count);
        }
        TreeSet<Long> picked = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(usable - i);
            long swap = hosts[i];
            hosts[i] = hosts[j];
            hosts[j] = swap;
            picked.add(hosts[i]);
        }
        return picked.stream().map(FleetGenerator::toDotted).toList();
    }

    private static boolean usable(long address) {
        long lastOctet = address & 0xff;
        return lastOctet != 0 && lastOctet != 255;
    }

    private static String toDotted(long value) {
        return ((value >> 24) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 8) & 0xff) + "." + (value & 0xff);
    }
}
