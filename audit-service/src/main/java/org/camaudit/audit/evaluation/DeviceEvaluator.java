package org.camaudit.audit.evaluation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.camaudit.audit.client.Device;
import org.camaudit.audit.policy.Category;
import org.camaudit.audit.policy.Policy;

/**
 * Applies a policy to devices. Every device field and every evidence item is looked at; each rule that fires is
 * reported with the value it fired on. Built once per audit from a policy; immutable and thread-safe.
 *
 * <p>Signals are of three strengths. Direct: the device names the vendor or a brand it owns (manufacturer,
 * reported manufacturer, an ONVIF {@code name} scope, a manufacturer field of any evidence), or answers the
 * vendor's proprietary discovery (SADP, DHIP). Pattern: a model-number or firmware-version pattern. Indirect:
 * everything else (OUI, HTTP server header, realm, path, ONVIF namespace, hardware id, serial format, relabelling
 * brands); indirect signals of different kinds are independent of each other. Supporting signals (markers that
 * other firmware copies, such as Hikvision's ONVIF namespace declarations) count as an independent kind beside an
 * indirect signal but never make a finding on their own.
 */
public final class DeviceEvaluator {

    private static final int MAX_EVIDENCE_TEXT = 200;
    private static final int FIELD_CACHE_LIMIT = 4096;
    private static final String ONVIF_NAME_SCOPE = "onvif://www.onvif.org/name/";
    private static final String ONVIF_HARDWARE_SCOPE = "onvif://www.onvif.org/hardware/";

    private static final int MANUFACTURER = 1;
    private static final int MODEL = 2;
    private static final int FIRMWARE = 4;
    private static final int SERIAL = 8;
    private static final int HARDWARE_ID = 16;
    private static final int MAC = 32;

    private final int policyVersion;
    private final NameMatcher names;
    private final String registryDate;
    private final Pattern manufacturerField;
    private final Pattern modelField;
    private final Pattern firmwareField;
    private final Pattern serialField;
    private final Pattern hardwareIdField;
    private final Pattern macField;
    private final Pattern ouiSource;
    private final List<VendorRules> vendors;
    private final List<CategoryRule> categoryRules;
    private final Map<String, Integer> fieldKinds = new ConcurrentHashMap<>();
    private final Map<String, Boolean> ouiSources = new ConcurrentHashMap<>();

    public DeviceEvaluator(Policy policy) {
        this.policyVersion = policy.version() == null ? 0 : policy.version();
        this.names = new NameMatcher(policy.nameNormalization().corporateSuffixes());
        this.registryDate = policy.ouiRegistry().date();
        Policy.EvidenceFields fields = policy.evidenceFields();
        this.manufacturerField = Pattern.compile(fields.manufacturer());
        this.modelField = Pattern.compile(fields.model());
        this.firmwareField = Pattern.compile(fields.firmware());
        this.serialField = Pattern.compile(fields.serialNumber());
        this.hardwareIdField = Pattern.compile(fields.hardwareId());
        this.macField = Pattern.compile(fields.mac());
        this.ouiSource = Pattern.compile(fields.ouiSource());
        Map<String, LegalBasis> bases = new HashMap<>();
        policy.legalBases().forEach(basis -> bases.put(basis.id(), LegalBasis.of(basis)));
        this.vendors = policy.vendors().stream().map(vendor -> new VendorRules(vendor, bases)).toList();
        this.categoryRules = policy.categoryRules().stream().map(CategoryRule::new).toList();
    }

    public int policyVersion() {
        return policyVersion;
    }

    /**
     * One evaluation per restricted vendor the device matches and that a basis in force restricts at the device's
     * site ({@code scope}); empty for everything else.
     */
    public List<Evaluation> evaluate(Device device, SiteScope scope) {
        Facts facts = null;
        List<Evaluation> result = new ArrayList<>(1);
        for (VendorRules vendor : vendors) {
            ApplicableBases bases = vendor.applicable(scope);
            if (bases.flags()) {
                facts = facts == null ? new Facts(device, scope.date()) : facts;
                vendor.evaluate(facts, bases).ifPresent(result::add);
            }
        }
        return result;
    }

    /** A value observed on the device and where: {@code model}, {@code evidence sadp/DeviceDescription}, ... */
    private record Observed(String where, String value) {

        String text() {
            String shown = value.length() > MAX_EVIDENCE_TEXT ? value.substring(0, MAX_EVIDENCE_TEXT) + "…" : value;
            return where + " = " + shown;
        }
    }

