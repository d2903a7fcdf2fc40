package org.camaudit.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/**
 * Parses every manifest under deploy/k8s with the fabric8 Kubernetes model, builds both overlays,
 * and checks the result against what the services declare in their own sources.
 */
class KubernetesManifestsTest {

    static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    static final Path K8S = REPO.resolve("deploy/k8s");
    static final List<String> SERVICES = List.of("inventory-service", "audit-service");
    static final String IMAGE_PREFIX = "camaudit/";

    @Test
    void everyManifestFileParsesIntoTheKubernetesModelWithoutUnknownFields() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(K8S)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(8);
        List<String> problems = new ArrayList<>();
        int resources = 0;
        for (Path file : files) {
            for (Map<String, Object> document : Kustomization.readAll(file)) {
                HasMetadata resource = Model.typed(document);
                resources++;
                assertThat(resource.getMetadata().getName()).as(file + " names its resource").isNotBlank();
                Model.unknownFields(resource).forEach(p -> problems.add(K8S.relativize(file) + ": " + p));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(resources).isGreaterThan(20);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void overlayBuildsIntoKnownKubernetesObjects(String overlay) {
        List<HasMetadata> resources = render(overlay);
        for (HasMetadata resource : resources) {
            assertThat(Model.unknownFields(resource)).isEmpty();
            assertThat(resource.getMetadata().getNamespace()).as(describe(resource)).isEqualTo(namespaceOf(overlay));
            assertThat(resource.getMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "camaudit");
        }
        Set<String> identities = resources.stream().map(KubernetesManifestsTest::describe).collect(Collectors.toSet());
        assertThat(identities).as("no resource defined twice").hasSize(resources.size());
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void overlayMatchesWhatKubectlKustomizeBuilds(String overlay) throws Exception {
        Optional<Path> kubectl = onPath("kubectl");
        assumeTrue(kubectl.isPresent(), "kubectl is not installed; the renderer's own tests still run");
        Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", K8S.resolve("overlays/" + overlay).toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Map<String, Object> theirs = new HashMap<>();
        for (Object document : Kustomization.yaml().loadAll(output)) {
            Map<String, Object> resource = Kustomization.map(document);
            theirs.put(identity(resource), resource);
        }
        Map<String, Object> ours = new HashMap<>();
        for (Map<String, Object> resource : Kustomization.build(K8S.resolve("overlays/" + overlay))) {
            ours.put(identity(resource), resource);
        }
        assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(theirs.keySet());
        for (String key : ours.keySet()) {
            assertThat(ours.get(key)).as(key).isEqualTo(theirs.get(key));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void deploymentsProbeTheServicesHealthEndpointsOnTheirHttpPort(String overlay) {
        List<HasMetadata> resources = render(overlay);
        for (String name : SERVICES) {
            ServiceModule module = requireModule(name);
            Container container = mainContainer(deployment(resources, name).getSpec().getTemplate(), name);
            ContainerPort http = container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElseThrow();
            assertThat(http.getContainerPort()).as(name + " containerPort").isEqualTo(module.httpPort());
            assertThat(module.hasExtension("quarkus-smallrye-health")).as(name + " has health checks").isTrue();

            assertProbe(container.getReadinessProbe().getHttpGet(), module.healthRoot() + "/ready", container);
            assertProbe(container.getLivenessProbe().getHttpGet(), module.healthRoot() + "/live", container);
            if (container.getStartupProbe() != null) {
                assertProbe(container.getStartupProbe().getHttpGet(), module.healthRoot() + "/live", container);
            }
            Map<String, String> annotations = deployment(resources, name).getSpec().getTemplate().getMetadata().getAnnotations();
            assertThat(annotations).containsEntry("prometheus.io/port", String.valueOf(module.httpPort()));
            assertThat(module.hasExtension("quarkus-micrometer-registry-prometheus")).as(name + " exposes /q/metrics").isTrue();
            assertThat(annotations).containsEntry("prometheus.io/path", "/q/metrics");

            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKey("memory");
            assertThat(module.dockerfile("jvm").exposedPort()).isEqualTo(module.httpPort());
            assertThat(module.dockerfile("native").exposedPort()).isEqualTo(module.httpPort());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void servicesRouteToTheDeploymentsHttpPort(String overlay) {
        List<HasMetadata> resources = render(overlay);
        for (String name : SERVICES) {
            ServiceModule module = requireModule(name);
            Service service = find(resources, Service.class, name);
            Deployment deployment = deployment(resources, name);
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            var port = service.getSpec().getPorts().get(0);
            assertThat(port.getPort()).isEqualTo(module.httpPort());
            Container container = mainContainer(deployment.getSpec().getTemplate(), name);
            assertThat(resolvePort(port.getTargetPort(), container)).isEqualTo(module.httpPort());
        }
        ConfigMap config = find(resources, ConfigMap.class, "camaudit-config");
        URI inventory = URI.create(config.getData().get("INVENTORY_URL"));
        assertThat(inventory.getHost()).isEqualTo("inventory-service");
        assertThat(inventory.getPort()).isEqualTo(requireModule("inventory-service").httpPort());
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void workloadsRunAsTheImagesNonRootUserWithAReadOnlyRootAndNoCapabilities(String overlay) {
        List<HasMetadata> resources = render(overlay);
        List<PodTemplateSpec> templates = new ArrayList<>();
        resources.stream().filter(Deployment.class::isInstance).map(d -> ((Deployment) d).getSpec().getTemplate()).forEach(templates::add);
        cronJobs(resources).forEach(c -> templates.add(c.getSpec().getJobTemplate().getSpec().getTemplate()));
        assertThat(templates).hasSizeGreaterThanOrEqualTo(4);
        for (PodTemplateSpec template : templates) {
            PodSpec pod = template.getSpec();
            PodSecurityContext podSecurity = pod.getSecurityContext();
            assertThat(podSecurity.getRunAsNonRoot()).isTrue();
            assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            for (Container container : pod.getContainers()) {
                String module = moduleOfImage(container.getImage());
                assertThat(REPO.resolve(module).resolve("src/main/docker/Dockerfile.jvm")).exists();
                assertThat(podSecurity.getRunAsUser()).as(container.getImage() + " user")
                        .isEqualTo((long) dockerUser(module, "jvm"))
                        .isEqualTo((long) dockerUser(module, "native"));
                SecurityContext security = container.getSecurityContext();
                assertThat(security.getReadOnlyRootFilesystem()).isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).isFalse();
                assertThat(security.getRunAsNonRoot()).isTrue();
                assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
                assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
                assertThat(security.getPrivileged()).isNotEqualTo(Boolean.TRUE);
                String tmpVolume = container.getVolumeMounts().stream()
                        .filter(m -> m.getMountPath().equals("/tmp"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(container.getName() + " has no writable /tmp"))
                        .getName();
                Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).findFirst().orElseThrow();
                assertThat(volume.getEmptyDir()).as("/tmp is an emptyDir").isNotNull();
                for (var mount : container.getVolumeMounts()) {
                    assertThat(pod.getVolumes()).extracting(Volume::getName).as("volume of " + mount.getMountPath()).contains(mount.getName());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void imagesAreTheModulesImagesAndProductionPinsARelease(String overlay) {
        List<HasMetadata> resources = render(overlay);
        Set<String> images = new LinkedHashSet<>();
        for (Map<String, Object> resource : Kustomization.build(K8S.resolve("overlays/" + overlay))) {
            Kustomization.containers(resource).forEach(c -> images.add((String) c.get("image")));
        }
        assertThat(images).extracting(KubernetesManifestsTest::moduleOfImage)
                .containsExactlyInAnyOrder("inventory-service", "audit-service", "scanner");
        for (String image : images) {
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(tag).as(image).isNotEqualTo("latest").isNotBlank();
            if (overlay.equals("prod")) {
                assertThat(tag).as(image + " is a release").doesNotContain("SNAPSHOT").matches("\\d+\\.\\d+\\.\\d+");
            }
        }
        assertThat(resources).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void environmentMatchesTheServicesConfigurationAndEveryReferenceResolves(String overlay) {
        List<HasMetadata> resources = render(overlay);
        Map<String, Map<String, String>> secrets = secretKeys();
        for (String name : SERVICES) {
            ServiceModule module = requireModule(name);
            Container container = mainContainer(deployment(resources, name).getSpec().getTemplate(), name);
            Set<String> set = container.getEnv().stream().map(EnvVar::getName).collect(Collectors.toSet());
            assertThat(set).as(name + " gets every variable its configuration requires").containsAll(module.requiredEnv());
            assertThat(set).as(name + " gets the database and accounts").contains("DB_URL", "DB_USER", "DB_PASSWORD", "CAMAUDIT_ACCOUNTS");
            assertThat(module.knownEnv(REPO)).as(name + " reads every variable it is given").containsAll(set);
        }
        assertThat(mainContainer(deployment(resources, "audit-service").getSpec().getTemplate(), "audit-service").getEnv())
                .extracting(EnvVar::getName)
                .contains("INVENTORY_URL", "INVENTORY_USER", "INVENTORY_PASSWORD");

        List<Container> containers = new ArrayList<>();
        resources.stream().filter(Deployment.class::isInstance)
                .forEach(d -> containers.addAll(((Deployment) d).getSpec().getTemplate().getSpec().getContainers()));
        cronJobs(resources).forEach(c -> containers.addAll(c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers()));
        for (Container container : containers) {
            for (EnvVar env : container.getEnv()) {
                assertThat(env.getValueFrom()).as(env.getName() + " comes from a ConfigMap or Secret").isNotNull();
                var configMapRef = env.getValueFrom().getConfigMapKeyRef();
                var secretRef = env.getValueFrom().getSecretKeyRef();
                if (configMapRef != null) {
                    assertThat(find(resources, ConfigMap.class, configMapRef.getName()).getData()).containsKey(configMapRef.getKey());
                } else {
                    assertThat(secrets).as("Secret " + secretRef.getName()).containsKey(secretRef.getName());
                    assertThat(secrets.get(secretRef.getName())).as("Secret " + secretRef.getName()).containsKey(secretRef.getKey());
                }
            }
        }
    }

    @Test
    void secretTemplateNamesTheAccountsTheOtherSecretsRefer() {
        Map<String, Map<String, String>> secrets = secretKeys();
        Map<String, String> accounts = secrets.get("camaudit-accounts");
        assertThat(accounts.get("accounts")).contains(accounts.get("audit-inventory-user") + ":", accounts.get("scanner-user") + ":");
        assertThat(secrets.get("camaudit-db-app")).containsKeys("username", "password");
        assertThat(Model.typed(Kustomization.readAll(K8S.resolve("secrets/camaudit-secrets.template.yaml")).get(0)))
                .isInstanceOfSatisfying(Secret.class, s -> assertThat(s.getType()).isEqualTo("kubernetes.io/basic-auth"));
    }

    @Test
    void generatedSecretsFillEveryPasswordAndAgreeWithEachOther() throws Exception {
        Process process = new ProcessBuilder("bash", K8S.resolve("secrets/generate.sh").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        Map<String, Map<String, String>> generated = new HashMap<>();
        for (Object document : Kustomization.yaml().loadAll(output)) {
            Secret secret = (Secret) Model.typed(Kustomization.map(document));
            assertThat(Model.unknownFields(secret)).isEmpty();
            generated.put(secret.getMetadata().getName(), secret.getStringData());
        }
        assertThat(generated.keySet()).isEqualTo(secretKeys().keySet());
        Map<String, String> accounts = generated.get("camaudit-accounts");
        assertThat(accounts.values()).noneMatch(v -> v.contains("<"));
        assertThat(generated.get("camaudit-db-app").get("password")).matches("[A-Za-z0-9]{24}");
        List<String[]> entries = Stream.of(accounts.get("accounts").split(",")).map(e -> e.split(":")).toList();
        assertThat(entries).allSatisfy(e -> assertThat(e).hasSize(3));
        assertThat(entries).extracting(e -> e[2]).contains("viewer", "scanner", "auditor", "admin");
        assertThat(entries).anySatisfy(e -> assertThat(e).containsExactly(accounts.get("audit-inventory-user"),
                accounts.get("audit-inventory-password"), "viewer"));
        assertThat(entries).anySatisfy(e -> assertThat(e).containsExactly(accounts.get("scanner-user"),
                accounts.get("scanner-password"), "scanner"));
        assertThat(entries.stream().map(e -> e[1]).distinct().count()).as("every password differs").isEqualTo(entries.size());
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void databaseIsACloudNativePgClusterHoldingBothServicesDatabases(String overlay) {
        List<HasMetadata> resources = render(overlay);
        GenericKubernetesResource cluster = generic(resources, "Cluster", "camaudit-db");
        assertThat(cluster.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
        Map<String, Object> spec = Kustomization.map(cluster.getAdditionalProperties().get("spec"));
        Map<String, Object> initdb = Kustomization.map(Kustomization.map(spec.get("bootstrap")).get("initdb"));
        String bootstrapSecret = (String) Kustomization.map(initdb.get("secret")).get("name");
        assertThat(secretKeys().get(bootstrapSecret)).containsKeys("username", "password");
        assertThat(secretKeys().get(bootstrapSecret).get("username")).isEqualTo(initdb.get("owner"));

        Set<String> databases = new LinkedHashSet<>();
        databases.add((String) initdb.get("database"));
        resources.stream().filter(r -> r instanceof GenericKubernetesResource && r.getKind().equals("Database")).forEach(r -> {
            Map<String, Object> dbSpec = Kustomization.map(((GenericKubernetesResource) r).getAdditionalProperties().get("spec"));
            assertThat(Kustomization.map(dbSpec.get("cluster")).get("name")).isEqualTo("camaudit-db");
            assertThat(dbSpec.get("owner")).isEqualTo(initdb.get("owner"));
            databases.add((String) dbSpec.get("name"));
        });
        ConfigMap config = find(resources, ConfigMap.class, "camaudit-config");
        for (String key : List.of("INVENTORY_DB_URL", "AUDIT_DB_URL")) {
            URI url = URI.create(config.getData().get(key).substring("jdbc:".length()));
            assertThat(url.getHost()).as(key + " uses the read-write service").isEqualTo("camaudit-db-rw");
            assertThat(url.getPort()).isEqualTo(5432);
            assertThat(databases).as(key + " names a database the cluster creates").contains(url.getPath().substring(1));
        }
        assertThat(databases).containsExactlyInAnyOrder("inventory", "audit");
        if (overlay.equals("prod")) {
            assertThat(spec.get("instances")).as("highly available").isEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void databaseArchivesWalAndTakesNightlyBackupsThroughTheBarmanCloudPlugin(String overlay) {
        List<HasMetadata> resources = render(overlay);
        Map<String, Object> spec = Kustomization.map(generic(resources, "Cluster", "camaudit-db").getAdditionalProperties().get("spec"));
        Map<String, Object> plugin = Kustomization.map(Kustomization.list(spec.get("plugins")).get(0));
        assertThat(plugin).containsEntry("name", "barman-cloud.cloudnative-pg.io").containsEntry("isWALArchiver", true);
        String storeName = (String) Kustomization.map(plugin.get("parameters")).get("barmanObjectName");
        GenericKubernetesResource store = generic(resources, "ObjectStore", storeName);
        assertThat(store.getApiVersion()).isEqualTo("barmancloud.cnpg.io/v1");
        Map<String, Object> storeSpec = Kustomization.map(store.getAdditionalProperties().get("spec"));
        assertThat((String) storeSpec.get("retentionPolicy")).matches("[1-9][0-9]*[dwm]");
        Map<String, Object> s3 = Kustomization.map(Kustomization.map(storeSpec.get("configuration")).get("s3Credentials"));
        for (Object ref : s3.values()) {
            Map<String, Object> key = Kustomization.map(ref);
            assertThat(secretKeys().get((String) key.get("name"))).containsKey((String) key.get("key"));
        }
        GenericKubernetesResource backup = resources.stream()
                .filter(r -> r.getKind().equals("ScheduledBackup"))
                .map(GenericKubernetesResource.class::cast)
                .findFirst()
                .orElseThrow();
        Map<String, Object> backupSpec = Kustomization.map(backup.getAdditionalProperties().get("spec"));
        assertThat(Kustomization.map(backupSpec.get("cluster")).get("name")).isEqualTo("camaudit-db");
        assertThat(backupSpec.get("method")).isEqualTo("plugin");
        assertThat(Kustomization.map(backupSpec.get("pluginConfiguration")).get("name")).isEqualTo(plugin.get("name"));
        assertThat(((String) backupSpec.get("schedule")).split(" ")).as("CloudNativePG cron has six fields").hasSize(6);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void aScannerCronJobPerSitePushesToTheInventoryService(String overlay) {
        List<HasMetadata> resources = render(overlay);
        List<CronJob> scanners = cronJobs(resources);
        assertThat(scanners).hasSizeGreaterThanOrEqualTo(2);
        Set<String> sites = new LinkedHashSet<>();
        for (CronJob cronJob : scanners) {
            assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
            PodSpec pod = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
            Container scanner = pod.getContainers().get(0);
            assertThat(moduleOfImage(scanner.getImage())).isEqualTo("scanner");
            List<String> args = scanner.getArgs();
            assertThat(args.get(0)).isEqualTo("scan");
            String scannerSources = scannerSources();
            Set<String> launcherEnv = new DockerfileFacts(REPO.resolve("scanner/src/main/docker/Dockerfile.jvm")).entrypointVariables();
            for (String arg : args) {
                if (arg.startsWith("--")) {
                    assertThat(scannerSources).as("the scanner has option " + arg).contains("\"" + arg + "\"");
                }
            }
            for (EnvVar env : scanner.getEnv()) {
                if (!launcherEnv.contains(env.getName())) {
                    assertThat(scannerSources).as("the scanner reads " + env.getName()).contains("\"" + env.getName() + "\"");
                }
            }
            sites.add(option(args, "--site"));
            URI inventory = URI.create(option(args, "--inventory"));
            Service service = find(resources, Service.class, inventory.getHost());
            assertThat(service.getSpec().getPorts()).extracting(p -> p.getPort()).contains(inventory.getPort());
            assertThat(scanner.getEnv()).extracting(EnvVar::getName).contains("CAMAUDIT_USER", "CAMAUDIT_PASSWORD");

            String credentials = option(args, "--credentials");
            var mount = scanner.getVolumeMounts().stream()
                    .filter(m -> credentials.startsWith(m.getMountPath() + "/"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("nothing mounted at " + credentials));
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            var item = volume.getSecret().getItems().get(0);
            assertThat(mount.getMountPath() + "/" + item.getPath()).isEqualTo(credentials);
            assertThat(secretKeys().get(volume.getSecret().getSecretName())).containsKey(item.getKey());

            String spool = option(args, "--spool");
            assertThat(scanner.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo(spool));
            boolean hostNetwork = Boolean.TRUE.equals(pod.getHostNetwork());
            if (hostNetwork) {
                assertThat(pod.getDnsPolicy()).as("host-network pods still resolve Service names").isEqualTo("ClusterFirstWithHostNet");
                assertThat(pod.getNodeSelector()).as("runs on a node attached to its site").isNotEmpty();
            } else {
                assertThat(args).as("multicast does not cross routers").contains("--no-multicast");
            }
        }
        assertThat(sites).hasSize(scanners.size());
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void networkPoliciesDenyByDefaultAndAllowTheDataFlow(String overlay) {
        List<HasMetadata> resources = render(overlay);
        List<NetworkPolicy> policies = resources.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast).toList();
        assertThat(policies).anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
        });
        Map<String, String> inventory = podLabels(resources, "inventory-service");
        Map<String, String> audit = podLabels(resources, "audit-service");
        Map<String, String> database = Map.of("cnpg.io/cluster", "camaudit-db");
        int inventoryPort = requireModule("inventory-service").httpPort();
        assertThat(allowsIngress(policies, audit, inventory, inventoryPort)).as("audit -> inventory").isTrue();
        for (CronJob cronJob : cronJobs(resources)) {
            Map<String, String> scanner = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getMetadata().getLabels();
            assertThat(allowsIngress(policies, scanner, inventory, inventoryPort)).as(cronJob.getMetadata().getName() + " -> inventory").isTrue();
        }
        assertThat(allowsIngress(policies, inventory, database, 5432)).as("inventory -> database").isTrue();
        assertThat(allowsIngress(policies, audit, database, 5432)).as("audit -> database").isTrue();
        assertThat(allowsIngress(policies, Map.of("app.kubernetes.io/name", "somebody-else"), inventory, inventoryPort))
                .as("other pods are kept out").isFalse();
        assertThat(allowsEgress(policies, audit, inventory, inventoryPort)).as("audit may call inventory").isTrue();
        assertThat(allowsEgress(policies, inventory, database, 5432)).as("inventory may call the database").isTrue();
        assertThat(allowsEgress(policies, audit, database, 5432)).as("audit may call the database").isTrue();
    }

    // ---- helpers ----

    private static final Map<String, List<HasMetadata>> RENDERED = new HashMap<>();

    static synchronized List<HasMetadata> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> Model.typed(Kustomization.build(K8S.resolve("overlays/" + o))));
    }

    static String namespaceOf(String overlay) {
        return (String) Kustomization.readSingle(K8S.resolve("overlays/" + overlay + "/kustomization.yaml")).get("namespace");
    }

    /** Secret name to its keys and template values, from the Secret template. */
    static Map<String, Map<String, String>> secretKeys() {
        Map<String, Map<String, String>> secrets = new HashMap<>();
        for (Map<String, Object> document : Kustomization.readAll(K8S.resolve("secrets/camaudit-secrets.template.yaml"))) {
            Secret secret = (Secret) Model.typed(document);
            secrets.put(secret.getMetadata().getName(), secret.getStringData());
        }
        return secrets;
    }

    static ServiceModule requireModule(String name) {
        assumeTrue(ServiceModule.exists(REPO, name), name + " has no application.properties yet");
        return new ServiceModule(REPO, name);
    }

    static int dockerUser(String module, String flavour) {
        return new DockerfileFacts(REPO.resolve(module).resolve("src/main/docker/Dockerfile." + flavour)).user();
    }

    static String moduleOfImage(String image) {
        assertThat(image).startsWith(IMAGE_PREFIX);
        String name = image.substring(IMAGE_PREFIX.length());
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    static String describe(HasMetadata resource) {
        return resource.getKind() + "/" + resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
    }

    static String identity(Map<String, Object> resource) {
        Map<String, Object> metadata = Kustomization.map(resource.get("metadata"));
        return resource.get("kind") + "/" + metadata.get("namespace") + "/" + metadata.get("name");
    }

    static <T extends HasMetadata> T find(List<HasMetadata> resources, Class<T> type, String name) {
        return resources.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(r -> r.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
    }

    static GenericKubernetesResource generic(List<HasMetadata> resources, String kind, String name) {
        return resources.stream()
                .filter(r -> r instanceof GenericKubernetesResource && r.getKind().equals(kind) && r.getMetadata().getName().equals(name))
                .map(GenericKubernetesResource.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    static Deployment deployment(List<HasMetadata> resources, String name) {
        return find(resources, Deployment.class, name);
    }

    static List<CronJob> cronJobs(List<HasMetadata> resources) {
        return resources.stream().filter(CronJob.class::isInstance).map(CronJob.class::cast).toList();
    }

    static Map<String, String> podLabels(List<HasMetadata> resources, String deployment) {
        return deployment(resources, deployment).getSpec().getTemplate().getMetadata().getLabels();
    }

    static Container mainContainer(PodTemplateSpec template, String name) {
        return template.getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    static void assertProbe(HTTPGetAction probe, String path, Container container) {
        assertThat(probe.getPath()).isEqualTo(path);
        assertThat(resolvePort(probe.getPort(), container)).isEqualTo(container.getPorts().get(0).getContainerPort());
    }

    static int resolvePort(IntOrString port, Container container) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream()
                .filter(p -> port.getStrVal().equals(p.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no port named " + port.getStrVal()))
                .getContainerPort();
    }

    static String option(List<String> args, String name) {
        int index = args.indexOf(name);
        assertThat(index).as(name + " in " + args).isNotNegative().isLessThan(args.size() - 1);
        return args.get(index + 1);
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> wanted = Objects.requireNonNullElse(selector.getMatchLabels(), Map.of());
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /** Whether some policy selecting {@code to} admits traffic from the same-namespace pod {@code from} on {@code port}. */
    static boolean allowsIngress(List<NetworkPolicy> policies, Map<String, String> from, Map<String, String> to, int port) {
        return policies.stream().filter(p -> selects(p.getSpec().getPodSelector(), to)).flatMap(p -> Stream.ofNullable(p.getSpec().getIngress()))
                .flatMap(List::stream)
                .anyMatch(rule -> peersAdmit(rule.getFrom(), from) && portsAdmit(rule.getPorts(), port));
    }

    static boolean allowsEgress(List<NetworkPolicy> policies, Map<String, String> from, Map<String, String> to, int port) {
        return policies.stream().filter(p -> selects(p.getSpec().getPodSelector(), from)).flatMap(p -> Stream.ofNullable(p.getSpec().getEgress()))
                .flatMap(List::stream)
                .anyMatch(rule -> peersAdmit(rule.getTo(), to) && portsAdmit(rule.getPorts(), port));
    }

    private static boolean peersAdmit(List<NetworkPolicyPeer> peers, Map<String, String> pod) {
        return peers == null || peers.isEmpty()
                || peers.stream().anyMatch(peer -> peer.getNamespaceSelector() == null && peer.getIpBlock() == null
                        && selects(peer.getPodSelector(), pod));
    }

    private static boolean portsAdmit(List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort> ports, int port) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> p.getPort() != null && p.getPort().getIntVal() == port);
    }

    /** The scanner's Java sources, concatenated (its picocli options and the variables it reads). */
    static String scannerSources() {
        Path sources = REPO.resolve("scanner/src/main/java");
        assumeTrue(Files.isDirectory(sources), "the scanner module has no sources yet");
        try (Stream<Path> files = Files.walk(sources)) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                text.append(Files.readString(file));
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Path> onPath(String program) {
        return Stream.of(Objects.requireNonNullElse(System.getenv("PATH"), "").split(":"))
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
