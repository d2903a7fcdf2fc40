package org.camaudit.scanner.identify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps what devices, registries and web pages call their maker to camaudit's canonical names, and
 * recognises strings that name no maker at all. Both lists are data files beside this class's
 * package in the resources.
 */
public final class ManufacturerCatalog {

    private record Alias(String canonical, Pattern pattern) {
    }

    private static final ManufacturerCatalog SHIPPED = new ManufacturerCatalog(
            DataFiles.lines("identify/manufacturers.tsv"), DataFiles.lines("identify/unusable-manufacturers.txt"));

    private final List<Alias> aliases = new ArrayList<>();
    private final List<Pattern> unusable = new ArrayList<>();

    ManufacturerCatalog(List<String> aliasLines, List<String> unusableLines) {
        for (String line : aliasLines) {
            String[] columns = line.split("\t", 2);
            aliases.add(new Alias(columns[0].trim(), Pattern.compile(columns[1].trim(), Pattern.CASE_INSENSITIVE)));
        }
        for (String line : unusableLines) {
            unusable.add(Pattern.compile(line.trim(), Pattern.CASE_INSENSITIVE));
        }
    }

    public static ManufacturerCatalog shipped() {
        return SHIPPED;
    }

    /** True when the string cannot name a manufacturer (blank, a protocol, a codec, an OS...). */
    public boolean isUnusable(String reported) {
        if (reported == null) {
            return true;
        }
        String trimmed = reported.trim();
        return trimmed.isEmpty() || unusable.stream().anyMatch(p -> p.matcher(trimmed).matches());
    }

    /** The canonical name for a known maker, if this string names one. */
    public Optional<String> known(String reported) {
        if (isUnusable(reported)) {
            return Optional.empty();
        }
        String trimmed = reported.trim().toLowerCase(Locale.ROOT);
        return aliases.stream().filter(a -> a.pattern().matcher(trimmed).find()).map(Alias::canonical).findFirst();
    }

    /** The canonical name: a known maker's name, else the reported string trimmed; empty when unusable. */
    public Optional<String> canonical(String reported) {
        if (isUnusable(reported)) {
            return Optional.empty();
        }
        return known(reported).or(() -> Optional.of(reported.trim()));
    }
}
