package org.camaudit.cameralab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camaudit.cameralab.fleet.CameraSpec;
import org.camaudit.cameralab.fleet.Fault;
import org.camaudit.cameralab.fleet.FleetException;
import org.camaudit.cameralab.fleet.FleetFiles;
import org.camaudit.cameralab.fleet.FleetGenerator;
import org.camaudit.cameralab.fleet.FleetResolver;
import org.camaudit.cameralab.fleet.Identity;
import org.camaudit.cameralab.profile.ProfileRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated fleets, fleet files and the manifest. */
class FleetTest {

    private static final ProfileRegistry PROFILES = ProfileRegistry.load();
    private final FleetGenerator generator = new FleetGenerator(PROFILES);
    private final FleetResolver resolver = new FleetResolver(PROFILES);

    @Test
    void sameSeedGivesTheSameFleetAndAnotherSeedAnother() {
        List<CameraSpec> first = generator.generate(200, "127.0.10.0/24", 7);
        assertThat(generator.generate(200, "127.0.10.0/24", 7)).isEqualTo(first);
        assertThat(generator.generate(200, "127.0.10.0/24", 8)).isNotEqualTo(first);
    }

    @Test
    void generatedFleetIsMixedBelievableAndLeavesOtherAddressesDead() {
        List<CameraSpec> fleet = resolver.resolve(generator.generate(400, "127.0.10.0/23", 42));

        assertThat(fleet).hasSize(400);
        assertThat(fleet).extracting(CameraSpec::ip).doesNotHaveDuplicates()
                .allMatch(ip -> ip.startsWith("127.0.10.") || ip.startsWith("127.0.11."))
                .noneMatch(ip -> ip.endsWith(".0") || ip.endsWith(".255"));
        Set<String> profiles = fleet.stream().map(CameraSpec::profile).collect(Collectors.toSet());
        assertThat(profiles).contains("hikvision", "dahua", "hikvision-oem", "axis", "hanwha", "xiongmai-oem");
        assertThat(fleet).filteredOn(c -> c.profile().equals("hikvision"))
                .anyMatch(c -> !c.onvif().enabled() && c.sadp() && c.http())
                .anyMatch(c -> c.onvif().enabled());
        assertThat(fleet).extracting(c -> c.identity().mac()).doesNotHaveDuplicates();
        for (CameraSpec camera : fleet) {
            var profile = PROFILES.find(camera.profile()).orElseThrow().descriptor();
            assertThat(profile.ouis()).as(camera.ip()).contains(camera.identity().mac().substring(0, 8));
            assertThat(profile.models()).extracting(m -> m.model()).contains(camera.identity().model());
        }
        assertThat(fleet).filteredOn(c -> c.profile().equals("hikvision"))
                .allMatch(c -> c.identity().serialNumber().startsWith(c.identity().model())
                        && c.identity().serialNumber().contains("CCWR"));
        assertThat(fleet).filteredOn(c -> c.profile().equals("axis"))
                .allMatch(c -> c.identity().serialNumber().equals(c.identity().mac().replace(":", "").toUpperCase()));
    }

    @Test
    void refusesBadNetworksAndCounts() {
        assertThatThrownBy(() -> generator.generate(5, "300.1.0.0/24", 1)).isInstanceOf(FleetException.class)
                .hasMessageContaining("not an IPv4 CIDR");
        assertThatThrownBy(() -> generator.generate(5, "127.0.10.7", 1)).isInstanceOf(FleetException.class);
        assertThatThrownBy(() -> generator.generate(300, "127.0.10.0/24", 1)).isInstanceOf(FleetException.class)
                .hasMessageContaining("254 usable host addresses");
    }

    @Test
    void resolvesDefaultsAndDerivesDistinctIdentitiesPerAddress() {
        List<CameraSpec> fleet = resolver.resolve(List.of(
                new CameraSpec("127.0.20.1", "hikvision", null, null, null, null, null, null, null),
                new CameraSpec("127.0.20.2", "hikvision", null, null, null, null, null, null, List.of(Fault.SLOW))));
        CameraSpec first = fleet.get(0);
        assertThat(first.onvif().enabled()).isTrue();
        assertThat(first.onvif().auth()).isEqualTo("digest");
        assertThat(first.sadp()).isTrue();
        assertThat(first.dhip()).isFalse();
        assertThat(first.http()).isTrue();
        assertThat(first.clockSkewSeconds()).isZero();
        assertThat(first.faults()).isEmpty();
        assertThat(first.identity().manufacturer()).isEqualTo("HIKVISION");
        assertThat(new HashSet<>(List.of(first.identity().serialNumber(), fleet.get(1).identity().serialNumber())))
                .hasSize(2);
        assertThat(first.identity().mac()).isNotEqualTo(fleet.get(1).identity().mac());
    }

    @Test
    void refusesUnknownProfilesDuplicateAddressesAndForeignProtocols() {
        assertThatThrownBy(() -> resolver.resolve(List.of(new CameraSpec("127.0.20.1", "sony", null, null, null, null,
                null, null, null)))).hasMessageContaining("unknown profile 'sony'");
        CameraSpec camera = new CameraSpec("127.0.20.1", "axis", null, null, null, null, null, null, null);
        assertThatThrownBy(() -> resolver.resolve(List.of(camera, camera))).hasMessageContaining("two cameras use");
        assertThatThrownBy(() -> resolver.resolve(List.of(new CameraSpec("127.0.20.1", "axis", null, null, true, null,
                null, null, null)))).hasMessageContaining("does not speak sadp");
        assertThatThrownBy(() -> resolver.resolve(List.of(new CameraSpec("localhost", "axis", null, null, null, null,
                null, null, null)))).hasMessageContaining("not an IPv4 address");
        Identity headerInjection = new Identity(null, "X\r\nSet-Cookie: a=b", null, null, null, null);
        assertThatThrownBy(() -> resolver.resolve(List.of(new CameraSpec("127.0.20.1", "axis", headerInjection, null,
                null, null, null, null, null)))).hasMessageContaining("control characters");
    }

    @Test
    void readsFleetFilesAndRejectsUnknownFaults(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("fleet.json");
        Files.writeString(good, """
                [{"ip":"127.0.20.9","profile":"dahua","identity":{"serialNumber":"7A01"},
                  "onvif":{"enabled":true,"auth":"none"},"clockSkewSeconds":-30,"faults":["slow","xxe"]}]
                """);
        CameraSpec camera = FleetFiles.read(good).get(0);
        assertThat(camera.faults()).containsExactly(Fault.SLOW, Fault.XXE);
        assertThat(camera.identity().serialNumber()).isEqualTo("7A01");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[{\"ip\":\"127.0.20.9\",\"profile\":\"dahua\",\"faults\":[\"explode\"]}]");
        assertThatThrownBy(() -> FleetFiles.read(bad)).isInstanceOf(FleetException.class)
                .hasMessageContaining("not a fleet file");
    }

    @Test
    void manifestIsWrittenAtomicallyInTheFleetFormat(@TempDir Path dir) throws Exception {
        List<CameraSpec> fleet = resolver.resolve(generator.generate(20, "127.0.20.0/24", 3));
        Path manifest = dir.resolve("out/manifest.json");

        FleetFiles.writeManifest(manifest, fleet);

        assertThat(FleetFiles.read(manifest)).isEqualTo(fleet);
        try (var files = Files.list(manifest.getParent())) {
            assertThat(files).containsExactly(manifest);
        }
    }
}
