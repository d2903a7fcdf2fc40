package org.camaudit.cameralab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camaudit.cameralab.camera.Camera;
import org.camaudit.cameralab.fleet.CameraSpec;
import org.camaudit.cameralab.fleet.Identity;
import org.camaudit.cameralab.fleet.OnvifSettings;
import org.camaudit.cameralab.profile.Profile;
import org.camaudit.cameralab.profile.ProfileRegistry;
import org.camaudit.cameralab.profile.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The profile templates are the recordings: rendered with the recorded camera's own identity they
 * give the recorded reply, element for element, with only addresses and clock values differing.
 * The recordings are unmodified copies of the shared fixtures in {@code src/test/resources/recordings}.
 */
class RecordedRepliesTest {

    private static final ProfileRegistry PROFILES = ProfileRegistry.load();
    private static final Set<String> CLOCK_FIELDS = Set.of("Year", "Month", "Day", "Hour", "Minute", "Second");

    static Stream<Arguments> recordings() {
        List<Arguments> cases = new ArrayList<>();
        for (Profile profile : PROFILES.all()) {
            for (String operation : ProfileRegistry.OPERATIONS) {
                if (resource(profile.id(), operation) != null) {
                    cases.add(Arguments.of(profile.id(), operation));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("recordings")
    void templateReproducesTheRecordedReply(String profileId, String operation) throws Exception {
        Profile profile = PROFILES.find(profileId).orElseThrow();
        Document recorded = LabClient.parse(read(profileId, operation));
        Camera camera = new Camera(spec(profile, identityOf(profileId)), profile, 80,
                Clock.fixed(Instant.parse("2018-02-27T18:34:41Z"), ZoneOffset.UTC));

        Document rendered = LabClient.parse(camera.render(profile.operations().get(operation)));

        assertThat(canonical(rendered.getDocumentElement())).isEqualTo(canonical(recorded.getDocumentElement()));
    }

    @ParameterizedTest
    @MethodSource("profileIds")
    void everyTemplateOfEveryProfileRendersWithACamerasValues(String profileId) {
        Profile profile = PROFILES.find(profileId).orElseThrow();
        Camera camera = new Camera(spec(profile, profile.descriptor().identity()), profile, 8080);
        Map<String, String> request = Map.of("messageId", "m", "relatesTo", "r", "messageNumber", "1", "scopes", "s",
                "wsdTypes", "t", "requestUuid", "u", "operation", "GetFoo");
        List<Template> templates = new ArrayList<>(profile.operations().values());
        templates.addAll(List.of(profile.notAuthorized().template(), profile.unknownOperation().template(),
                profile.wellFormed().template(), profile.probeMatches(), profile.hello(), profile.bye(),
                profile.notFound().body()));
        if (profile.sadpReply() != null) {
            templates.add(profile.sadpReply());
        }
        if (profile.dhipReply() != null) {
            templates.add(profile.dhipReply());
        }
        for (Profile.Page page : profile.pages()) {
            templates.add(page.body());
            if (page.realm() != null) {
                templates.add(page.realm());
            }
        }
        for (Template template : templates) {
            assertThat(camera.render(template, request)).as(template.name()).isNotBlank();
        }
    }

    static Stream<String> profileIds() {
        return PROFILES.all().stream().map(Profile::id);
    }

    @Test
    void everyRequiredProfileIsShipped() {
        assertThat(PROFILES.all()).extracting(Profile::id).contains("hikvision", "dahua", "axis", "bosch", "pelco",
                "hanwha", "uniview", "milesight", "dlink", "hikvision-oem", "xiongmai-oem", "generic-onvif");
    }

    @Test
    void recordingsCoverEveryProfileThatIsNotSynthetic() {
        for (Profile profile : PROFILES.all()) {
            if (!profile.descriptor().synthetic()) {
                assertThat(resource(profile.id(), "GetDeviceInformation")).as(profile.id()).isNotNull();
            }
        }
    }

    /** The recorded identity, read from the recording itself. */
    private static Identity identityOf(String profileId) throws Exception {
        Document info = LabClient.parse(read(profileId, "GetDeviceInformation"));
        String mac = PROFILES.find(profileId).orElseThrow().descriptor().identity().mac();
        if (resource(profileId, "GetNetworkInterfaces") != null) {
            String recordedMac = LabClient.first(LabClient.parse(read(profileId, "GetNetworkInterfaces")),
                    LabClient.TT, "HwAddress");
            mac = recordedMac.length() == 12 ? recordedMac.replaceAll("(..)(?!$)", "$1:") : recordedMac;
            mac = mac.toLowerCase(Locale.ROOT);
        }
        return new Identity(LabClient.first(info, LabClient.TDS, "Manufacturer"),
                LabClient.first(info, LabClient.TDS, "Model"), LabClient.first(info, LabClient.TDS, "FirmwareVersion"),
                LabClient.first(info, LabClient.TDS, "SerialNumber"), LabClient.first(info, LabClient.TDS, "HardwareId"),
                mac);
    }

    private static CameraSpec spec(Profile profile, Identity identity) {
        return new CameraSpec("10.10.1.65", profile.id(), identity, new OnvifSettings(true, "none", "admin", "x"),
                profile.descriptor().sadp(), profile.descriptor().dhip(), true, 0L, List.of());
    }

    /** Element names, attributes and text, with IPv4 addresses and clock values blanked. */
    private static String canonical(Element element) {
        StringBuilder out = new StringBuilder();
        canonical(element, out);
        return out.toString();
    }

    private static void canonical(Element element, StringBuilder out) {
        out.append('<').append('{').append(element.getNamespaceURI()).append('}').append(element.getLocalName());
        NamedNodeMap attributes = element.getAttributes();
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                pairs.add(a.getLocalName() + "=" + blankAddresses(a.getNodeValue()));
            }
        }
        pairs.sort(String::compareTo);
        out.append(pairs).append('>');
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                canonical(e, out);
            } else if (child.getNodeType() == Node.TEXT_NODE && !child.getNodeValue().isBlank()) {
                String text = child.getNodeValue().trim();
                out.append(CLOCK_FIELDS.contains(element.getLocalName()) ? "N" : blankAddresses(text));
            }
        }
        out.append("</>");
    }

    private static String blankAddresses(String text) {
        return text.replaceAll("\\b\\d{1,3}(\\.\\d{1,3}){3}(:\\d+)?\\b", "IP");
    }

    private static java.net.URL resource(String profileId, String operation) {
        return RecordedRepliesTest.class.getClassLoader()
                .getResource("recordings/" + profileId + "/" + operation + ".xml");
    }

    private static String read(String profileId, String operation) throws IOException {
        try (InputStream in = resource(profileId, operation).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
