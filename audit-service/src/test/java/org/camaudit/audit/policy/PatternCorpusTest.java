package org.camaudit.audit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.camaudit.audit.TestPolicies;

/**
 * Every pattern of the shipped policy against real model and firmware strings: none of another maker's may make a
 * finding, every restricted vendor's own must keep matching (corpora and their sources in
 * {@code src/test/resources/corpus}).
 */
class PatternCorpusTest {

    private static final Policy POLICY = TestPolicies.defaultPolicy();

    /** One line of a corpus file. */
    private record Sample(String maker, String kind, String text, String source) {
    }

    /** A pattern of the policy that can make a finding, with where it is written. */
    private record Rule(String vendor, String where, Pattern pattern) {
    }

    private static List<Sample> corpus(String name) {
        List<Sample> samples = new ArrayList<>();
        for (String line : TestPolicies.resource("corpus/" + name).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            assertThat(cells).as(line).hasSize(4);
            assertThat(cells[3]).as("source of " + cells[2]).isNotBlank();
            samples.add(new Sample(cells[0], cells[1], cells[2], cells[3]));
        }
        return samples;
    }

    private static List<Rule> rulesThatCanFlag() {
        List<Rule> rules = new ArrayList<>();
        for (Policy.Vendor vendor : POLICY.vendors()) {
            for (int i = 0; i < vendor.modelPatterns().size(); i++) {
                rules.add(new Rule(vendor.name(), "modelPatterns[" + i + "]",
                        Pattern.compile(vendor.modelPatterns().get(i).pattern())));
            }
            for (int i = 0; i < vendor.firmwarePatterns().size(); i++) {
                rules.add(new Rule(vendor.name(), "firmwarePatterns[" + i + "]",
                        Pattern.compile(vendor.firmwarePatterns().get(i).pattern())));
            }
            for (int i = 0; i < vendor.markers().size(); i++) {
                Policy.Marker marker = vendor.markers().get(i);
                if (marker.attribution() != Policy.Attribution.SUPPORTING) {
                    rules.add(new Rule(vendor.name(), "markers[" + i + "] " + marker.kind(),
                            Pattern.compile(marker.pattern())));
                }
            }
        }
        return rules;
    }

    @Test
    void shouldHoldAtLeast300RealStringsOfUnrestrictedMakersWithTheirSources() {
        List<Sample> samples = corpus("unrestricted-makers.tsv");

        assertThat(samples).hasSizeGreaterThanOrEqualTo(300);
        assertThat(samples).extracting(Sample::maker).contains("Axis", "Bosch", "Hanwha", "Pelco", "Uniview", "Milesight",
                "Vivotek", "MOBOTIX", "Sony", "Panasonic", "Reolink");
        assertThat(samples).extracting(Sample::kind).containsOnly("model", "firmware");
    }

    @Test
    void shouldMatchNoModelFirmwareOrMarkerPatternOnAnotherMakersString() {
        List<String> hits = new ArrayList<>();
        for (Sample sample : corpus("unrestricted-makers.tsv")) {
            for (Rule rule : rulesThatCanFlag()) {
                if (rule.pattern.matcher(sample.text).find()) {
                    hits.add(rule.vendor + " " + rule.where + " " + rule.pattern + " matches " + sample.maker + " \""
                            + sample.text + "\" (" + sample.source + ")");
                }
            }
        }
        assertThat(hits).isEmpty();
    }

    @Test
    void shouldKeepMatchingEveryRestrictedVendorsOwnStrings() {
        for (Sample sample : corpus("restricted-vendors.tsv")) {
            Policy.Vendor vendor = POLICY.vendors().stream().filter(v -> v.name().equals(sample.maker)).findFirst()
                    .orElseThrow();
            List<String> patterns = sample.kind.equals("model")
                    ? vendor.modelPatterns().stream().map(Policy.PatternRule::pattern).toList()
                    : vendor.firmwarePatterns().stream().map(Policy.FirmwarePattern::pattern).toList();
            assertThat(patterns).as(sample.maker + " " + sample.kind + " \"" + sample.text + "\"")
                    .anyMatch(p -> Pattern.compile(p).matcher(sample.text).find());
        }
    }
}
