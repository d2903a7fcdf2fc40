package org.camaudit.audit.evaluation;

import java.util.List;
import java.util.regex.Pattern;

import org.camaudit.audit.policy.Category;
import org.camaudit.audit.policy.Policy;

/**
 * What a flagged device is, for the replacement plan's prices: the category of the first of its vendor's model
 * patterns that matches, else of the first of the policy's vendor-independent category rules (ONVIF {@code type}
 * scopes, housing words in product names), else {@code camera}.
 */
final class CategoryClassifier {

    private record Rule(Policy.CategoryTarget target, Pattern pattern, Category category) {
    }

    private final List<Rule> rules;

    CategoryClassifier(List<Policy.CategoryRule> categoryRules) {
        rules = categoryRules.stream().map(r -> new Rule(r.target(), Pattern.compile(r.pattern()), r.category())).toList();
    }

    Category classify(PatternRules vendorModels, DeviceFacts facts) {
        return vendorModels.category(facts.models()).orElseGet(() -> byPolicyRules(facts));
    }

    private Category byPolicyRules(DeviceFacts facts) {
        for (Rule rule : rules) {
            List<Observed> values = rule.target == Policy.CategoryTarget.ONVIF_SCOPE ? facts.scopes() : facts.models();
            for (Observed value : values) {
                if (rule.pattern.matcher(value.value()).find()) {
                    return rule.category;
                }
            }
        }
        return Category.CAMERA;
    }
}
