package org.camaudit.cameralab.fleet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import org.camaudit.cameralab.profile.ProfileDescriptor;
import org.camaudit.cameralab.profile.ProfileRegistry;

/**
 * Checks a fleet and fills in every default, giving the manifest entries: the profile's identity
 * for missing identity fields (a serial and MAC derived from the address when absent, so two
 * cameras never share them), ONVIF on with digest auth and the lab account, the profile's
 * proprietary protocols, HTTP on, no skew, no faults.
 */
public final class FleetResolver {

    /** The account of a camera whose fleet entry names none. */
    public static final String DEFAULT_USERNAME = "admin";
    public static final String DEFAULT_PASSWORD = "Camlab-2026";
    private static final Pattern MAC = Pattern.compile("(?i)[0-9a-f]{2}([:-][0-9a-f]{2}){5}");
    private static final int MAX_IDENTITY_LENGTH = 128;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final ProfileRegistry profiles;

    public FleetResolver(ProfileRegistry profiles) {
        this.profiles = profiles;
    }

    public List<CameraSpec> resolve(List<CameraSpec> fleet) {
        if (fleet == null || fleet.isEmpty()) {
            throw new FleetException("the fleet is empty");
        }
        Set<String> addresses = new HashSet<>();
        Set<String> macs = new HashSet<>();
        List<CameraSpec> resolved = new ArrayList<>(fleet.size());
        for (int i = 0; i < fleet.size(); i++) {
            CameraSpec spec = fleet.get(i);
            if (spec == null) {
                throw new FleetException("camera #" + (i + 1) + " is null");
            }
            CameraSpec camera = resolve(spec, "camera #" + (i + 1));
            if (!addresses.add(camera.ip())) {
                throw new FleetException("two cameras use " + camera.ip());
            }
            if (!macs.add(camera.identity().mac())) {
                throw new FleetException("two cameras use MAC " + camera.identity().mac());
            }
            resolved.add(camera);
        }
        return resolved;
    }

    private CameraSpec resolve(CameraSpec spec, String where) {
        String ip = canonicalIpv4(spec.ip(), where);
        ProfileDescriptor profile = profiles.find(spec.profile()).orElseThrow(() -> new FleetException(
                where + " (" + ip + "): unknown profile '" + spec.profile() + "'; see --list-profiles"))
                .descriptor();
        Identity given = spec.identity() == null ? Identity.EMPTY : spec.identity();
        Identity derived = IdentityFactory.create(profile, new Random(ip.hashCode()),
                given.model() != null ? given.model() : profile.identity().model());
        Identity identity = given.orElse(new Identity(profile.identity().manufacturer(), profile.identity().model(),
                profile.identity().firmwareVersion(), derived.serialNumber(), profile.identity().hardwareId(),
                derived.mac()));
        for (String value : new String[] { identity.manufacturer(), identity.model(), identity.firmwareVersion(),
                identity.serialNumber(), identity.hardwareId() }) {
            if (value.length() > MAX_IDENTITY_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
                throw new FleetException(where + " (" + ip + "): identity value '" + value.replaceAll("\\p{Cntrl}", "?")
                        + "' is longer than " + MAX_IDENTITY_LENGTH + " characters or has control characters");
            }
        }
        if (!MAC.matcher(identity.mac()).matches()) {
            throw new FleetException(where + " (" + ip + "): MAC '" + identity.mac() + "' is not six hex octets");
        }
        identity = new Identity(identity.manufacturer(), identity.model(), identity.firmwareVersion(),
                identity.serialNumber(), identity.hardwareId(), identity.mac().toLowerCase(Locale.ROOT)
                        .replace('-', ':'));
        OnvifSettings onvif = spec.onvif() == null ? new OnvifSettings(null, null, null, null) : spec.onvif();
        String auth = onvif.auth() == null ? OnvifSettings.AUTH_DIGEST : onvif.auth();
        if (!auth.equals(OnvifSettings.AUTH_DIGEST) && !auth.equals(OnvifSettings.AUTH_NONE)) {
            throw new FleetException(where + " (" + ip + "): onvif.auth must be none or digest, not '" + auth + "'");
        }
        onvif = new OnvifSettings(onvif.isEnabled(), auth,
                onvif.username() == null ? DEFAULT_USERNAME : onvif.username(),
                onvif.password() == null ? DEFAULT_PASSWORD : onvif.password());
        boolean sadp = protocol(spec.sadp(), profile.sadp(), "sadp", profile, where, ip);
        boolean dhip = protocol(spec.dhip(), profile.dhip(), "dhip", profile, where, ip);
        return new CameraSpec(ip, profile.id(), identity, onvif, sadp, dhip, spec.http() == null || spec.http(),
                spec.clockSkewSeconds() == null ? 0L : spec.clockSkewSeconds(),
                spec.faults() == null ? List.of() : List.copyOf(new LinkedHashSet<>(spec.faults())));
    }

    private static boolean protocol(Boolean requested, boolean supported, String name, ProfileDescriptor profile,
            String where, String ip) {
        if (requested == null) {
            return supported;
        }
        if (requested && !supported) {
            throw new FleetException(where + " (" + ip + "): profile " + profile.id() + " (" + profile.vendor()
                    + " firmware) does not speak " + name);
        }
        return requested;
    }

    private static String canonicalIpv4(String ip, String where) {
        IPAddress address = ip == null || !IPV4.matcher(ip).matches() ? null : new IPAddressString(ip).getAddress();
        if (address == null || !address.isIPv4()) {
            throw new FleetException(where + ": ip '" + ip + "' is not an IPv4 address");
        }
        return address.toCanonicalString();
    }
}