    /** The device's values sorted by what they are, each evidence item classified once. */
    private final class Facts {
        final Device device;
        final List<Observed> names = new ArrayList<>();
        final List<String> normalizedNames = new ArrayList<>();
        final List<String> paddedNames = new ArrayList<>();
        final List<Observed> models = new ArrayList<>();
        final List<Observed> firmwares = new ArrayList<>();
        final List<Observed> serials = new ArrayList<>();
        final List<Observed> hardwareIds = new ArrayList<>();
        final List<Observed> discovery = new ArrayList<>();
        final List<Observed> macs = new ArrayList<>();
        final List<String> macHex = new ArrayList<>();
        final List<Observed> ouiOrganizations = new ArrayList<>();
        final List<Observed> scopes = new ArrayList<>();
        final List<Observed> evidence = new ArrayList<>();
        final List<String> evidenceFields = new ArrayList<>();
        final boolean reportedManufacturerKnown;

        private final LocalDate today;
        private Optional<DeviceDateReader.DeviceDate> date;

        Facts(Device device, LocalDate today) {
            this.device = device;
            this.today = today;
            reportedManufacturerKnown = !blank(device.reportedManufacturer());
            addName("manufacturer", device.manufacturer());
            addName("reportedManufacturer", device.reportedManufacturer());
            add(models, "model", device.model());
            add(firmwares, "firmwareVersion", device.firmwareVersion());
            add(serials, "serialNumber", device.serialNumber());
            add(hardwareIds, "hardwareId", device.hardwareId());
            add(macs, "mac", device.mac());
            for (String method : device.discoveredByOrEmpty()) {
                add(discovery, "discoveredBy", method);
            }
            for (String scope : device.onvifScopes()) {
                if (blank(scope)) {
                    continue;
                }
                add(scopes, "onvif scope", scope);
                String lower = scope.toLowerCase(Locale.ROOT);
                if (lower.startsWith(ONVIF_NAME_SCOPE)) {
                    addName("onvif scope", decode(scope.substring(ONVIF_NAME_SCOPE.length())));
                } else if (lower.startsWith(ONVIF_HARDWARE_SCOPE)) {
                    add(models, "onvif scope hardware", decode(scope.substring(ONVIF_HARDWARE_SCOPE.length())));
                }
            }
            for (Device.Evidence item : device.evidenceOrEmpty()) {
                if (item == null || blank(item.value())) {
                    continue;
                }
                String source = item.source() == null ? "" : item.source();
                String field = item.field() == null ? "" : item.field();
                String where = "evidence " + source + "/" + field;
                evidence.add(new Observed(where, item.value()));
                evidenceFields.add(field);
                if (!source.isEmpty()) {
                    add(discovery, "evidence source", head(source));
                }
                boolean fromOui = isOuiSource(source);
                int kinds = kindsOf(field);
                if (fromOui) {
                    ouiOrganizations.add(new Observed(where, item.value()));
                } else if ((kinds & MANUFACTURER) != 0) {
                    addName(where, item.value());
                }
                if ((kinds & MODEL) != 0) {
                    add(models, where, item.value());
                }
                if ((kinds & FIRMWARE) != 0) {
                    add(firmwares, where, item.value());
                }
                if ((kinds & SERIAL) != 0) {
                    add(serials, where, item.value());
                }
                if ((kinds & HARDWARE_ID) != 0) {
                    add(hardwareIds, where, item.value());
                }
                if ((kinds & MAC) != 0 && !fromOui) {
                    add(macs, where, item.value());
                }
            }
        }

        private void addName(String where, String value) {
            if (!blank(value)) {
                names.add(new Observed(where, value.trim()));
                String normalized = DeviceEvaluator.this.names.normalize(value);
                normalizedNames.add(normalized);
                paddedNames.add(NameMatcher.padded(normalized));
            }
        }

        /** Adds a value once: the same value seen again (model and ONVIF hardware scope, say) adds nothing new. */
        /** When the device was made, read once from its serials and firmware versions. */
        Optional<DeviceDateReader.DeviceDate> date() {
            if (date == null) {
                date = DeviceDateReader.read(serials.stream().map(o -> Map.entry(o.where(), o.value())).toList(),
                        firmwares.stream().map(o -> Map.entry(o.where(), o.value())).toList(), today);
            }
            return date;
        }

