package org.camaudit.scanner.identify;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camaudit.scanner.oui.Macs;
import org.camaudit.scanner.oui.OuiRegistry;
import org.camaudit.scanner.output.Observation;

/**
 * Turns a device's facts into an observation. Each field is taken from the most direct source that
 * has it (the device's own ONVIF answer, then its vendor discovery protocol, then discovery scopes,
 * then web fingerprints, then the MAC's registry owner); every source's claim stays in the evidence,
 * and disagreeing canonical manufacturers are recorded as a conflict rather than hidden. Maker names
 * are recognised wherever they appear (scopes, model fields) and never become the model
 * ({@link ModelSelector}); a chip maker's web server is a hint at the hardware, not a maker.
 */
public final class DeviceIdentifier {

    private static final String[][] FIRMWARE = { { Sources.ONVIF_DEVICE_INFORMATION, "FirmwareVersion" },
            { Sources.SADP, "SoftwareVersion" }, { Sources.DHIP, "Version" } };
    private static final String[][] SERIAL = { { Sources.ONVIF_DEVICE_INFORMATION, "SerialNumber" },
            { Sources.SADP, "DeviceSN" }, { Sources.DHIP, "SerialNo" } };
    private static final String[][] MAC = { { Sources.ONVIF_NETWORK_INTERFACES, "HwAddress" }, { Sources.SADP, "MAC" },
            { Sources.DHIP, "mac" }, { Sources.ARP, "mac" }, { Sources.ONVIF_SCOPES, "mac" },
            { Sources.WS_DISCOVERY_SCOPE, "mac" } };

    private final ManufacturerCatalog catalog;
    private final OuiRegistry oui;
    private final ModelSelector models;

    public DeviceIdentifier(ManufacturerCatalog catalog, OuiRegistry oui) {
        this.catalog = catalog;
        this.oui = oui;
        this.models = new ModelSelector(catalog);
    }

    public Observation identify(DeviceFacts facts) {
        Optional<String> mac = macOf(facts);
        mac.ifPresent(m -> oui.lookup(m).ifPresent(organisation -> {
            facts.discoveredBy(Sources.OUI);
            facts.add(Sources.OUI, "mac", organisation);
            facts.add(Sources.OUI, "registryDate", oui.date().toString());
        }));
        Optional<String> reported = facts.first(Sources.ONVIF_DEVICE_INFORMATION, "Manufacturer")
                .or(() -> facts.first(Sources.DHIP, "Vendor"));
        String manufacturer = manufacturer(facts).orElse(null);
        List<String> xaddrs = facts.xaddrs();
        List<String> scopes = facts.scopes();
        Boolean authRequired = facts.authRequired();
        Observation.Onvif onvif = xaddrs.isEmpty() && scopes.isEmpty() && authRequired == null ? null
                : new Observation.Onvif(xaddrs, scopes, authRequired);
        String model = models.select(facts).orElse(null);
        String firmware = firstOf(facts, FIRMWARE).orElse(null);
        String serial = firstOf(facts, SERIAL).orElse(null);
        return new Observation(facts.ip(), mac.orElse(null), manufacturer, reported.orElse(null), model, firmware, serial,
                facts.first(Sources.ONVIF_DEVICE_INFORMATION, "HardwareId").orElse(null), facts.discoveredBy(), onvif,
                facts.httpPorts(), facts.evidence(), Completeness.judge(facts, manufacturer, model, firmware, serial),
                facts.observedAt().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private Optional<String> macOf(DeviceFacts facts) {
        for (String[] source : MAC) {
            for (String value : facts.all(source[0], source[1])) {
                Optional<String> normalized = Macs.normalize(value);
                if (normalized.isPresent()) {
                    return normalized;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The canonical manufacturer: candidates in order of directness; the first usable one wins, and
     * any other canonical name claimed by another source is recorded as a conflict.
     */
    private Optional<String> manufacturer(DeviceFacts facts) {
        Map<String, String> claims = new LinkedHashMap<>();
        facts.first(Sources.ONVIF_DEVICE_INFORMATION, "Manufacturer").flatMap(catalog::canonical)
                .ifPresent(name -> claims.putIfAbsent(name, Sources.ONVIF_DEVICE_INFORMATION));
        if (facts.has(Sources.SADP)) {
            claims.putIfAbsent("Hikvision", Sources.SADP);
        }
        facts.first(Sources.DHIP, "Vendor").flatMap(catalog::known).ifPresent(name -> claims.putIfAbsent(name, Sources.DHIP));
        if (facts.has(Sources.DHIP) && facts.first(Sources.DHIP, "Vendor").flatMap(catalog::known).isEmpty()) {
            claims.putIfAbsent("Dahua", Sources.DHIP);
        }
        facts.all(Sources.ONVIF_DEVICE_INFORMATION, "Model").stream().map(catalog::known).flatMap(Optional::stream)
                .forEach(name -> claims.putIfAbsent(name, Sources.ONVIF_DEVICE_INFORMATION));
        for (String source : List.of(Sources.ONVIF_SCOPES, Sources.WS_DISCOVERY_SCOPE)) {
            for (String field : List.of("name", "hardware")) {
                facts.all(source, field).stream().map(catalog::known).flatMap(Optional::stream)
                        .forEach(name -> claims.putIfAbsent(name, source));
            }
        }
        for (Evidence e : facts.evidence()) {
            if (e.source().equals(Sources.HTTP_FINGERPRINT) || e.source().equals(Sources.RTSP_FINGERPRINT)) {
                catalog.known(e.value()).or(() -> catalog.canonical(e.value()))
                        .ifPresent(name -> claims.putIfAbsent(name, e.source()));
            }
        }
        facts.first(Sources.OUI, "mac").flatMap(catalog::known).ifPresent(name -> claims.putIfAbsent(name, Sources.OUI));
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>(claims.keySet());
        if (names.size() > 1) {
            StringBuilder conflict = new StringBuilder();
            claims.forEach((name, source) -> conflict.append(conflict.length() == 0 ? "" : " vs ").append(name)
                    .append(" (").append(source).append(')'));
            facts.add(Sources.IDENTIFY, "manufacturerConflict", conflict.toString());
        }
        return Optional.of(names.get(0));
    }

    private static Optional<String> firstOf(DeviceFacts facts, String[][] sources) {
        for (String[] source : sources) {
            Optional<String> value = facts.first(source[0], source[1]);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
