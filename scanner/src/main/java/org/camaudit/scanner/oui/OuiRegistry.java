package org.camaudit.scanner.oui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The IEEE MA-L registry (24-bit OUIs) in the scanner's compact form: a gzip'd text file whose
 * header names its source and registry date ({@code # registry-date: YYYY-MM-DD}) and whose lines
 * are {@code AABBCC<TAB>organisation}. A copy built from Debian's ieee-data package ships in the
 * jar; {@code scanner oui update FILE} writes a newer one that is preferred when its date is later.
 */
public final class OuiRegistry {

    public static final String SHIPPED_RESOURCE = "oui/ieee-oui.tsv.gz";
    static final String DATE_HEADER = "# registry-date: ";
    static final String SOURCE_HEADER = "# source: ";

    private final Map<Integer, String> organisations;
    private final LocalDate date;
    private final String source;

    OuiRegistry(Map<Integer, String> organisations, LocalDate date, String source) {
        this.organisations = organisations;
        this.date = date;
        this.source = source;
    }

    /** The shipped registry, or the updated one at {@code override} when that exists and is newer. */
    public static OuiRegistry load(Optional<Path> override) throws IOException {
        OuiRegistry shipped;
        try (InputStream in = OuiRegistry.class.getClassLoader().getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IOException("the shipped OUI registry is missing");
            }
            shipped = read(in);
        }
        if (override.isPresent() && Files.isRegularFile(override.get())) {
            try (InputStream in = Files.newInputStream(override.get())) {
                OuiRegistry updated = read(in);
                if (updated.date.isAfter(shipped.date) || updated.date.isEqual(shipped.date)) {
                    return updated;
                }
            }
        }
        return shipped;
    }

    static OuiRegistry read(InputStream gzipped) throws IOException {
        Map<Integer, String> organisations = new HashMap<>(40_000);
        Map<String, String> names = new HashMap<>();
        LocalDate date = null;
        String source = "";
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(DATE_HEADER)) {
                    date = parseDate(line.substring(DATE_HEADER.length()).trim());
                } else if (line.startsWith(SOURCE_HEADER)) {
                    source = line.substring(SOURCE_HEADER.length()).trim();
                } else if (!line.startsWith("#") && line.length() > 7 && line.charAt(6) == '\t') {
                    String name = line.substring(7);
                    organisations.put(Integer.parseInt(line.substring(0, 6), 16), names.computeIfAbsent(name, n -> n));
                }
            }
        } catch (NumberFormatException e) {
            throw new IOException("the OUI registry file is corrupt");
        }
        if (date == null) {
            throw new IOException("the OUI registry file has no registry date");
        }
        return new OuiRegistry(organisations, date, source);
    }

    private static LocalDate parseDate(String text) throws IOException {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IOException("bad registry date '" + text + "'");
        }
    }

    /** The organisation holding the MAC's OUI, if the registry has it. */
    public Optional<String> lookup(String mac) {
        return Macs.normalize(mac).map(m -> Integer.parseInt(m.substring(0, 2) + m.substring(3, 5) + m.substring(6, 8), 16))
                .map(organisations::get);
    }

    /** The date of the registry snapshot; shown wherever an OUI match is reported. */
    public LocalDate date() {
        return date;
    }

    public String source() {
        return source;
    }

    public int size() {
        return organisations.size();
    }
}
