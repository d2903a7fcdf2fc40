package org.camaudit.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a camaudit Quarkus module tells about itself in its sources: the HTTP port, the environment
 * variables its configuration reads, the health endpoints, and the user and port of its container
 * images. The manifests are checked against this, so a renamed variable or a moved port breaks the
 * build instead of a deployment.
 */
final class ServiceModule {

    /** {@code ${NAME}} or {@code ${NAME:default}} with an environment-style name. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)");
    /** A member of the top-level mapping interface: four spaces of indentation, no arguments. */
    private static final Pattern MAPPING_MEMBER = Pattern.compile("(?m)^    [\\w<>, .]+\\s(\\w+)\\(\\);");

    final String name;
    final Path dir;
    private final Properties properties = new Properties();
    private final String propertiesText;

    ServiceModule(Path repoRoot, String name) {
        this.name = name;
        this.dir = repoRoot.resolve(name);
        Path file = dir.resolve("src/main/resources/application.properties");
        try {
            propertiesText = Files.readString(file);
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static boolean exists(Path repoRoot, String name) {
        return Files.isRegularFile(repoRoot.resolve(name).resolve("src/main/resources/application.properties"));
    }

    /** The production HTTP port: {@code quarkus.http.port}, else Quarkus' default 8080. */
    int httpPort() {
        String value = Optional.ofNullable(properties.getProperty("%prod.quarkus.http.port"))
                .orElse(properties.getProperty("quarkus.http.port", "8080"));
        Matcher reference = Pattern.compile("\\$\\{[^:}]+:(\\d+)}").matcher(value);
        return Integer.parseInt(reference.matches() ? reference.group(1) : value.trim());
    }

    /** The health root, {@code /q/health} unless the module moves it. */
    String healthRoot() {
        String root = properties.getProperty("quarkus.smallrye-health.root-path", "health");
        String nonApplication = properties.getProperty("quarkus.http.non-application-root-path", "q");
        return root.startsWith("/") ? root : "/" + nonApplication + "/" + root;
    }

    /** Whether the module's pom brings the named Quarkus extension. */
    boolean hasExtension(String artifactId) {
        try {
            return Files.readString(dir.resolve("pom.xml")).contains("<artifactId>" + artifactId + "</artifactId>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Variables a production run must be given: referenced as {@code ${NAME}} without a default
     * in a property that is not limited to the dev or test profile.
     */
    Set<String> requiredEnv() {
        Set<String> required = new LinkedHashSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%dev.") || key.startsWith("%test.")) {
                continue;
            }
            Matcher m = ENV_REFERENCE.matcher(properties.getProperty(key));
            while (m.find()) {
                if (m.group(2) == null) {
                    required.add(m.group(1));
                }
            }
        }
        return required;
    }

    /**
     * Every environment variable the service's configuration reacts to: references in
     * application.properties, the environment form of each property it sets (MicroProfile Config
     * maps {@code a.b-c} to {@code A_B_C}), the members of its {@code @ConfigMapping} interfaces
     * (its own and service-common's), and the image launcher's variables.
     */
    Set<String> knownEnv(Path repoRoot) {
        Set<String> known = new LinkedHashSet<>(dockerfile("jvm").entrypointVariables());
        Matcher m = ENV_REFERENCE.matcher(propertiesText);
        while (m.find()) {
            known.add(m.group(1));
        }
        for (String key : properties.stringPropertyNames()) {
            known.add(envName(key.replaceFirst("^%[a-z]+\\.", "")));
        }
        for (Path sources : List.of(dir.resolve("src/main/java"), repoRoot.resolve("service-common/src/main/java"))) {
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> known.addAll(mappingEnv(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return known;
    }

    private static Set<String> mappingEnv(Path javaFile) {
        Set<String> env = new LinkedHashSet<>();
        try {
            String source = Files.readString(javaFile);
            Matcher prefix = CONFIG_MAPPING.matcher(source);
            if (prefix.find()) {
                Matcher member = MAPPING_MEMBER.matcher(source);
                while (member.find()) {
                    String kebab = member.group(1).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
                    env.add(envName(prefix.group(1) + "." + kebab));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }

    /** The MicroProfile Config environment name of a property. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Facts from the module's {@code src/main/docker/Dockerfile.<flavour>} (jvm or native). */
    DockerfileFacts dockerfile(String flavour) {
        return new DockerfileFacts(dir.resolve("src/main/docker/Dockerfile." + flavour));
    }
}
