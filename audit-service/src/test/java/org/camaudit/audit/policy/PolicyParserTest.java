package org.camaudit.audit.policy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.camaudit.audit.PolicyJson;
import org.camaudit.audit.TestPolicies;
import org.camaudit.audit.document.InvalidDocumentException;
import org.camaudit.common.problem.Problem.FieldError;

class PolicyParserTest {

    private final PolicyParser parser = TestPolicies.parser();

    @Test
    void shouldRejectAVendorListedTwice() {
        String policy = PolicyJson.edit(TestPolicies.defaultPolicyJson(), "ZTE", vendor -> vendor.put("name", "hikvision"));

        assertThatThrownBy(() -> parser.parse(policy)).isInstanceOf(InvalidDocumentException.class)
                .extracting(e -> ((InvalidDocumentException) e).errors())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(FieldError.class))
                .containsExactly(new FieldError("vendors[4].name", "names a vendor listed twice"));
    }

    @Test
    void shouldRejectABrandPeriodEndingBeforeItStarts() {
        String policy = PolicyJson.edit(TestPolicies.defaultPolicyJson(), "Dahua",
                vendor -> ((com.fasterxml.jackson.databind.node.ObjectNode) vendor.withArray("brands").get(0))
                        .put("to", "2010-01-01"));

        assertThatThrownBy(() -> parser.parse(policy)).isInstanceOf(InvalidDocumentException.class)
                .extracting(e -> ((InvalidDocumentException) e).errors().get(0).field())
                .isEqualTo("vendors[1].brands[0].to");
    }

    @Test
    void shouldRejectAWrongSchemaAndMalformedOuiPrefixes() {
        String policy = PolicyJson.editRoot(TestPolicies.defaultPolicyJson(), root -> root.put("schema", "other/2"));
        String prefixes = PolicyJson.edit(TestPolicies.defaultPolicyJson(), "Hytera",
                vendor -> ((com.fasterxml.jackson.databind.node.ObjectNode) vendor.withArray("ouis").get(0))
                        .putArray("prefixes").add("zz:zz:zz"));

        assertThatThrownBy(() -> parser.parse(policy)).isInstanceOf(InvalidDocumentException.class)
                .extracting(e -> ((InvalidDocumentException) e).errors().get(0).field()).isEqualTo("schema");
        assertThatThrownBy(() -> parser.parse(prefixes)).isInstanceOf(InvalidDocumentException.class)
                .extracting(e -> ((InvalidDocumentException) e).errors().get(0).field())
                .isEqualTo("vendors[2].ouis[0].prefixes[0]");
    }

    @Test
    void shouldRejectADateThatIsNoDayOfTheCalendar() {
        String policy = PolicyJson.editRoot(TestPolicies.defaultPolicyJson(),
                root -> ((com.fasterxml.jackson.databind.node.ObjectNode) root.withArray("legalBases").get(0))
                        .put("effective", "2019-02-30"));

        assertThatThrownBy(() -> parser.parse(policy)).isInstanceOf(InvalidDocumentException.class)
                .extracting(e -> ((InvalidDocumentException) e).errors())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(FieldError.class))
                .containsExactly(new FieldError("legalBases[0].effective", "is not a calendar date"));
    }

    @Test
    void shouldRejectAnEmptyDocument() {
        assertThatThrownBy(() -> parser.parse("null")).isInstanceOf(InvalidDocumentException.class);
        assertThatThrownBy(() -> parser.parse("[]")).isInstanceOf(InvalidDocumentException.class);
        assertThatThrownBy(() -> parser.parse("{}")).isInstanceOf(InvalidDocumentException.class);
    }
}
