package org.camaudit.scanner.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.camaudit.scanner.output.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A camera-lab fleet started from the camera-lab module's packaged jar, as a separate process,
 * stopped (by its own PID) on close. The manifest it writes once every camera listens is the
 * ground truth the tests compare the scanner's results to.
 */
public final class CameraLabProcess implements AutoCloseable {

    private static final Path JAR = Path.of("../camera-lab/target/quarkus-app/quarkus-run.jar");
    private static final long START_TIMEOUT_MILLIS = 90_000;

    private final Process process;
    private final JsonNode manifest;

    private CameraLabProcess(Process process, JsonNode manifest) {
        this.process = process;
        this.manifest = manifest;
    }

    /**
     * Starts a fleet.
     *
     * @param labProperties camera-lab configuration such as {@code camera-lab.slow-delay=1500ms}
     */
    public static CameraLabProcess start(Path workDir, String fleetJson, List<String> labProperties)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("camera-lab is not built: run ./mvnw -B -q -pl camera-lab -am package -DskipTests");
        }
        Path fleet = workDir.resolve("fleet.json");
        Path manifest = workDir.resolve("manifest.json");
        Files.writeString(fleet, fleetJson);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        labProperties.forEach(p -> command.add("-D" + p));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "--fleet", fleet.toString(), "--manifest",
                manifest.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("camera-lab.log").toFile()).start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!Files.isRegularFile(manifest) || Files.size(manifest) == 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("camera-lab exited: " + Files.readString(workDir.resolve("camera-lab.log")));
            }
            if (System.currentTimeMillis() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("camera-lab did not write its manifest in time");
            }
            Thread.sleep(100);
        }
        JsonNode parsed = null;
        while (parsed == null) {
            try {
                parsed = Json.MAPPER.readTree(manifest.toFile());
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
        return new CameraLabProcess(process, parsed);
    }

    public JsonNode manifest() {
        return manifest;
    }

    /** The manifest entry of one camera. */
    public JsonNode camera(String ip) {
        for (JsonNode camera : manifest) {
            if (camera.path("ip").asText().equals(ip)) {
                return camera;
            }
        }
        throw new IllegalArgumentException("no camera at " + ip + " in the manifest");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
