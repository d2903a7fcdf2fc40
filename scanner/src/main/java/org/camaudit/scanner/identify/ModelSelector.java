package org.camaudit.scanner.identify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses a device's model. The device's own ONVIF answer comes first, then its maker's discovery
 * protocol, then the ONVIF scopes. Firmwares disagree on what the scopes hold: the ONVIF core
 * specification puts the model in {@code hardware}, while onvif_simple_server and Thingino put the
 * manufacturer in {@code hardware} and the model in {@code name}. So no value that names a
 * manufacturer is ever taken as a model, a scope value with a digit (models have them, makers'
 * names do not) is preferred, and a {@code name} scope without one is never used. A model that
 * another source contradicts is kept, and the disagreement recorded as evidence.
 */
final class ModelSelector {

    private record Candidate(String value, String source) {
    }

    private static final String[][] DIRECT = { { Sources.ONVIF_DEVICE_INFORMATION, "Model" },
            { Sources.SADP, "DeviceDescription" }, { Sources.DHIP, "DeviceType" } };
    private static final List<String> SCOPE_SOURCES = List.of(Sources.ONVIF_SCOPES, Sources.WS_DISCOVERY_SCOPE);

    private final ManufacturerCatalog catalog;

    ModelSelector(ManufacturerCatalog catalog) {
        this.catalog = catalog;
    }

    Optional<String> select(DeviceFacts facts) {
        List<String> makers = reportedMakers(facts);
        List<Candidate> candidates = new ArrayList<>();
        for (String[] direct : DIRECT) {
            facts.first(direct[0], direct[1]).ifPresent(value -> {
                if (namesAManufacturer(value, makers)) {
                    facts.add(Sources.IDENTIFY, "notAModel", value + " (" + direct[0] + " " + direct[1] + ")");
                } else {
                    candidates.add(new Candidate(value.trim(), direct[0] + " " + direct[1]));
                }
            });
        }
        for (String source : SCOPE_SOURCES) {
            scopeModel(facts, source, makers).ifPresent(candidates::add);
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Candidate chosen = candidates.get(0);
        StringBuilder conflict = new StringBuilder();
        for (Candidate other : candidates.subList(1, candidates.size())) {
            if (!other.value().equalsIgnoreCase(chosen.value()) && conflict.indexOf("(" + other.source() + ")") < 0) {
                conflict.append(" vs ").append(other.value()).append(" (").append(other.source()).append(')');
            }
        }
        if (conflict.length() > 0) {
            facts.add(Sources.IDENTIFY, "modelConflict", chosen.value() + " (" + chosen.source() + ")" + conflict);
        }
        return Optional.of(chosen.value());
    }

    private Optional<Candidate> scopeModel(DeviceFacts facts, String source, List<String> makers) {
        List<Candidate> usable = new ArrayList<>();
        for (String field : List.of("hardware", "name")) {
            for (String value : facts.all(source, field)) {
                if (!namesAManufacturer(value, makers) && !catalog.isUnusable(value)) {
                    usable.add(new Candidate(value.trim(), source + " " + field));
                }
            }
        }
        return usable.stream().filter(c -> hasDigit(c.value())).findFirst()
                .or(() -> usable.stream().filter(c -> c.source().endsWith(" hardware")).findFirst());
    }

    /** The maker names the device itself reported, verbatim, lower-cased. */
    private List<String> reportedMakers(DeviceFacts facts) {
        List<String> makers = new ArrayList<>();
        facts.first(Sources.ONVIF_DEVICE_INFORMATION, "Manufacturer").ifPresent(m -> makers.add(lower(m)));
        facts.first(Sources.DHIP, "Vendor").ifPresent(m -> makers.add(lower(m)));
        return makers;
    }

    /**
     * A value names a manufacturer when it is a maker the catalogue knows and has no digit
     * ("HIKVISION", "Dahua", not "HIKVISION DS-2CD2012-I"), or when it is what the device itself
     * reported as its manufacturer.
     */
    boolean namesAManufacturer(String value, List<String> reportedMakers) {
        String trimmed = value.trim();
        return (catalog.known(trimmed).isPresent() && !hasDigit(trimmed)) || reportedMakers.contains(lower(trimmed));
    }

    private static boolean hasDigit(String value) {
        return value.chars().anyMatch(Character::isDigit);
    }

    private static String lower(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
