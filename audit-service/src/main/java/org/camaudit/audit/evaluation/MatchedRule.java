package org.camaudit.audit.evaluation;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One rule that fired: the rule in words, and the evidence value it fired on, so a reader can check the claim.
 *
 * @param rule     e.g. {@code model pattern ^DS-2CD (DS-2CD network cameras)}
 * @param evidence e.g. {@code model = DS-2CD2142FWD-I}
 */
@RegisterForReflection
public record MatchedRule(String rule, String evidence) {
}