        private void add(List<Observed> list, String where, String value) {
            if (blank(value)) {
                return;
            }
            String trimmed = value.trim();
            for (Observed known : list) {
                if (known.value().equals(trimmed)) {
                    return;
                }
            }
            list.add(new Observed(where, trimmed));
            if (list == macs) {
                macHex.add(hexDigits(trimmed));
            }
        }
    }

    private int kindsOf(String field) {
        Integer cached = fieldKinds.get(field);
        if (cached != null) {
            return cached;
        }
        int kinds = (manufacturerField.matcher(field).find() ? MANUFACTURER : 0)
                | (modelField.matcher(field).find() ? MODEL : 0)
                | (firmwareField.matcher(field).find() ? FIRMWARE : 0)
                | (serialField.matcher(field).find() ? SERIAL : 0)
                | (hardwareIdField.matcher(field).find() ? HARDWARE_ID : 0)
                | (macField.matcher(field).find() ? MAC : 0);
        if (fieldKinds.size() < FIELD_CACHE_LIMIT) {
            fieldKinds.put(field, kinds);
        }
        return kinds;
    }

    private boolean isOuiSource(String source) {
        Boolean cached = ouiSources.get(source);
        if (cached != null) {
            return cached;
        }
        boolean oui = ouiSource.matcher(source).find();
        if (ouiSources.size() < FIELD_CACHE_LIMIT) {
            ouiSources.put(source, oui);
        }
        return oui;
    }

    /** How strongly one fired rule attributes the device to a vendor. */
    private enum Strength {
        DIRECT, PATTERN, INDIRECT, SUPPORTING
    }

    /** The rules that fired for one vendor, de-duplicated by rule and value, in firing order. */
    private static final class Signals {
        private record Fired(MatchedRule rule, Strength strength, String kind, String where, boolean undated) {
            Fired(MatchedRule rule, Strength strength, String kind, String where) {
                this(rule, strength, kind, where, false);
            }
        }

        private record Key(String rule, String value) {
        }

        private final Map<Key, Fired> fired = new LinkedHashMap<>();

        void add(String rule, Observed observed, Strength strength, String kind) {
            fired.putIfAbsent(new Key(rule, observed.value()),
                    new Fired(new MatchedRule(rule, observed.text()), strength, kind, observed.where()));
        }

        /** A signal through a dated relation on a device whose date could not be read. */
        void addUndated(String rule, Observed observed, Strength strength, String kind) {
            fired.putIfAbsent(new Key(rule, observed.value()),
                    new Fired(new MatchedRule(rule, observed.text()), strength, kind, observed.where(), true));
        }

        /**
         * The confidence, lowered one level (not below possible) when it rests on a dated relation that could not
         * be checked against the device's date; the reason is added to the matched rules.
         */
        Optional<Confidence> datedConfidence() {
            Optional<Confidence> with = confidence(fired.values());
            if (with.isEmpty() || fired.values().stream().noneMatch(Fired::undated)) {
                return with;
            }
            Optional<Confidence> without = confidence(fired.values().stream().filter(f -> !f.undated()).toList());
            if (without.isPresent() && without.get().priority() <= with.get().priority()) {
                return with;
            }
            Confidence lowered = with.get().lower();
            fired.put(new Key("device date", ""), new Fired(new MatchedRule(
                    "device date unknown: attribution through a dated relation drops one confidence level",
                    "no production date in the serial number or firmware version"), Strength.SUPPORTING, "date", "date"));
            return Optional.of(without.isPresent() && without.get().priority() < lowered.priority() ? without.get() : lowered);
        }

        boolean isEmpty() {
            return fired.isEmpty();
        }

        /**
         * A canonical {@code manufacturer} with no reported one beside it, on a device with OUI evidence, may have
         * been derived from the MAC registry by the scanner: then it only repeats the OUI signal.
         */
        void demoteRegistryDerivedManufacturer(boolean reportedManufacturerKnown, boolean ouiEvidence) {
            if (reportedManufacturerKnown || !ouiEvidence) {
                return;
            }
            boolean otherDirect = fired.values().stream()
                    .anyMatch(f -> f.strength == Strength.DIRECT && !"manufacturer".equals(f.where));
            if (otherDirect) {
                return;
            }
            fired.replaceAll((key, f) -> f.strength == Strength.DIRECT && "manufacturer".equals(f.where)
                    ? new Fired(new MatchedRule(f.rule.rule() + " (canonical name only, as derived from the MAC registry)",
                            f.rule.evidence()), Strength.INDIRECT, "oui", f.where)
                    : f);
        }

