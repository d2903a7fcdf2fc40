package org.camaudit.cameralab.camera;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camaudit.cameralab.fleet.CameraSpec;
import org.camaudit.cameralab.fleet.Fault;
import org.camaudit.cameralab.fleet.Identity;
import org.camaudit.cameralab.fleet.OnvifSettings;
import org.camaudit.cameralab.profile.Profile;
import org.camaudit.cameralab.profile.Template;

/**
 * One simulated camera: its resolved fleet entry, its profile, its own clock and the little state
 * a real camera keeps (WS-Discovery message numbers, a login lockout). Renders every reply
 * template with its identity, so all protocols tell the same story.
 */
public final class Camera {

    private static final DateTimeFormatter BOOT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern SCOPE_ITEM = Pattern.compile("<(?:\\w+:)?ScopeItem>([^<]*)</(?:\\w+:)?ScopeItem>");

    private final CameraSpec spec;
    private final Clock clock;
    private final Profile profile;
    private final int httpPort;
    private final Set<Fault> faults;
    private final Map<String, String> values;
    private final String scopes;
    private final AtomicLong messageNumber = new AtomicLong();
    private final long instanceId;
    private volatile long lockedUntilMillis;

    public Camera(CameraSpec spec, Profile profile, int httpPort) {
        this(spec, profile, httpPort, Clock.systemUTC());
    }

    /** A camera whose clock is {@code clock} shifted by its skew (tests pin the clock). */
    public Camera(CameraSpec spec, Profile profile, int httpPort, Clock clock) {
        this.spec = spec;
        this.clock = clock;
        this.profile = profile;
        this.httpPort = httpPort;
        this.faults = spec.faults().isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(spec.faults());
        this.instanceId = clock.instant().getEpochSecond();
        Identity id = spec.identity();
        Map<String, String> v = new HashMap<>();
        if (profile.descriptor().vars() != null) {
            v.putAll(profile.descriptor().vars());
        }
        v.put("manufacturer", id.manufacturer());
        v.put("model", id.model());
        v.put("firmwareVersion", id.firmwareVersion());
        v.put("serialNumber", id.serialNumber());
        v.put("hardwareId", id.hardwareId());
        v.put("mac", id.mac());
        v.put("ip", spec.ip());
        v.put("host", httpPort == 80 ? spec.ip() : spec.ip() + ":" + httpPort);
        v.put("httpPort", Integer.toString(httpPort));
        v.put("endpointUuid", endpointUuid(id, spec.ip()));
        v.put("instanceId", Long.toString(instanceId));
        v.put("bootTime", BOOT_TIME.format(Instant.ofEpochSecond(instanceId + spec.clockSkewSeconds())
                .atOffset(ZoneOffset.ofTotalSeconds(profile.descriptor().utcOffsetMinutes() * 60))));
        this.values = Map.copyOf(v);
        Template getScopes = profile.operations().get("GetScopes");
        if (profile.discoveryScopes() != null) {
            this.scopes = profile.discoveryScopes().render(values::get).trim();
        } else {
            this.scopes = getScopes == null ? "" : scopesOf(getScopes.render(values::get));
        }
    }

    private static String endpointUuid(Identity id, String ip) {
        return UUID.nameUUIDFromBytes((id.serialNumber() + "|" + id.mac() + "|" + ip).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String scopesOf(String getScopesReply) {
        Matcher m = SCOPE_ITEM.matcher(getScopesReply);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(m.group(1).trim()
                    .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"));
        }
        return out.toString();
    }

    public CameraSpec spec() {
        return spec;
    }

    public Profile profile() {
        return profile;
    }

    public String ip() {
        return spec.ip();
    }

    public int httpPort() {
        return httpPort;
    }

    public OnvifSettings onvif() {
        return spec.onvif();
    }

    public boolean has(Fault fault) {
        return faults.contains(fault);
    }

    /** The ONVIF scopes the camera announces, space separated as in WS-Discovery. */
    public String scopes() {
        return scopes;
    }

    /** The camera's own clock: real time shifted by its configured skew. */
    public Instant now() {
        return clock.instant().plusSeconds(spec.clockSkewSeconds());
    }

    public long nextMessageNumber() {
        return messageNumber.incrementAndGet();
    }

    public boolean lockedOut() {
        return System.currentTimeMillis() < lockedUntilMillis;
    }

    public void lockOutFor(long millis) {
        lockedUntilMillis = System.currentTimeMillis() + millis;
    }

    /** Renders {@code template} with the camera's identity, clock and the request-specific {@code extra}. */
    public String render(Template template, Map<String, String> extra) {
        Map<String, String> clock = clockValues();
        Function<String, String> lookup = name -> {
            String value = extra.get(name);
            if (value == null) {
                value = values.get(name);
            }
            return value != null ? value : clock.get(name);
        };
        return template.render(lookup);
    }

    public String render(Template template) {
        return render(template, Map.of());
    }

    private Map<String, String> clockValues() {
        ZonedDateTime utc = now().atZone(ZoneOffset.UTC);
        ZonedDateTime local = utc.plusMinutes(profile.descriptor().utcOffsetMinutes());
        Map<String, String> clock = new HashMap<>(16);
        for (var entry : List.of(Map.entry("utc", utc), Map.entry("local", local))) {
            ZonedDateTime t = entry.getValue();
            clock.put(entry.getKey() + "Year", Integer.toString(t.getYear()));
            clock.put(entry.getKey() + "Month", Integer.toString(t.getMonthValue()));
            clock.put(entry.getKey() + "Day", Integer.toString(t.getDayOfMonth()));
            clock.put(entry.getKey() + "Hour", Integer.toString(t.getHour()));
            clock.put(entry.getKey() + "Minute", Integer.toString(t.getMinute()));
            clock.put(entry.getKey() + "Second", Integer.toString(t.getSecond()));
        }
        return clock;
    }
}
