package org.camaudit.scanner.oui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Turns a copy of the IEEE registry into the compact registry file that {@link OuiRegistry} reads.
 * Two forms are read: the IEEE CSV ({@code oui.csv}, {@code mam.csv}, {@code oui36.csv}: columns
 * Registry, Assignment, Organization Name, Organization Address; as shipped in Debian's ieee-data),
 * and the npm package oui-data's {@code index.json} (keys of 6, 7 or 9 hex digits, values
 * "organisation\naddress"), the source the shipped copy is generated from.
 */
public final class OuiImporter {

    /** An oui.csv is about 3 MB and oui-data's index.json about 6 MB; anything this large is neither. */
    private static final long MAX_CSV_BYTES = 64L * 1024 * 1024;

    private OuiImporter() {
    }

    /**
     * The registry date: the one given, else the {@code .lastupdate} file Debian keeps beside
     * oui.csv, else the file's modification date.
     */
    public static LocalDate registryDate(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new IOException("cannot read " + csv);
        }
        if (isJson(csv)) {
            throw new IOException(csv + " is oui-data JSON, which carries no date: give --date (the package's publish date)");
        }
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
        Map<String, String> assignments = isJson(csv) ? readOuiDataJson(csv) : readCsv(csv);
        if (assignments.isEmpty()) {
            throw new IOException(csv + " holds no registry assignment");
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temporary = Files.createTempFile(parent, "oui", ".tmp");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temporary));
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write("# IEEE MA-L, MA-M and MA-S registry (public domain), converted by camaudit scanner oui update\n");
            writer.write(OuiRegistry.SOURCE_HEADER + "IEEE registry, " + csv.toAbsolutePath() + "\n");
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

    private static boolean isJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c == '{';
        }
    }

    private static Map<String, String> readCsv(Path csv) throws IOException {
        Map<String, String> assignments = new TreeMap<>();
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("Registry,Assignment,Organization Name")) {
                throw new IOException(csv + " is not an IEEE oui.csv (unexpected header)");
            }
            String line;
            while ((line = reader.readLine()) != null) {
                List<String> fields = splitCsv(line);
                if (fields.size() >= 3 && isAssignment(fields.get(1)) && isRegistry(fields.get(0), fields.get(1))) {
                    put(assignments, fields.get(1), fields.get(2));
                }
            }
        }
        return assignments;
    }

    /** oui-data's index.json, streamed: an object of hex prefix to "organisation\naddress...". */
    private static Map<String, String> readOuiDataJson(Path json) throws IOException {
        Map<String, String> assignments = new TreeMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(json + " is not oui-data's index.json (expected an object)");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String prefix = parser.currentName();
                if (parser.nextToken() != JsonToken.VALUE_STRING || !isAssignment(prefix)) {
                    throw new IOException(json + " is not oui-data's index.json (entry '" + prefix + "')");
                }
                String text = parser.getText();
                int newline = text.indexOf('\n');
                put(assignments, prefix, newline < 0 ? text : text.substring(0, newline));
            }
            if (token != JsonToken.END_OBJECT) {
                throw new IOException(json + " is not oui-data's index.json");
            }
        } catch (JsonProcessingException e) {
            throw new IOException(json + " is not valid JSON: " + e.getOriginalMessage());
        }
        return assignments;
    }

    private static boolean isAssignment(String hex) {
        return hex.matches("[0-9A-Fa-f]{6}|[0-9A-Fa-f]{7}|[0-9A-Fa-f]{9}");
    }

    private static boolean isRegistry(String registry, String assignment) {
        return switch (registry) {
            case "MA-L" -> assignment.length() == 6;
            case "MA-M" -> assignment.length() == 7;
            case "MA-S" -> assignment.length() == 9;
            default -> false;
        };
    }

    private static void put(Map<String, String> assignments, String prefix, String organisation) {
        String name = organisation.trim().replaceAll("[\\t\\r\\n]+", " ");
        if (!name.isEmpty()) {
            assignments.put(prefix.toUpperCase(java.util.Locale.ROOT), name);
        }
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
