package org.camaudit.audit.evaluation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camaudit.audit.policy.Category;
import org.camaudit.audit.policy.Policy;

/**
 * One vendor's model-number or firmware-version patterns, compiled, with their union so that a value none of
 * them matches is rejected in one test. A model pattern also carries the category of the devices it matches.
 */
final class PatternRules {

    private static final Pattern BACKREFERENCE = Pattern.compile("\\\\(\\d|k<)");

    private record Rule(Pattern pattern, String rule, Category category) {
    }

    private final List<Rule> rules;
    private final Pattern any;
    private final String kind;

    private PatternRules(List<Rule> rules, List<String> patterns, String kind) {
        this.rules = rules;
        this.any = union(patterns);
        this.kind = kind;
    }

    static PatternRules models(Policy.Vendor vendor) {
        return new PatternRules(vendor.modelPatterns().stream()
                .map(p -> new Rule(Pattern.compile(p.pattern()), "model pattern " + p.pattern() + " (" + p.description()
                        + ")", p.category()))
                .toList(), vendor.modelPatterns().stream().map(Policy.PatternRule::pattern).toList(), "model");
    }

    static PatternRules firmwares(Policy.Vendor vendor) {
        return new PatternRules(vendor.firmwarePatterns().stream()
                .map(p -> new Rule(Pattern.compile(p.pattern()), "firmware pattern " + p.pattern() + " (" + p.description()
                        + ")", null))
                .toList(), vendor.firmwarePatterns().stream().map(Policy.FirmwarePattern::pattern).toList(), "firmware");
    }

    /** Each pattern against each value; values the union rejects are skipped in one test. */
    void match(List<Observed> values, Signals signals) {
        for (Observed value : values) {
            if (any != null && !any.matcher(value.value()).find()) {
                continue;
            }
            for (Rule rule : rules) {
                if (rule.pattern.matcher(value.value()).find()) {
                    signals.add(rule.rule, value, Strength.PATTERN, kind);
                }
            }
        }
    }

    /** The category of the first pattern, in policy order, that matches one of {@code values}. */
    Optional<Category> category(List<Observed> values) {
        for (Rule rule : rules) {
            for (Observed value : values) {
                if (rule.pattern.matcher(value.value()).find()) {
                    return Optional.ofNullable(rule.category);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * One pattern matching whatever any of {@code patterns} matches, or {@code null} when none or when a pattern
     * refers to groups by number or name (their numbering would change inside the union).
     */
    static Pattern union(List<String> patterns) {
        if (patterns.isEmpty() || patterns.stream().anyMatch(p -> BACKREFERENCE.matcher(p).find())) {
            return null;
        }
        return Pattern.compile(String.join("|", patterns.stream().map(p -> "(?:" + p + ")").toList()));
    }
}
