package org.camaudit.scanner.onvif;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camaudit.scanner.credentials.Credential;
import org.camaudit.scanner.http.HttpFingerprintProbe;
import org.camaudit.scanner.http.HttpResponse;
import org.camaudit.scanner.identify.DeviceFacts;
import org.camaudit.scanner.identify.Reasons;
import org.camaudit.scanner.identify.Sources;
import org.camaudit.scanner.probe.DeviceProbe;
import org.camaudit.scanner.probe.ProbeContext;
import org.camaudit.scanner.tcp.PortRoles;
import org.camaudit.scanner.udp.WsDiscoveryProbe;
import org.camaudit.scanner.xml.OnvifMessages;
import org.camaudit.scanner.xml.SafeXml;
import org.camaudit.scanner.xml.Soap;
import org.camaudit.scanner.xml.XmlRejectedException;
import org.onvif.ver10.device.wsdl.GetDeviceInformationResponse;
import org.onvif.ver10.device.wsdl.GetNetworkInterfacesResponse;
import org.onvif.ver10.device.wsdl.GetScopesResponse;
import org.onvif.ver10.schema.DateTime;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * The ONVIF device service: GetSystemDateAndTime without credentials (it gives the camera's clock,
 * so the WS-Security timestamps can be written in the camera's time), then GetDeviceInformation,
 * GetNetworkInterfaces and GetScopes, signed with the address's credentials when there are any.
 * A device that refuses a call for want of credentials gets no further call that needs them, so
 * each device sees at most one failed login per scan: cameras lock out.
 */
public final class OnvifProbe implements DeviceProbe {

    public static final String DEFAULT_PATH = "/onvif/device_service";
    private static final String SOAP_CONTENT_TYPE = "application/soap+xml; charset=utf-8";
    /** Namespaces that mark Hikvision's ONVIF stack even when another brand is on the box. */
    private static final List<String> VENDOR_NAMESPACES = List.of("http://www.onvifext.com/onvif/ext/");

    /** Binds a reply's SOAP body payload to an ONVIF type. */
    @FunctionalInterface
    public interface Binder<T> {
        T bind(Element payload) throws XmlRejectedException;
    }

    /** How a device-service exchange ended. */
    public enum Outcome {
        OK, AUTH_REJECTED, FAILED
    }

    /**
     * An exchange's outcome and, when OK, the bound response.
     *
     * @param speaksSoap the endpoint answered as a SOAP service (content type or envelope), even if unusably
     */
    public record Reply<T>(Outcome outcome, T body, boolean speaksSoap) {

        Reply(Outcome outcome, T body) {
            this(outcome, body, outcome != Outcome.FAILED);
        }
    }

    @Override
    public String method() {
        return "onvif";
    }

    @Override
    public void probe(DeviceFacts facts, ProbeContext context) {
        Optional<Credential> credential = context.credentials().forAddress(facts.ip());
        for (InetEndpoint endpoint : endpoints(facts, context)) {
            if (context.expired()) {
                return;
            }
            Optional<Long> offset = dateAndTime(facts, endpoint, context);
            if (offset.isEmpty()) {
                continue;
            }
            facts.discoveredBy(method());
            facts.addXaddr(endpoint.url());
            if (facts.hasRefusedForCredentials() && credential.isEmpty()) {
                refused(facts, credential);
                return;
            }
            interrogate(facts, endpoint, context, credential, offset.get());
            return;
        }
    }

    /**
     * GetDeviceInformation, GetNetworkInterfaces, GetScopes. The first refusal for want of
     * credentials ends the interrogation: with credentials it was the one failed login this scan
     * allows; without, every further call would be refused too and count against the camera.
     */
    private void interrogate(DeviceFacts facts, InetEndpoint endpoint, ProbeContext context,
            Optional<Credential> credential, long offset) {
        Reply<GetDeviceInformationResponse> information = call(facts, endpoint, context, credential, offset,
                "GetDeviceInformation", OnvifMessages::deviceInformation);
        if (information.outcome() == Outcome.AUTH_REJECTED) {
            refused(facts, credential);
            return;
        }
        if (information.outcome() == Outcome.OK) {
            GetDeviceInformationResponse info = information.body();
            String source = Sources.ONVIF_DEVICE_INFORMATION;
            facts.add(source, "Manufacturer", info.getManufacturer());
            facts.add(source, "Model", info.getModel());
            facts.add(source, "FirmwareVersion", info.getFirmwareVersion());
            facts.add(source, "SerialNumber", info.getSerialNumber());
            facts.add(source, "HardwareId", info.getHardwareId());
            if (credential.isPresent()) {
                facts.add(Sources.ONVIF_AUTH, "login", "accepted for user " + credential.get().username());
            } else {
                facts.authRequired(false);
            }
        }
        if (context.expired()) {
            return;
        }
        Reply<GetNetworkInterfacesResponse> interfaces = call(facts, endpoint, context, credential, offset,
                "GetNetworkInterfaces", OnvifMessages::networkInterfaces);
        if (interfaces.outcome() == Outcome.AUTH_REJECTED) {
            refused(facts, credential);
            return;
        }
        if (interfaces.outcome() == Outcome.OK) {
            interfaces.body().getNetworkInterfaces().stream().filter(i -> i.getInfo() != null)
                    .forEach(i -> facts.add(Sources.ONVIF_NETWORK_INTERFACES, "HwAddress", i.getInfo().getHwAddress()));
        }
        if (context.expired()) {
            return;
        }
        Reply<GetScopesResponse> scopes = call(facts, endpoint, context, credential, offset, "GetScopes",
                OnvifMessages::scopes);
        if (scopes.outcome() == Outcome.AUTH_REJECTED) {
            refused(facts, credential);
        } else if (scopes.outcome() == Outcome.OK) {
            scopes.body().getScopes().stream().map(s -> s.getScopeItem()).filter(s -> s != null && !s.isBlank())
                    .map(String::trim).forEach(item -> {
                        facts.addScope(item);
                        WsDiscoveryProbe.scopeEvidence(item)
                                .ifPresent(e -> facts.add(Sources.ONVIF_SCOPES, e.field(), e.value()));
                    });
        }
    }

    private static void refused(DeviceFacts facts, Optional<Credential> credential) {
        facts.refusedForCredentials();
        if (credential.isPresent()) {
            facts.add(Sources.ONVIF_AUTH, "login", "rejected for user " + credential.get().username());
            facts.reason(Reasons.LOGIN_REJECTED);
        } else {
            facts.add(Sources.ONVIF_AUTH, "login", "required; no credentials for this address");
            facts.reason(Reasons.ONVIF_REQUIRES_LOGIN);
            facts.reason(Reasons.NO_CREDENTIALS);
        }
    }

    /** GetSystemDateAndTime; the camera's clock minus ours, in seconds, when the endpoint speaks ONVIF. */
    private Optional<Long> dateAndTime(DeviceFacts facts, InetEndpoint endpoint, ProbeContext context) {
        long before = System.currentTimeMillis();
        Reply<Optional<DateTime>> reply = call(facts, endpoint, context, Optional.empty(), 0, "GetSystemDateAndTime",
                OnvifMessages::utcDateTime);
        long after = System.currentTimeMillis();
        if (reply.outcome() == Outcome.AUTH_REJECTED) {
            facts.refusedForCredentials();
            return Optional.of(0L);
        }
        if (reply.outcome() != Outcome.OK) {
            if (reply.speaksSoap()) {
                facts.discoveredBy(method());
                facts.addXaddr(endpoint.url());
            }
            return Optional.empty();
        }
        DateTime utc = reply.body().orElse(null);
        if (utc == null || utc.getDate() == null || utc.getTime() == null) {
            facts.add(Sources.ONVIF_DATE_TIME, "UTCDateTime", "absent; no clock correction");
            return Optional.of(0L);
        }
        try {
            LocalDateTime camera = LocalDateTime.of(utc.getDate().getYear(), utc.getDate().getMonth(),
                    utc.getDate().getDay(), utc.getTime().getHour(), utc.getTime().getMinute(), utc.getTime().getSecond());
            long cameraMillis = camera.toInstant(ZoneOffset.UTC).toEpochMilli();
            long offset = Math.round((cameraMillis - (before + after) / 2.0) / 1000.0);
            facts.add(Sources.ONVIF_DATE_TIME, "UTCDateTime", camera + "Z");
            facts.add(Sources.ONVIF_DATE_TIME, "clockOffsetSeconds", Long.toString(offset));
            return Optional.of(offset);
        } catch (java.time.DateTimeException e) {
            facts.add(Sources.ONVIF_DATE_TIME, "UTCDateTime", "invalid; no clock correction");
            return Optional.of(0L);
        }
    }

    private <T> Reply<T> call(DeviceFacts facts, InetEndpoint endpoint, ProbeContext context,
            Optional<Credential> credential, long offset, String operation, Binder<T> binder) {
        if (context.expired()) {
            return new Reply<>(Outcome.FAILED, null);
        }
        String header = credential.map(c -> "<s:Header>" + WsSecurity.header(c, offset) + "</s:Header>").orElse("");
        String envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">" + header
                + "<s:Body><tds:" + operation + "/></s:Body></s:Envelope>";
        HttpResponse response;
        try {
            response = context.http().post(endpoint.address(), endpoint.path(), SOAP_CONTENT_TYPE,
                    envelope.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            facts.add(Sources.ONVIF_ERROR, operation, "no answer (" + describe(e) + ")");
            return new Reply<>(Outcome.FAILED, null);
        }
        return interpret(facts, operation, response, context.maxReplyBytes(), binder);
    }

    /** Reads one device-service HTTP response: a bound body, an authentication refusal, or a failure. */
    public static <T> Reply<T> interpret(DeviceFacts facts, String operation, HttpResponse response, int maxReplyBytes,
            Binder<T> binder) {
        if (response.truncated()) {
            facts.add(Sources.ONVIF_ERROR, operation, "reply larger than " + maxReplyBytes + " bytes, ignored");
            facts.reason(Reasons.UNPARSEABLE);
            return new Reply<>(Outcome.FAILED, null, soapTyped(response));
        }
        Document document;
        try {
            document = SafeXml.parse(response.body(), maxReplyBytes);
        } catch (XmlRejectedException e) {
            if (response.status() == 401 || response.status() == 403) {
                response.header("WWW-Authenticate").flatMap(HttpFingerprintProbe::realm)
                        .ifPresent(realm -> facts.add(Sources.HTTP_REALM, "onvif", realm));
                return new Reply<>(Outcome.AUTH_REJECTED, null);
            }
            facts.add(Sources.ONVIF_ERROR, operation, "HTTP " + response.status() + ", " + e.getMessage());
            if (soapTyped(response)) {
                facts.reason(Reasons.UNPARSEABLE);
            }
            return new Reply<>(Outcome.FAILED, null, soapTyped(response));
        }
        recordNamespaces(facts, document);
        Optional<Element> payload = Soap.payload(document);
        if (payload.isEmpty()) {
            facts.add(Sources.ONVIF_ERROR, operation, "HTTP " + response.status() + ", not a SOAP envelope");
            return new Reply<>(Outcome.FAILED, null);
        }
        Optional<Soap.Fault> fault = Soap.fault(payload.get());
        if (fault.isPresent()) {
            if (fault.get().notAuthorized() || response.status() == 401) {
                return new Reply<>(Outcome.AUTH_REJECTED, null);
            }
            facts.add(Sources.ONVIF_ERROR, operation, "fault " + String.join("/", fault.get().codes()));
            return new Reply<>(Outcome.FAILED, null, true);
        }
        try {
            return new Reply<>(Outcome.OK, binder.bind(payload.get()));
        } catch (XmlRejectedException e) {
            facts.add(Sources.ONVIF_ERROR, operation, e.getMessage());
            return new Reply<>(Outcome.FAILED, null, true);
        }
    }

    private static boolean soapTyped(HttpResponse response) {
        return response.header("Content-Type").map(t -> t.toLowerCase(java.util.Locale.ROOT).contains("soap")).orElse(false);
    }

    private static String describe(IOException e) {
        if (e instanceof java.net.SocketTimeoutException) {
            return "timed out";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return e.getMessage() == null ? "connection failed" : "unreadable reply: " + e.getMessage();
    }

    private static void recordNamespaces(DeviceFacts facts, Document document) {
        Element root = document.getDocumentElement();
        NamedNodeMap attributes = root.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String value = attribute.getValue();
            if (attribute.getName().startsWith("xmlns:") && VENDOR_NAMESPACES.stream().anyMatch(value::startsWith)) {
                facts.add(Sources.ONVIF_NAMESPACE, attribute.getLocalName(), value);
            }
        }
    }

    /** Where to send ONVIF requests: announced XAddrs (on the device's own address), else the default path on its HTTP ports. */
    static List<InetEndpoint> endpoints(DeviceFacts facts, ProbeContext context) {
        Set<InetEndpoint> endpoints = new LinkedHashSet<>();
        for (String xaddr : facts.xaddrs()) {
            try {
                URI uri = URI.create(xaddr.trim());
                if (!"http".equalsIgnoreCase(uri.getScheme())) {
                    continue;
                }
                int port = uri.getPort() > 0 ? uri.getPort() : 80;
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                endpoints.add(new InetEndpoint(new InetSocketAddress(facts.ip(), port), path));
            } catch (IllegalArgumentException e) {
                facts.add(Sources.ONVIF_ERROR, "XAddrs", "unusable address");
            }
        }
        List<Integer> ports = new ArrayList<>(facts.httpPorts());
        if (ports.isEmpty() && facts.xaddrs().isEmpty()) {
            ports.addAll(context.ports());
        }
        for (int port : ports) {
            if (!PortRoles.isHttp(port)) {
                continue;
            }
            endpoints.add(new InetEndpoint(new InetSocketAddress(facts.ip(), port), DEFAULT_PATH));
        }
        return List.copyOf(endpoints);
    }

    /** One device-service endpoint. */
    record InetEndpoint(InetSocketAddress address, String path) {
        String url() {
            int port = address.getPort();
            return "http://" + address.getHostString() + (port == 80 ? "" : ":" + port) + path;
        }
    }
}