        private static Optional<Confidence> confidence(java.util.Collection<Fired> all) {
            if (all.isEmpty()) {
                return Optional.empty();
            }
            Set<String> indirectKinds = new HashSet<>();
            boolean pattern = false;
            boolean standalone = false;
            for (Fired f : all) {
                switch (f.strength) {
                    case DIRECT -> {
                        return Optional.of(Confidence.CONFIRMED);
                    }
                    case PATTERN -> pattern = true;
                    case INDIRECT -> {
                        indirectKinds.add(f.kind);
                        standalone = true;
                    }
                    case SUPPORTING -> indirectKinds.add(f.kind);
                }
            }
            if (pattern || (standalone && indirectKinds.size() >= 2)) {
                return Optional.of(Confidence.LIKELY);
            }
            return standalone ? Optional.of(Confidence.POSSIBLE) : Optional.empty();
        }

        List<MatchedRule> matchedBy() {
            return fired.values().stream().map(Fired::rule).toList();
        }
    }

    /** A name rule; a brand relation with a period counts only for devices made within it. */
    private record NamedRule(String normalized, String padded, boolean latin, boolean exact, String rule,
            Strength strength, LocalDate from, LocalDate to) {
        NamedRule(String normalized, boolean exact, String rule, Strength strength) {
            this(normalized, exact, rule, strength, null, null);
        }

        NamedRule(String normalized, boolean exact, String rule, Strength strength, LocalDate from, LocalDate to) {
            this(normalized, NameMatcher.padded(normalized), NameMatcher.hasLatinLetter(normalized), exact, rule, strength,
                    from, to);
        }

        boolean dated() {
            return from != null || to != null;
        }

        boolean covers(LocalDate date) {
            return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
        }
    }

    private record OuiHit(String prefix, String organization, String registry) {
    }

    private record CompiledPattern(Pattern pattern, String rule, Category category) {
    }

    private record CompiledMarker(Policy.Marker marker, Pattern field, Pattern pattern, String rule,
            Map<String, Boolean> fieldCache) {

        boolean fieldMatches(String name) {
            if (field == null) {
                return true;
            }
            Boolean cached = fieldCache.get(name);
            if (cached != null) {
                return cached;
            }
            boolean matches = field.matcher(name).find();
            if (fieldCache.size() < FIELD_CACHE_LIMIT) {
                fieldCache.put(name, matches);
            }
            return matches;
        }
    }

    /** One vendor's rules, compiled. */
    private final class VendorRules {
        final String name;
        final List<NamedRule> namedRules = new ArrayList<>();
        final Map<String, OuiHit> ouis = new HashMap<>();
        final Set<String> ouiOrganizationNames = new HashSet<>();
        final List<CompiledPattern> models = new ArrayList<>();
        final List<CompiledPattern> firmwares = new ArrayList<>();
        Pattern anyModel;
        Pattern anyFirmware;
        final List<CompiledMarker> markers = new ArrayList<>();
        final List<LegalBasis> basis;
        final Map<SiteScope, ApplicableBases> byScope = new ConcurrentHashMap<>();

