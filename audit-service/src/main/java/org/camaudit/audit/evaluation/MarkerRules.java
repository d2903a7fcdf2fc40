package org.camaudit.audit.evaluation;

import java.util.List;
import java.util.regex.Pattern;

import org.camaudit.audit.policy.Policy;

/**
 * One vendor's protocol markers, compiled: each looks at one kind of fact (discovery methods, evidence values,
 * hardware ids, serial numbers, ONVIF scopes or models) with the strength of its attribution and its own kind
 * (markers of different kinds are independent indirect signals).
 */
final class MarkerRules {

    /** A marker, compiled; {@code fields} is null when it looks at every evidence field. */
    private record Marker(Policy.MarkerTarget target, BoundedCache<String, Boolean> fields, Pattern pattern,
            String rule, Strength strength, String kind) {

        static Marker of(Policy.Marker marker) {
            Pattern field = marker.field() == null ? null : Pattern.compile(marker.field());
            BoundedCache<String, Boolean> fields = field == null ? null
                    : new BoundedCache<>(name -> field.matcher(name).find());
            return new Marker(marker.target(), fields, Pattern.compile(marker.pattern()),
                    marker.kind() + ": " + marker.description(), MarkerRules.strength(marker.attribution()), marker.kind());
        }

        /** Whether an evidence field of this name is one the marker looks at. */
        boolean looksAt(String fieldName) {
            return fields == null || fields.get(fieldName);
        }
    }

    private final List<Marker> markers;

    MarkerRules(Policy.Vendor vendor) {
        markers = vendor.markers().stream().map(Marker::of).toList();
    }

    /** Every marker, in policy order, against the facts it looks at. */
    void match(DeviceFacts facts, Signals signals) {
        for (Marker marker : markers) {
            switch (marker.target) {
                case DISCOVERY -> matchAll(marker, facts.discovery(), signals);
                case HARDWARE_ID -> matchAll(marker, facts.hardwareIds(), signals);
                case SERIAL_NUMBER -> matchAll(marker, facts.serials(), signals);
                case ONVIF_SCOPE -> matchAll(marker, facts.scopes(), signals);
                case MODEL -> matchAll(marker, facts.models(), signals);
                case EVIDENCE -> matchEvidence(marker, facts, signals);
            }
        }
    }

    private static void matchEvidence(Marker marker, DeviceFacts facts, Signals signals) {
        List<Observed> evidence = facts.evidence();
        for (int i = 0; i < evidence.size(); i++) {
            if (marker.looksAt(facts.evidenceFields().get(i)) && marker.pattern.matcher(evidence.get(i).value()).find()) {
                signals.add(marker.rule, evidence.get(i), marker.strength, marker.kind);
            }
        }
    }

    private static void matchAll(Marker marker, List<Observed> values, Signals signals) {
        for (Observed value : values) {
            if (marker.pattern.matcher(value.value()).find()) {
                signals.add(marker.rule, value, marker.strength, marker.kind);
            }
        }
    }

    private static Strength strength(Policy.Attribution attribution) {
        return switch (attribution) {
            case DIRECT -> Strength.DIRECT;
            case INDIRECT -> Strength.INDIRECT;
            case SUPPORTING -> Strength.SUPPORTING;
        };
    }
}
