package org.camaudit.scanner.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.camaudit.scanner.output.Json;

/**
 * Batches the inventory did not take, kept as files ({@code <scanId>-<part>.json}, each a complete
 * request body) until {@code scanner push DIR} delivers them. A delivered file moves to
 * {@code DIR/sent/}, so pushing twice sends nothing twice; the inventory is idempotent per scanId
 * in any case.
 */
public final class Spool {

    private static final String INVENTORY_FILE = "inventory-url";

    private final Path directory;

    public Spool(Path directory) {
        this.directory = directory;
    }

    /** Remembers where the batches were meant to go, so {@code push} needs no URL. */
    public void rememberInventory(String url) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(INVENTORY_FILE), url.trim() + "\n");
    }

    public java.util.Optional<String> rememberedInventory() throws IOException {
        Path file = directory.resolve(INVENTORY_FILE);
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        String url = Files.readString(file).trim();
        return url.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(url);
    }

    public Path write(ObservationBatch batch, int part) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(batch.scanId() + "-" + String.format("%04d", part) + ".json");
        Path temporary = Files.createTempFile(directory, ".spool", ".tmp");
        Json.MAPPER.writeValue(temporary.toFile(), batch);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** Spooled files in the order they were written. */
    public List<Path> pending() throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("spool directory " + directory + " does not exist");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)).sorted()
                    .toList();
        }
    }

    public void markSent(Path file) throws IOException {
        Path sent = directory.resolve("sent");
        Files.createDirectories(sent);
        Files.move(file, sent.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
