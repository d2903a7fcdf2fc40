package org.camaudit.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import org.camaudit.audit.policy.Policy;
import org.camaudit.audit.policy.PolicyParser;

/** The shipped default policy and a validator, for tests that run without Quarkus. */
public final class TestPolicies {

    private TestPolicies() {
    }

    public static Validator validator() {
        return Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
    }

    public static PolicyParser parser() {
        return new PolicyParser(validator());
    }

    public static String defaultPolicyJson() {
        return resource("policy/default-policy.json");
    }

    public static Policy defaultPolicy() {
        return parser().parse(defaultPolicyJson()).withVersion(1);
    }

    public static String resource(String name) {
        try (InputStream in = TestPolicies.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