        VendorRules(Policy.Vendor vendor, Map<String, LegalBasis> bases) {
            name = vendor.name();
            for (Policy.Alias alias : vendor.aliases()) {
                boolean exact = alias.match() == Policy.AliasMatch.EXACT;
                namedRules.add(new NamedRule(names.normalize(alias.name()), exact,
                        "alias \"" + alias.name() + "\" (" + (exact ? "exact" : "word") + " match)", Strength.DIRECT));
            }
            for (Policy.LegalEntity entity : vendor.legalEntities()) {
                namedRules.add(new NamedRule(names.normalize(entity.name()), true,
                        "legal entity \"" + entity.name() + "\"", Strength.DIRECT));
            }
            for (Policy.Brand brand : vendor.brands()) {
                Strength strength = brand.attribution() == Policy.Attribution.DIRECT ? Strength.DIRECT : Strength.INDIRECT;
                String period = brand.from() == null && brand.to() == null ? ""
                        : " [" + (brand.from() == null ? "" : brand.from()) + " to " + (brand.to() == null ? "" : brand.to()) + "]";
                namedRules.add(new NamedRule(names.normalize(brand.name()), false,
                        "brand \"" + brand.name() + "\": " + brand.relation() + period
                                + (brand.verified() ? "" : " (ownership unverified)"),
                        strength, brand.from() == null ? null : LocalDate.parse(brand.from()),
                        brand.to() == null ? null : LocalDate.parse(brand.to())));
            }
            for (Policy.OuiBlock block : vendor.ouis()) {
                ouiOrganizationNames.add(names.normalize(block.organization()));
                for (String prefix : block.prefixes()) {
                    ouis.put(prefix.replace(":", ""), new OuiHit(prefix, block.organization(), block.registry()));
                }
            }
            for (Policy.PatternRule rule : vendor.modelPatterns()) {
                models.add(new CompiledPattern(Pattern.compile(rule.pattern()),
                        "model pattern " + rule.pattern() + " (" + rule.description() + ")", rule.category()));
            }
            for (Policy.FirmwarePattern rule : vendor.firmwarePatterns()) {
                firmwares.add(new CompiledPattern(Pattern.compile(rule.pattern()),
                        "firmware pattern " + rule.pattern() + " (" + rule.description() + ")", null));
            }
            for (Policy.Marker marker : vendor.markers()) {
                markers.add(new CompiledMarker(marker, marker.field() == null ? null : Pattern.compile(marker.field()),
                        Pattern.compile(marker.pattern()), marker.kind() + ": " + marker.description(),
                        new ConcurrentHashMap<>()));
            }
            basis = vendor.basis().stream().map(bases::get).toList();
            anyModel = union(vendor.modelPatterns().stream().map(Policy.PatternRule::pattern).toList());
            anyFirmware = union(vendor.firmwarePatterns().stream().map(Policy.FirmwarePattern::pattern).toList());
        }

        ApplicableBases applicable(SiteScope scope) {
            ApplicableBases cached = byScope.get(scope);
            if (cached != null) {
                return cached;
            }
            ApplicableBases selected = ApplicableBases.select(basis, scope);
            if (byScope.size() < FIELD_CACHE_LIMIT) {
                byScope.put(scope, selected);
            }
            return selected;
        }

        Optional<Evaluation> evaluate(Facts facts, ApplicableBases bases) {
            Signals signals = new Signals();
            matchNames(facts, signals);
            boolean ouiEvidence = matchOuis(facts, signals);
            for (CompiledMarker marker : markers) {
                matchMarker(marker, facts, signals);
            }
            matchPatterns(models, anyModel, facts.models, signals, "model");
            matchPatterns(firmwares, anyFirmware, facts.firmwares, signals, "firmware");
            if (signals.isEmpty()) {
                return Optional.empty();
            }
            signals.demoteRegistryDerivedManufacturer(facts.reportedManufacturerKnown, ouiEvidence);
            Optional<DeviceDateReader.DeviceDate> date = facts.date();
            return signals.datedConfidence()
                    .map(confidence -> new Evaluation(name, confidence, signals.matchedBy(), bases.inForce(),
                            bases.upcoming(), category(facts), date.map(d -> d.date().toString()).orElse(null),
                            date.map(DeviceDateReader.DeviceDate::source).orElse(null)));
        }

        private void matchNames(Facts facts, Signals signals) {
            for (int i = 0; i < facts.names.size(); i++) {
                String normalized = facts.normalizedNames.get(i);
                String padded = facts.paddedNames.get(i);
                for (NamedRule rule : namedRules) {
                    if (!NameMatcher.matches(normalized, padded, rule.normalized, rule.padded, rule.exact, rule.latin)) {
                        continue;
                    }
                    if (!rule.dated()) {
                        signals.add(rule.rule, facts.names.get(i), rule.strength, "brand");
                    } else if (facts.date().isEmpty()) {
                        signals.addUndated(rule.rule, facts.names.get(i), rule.strength, "brand");
                    } else if (rule.covers(facts.date().get().date())) {
                        signals.add(rule.rule + "; device made " + facts.date().get().date() + " (within the period)",
                                facts.names.get(i), rule.strength, "brand");
                    }
                }
            }
        }

