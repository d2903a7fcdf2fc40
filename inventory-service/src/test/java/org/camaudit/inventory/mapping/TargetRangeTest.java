package org.camaudit.inventory.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetRangeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "10.1.0.0/24, 10.1.0.0, 10.1.0.255",
            "10.1.0.77/24, 10.1.0.0, 10.1.0.255",
            "10.1.0.0/20, 10.1.0.0, 10.1.15.255",
            "0.0.0.0/0, 0.0.0.0, 255.255.255.255",
            "10.1.0.10-10.1.0.99, 10.1.0.10, 10.1.0.99",
            "' 10.1.0.5 ', 10.1.0.5, 10.1.0.5",
            "2001:db8::/64, 2001:db8:0:0:0:0:0:0, 2001:db8:0:0:ffff:ffff:ffff:ffff"})
    void shouldCoverTheAddressesTheTargetNames(String target, String low, String high) {
        TargetRange range = TargetRange.parse(target).orElseThrow();
        assertThat(range.low().getHostAddress()).isEqualTo(low);
        assertThat(range.high().getHostAddress()).isEqualTo(high);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"@cameras.txt", "camera.example.com", "10.1.0.0/33", "10.1.0.0/x", "10.1.0.300",
            "10.1.0.99-10.1.0.10", "10.1.0.1-2001:db8::1", "", "localhost"})
    void shouldCoverNothingForTargetsThatNameNoAddresses(String target) {
        assertThat(TargetRange.parse(target)).isEmpty();
    }
}
