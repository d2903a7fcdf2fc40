package org.camaudit.inventory.mapping;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A direct check of the constraints declared on {@link ObservationBatch} and {@link Observation}, for the
 * common case of a valid batch: bean validation of 10,000 nested observations costs a path node and a
 * constraint lookup per property, which was the largest share of an ingest's CPU in the service.
 *
 * <p>{@link #certainlyValid} answers {@code true} only when every declared constraint holds; any doubt
 * answers {@code false}, and the caller then runs bean validation, which names every bad field. So the
 * declared annotations stay the only source of the 400 answer, and this check may be stricter but never
 * more lenient than they are.
 */
public final class BatchCheck {

    private static final Pattern SCAN_ID = Pattern.compile(Limits.SCAN_ID_PATTERN);
    private static final Pattern SITE = Pattern.compile(Limits.SITE_PATTERN);
    private static final Pattern IP = Pattern.compile(Limits.IP_PATTERN);
    private static final Pattern MAC = Pattern.compile(Limits.MAC_PATTERN);
    private static final Pattern IDENTIFICATION = Pattern.compile(Limits.IDENTIFICATION_PATTERN);

    private BatchCheck() {
    }

    /** True when bean validation of {@code batch} would find nothing. */
    public static boolean certainlyValid(ObservationBatch batch) {
        if (batch == null || !required(batch.scanId(), Limits.SCAN_ID, SCAN_ID)
                || !required(batch.site(), Limits.SITE, SITE)) {
            return false;
        }
        ObservationBatch.ScannerInfo scanner = batch.scanner();
        if (scanner != null && (!optional(scanner.host(), Limits.TEXT) || !optional(scanner.version(), Limits.VERSION))) {
            return false;
        }
        if (!strings(batch.targets(), Limits.TARGETS, Limits.TARGET)) {
            return false;
        }
        List<Observation> observations = batch.observations();
        if (observations == null) {
            return false;
        }
        for (Observation o : observations) {
            if (!valid(o)) {
                return false;
            }
        }
        return true;
    }

    private static boolean valid(Observation o) {
        if (o == null || !required(o.ip(), Limits.IP, IP)) {
            return false;
        }
        if (o.mac() != null && !MAC.matcher(o.mac()).matches()) {
            return false;
        }
        if (!optional(o.manufacturer(), Limits.TEXT) || !optional(o.reportedManufacturer(), Limits.TEXT)
                || !optional(o.model(), Limits.TEXT) || !optional(o.firmwareVersion(), Limits.TEXT)
                || !optional(o.serialNumber(), Limits.TEXT) || !optional(o.hardwareId(), Limits.TEXT)) {
            return false;
        }
        if (!strings(o.discoveredBy(), Limits.LIST, Limits.VERSION)) {
            return false;
        }
        Observation.Onvif onvif = o.onvif();
        if (onvif != null && (!strings(onvif.xaddrs(), Limits.LIST, Limits.URL)
                || !strings(onvif.scopes(), Limits.LIST, Limits.URL))) {
            return false;
        }
        List<Integer> ports = o.httpPorts();
        if (ports != null) {
            if (ports.size() > Limits.LIST) {
                return false;
            }
            for (Integer port : ports) {
                if (port == null || port < 1 || port > 65535) {
                    return false;
                }
            }
        }
        Observation.Identification identification = o.identification();
        if (identification != null && (identification.status() == null
                || !IDENTIFICATION.matcher(identification.status()).matches()
                || !nonBlankStrings(identification.reasons(), Limits.REASONS, Limits.TEXT))) {
            return false;
        }
        List<Observation.Evidence> evidence = o.evidence();
        if (evidence != null) {
            if (evidence.size() > Limits.LIST) {
                return false;
            }
            for (Observation.Evidence e : evidence) {
                if (e == null || !required(e.source(), Limits.TEXT, null) || !optional(e.field(), Limits.TEXT)
                        || !optional(e.value(), Limits.EVIDENCE_VALUE)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code @NotBlank @Size(max)} and, when given, {@code @Pattern}. */
    private static boolean required(String s, int max, Pattern pattern) {
        return s != null && s.length() <= max && !s.isBlank() && !s.trim().isEmpty()
                && (pattern == null || pattern.matcher(s).matches());
    }

    /** {@code @Size(max)} of an optional string. */
    private static boolean optional(String s, int max) {
        return s == null || s.length() <= max;
    }

    /** {@code @Size(max = size) List<@NotBlank @Size(max = length) String>}. */
    private static boolean nonBlankStrings(List<String> list, int size, int length) {
        return strings(list, size, length) && (list == null || list.stream().noneMatch(String::isBlank));
    }

    /** {@code @Size(max = size) List<@NotNull @Size(max = length) String>}. */
    private static boolean strings(List<String> list, int size, int length) {
        if (list == null) {
            return true;
        }
        if (list.size() > size) {
            return false;
        }
        for (String s : list) {
            if (s == null || s.length() > length) {
                return false;
            }
        }
        return true;
    }
}