        /** OUI of every MAC (24-, 28- and 36-bit blocks) and OUI evidence naming a registered organisation. */
        private boolean matchOuis(Facts facts, Signals signals) {
            boolean matched = false;
            for (int m = 0; m < facts.macs.size(); m++) {
                Observed mac = facts.macs.get(m);
                String hex = facts.macHex.get(m);
                if (hex.length() != 12) {
                    continue;
                }
                for (int length : new int[] { 9, 7, 6 }) {
                    OuiHit hit = ouis.get(hex.substring(0, length));
                    if (hit != null) {
                        signals.add("oui " + hit.prefix + " registered to " + hit.organization + " (IEEE " + hit.registry
                                + ", registry of " + registryDate + ")", mac, Strength.INDIRECT, "oui");
                        matched = true;
                        break;
                    }
                }
            }
            for (Observed organization : facts.ouiOrganizations) {
                if (ouiOrganizationNames.contains(names.normalize(organization.value()))) {
                    signals.add("oui organisation \"" + organization.value() + "\" (IEEE registry of " + registryDate
                            + ")", organization, Strength.INDIRECT, "oui");
                    matched = true;
                }
            }
            return matched;
        }

        private void matchMarker(CompiledMarker compiled, Facts facts, Signals signals) {
            Strength strength = switch (compiled.marker.attribution()) {
                case DIRECT -> Strength.DIRECT;
                case INDIRECT -> Strength.INDIRECT;
                case SUPPORTING -> Strength.SUPPORTING;
            };
            String kind = compiled.marker.kind();
            switch (compiled.marker.target()) {
                case DISCOVERY -> matchAll(compiled, facts.discovery, signals, strength, kind);
                case HARDWARE_ID -> matchAll(compiled, facts.hardwareIds, signals, strength, kind);
                case SERIAL_NUMBER -> matchAll(compiled, facts.serials, signals, strength, kind);
                case ONVIF_SCOPE -> matchAll(compiled, facts.scopes, signals, strength, kind);
                case MODEL -> matchAll(compiled, facts.models, signals, strength, kind);
                case EVIDENCE -> {
                    for (int i = 0; i < facts.evidence.size(); i++) {
                        if (compiled.fieldMatches(facts.evidenceFields.get(i))
                                && compiled.pattern.matcher(facts.evidence.get(i).value()).find()) {
                            signals.add(compiled.rule, facts.evidence.get(i), strength, kind);
                        }
                    }
                }
            }
        }

        /** Each pattern against each value; values the patterns' union rejects are skipped in one test. */
        private void matchPatterns(List<CompiledPattern> patterns, Pattern any, List<Observed> values, Signals signals,
                String kind) {
            for (Observed value : values) {
                if (any != null && !any.matcher(value.value()).find()) {
                    continue;
                }
                for (CompiledPattern pattern : patterns) {
                    if (pattern.pattern.matcher(value.value()).find()) {
                        signals.add(pattern.rule, value, Strength.PATTERN, kind);
                    }
                }
            }
        }

        private void matchAll(CompiledMarker compiled, List<Observed> values, Signals signals, Strength strength,
                String kind) {
            for (Observed value : values) {
                if (compiled.pattern.matcher(value.value()).find()) {
                    signals.add(compiled.rule, value, strength, kind);
                }
            }
        }

        /** The first of the vendor's model patterns with a hit, else the policy's category rules, else camera. */
        private Category category(Facts facts) {
            for (CompiledPattern model : models) {
                for (Observed value : facts.models) {
                    if (model.pattern.matcher(value.value()).find()) {
                        return model.category;
                    }
                }
            }
            for (CategoryRule rule : categoryRules) {
                List<Observed> values = rule.target == Policy.CategoryTarget.ONVIF_SCOPE ? facts.scopes : facts.models;
                for (Observed value : values) {
                    if (rule.pattern.matcher(value.value()).find()) {
                        return rule.category;
                    }
                }
            }
            return Category.CAMERA;
        }
    }

    private record CategoryRule(Policy.CategoryTarget target, Pattern pattern, Category category) {
        CategoryRule(Policy.CategoryRule rule) {
            this(rule.target(), Pattern.compile(rule.pattern()), rule.category());
        }
    }

    /**
     * One pattern matching whatever any of {@code patterns} matches, or {@code null} when none or when a pattern
     * refers to groups by number or name (their numbering would change inside the union).
     */
    static Pattern union(List<String> patterns) {
        if (patterns.isEmpty() || patterns.stream().anyMatch(p -> BACKREFERENCE.matcher(p).find())) {
            return null;
        }
        return Pattern.compile(String.join("|", patterns.stream().map(p -> "(?:" + p + ")").toList()));
    }

    private static final Pattern BACKREFERENCE = Pattern.compile("\\\\(\\d|k<)");

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
