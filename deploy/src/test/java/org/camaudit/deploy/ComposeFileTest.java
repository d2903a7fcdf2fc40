package org.camaudit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The single-host Compose file agrees with the services' configuration and images. */
class ComposeFileTest {

    static final Path COMPOSE = KubernetesManifestsTest.REPO.resolve("deploy/compose");
    static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(:?[-?])?[^}]*}");

    static Map<String, Object> compose() {
        return Kustomization.readSingle(COMPOSE.resolve("docker-compose.yml"));
    }

    static Map<String, Object> service(String name) {
        return Kustomization.map(Kustomization.map(compose().get("services")).get(name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        ((Map<String, Object>) service(name).get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    @Test
    void composeRunsPostgresAndBothServices() {
        assertThat(Kustomization.map(compose().get("services")).keySet())
                .containsExactlyInAnyOrder("postgres", "inventory-service", "audit-service");
    }

    @Test
    void servicesPublishTheirHttpPortOnLoopbackAndCheckReadiness() {
        for (String name : KubernetesManifestsTest.SERVICES) {
            ServiceModule module = KubernetesManifestsTest.requireModule(name);
            Map<String, Object> service = service(name);
            int port = module.httpPort();
            assertThat(Kustomization.list(service.get("ports"))).containsExactly("127.0.0.1:" + port + ":" + port);
            List<Object> test = Kustomization.list(Kustomization.map(service.get("healthcheck")).get("test"));
            assertThat(test).contains("http://localhost:" + port + module.healthRoot() + "/ready");
            Map<String, Object> dependsOn = Kustomization.map(service.get("depends_on"));
            assertThat(Kustomization.map(dependsOn.get("postgres"))).containsEntry("condition", "service_healthy");
        }
        assertThat(Kustomization.map(Kustomization.map(service("audit-service").get("depends_on")).get("inventory-service")))
                .containsEntry("condition", "service_healthy");
    }

    @Test
    void servicesAreBuiltFromTheirModulesDockerfileAndRunAsItsUserWithAReadOnlyRoot() {
        for (String name : KubernetesManifestsTest.SERVICES) {
            Map<String, Object> service = service(name);
            Map<String, Object> build = Kustomization.map(service.get("build"));
            Path context = COMPOSE.resolve((String) build.get("context")).normalize();
            assertThat(context).as("the build context is the repository root, as the Dockerfiles expect").isEqualTo(KubernetesManifestsTest.REPO);
            Path dockerfile = context.resolve((String) build.get("dockerfile"));
            assertThat(dockerfile).isEqualTo(KubernetesManifestsTest.REPO.resolve(name + "/src/main/docker/Dockerfile.jvm"));
            assertThat(service.get("user")).isEqualTo(String.valueOf(new DockerfileFacts(dockerfile).user()));
            assertThat(KubernetesManifestsTest.moduleOfImage((String) service.get("image"))).isEqualTo(name);
            assertThat(service.get("read_only")).isEqualTo(true);
            assertThat(Kustomization.list(service.get("tmpfs"))).contains("/tmp");
            assertThat(Kustomization.list(service.get("cap_drop"))).containsExactly("ALL");
            assertThat(Kustomization.list(service.get("security_opt"))).contains("no-new-privileges:true");
            assertThat(service.get("mem_limit")).as(name + " runs in the memory its JVM options are sized for").isEqualTo("256m");
        }
    }

    @Test
    void environmentMatchesTheServicesConfiguration() {
        for (String name : KubernetesManifestsTest.SERVICES) {
            ServiceModule module = KubernetesManifestsTest.requireModule(name);
            Map<String, String> env = environment(name);
            assertThat(env.keySet()).containsAll(module.requiredEnv()).contains("DB_URL", "DB_USER", "DB_PASSWORD", "CAMAUDIT_ACCOUNTS");
            assertThat(module.knownEnv(KubernetesManifestsTest.REPO)).containsAll(env.keySet());
        }
        URI inventory = URI.create(environment("audit-service").get("INVENTORY_URL"));
        assertThat(Kustomization.map(compose().get("services"))).containsKey(inventory.getHost());
        assertThat(inventory.getPort()).isEqualTo(KubernetesManifestsTest.requireModule("inventory-service").httpPort());
    }

    @Test
    void databasesAndCredentialsAgreeWithPostgres() throws IOException {
        Map<String, String> postgres = new LinkedHashMap<>();
        Kustomization.map(service("postgres").get("environment")).forEach((k, v) -> postgres.put(k, String.valueOf(v)));
        String initSql = Files.readString(COMPOSE.resolve("initdb/10-audit-database.sql"));
        for (String name : KubernetesManifestsTest.SERVICES) {
            Map<String, String> env = environment(name);
            URI url = URI.create(env.get("DB_URL").substring("jdbc:".length()));
            assertThat(url.getHost()).isEqualTo("postgres");
            String database = url.getPath().substring(1);
            assertThat(database.equals(postgres.get("POSTGRES_DB")) || initSql.contains("CREATE DATABASE " + database + " "))
                    .as(name + "'s database " + database + " is created").isTrue();
            assertThat(env.get("DB_USER")).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(env.get("DB_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        }
    }

    @Test
    void everyRequiredSettingIsInTheExampleEnvFile() throws IOException {
        String text = Files.readString(COMPOSE.resolve("docker-compose.yml"));
        Map<String, String> example = new LinkedHashMap<>();
        for (String line : Files.readAllLines(COMPOSE.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                example.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        Matcher m = VARIABLE.matcher(text);
        int variables = 0;
        while (m.find()) {
            variables++;
            assertThat(example).as("deploy/compose/.env.example sets " + m.group(1)).containsKey(m.group(1));
        }
        assertThat(variables).isGreaterThan(3);
        String accounts = example.get("CAMAUDIT_ACCOUNTS");
        assertThat(accounts).contains(example.get("CAMAUDIT_INVENTORY_USER") + ":" + example.get("CAMAUDIT_INVENTORY_PASSWORD") + ":viewer");
    }
}
