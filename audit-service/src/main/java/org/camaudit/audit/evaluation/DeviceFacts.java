package org.camaudit.audit.evaluation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camaudit.audit.client.Device;

/**
 * What one device says about itself, sorted by what each value is: the names it gives (manufacturer, reported
 * manufacturer, an ONVIF {@code name} scope, manufacturer fields of its evidence), models (with the ONVIF
 * {@code hardware} scope), firmware versions, serial numbers, hardware ids, how it was discovered, its MACs,
 * the MAC registry's organisation names, its ONVIF scopes, every evidence item, and when it was made. Every
 * device field and every evidence item is read once, whatever the number of vendors it is compared with.
 */
final class DeviceFacts {

    private static final String ONVIF_NAME_SCOPE = "onvif://www.onvif.org/name/";
    private static final String ONVIF_HARDWARE_SCOPE = "onvif://www.onvif.org/hardware/";

    private final NameMatcher nameMatcher;
    private final LocalDate today;
    private final List<Observed> names = new ArrayList<>();
    private final List<String> normalizedNames = new ArrayList<>();
    private final List<String> paddedNames = new ArrayList<>();
    private final List<Observed> models = new ArrayList<>();
    private final List<Observed> firmwares = new ArrayList<>();
    private final List<Observed> serials = new ArrayList<>();
    private final List<Observed> hardwareIds = new ArrayList<>();
    private final List<Observed> discovery = new ArrayList<>();
    private final List<Observed> macs = new ArrayList<>();
    private final List<String> macHex = new ArrayList<>();
    private final List<Observed> ouiOrganizations = new ArrayList<>();
    private final List<Observed> scopes = new ArrayList<>();
    private final List<Observed> evidence = new ArrayList<>();
    private final List<String> evidenceFields = new ArrayList<>();
    private final boolean reportedManufacturerKnown;
    private Optional<DeviceDateReader.DeviceDate> date;

    /**
     * @param fields what each evidence field is
     * @param today  the audit date: a date read from the device after it is not a date
     */
    DeviceFacts(Device device, EvidenceFields fields, NameMatcher nameMatcher, LocalDate today) {
        this.nameMatcher = nameMatcher;
        this.today = today;
        reportedManufacturerKnown = !blank(device.reportedManufacturer());
        addName("manufacturer", device.manufacturer());
        addName("reportedManufacturer", device.reportedManufacturer());
        add(models, "model", device.model());
        add(firmwares, "firmwareVersion", device.firmwareVersion());
        add(serials, "serialNumber", device.serialNumber());
        add(hardwareIds, "hardwareId", device.hardwareId());
        addMac("mac", device.mac());
        for (String method : device.discoveredByOrEmpty()) {
            add(discovery, "discoveredBy", method);
        }
        for (String scope : device.onvifScopes()) {
            addScope(scope);
        }
        for (Device.Evidence item : device.evidenceOrEmpty()) {
            if (item != null && !blank(item.value())) {
                addEvidence(item, fields);
            }
        }
    }

    private void addScope(String scope) {
        if (blank(scope)) {
            return;
        }
        add(scopes, "onvif scope", scope);
        String lower = scope.toLowerCase(Locale.ROOT);
        if (lower.startsWith(ONVIF_NAME_SCOPE)) {
            addName("onvif scope", decode(scope.substring(ONVIF_NAME_SCOPE.length())));
        } else if (lower.startsWith(ONVIF_HARDWARE_SCOPE)) {
            add(models, "onvif scope hardware", decode(scope.substring(ONVIF_HARDWARE_SCOPE.length())));
        }
    }

