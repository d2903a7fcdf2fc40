package org.camaudit.cameralab.profile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A reply template compiled once: literal text with {@code {{name}}} or {@code {{name|filter|...}}}
 * placeholders. Values are escaped for the template's syntax (XML, JSON or none) after the filters
 * ran, so identity values from a fleet file can never break the reply's structure.
 *
 * <p>Filters: {@code uri} (percent-encoding as in ONVIF scope URIs), {@code firstword}, {@code lastword},
 * {@code dropfirstword} ({@code "AXIS M3106-L Mk II"} becomes {@code "M3106-L Mk II"}, Axis' product number),
 * {@code upper}, {@code lower}, {@code compact} (drops {@code :} and {@code -}), {@code dash}
 * ({@code :} becomes {@code -}), {@code nospacebuild} ({@code "V5.2.0 build 1"} becomes
 * {@code "V5.2.0build 1"}, the SADP spelling).
 */
public final class Template {

    /** How substituted values are escaped. */
    public enum Syntax {
        XML, JSON, TEXT;

        static Syntax of(String fileName) {
            if (fileName.endsWith(".json")) {
                return JSON;
            }
            if (fileName.endsWith(".xml") || fileName.endsWith(".html") || fileName.endsWith(".asp")) {
                return XML;
            }
            return TEXT;
        }
    }

    private record Segment(String literal, String name, List<String> filters) {
    }

    private final String name;
    private final Syntax syntax;
    private final List<Segment> segments;
    private final int literalLength;

    private Template(String name, Syntax syntax, List<Segment> segments) {
        this.name = name;
        this.syntax = syntax;
        this.segments = segments;
        this.literalLength = segments.stream().mapToInt(s -> s.literal == null ? 16 : s.literal.length()).sum();
    }

    /** Compiles {@code text}; the file name decides the escaping. */
    public static Template compile(String fileName, String text) {
        List<Segment> segments = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int open = text.indexOf("{{", pos);
            if (open < 0) {
                segments.add(new Segment(text.substring(pos), null, List.of()));
                break;
            }
            int close = text.indexOf("}}", open);
            if (close < 0) {
                throw new IllegalArgumentException(fileName + ": unclosed placeholder at offset " + open);
            }
            if (open > pos) {
                segments.add(new Segment(text.substring(pos, open), null, List.of()));
            }
            String[] parts = text.substring(open + 2, close).trim().split("\\|");
            List<String> filters = List.of(parts).subList(1, parts.length);
            for (String filter : filters) {
                if (!FILTERS.contains(filter)) {
                    throw new IllegalArgumentException(fileName + ": unknown filter '" + filter + "'");
                }
            }
            segments.add(new Segment(null, parts[0], filters));
            pos = close + 2;
        }
        return new Template(fileName, Syntax.of(fileName), List.copyOf(segments));
    }

    private static final List<String> FILTERS = List.of("uri", "firstword", "lastword", "dropfirstword", "upper", "lower", "compact", "dash",
            "nospacebuild");

    public String name() {
        return name;
    }

    /** The placeholder names this template uses. */
    public List<String> placeholders() {
        return segments.stream().filter(s -> s.name != null).map(Segment::name).distinct().toList();
    }

    /**
     * Renders with {@code values}; a placeholder the resolver does not know is an error in the
     * profile data, reported with the template's name.
     */
    public String render(Function<String, String> values) {
        StringBuilder out = new StringBuilder(literalLength + 64);
        for (Segment segment : segments) {
            if (segment.literal != null) {
                out.append(segment.literal);
                continue;
            }
            String value = values.apply(segment.name);
            if (value == null) {
                throw new IllegalStateException(name + ": no value for {{" + segment.name + "}}");
            }
            for (String filter : segment.filters) {
                value = applyFilter(filter, value);
            }
            escape(value, out);
        }
        return out.toString();
    }

    private static String applyFilter(String filter, String value) {
        return switch (filter) {
            case "uri" -> URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            case "lastword" -> value.substring(value.lastIndexOf(' ') + 1);
            case "firstword" -> value.indexOf(' ') < 0 ? value : value.substring(0, value.indexOf(' '));
            case "dropfirstword" -> value.substring(value.indexOf(' ') + 1);
            case "upper" -> value.toUpperCase(Locale.ROOT);
            case "lower" -> value.toLowerCase(Locale.ROOT);
            case "compact" -> value.replace(":", "").replace("-", "");
            case "dash" -> value.replace(':', '-');
            case "nospacebuild" -> value.replace(" build", "build");
            default -> throw new IllegalStateException("unknown filter " + filter);
        };
    }

    private void escape(String value, StringBuilder out) {
        switch (syntax) {
            case XML -> {
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    switch (c) {
                        case '<' -> out.append("&lt;");
                        case '>' -> out.append("&gt;");
                        case '&' -> out.append("&amp;");
                        case '"' -> out.append("&quot;");
                        case '\'' -> out.append("&apos;");
                        default -> out.append(c);
                    }
                }
            }
            case JSON -> {
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    switch (c) {
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        case '/' -> out.append("\\/");
                        default -> {
                            if (c < 0x20) {
                                out.append(String.format("\\u%04x", (int) c));
                            } else {
                                out.append(c);
                            }
                        }
                    }
                }
            }
            case TEXT -> out.append(value);
        }
    }
}
