package org.camaudit.cameralab.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camaudit.cameralab.profile.Profile.Page;
import org.camaudit.cameralab.profile.Profile.SoapFault;
import org.camaudit.cameralab.profile.ProfileDescriptor.FaultReply;
import org.camaudit.cameralab.profile.ProfileDescriptor.PageDescriptor;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every profile shipped in {@code src/main/resources/profiles}: {@code index.json} names them, each
 * has a {@code profile.json}, ONVIF reply templates in {@code onvif/} and recorded faults in
 * {@code faults/}. A device-service operation a profile has neither a reply nor a fault recording
 * of is answered from the {@code generic-onvif} profile's template (a real open-source camera
 * server's reply).
 */
public final class ProfileRegistry {

    /** The device-service operations every simulated camera implements. */
    public static final List<String> OPERATIONS = List.of("GetSystemDateAndTime", "GetDeviceInformation",
            "GetNetworkInterfaces", "GetScopes", "GetCapabilities", "GetServices", "GetHostname");

    static final String ROOT = "profiles/";
    static final String FALLBACK = "generic-onvif";
    private static final Pattern OPERATION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

    private final Map<String, Profile> profiles;

    private ProfileRegistry(Map<String, Profile> profiles) {
        this.profiles = profiles;
    }

    /** Loads and compiles every profile; a broken profile file fails here, not at the first request. */
    public static ProfileRegistry load() {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try {
            Index index = json.readValue(resource(ROOT + "index.json"), Index.class);
            Map<String, Profile> loaded = new LinkedHashMap<>();
            for (String id : index.profiles()) {
                ProfileDescriptor descriptor = json.readValue(resource(ROOT + id + "/profile.json"),
                        ProfileDescriptor.class);
                if (!id.equals(descriptor.id())) {
                    throw new IllegalStateException("profiles/" + id + "/profile.json declares id " + descriptor.id());
                }
                loaded.put(id, compile(descriptor));
            }
            return new ProfileRegistry(Collections.unmodifiableMap(loaded));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the camera profiles", e);
        }
    }

    /** The JSON shape of {@code profiles/index.json}. */
    @RegisterForReflection
    record Index(List<String> profiles) {
    }

    public Optional<Profile> find(String id) {
        return Optional.ofNullable(id == null ? null : profiles.get(id));
    }

    /** Profiles in the order of {@code index.json}. */
    public Collection<Profile> all() {
        return profiles.values();
    }

    private static Profile compile(ProfileDescriptor d) throws IOException {
        Map<String, Template> operations = new LinkedHashMap<>();
        for (String operation : OPERATIONS) {
            String own = ROOT + d.id() + "/onvif/" + operation + ".xml";
            if (exists(own)) {
                operations.put(operation, template(own));
            } else if (!exists(ROOT + d.id() + "/faults/core." + operation + ".fault.xml")) {
                operations.put(operation, template(ROOT + FALLBACK + "/onvif/" + operation + ".xml"));
            }
        }
        Map<String, Optional<SoapFault>> faultCache = new ConcurrentHashMap<>();
        Function<String, Optional<SoapFault>> recordedFault = operation -> {
            if (!OPERATION_NAME.matcher(operation).matches()) {
                return Optional.empty();
            }
            return faultCache.computeIfAbsent(operation, op -> {
                String path = ROOT + d.id() + "/faults/core." + op + ".fault.xml";
                return exists(path) ? Optional.of(fault(new FaultReply(path.substring(ROOT.length()), null)))
                        : Optional.empty();
            });
        };
        List<Page> pages = new ArrayList<>();
        if (d.http() != null && d.http().pages() != null) {
            for (PageDescriptor page : d.http().pages()) {
                pages.add(page(page));
            }
        }
        Page notFound = d.http() != null && d.http().notFound() != null ? page(d.http().notFound())
                : new Page("", null, null, 404, "text/html", Template.compile("404.html",
                        "<html><head><title>404 Not Found</title></head><body>Not Found</body></html>"), null, null,
                        Map.of());
        return new Profile(d, Map.copyOf(operations), recordedFault, fault(d.notAuthorized()),
                fault(d.unknownOperation()), fault(new FaultReply("_shared/faults/WellFormed.xml", 400)),
                template(ROOT + "_shared/wsdiscovery/ProbeMatches.xml"), template(ROOT + "_shared/wsdiscovery/Hello.xml"),
                template(ROOT + "_shared/wsdiscovery/Bye.xml"),
                d.sadp() ? template(ROOT + "_shared/sadp/ProbeMatch.xml") : null,
                d.dhip() ? template(ROOT + "_shared/dhip/DHDiscover.search.reply.json") : null,
                d.http() == null ? null : d.http().server(), List.copyOf(pages), notFound,
                d.wsDiscoveryScopes() == null ? null : Template.compile("scopes.txt", d.wsDiscoveryScopes()));
    }

    private static Page page(PageDescriptor p) throws IOException {
        int queryAt = p.path().indexOf('?');
        String path = queryAt < 0 ? p.path() : p.path().substring(0, queryAt);
        String query = queryAt < 0 ? null : p.path().substring(queryAt + 1);
        Template body = p.body() == null ? Template.compile("empty.txt", "") : template(ROOT + p.body());
        Template realm = p.realm() == null ? null : Template.compile("realm.txt", p.realm());
        return new Page(path, query, p.method() == null ? "GET" : p.method(), p.status() == null ? 200 : p.status(),
                p.contentType() == null ? "text/html" : p.contentType(), body, p.auth(), realm,
                p.headers() == null ? Map.of() : Map.copyOf(p.headers()));
    }

    private static SoapFault fault(FaultReply reply) {
        try {
            Template template = template(ROOT + reply.template());
            int status = reply.status() != null ? reply.status() : statusOf(resourceText(ROOT + reply.template()));
            return new SoapFault(template, status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SOAP 1.2 HTTP binding: a Sender fault travels with 400, any other with 500. */
    static int statusOf(String faultXml) {
        int code = faultXml.indexOf("Code>");
        int value = code < 0 ? -1 : faultXml.indexOf("Value>", code);
        int end = value < 0 ? -1 : faultXml.indexOf('<', value);
        String first = end < 0 ? "" : faultXml.substring(value + 6, end);
        return first.endsWith("Sender") ? 400 : 500;
    }

    private static Template template(String path) throws IOException {
        return Template.compile(path, resourceText(path));
    }

    private static boolean exists(String path) {
        return Thread.currentThread().getContextClassLoader().getResource(path) != null;
    }

    private static String resourceText(String path) throws IOException {
        try (InputStream in = resource(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("missing resource " + path);
        }
        return in;
    }
}
