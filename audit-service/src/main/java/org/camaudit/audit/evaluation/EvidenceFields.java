package org.camaudit.audit.evaluation;

import java.util.regex.Pattern;

import org.camaudit.audit.policy.Policy;

/**
 * What an evidence item is, from its field name and source, by the policy's {@code evidenceFields} expressions:
 * a manufacturer, model, firmware version, serial number, hardware id or MAC, and whether its source is the MAC
 * registry (whose organisation names are not the device naming itself). A field may be several kinds at once;
 * the kinds are bits of one {@code int}. Compiled once per policy; each distinct name is classified once.
 */
final class EvidenceFields {

    static final int MANUFACTURER = 1;
    static final int MODEL = 2;
    static final int FIRMWARE = 4;
    static final int SERIAL = 8;
    static final int HARDWARE_ID = 16;
    static final int MAC = 32;

    private final Pattern manufacturer;
    private final Pattern model;
    private final Pattern firmware;
    private final Pattern serial;
    private final Pattern hardwareId;
    private final Pattern mac;
    private final Pattern ouiSource;
    private final BoundedCache<String, Integer> kinds = new BoundedCache<>(this::classify);
    private final BoundedCache<String, Boolean> ouiSources = new BoundedCache<>(this::registry);

    EvidenceFields(Policy.EvidenceFields fields) {
        manufacturer = Pattern.compile(fields.manufacturer());
        model = Pattern.compile(fields.model());
        firmware = Pattern.compile(fields.firmware());
        serial = Pattern.compile(fields.serialNumber());
        hardwareId = Pattern.compile(fields.hardwareId());
        mac = Pattern.compile(fields.mac());
        ouiSource = Pattern.compile(fields.ouiSource());
    }

    /** The kinds of the field named {@code field}, as bits ({@link #MANUFACTURER} | {@link #MODEL} ...). */
    int kindsOf(String field) {
        return kinds.get(field);
    }

    /** Whether evidence of {@code source} was looked up in the MAC registry rather than reported by the device. */
    boolean isOuiSource(String source) {
        return ouiSources.get(source);
    }

    private int classify(String field) {
        return (manufacturer.matcher(field).find() ? MANUFACTURER : 0)
                | (model.matcher(field).find() ? MODEL : 0)
                | (firmware.matcher(field).find() ? FIRMWARE : 0)
                | (serial.matcher(field).find() ? SERIAL : 0)
                | (hardwareId.matcher(field).find() ? HARDWARE_ID : 0)
                | (mac.matcher(field).find() ? MAC : 0);
    }

    private boolean registry(String source) {
        return ouiSource.matcher(source).find();
    }
}
