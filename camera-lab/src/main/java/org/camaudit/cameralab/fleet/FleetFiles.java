package org.camaudit.cameralab.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Reads fleet files and writes manifests (the same JSON shape: an array of cameras). */
public final class FleetFiles {

    private static final long MAX_FLEET_FILE_BYTES = 64L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(SerializationFeature.INDENT_OUTPUT, true);

    private FleetFiles() {
    }

    public static List<CameraSpec> read(Path file) {
        try {
            if (Files.size(file) > MAX_FLEET_FILE_BYTES) {
                throw new FleetException(file + ": larger than " + MAX_FLEET_FILE_BYTES + " bytes");
            }
            return JSON.readValue(file.toFile(), new TypeReference<List<CameraSpec>>() {
            });
        } catch (JsonProcessingException e) {
            throw new FleetException(file + ": not a fleet file (" + e.getOriginalMessage() + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw new FleetException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /**
     * Writes the manifest atomically: a temporary file in the same folder renamed over the target, so a
     * reader waiting for the file never sees it half written.
     */
    public static void writeManifest(Path file, List<CameraSpec> cameras) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        try {
            JSON.writeValue(temporary.toFile(), cameras);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