    private void addEvidence(Device.Evidence item, EvidenceFields fields) {
        String source = item.source() == null ? "" : item.source();
        String field = item.field() == null ? "" : item.field();
        String where = "evidence " + source + "/" + field;
        evidence.add(new Observed(where, item.value()));
        evidenceFields.add(field);
        if (!source.isEmpty()) {
            add(discovery, "evidence source", head(source));
        }
        boolean fromRegistry = fields.isOuiSource(source);
        int kinds = fields.kindsOf(field);
        if (fromRegistry) {
            ouiOrganizations.add(new Observed(where, item.value()));
        } else if ((kinds & EvidenceFields.MANUFACTURER) != 0) {
            addName(where, item.value());
        }
        if ((kinds & EvidenceFields.MODEL) != 0) {
            add(models, where, item.value());
        }
        if ((kinds & EvidenceFields.FIRMWARE) != 0) {
            add(firmwares, where, item.value());
        }
        if ((kinds & EvidenceFields.SERIAL) != 0) {
            add(serials, where, item.value());
        }
        if ((kinds & EvidenceFields.HARDWARE_ID) != 0) {
            add(hardwareIds, where, item.value());
        }
        if ((kinds & EvidenceFields.MAC) != 0 && !fromRegistry) {
            addMac(where, item.value());
        }
    }

    /** Names the device gives, as observed. */
    List<Observed> names() {
        return names;
    }

    /** {@link #names()} through {@link NameMatcher#normalize}, same order. */
    List<String> normalizedNames() {
        return normalizedNames;
    }

    /** {@link #normalizedNames()} through {@link NameMatcher#padded}, same order. */
    List<String> paddedNames() {
        return paddedNames;
    }

    List<Observed> models() {
        return models;
    }

    List<Observed> firmwares() {
        return firmwares;
    }

    List<Observed> serials() {
        return serials;
    }

    List<Observed> hardwareIds() {
        return hardwareIds;
    }

    /** Discovery methods and the head of every evidence source ({@code sadp}, {@code onvif}, {@code http}). */
    List<Observed> discovery() {
        return discovery;
    }

    List<Observed> macs() {
        return macs;
    }

    /** The hex digits of each of {@link #macs()}, upper case, same order; empty for a value that is not a MAC. */
    List<String> macHex() {
        return macHex;
    }

    /** Organisation names the scanner looked up in the MAC registry. */
    List<Observed> ouiOrganizations() {
        return ouiOrganizations;
    }

    List<Observed> scopes() {
        return scopes;
    }

    /** Every evidence item with a value, in order. */
    List<Observed> evidence() {
        return evidence;
    }

    /** The field name of each of {@link #evidence()}, same order. */
    List<String> evidenceFields() {
        return evidenceFields;
    }

    boolean reportedManufacturerKnown() {
        return reportedManufacturerKnown;
    }

    /** When the device was made, read once from its serials and firmware versions. */
    Optional<DeviceDateReader.DeviceDate> date() {
        if (date == null) {
            date = DeviceDateReader.read(serials.stream().map(o -> Map.entry(o.where(), o.value())).toList(),
                    firmwares.stream().map(o -> Map.entry(o.where(), o.value())).toList(), today);
        }
        return date;
    }

    private void addName(String where, String value) {
        if (!blank(value)) {
            names.add(new Observed(where, value.trim()));
            String normalized = nameMatcher.normalize(value);
            normalizedNames.add(normalized);
            paddedNames.add(NameMatcher.padded(normalized));
        }
    }

    private void addMac(String where, String value) {
        if (add(macs, where, value)) {
            macHex.add(hexDigits(value.trim()));
        }
    }

    /** Adds a value once: the same value seen again (model and ONVIF hardware scope, say) adds nothing new. */
    private static boolean add(List<Observed> list, String where, String value) {
        if (blank(value)) {
            return false;
        }
        String trimmed = value.trim();
        for (Observed known : list) {
            if (known.value().equals(trimmed)) {
                return false;
            }
        }
        list.add(new Observed(where, trimmed));
        return true;
    }

    private static String hexDigits(String mac) {
        StringBuilder hex = new StringBuilder(12);
        for (int i = 0; i < mac.length(); i++) {
            char c = Character.toUpperCase(mac.charAt(i));
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F')) {
                hex.append(c);
            } else if (c != ':' && c != '-' && c != '.' && c != ' ') {
                return "";
            }
        }
        return hex.toString();
    }

    /** {@code sadp}, {@code onvif.GetDeviceInformation} → {@code onvif}, {@code http:80} → {@code http}. */
    private static String head(String source) {
        int end = source.length();
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '.' || c == ':' || c == '/' || c == ' ') {
                end = i;
                break;
            }
        }
        return source.substring(0, end);
    }

    private static String decode(String scopeValue) {
        try {
            return URLDecoder.decode(scopeValue, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return scopeValue;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
