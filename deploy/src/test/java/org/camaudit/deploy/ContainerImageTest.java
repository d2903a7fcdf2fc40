package org.camaudit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JVM images of both services and the scanner: a JDK 25 base, an AOT cache trained in the build
 * stage by deploy/aot/train.sh on the same base image, a build context that holds what they copy,
 * and JVM options that fit the memory the manifests give them. No container engine runs here; the
 * training itself is exercised by .ci/e2e/40-aot-cache.sh.
 */
class ContainerImageTest {

    static final Path REPO = KubernetesManifestsTest.REPO;
    static final Map<String, String> OPTIONS = Map.of(
            "inventory-service", "deploy/jvm/service.options",
            "audit-service", "deploy/jvm/service.options",
            "scanner", "deploy/jvm/scanner.options");
    static final Pattern JDK_TAG = Pattern.compile("^eclipse-temurin:(\\d+)\\.\\d+\\.\\d+_\\d+-jre-\\w+$");

    static DockerfileFacts jvmDockerfile(String module) {
        return new DockerfileFacts(REPO.resolve(module + "/src/main/docker/Dockerfile.jvm"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "inventory-service", "audit-service", "scanner" })
    void imageRunsOnAPinnedJdk25AndTrainsItsCacheOnTheSameImage(String module) {
        List<String> bases = jvmDockerfile(module).baseImages();
        assertThat(bases).as("a training stage and a runtime stage").hasSize(2);
        assertThat(bases.get(0)).as("the cache is only valid for the JDK build that wrote it").isEqualTo(bases.get(1));
        Matcher tag = JDK_TAG.matcher(bases.get(1));
        assertThat(tag.matches()).as(bases.get(1) + " is a pinned Temurin JRE release").isTrue();
        assertThat(Integer.parseInt(tag.group(1))).isGreaterThanOrEqualTo(25);
    }

    @ParameterizedTest
    @ValueSource(strings = { "inventory-service", "audit-service", "scanner" })
    void buildStageTrainsTheModuleAndTheImageStartsWithThatCacheAndItsOptions(String module) {
        DockerfileFacts dockerfile = jvmDockerfile(module);
        assertThat(dockerfile.text()).contains("bash deploy/aot/train.sh " + module + " /deployments");
        assertThat(dockerfile.text()).contains("cp " + OPTIONS.get(module) + " /deployments/jvm.options");
        assertThat(dockerfile.copies())
                .as("the runtime stage takes the application and the cache from the training stage, unchanged")
                .filteredOn(c -> "train".equals(c.fromStage()))
                .flatExtracting(DockerfileFacts.Copy::sources)
                .contains("/deployments/lib/", "/deployments/app/", "/deployments/quarkus/", "/deployments/app.aot", "/deployments/jvm.options");
        String entrypoint = dockerfile.entrypoint();
        assertThat(entrypoint).contains("java @/deployments/jvm.options -XX:AOTCache=/deployments/app.aot",
                "-jar /deployments/quarkus-run.jar \\\"$@\\\"");
        assertThat(entrypoint.indexOf("$JAVA_OPTS_APPEND")).as("JAVA_OPTS_APPEND comes after the defaults, so it overrides them")
                .isGreaterThan(entrypoint.indexOf("@/deployments/jvm.options"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "inventory-service", "audit-service", "scanner" })
    void buildContextHoldsEveryFileTheDockerfileCopies(String module) throws IOException {
        List<String[]> rules = dockerignore();
        for (DockerfileFacts.Copy copy : jvmDockerfile(module).copies()) {
            if (copy.fromStage() != null) {
                continue;
            }
            for (String source : copy.sources()) {
                String path = source.replaceAll("/$", "");
                assertThat(included(rules, path)).as(source + " is in the build context (.dockerignore)").isTrue();
                if (!path.contains("/target/")) {
                    assertThat(REPO.resolve(path)).as(source + " exists").exists();
                }
            }
        }
        assertThat(included(rules, module + "/target/quarkus-app/app.aot")).as("a cache made on another JDK stays out").isFalse();
        assertThat(included(rules, "deploy/local/.run/accounts")).as("local secrets stay out").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void servicesGetTheMemoryTheirJvmOptionsAreSizedFor(String overlay) {
        var resources = KubernetesManifestsTest.render(overlay);
        for (String name : KubernetesManifestsTest.SERVICES) {
            var container = KubernetesManifestsTest.mainContainer(KubernetesManifestsTest.deployment(resources, name).getSpec().getTemplate(), name);
            assertThat(container.getResources().getLimits().get("memory")).as(name + " memory limit").hasToString("256Mi");
            assertThat(container.getResources().getRequests().get("memory")).as(name + " memory request").hasToString("256Mi");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "deploy/jvm/service.options", "deploy/jvm/scanner.options" })
    void jvmOptionsAreAcceptedAndTheServiceHeapFitsA256MiBLimit(String options) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "@" + REPO.resolve(options), "-XX:MaxRAM=256m",
                "-XX:+PrintFlagsFinal", "-version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(flag(output, "UseSerialGC")).isEqualTo("true");
        if (options.endsWith("service.options")) {
            long maxHeap = Long.parseLong(flag(output, "MaxHeapSize"));
            assertThat(maxHeap).as("heap in a 256 MiB container").isBetween(64L << 20, 128L << 20);
            assertThat(flag(output, "ExitOnOutOfMemoryError")).isEqualTo("true");
        }
    }

    private static String flag(String printFlagsFinal, String name) {
        Matcher m = Pattern.compile("(?m)^\\s*\\S+\\s+" + name + "\\s+=\\s+(\\S+)").matcher(printFlagsFinal);
        assertThat(m.find()).as("flag " + name).isTrue();
        return m.group(1);
    }

    /** .dockerignore rules in order: {pattern, "!" when it re-includes}. */
    private static List<String[]> dockerignore() throws IOException {
        List<String[]> rules = new ArrayList<>();
        for (String line : Files.readAllLines(REPO.resolve(".dockerignore"))) {
            String rule = line.strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            boolean include = rule.startsWith("!");
            rules.add(new String[] { rule.substring(include ? 1 : 0).replaceAll("/$", ""), include ? "!" : "" });
        }
        return rules;
    }

    /** Docker's rule: the last pattern matching the path or one of its parent folders decides. */
    private static boolean included(List<String[]> rules, String path) {
        boolean included = true;
        for (String[] rule : rules) {
            var matcher = FileSystems.getDefault().getPathMatcher("glob:" + rule[0]);
            for (Path p = Path.of(path); p != null; p = p.getParent()) {
                if (matcher.matches(p)) {
                    included = rule[1].equals("!");
                    break;
                }
            }
        }
        return included;
    }
}
