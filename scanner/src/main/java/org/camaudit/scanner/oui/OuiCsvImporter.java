package org.camaudit.scanner.oui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Turns the IEEE's {@code oui.csv} (columns Registry, Assignment, Organization Name, Organization
 * Address; as shipped in Debian's ieee-data package) into the compact registry file that
 * {@link OuiRegistry} reads.
 */
public final class OuiCsvImporter {

    /** An oui.csv is about 3 MB; anything this large is not one. */
    private static final long MAX_CSV_BYTES = 64L * 1024 * 1024;

    private OuiCsvImporter() {
    }

    /**
     * The registry date: the one given, else the {@code .lastupdate} file Debian keeps beside
     * oui.csv, else the file's modification date.
     */
    public static LocalDate registryDate(Path csv) throws IOException {
        Path lastUpdate = csv.toAbsolutePath().resolveSibling(".lastupdate");
        if (Files.isRegularFile(lastUpdate)) {
            String text = Files.readString(lastUpdate, StandardCharsets.UTF_8).trim();
            if (text.matches("\\d{8}")) {
                return LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(4, 6)),
                        Integer.parseInt(text.substring(6, 8)));
            }
        }
        return Files.getLastModifiedTime(csv).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Converts and writes; returns how many assignments were written. */
    public static int convert(Path csv, LocalDate date, Path output) throws IOException {
        if (Files.size(csv) > MAX_CSV_BYTES) {
            throw new IOException(csv + " is too large to be an OUI registry");
        }
        Map<String, String> assignments = new TreeMap<>();
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("Registry,Assignment,Organization Name")) {
                throw new IOException(csv + " is not an IEEE oui.csv (unexpected header)");
            }
            String line;
            while ((line = reader.readLine()) != null) {
                List<String> fields = splitCsv(line);
                if (fields.size() >= 3 && fields.get(0).equals("MA-L") && fields.get(1).matches("[0-9A-Fa-f]{6}")) {
                    String name = fields.get(2).trim().replaceAll("[\\t\\r\\n]+", " ");
                    if (!name.isEmpty()) {
                        assignments.put(fields.get(1).toUpperCase(), name);
                    }
                }
            }
        }
        if (assignments.isEmpty()) {
            throw new IOException(csv + " holds no MA-L assignment");
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temporary = Files.createTempFile(parent, "oui", ".tmp");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temporary));
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write("# IEEE MA-L registry (public domain), converted by camaudit scanner oui update\n");
            writer.write(OuiRegistry.SOURCE_HEADER + "IEEE MA-L registry, " + csv.toAbsolutePath() + "\n");
            writer.write(OuiRegistry.DATE_HEADER + date + "\n");
            for (Map.Entry<String, String> entry : assignments.entrySet()) {
                writer.write(entry.getKey());
                writer.write('\t');
                writer.write(entry.getValue());
                writer.write('\n');
            }
        }
        if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(temporary, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.move(temporary, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return assignments.size();
    }

    /** RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes). */
    static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
