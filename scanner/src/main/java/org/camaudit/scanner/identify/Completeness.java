package org.camaudit.scanner.identify;

import java.util.ArrayList;
import java.util.List;

import org.camaudit.scanner.output.Observation.Identification;

/**
 * How far a device was identified (DESIGN.md {@code identification}): {@code complete} when its
 * manufacturer, model, serial number and firmware are known, {@code unidentified} when neither its
 * manufacturer nor its model is, {@code partial} otherwise; with the reasons the probes recorded,
 * or, when none did, what the device did not say.
 */
public final class Completeness {

    public static final String COMPLETE = "complete";
    public static final String PARTIAL = "partial";
    public static final String UNIDENTIFIED = "unidentified";

    private Completeness() {
    }

    static Identification judge(DeviceFacts facts, String manufacturer, String model, String firmware, String serial) {
        if (manufacturer != null && model != null && firmware != null && serial != null) {
            return new Identification(COMPLETE, List.of());
        }
        String status = manufacturer == null && model == null ? UNIDENTIFIED : PARTIAL;
        List<String> reasons = new ArrayList<>(facts.reasons());
        if (reasons.isEmpty()) {
            boolean answered = facts.has(Sources.ONVIF_DEVICE_INFORMATION) || facts.has(Sources.SADP)
                    || facts.has(Sources.DHIP);
            if (!answered) {
                reasons.add(Reasons.NO_REPLY);
            } else {
                reasons.add("the device does not report its " + missing(manufacturer, model, firmware, serial));
            }
        }
        return new Identification(status, List.copyOf(reasons));
    }

    private static String missing(String manufacturer, String model, String firmware, String serial) {
        List<String> missing = new ArrayList<>();
        if (manufacturer == null) {
            missing.add("manufacturer");
        }
        if (model == null) {
            missing.add("model");
        }
        if (firmware == null) {
            missing.add("firmware");
        }
        if (serial == null) {
            missing.add("serial number");
        }
        return String.join(", ", missing);
    }
}
