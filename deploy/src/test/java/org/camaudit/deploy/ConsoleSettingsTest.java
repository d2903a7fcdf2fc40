package org.camaudit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/**
 * The web console's settings in the manifests: one session key for every replica of both services
 * (else a sign-in ends at the next replica), and console links that lead to the services.
 */
class ConsoleSettingsTest {

    static final Map<String, String> URL_VARIABLE = Map.of(
            "inventory-service", "CAMAUDIT_INVENTORY_UI_URL",
            "audit-service", "CAMAUDIT_AUDIT_UI_URL");

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void bothServicesTakeTheSameSessionKeyAndTheConsoleUrlsFromTheConfigMap(String overlay) {
        List<HasMetadata> resources = KubernetesManifestsTest.render(overlay);
        for (String name : KubernetesManifestsTest.SERVICES) {
            List<EnvVar> env = KubernetesManifestsTest.mainContainer(
                    KubernetesManifestsTest.deployment(resources, name).getSpec().getTemplate(), name).getEnv();
            EnvVar key = variable(env, "CAMAUDIT_SESSION_KEY");
            assertThat(key.getValueFrom().getSecretKeyRef().getName()).isEqualTo("camaudit-accounts");
            assertThat(key.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("session-key");
            for (String url : URL_VARIABLE.values()) {
                assertThat(variable(env, url).getValueFrom().getConfigMapKeyRef().getKey()).isEqualTo(url);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void auditServiceTakesItsDefaultJurisdictionsFromTheConfigMap(String overlay) {
        List<HasMetadata> resources = KubernetesManifestsTest.render(overlay);
        List<EnvVar> env = KubernetesManifestsTest.mainContainer(
                KubernetesManifestsTest.deployment(resources, "audit-service").getSpec().getTemplate(), "audit-service")
                .getEnv();
        assertThat(variable(env, "CAMAUDIT_DEFAULT_JURISDICTIONS").getValueFrom().getConfigMapKeyRef().getKey())
                .isEqualTo("CAMAUDIT_DEFAULT_JURISDICTIONS");
        assertThat(KubernetesManifestsTest.find(resources, ConfigMap.class, "camaudit-config").getData())
                .containsEntry("CAMAUDIT_DEFAULT_JURISDICTIONS", "us-federal");
    }

    @Test
    void devConsoleUrlsAreThePortForwardedServicesOnOneHost() {
        Map<String, String> config = KubernetesManifestsTest.find(KubernetesManifestsTest.render("dev"), ConfigMap.class,
                "camaudit-config").getData();
        for (var entry : URL_VARIABLE.entrySet()) {
            URI url = URI.create(config.get(entry.getValue()));
            assertThat(url.getHost()).as("one host name, one sign-in").isEqualTo("localhost");
            assertThat(url.getPort()).isEqualTo(KubernetesManifestsTest.requireModule(entry.getKey()).httpPort());
            assertThat(url.getPath()).isEqualTo("/ui");
        }
    }

    @Test
    void prodConsoleUrlsAreTheIngressHostsOfTheirServices() {
        List<HasMetadata> resources = KubernetesManifestsTest.render("prod");
        Map<String, String> config = KubernetesManifestsTest.find(resources, ConfigMap.class, "camaudit-config").getData();
        Ingress ingress = KubernetesManifestsTest.find(resources, Ingress.class, "camaudit");
        for (var entry : URL_VARIABLE.entrySet()) {
            URI url = URI.create(config.get(entry.getValue()));
            assertThat(url.getScheme()).isEqualTo("https");
            assertThat(url.getPath()).isEqualTo("/ui");
            String backend = ingress.getSpec().getRules().stream()
                    .filter(rule -> rule.getHost().equals(url.getHost()))
                    .map(rule -> rule.getHttp().getPaths().get(0).getBackend().getService().getName())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no Ingress rule for " + url.getHost()));
            assertThat(backend).isEqualTo(entry.getKey());
        }
    }

    @Test
    void generatedSessionKeyIsLongEnough() throws Exception {
        Process process = new ProcessBuilder("bash", KubernetesManifestsTest.K8S.resolve("secrets/generate.sh").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (Object document : Kustomization.yaml().loadAll(output)) {
            Secret secret = (Secret) Model.typed(Kustomization.map(document));
            if (secret.getMetadata().getName().equals("camaudit-accounts")) {
                assertThat(secret.getStringData().get("session-key")).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9]+");
                return;
            }
        }
        throw new AssertionError("generate.sh printed no camaudit-accounts Secret");
    }

    @Test
    void composeGivesBothServicesOneSessionKeyAndLinksOnOneHost() {
        Map<String, String> inventory = ComposeFileTest.environment("inventory-service");
        Map<String, String> audit = ComposeFileTest.environment("audit-service");
        assertThat(inventory.get("CAMAUDIT_SESSION_KEY")).startsWith("${CAMAUDIT_SESSION_KEY:?").isEqualTo(audit.get("CAMAUDIT_SESSION_KEY"));
        for (var entry : URL_VARIABLE.entrySet()) {
            assertThat(inventory.get(entry.getValue())).isEqualTo(audit.get(entry.getValue()));
            URI url = URI.create(inventory.get(entry.getValue()));
            String published = String.valueOf(Kustomization.list(ComposeFileTest.service(entry.getKey()).get("ports")).get(0));
            assertThat(published).startsWith("127.0.0.1:" + url.getPort() + ":");
            assertThat(url.getHost()).isEqualTo("localhost");
        }
    }

    private static EnvVar variable(List<EnvVar> env, String name) {
        return env.stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }
}
