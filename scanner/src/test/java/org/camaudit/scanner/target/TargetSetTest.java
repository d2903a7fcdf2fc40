package org.camaudit.scanner.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetSetTest {

    private static TargetSet resolve(List<String> targets, List<String> excludes) throws TargetException {
        return TargetSet.resolve(targets, excludes, 65_536, false);
    }

    private static List<String> addresses(TargetSet set) {
        return java.util.stream.IntStream.range(0, set.size()).mapToObj(i -> Addresses.format(set.get(i))).toList();
    }

    @Test
    void shouldExpandCidrIgnoringHostBits() throws TargetException {
        TargetSet set = resolve(List.of("10.1.0.77/30"), List.of());
        assertThat(addresses(set)).containsExactly("10.1.0.76", "10.1.0.77", "10.1.0.78", "10.1.0.79");
    }

    @Test
    void shouldMergeOverlappingTargetsOnceInAscendingOrder() throws TargetException {
        TargetSet set = resolve(List.of("200.0.0.1", "10.0.0.2-10.0.0.4", "10.0.0.3", "10.0.0.0/31"), List.of());
        assertThat(addresses(set)).containsExactly("10.0.0.0", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4",
                "200.0.0.1");
        assertThat(set.contains(set.get(5))).isTrue();
        assertThat(set.indexOf(set.get(5))).isEqualTo(5);
    }

    @Test
    void shouldSubtractExclusions() throws TargetException {
        TargetSet set = resolve(List.of("10.0.0.0/29"), List.of("10.0.0.2-10.0.0.3", "10.0.0.6/31"));
        assertThat(addresses(set)).containsExactly("10.0.0.0", "10.0.0.1", "10.0.0.4", "10.0.0.5");
        assertThat(set.covered()).containsExactly("10.0.0.0/31", "10.0.0.4/31");
    }

    @Test
    void shouldTellTheInventoryTheMergedRangesItProbed() throws TargetException {
        TargetSet set = resolve(List.of("10.1.0.77/30", "10.1.0.80-10.1.0.90", "10.9.0.0/24"), List.of("10.9.0.128"));
        assertThat(set.covered()).containsExactly("10.1.0.76-10.1.0.90", "10.9.0.0/25",
                "10.9.0.129-10.9.0.255");
    }

    @Test
    void shouldReadTargetFileWithCommentsAndBlankLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("targets.txt");
        Files.writeString(file, "# cameras\n10.2.0.1\n\n10.2.0.8/31   # pair\n10.2.0.20-10.2.0.21\n");
        TargetSet set = resolve(List.of("@" + file), List.of());
        assertThat(addresses(set)).containsExactly("10.2.0.1", "10.2.0.8", "10.2.0.9", "10.2.0.20", "10.2.0.21");
        assertThat(set.covered()).containsExactly("10.2.0.1", "10.2.0.8/31", "10.2.0.20/31");
    }

    @Test
    void shouldNameTheBadLineOfATargetFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("targets.txt");
        Files.writeString(file, "10.2.0.1\n10.2.0.300\n");
        assertThatThrownBy(() -> resolve(List.of("@" + file), List.of())).isInstanceOf(TargetException.class)
                .hasMessageContaining(":2:").hasMessageContaining("10.2.0.300");
    }

    @Test
    void shouldRejectMalformedTargetsWithOneLineMessages() {
        for (String bad : List.of("10.0.0.0/33", "10.0.0/24", "10.0.0.256", "banana", "10.0.0.9-10.0.0.1", "010.0.0.1",
                "10.0.0.1/", "::1", "10.0.0.1-2-3")) {
            assertThatThrownBy(() -> resolve(List.of(bad), List.of())).as(bad).isInstanceOf(TargetException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(bad));
        }
    }

    @Test
    void shouldRefuseMoreThanMaxTargetsUnlessAllowed() throws TargetException {
        assertThatThrownBy(() -> TargetSet.resolve(List.of("10.0.0.0/15"), List.of(), 65_536, false))
                .isInstanceOf(TargetException.class).hasMessageContaining("131072").hasMessageContaining("--allow-large");
        assertThat(TargetSet.resolve(List.of("10.0.0.0/16"), List.of(), 65_536, false).size()).isEqualTo(65_536);
        assertThat(TargetSet.resolve(List.of("10.0.0.0/15"), List.of(), 65_536, true).size()).isEqualTo(131_072);
    }

    @Test
    void shouldCountAfterExclusions() throws TargetException {
        TargetSet set = TargetSet.resolve(List.of("10.0.0.0/15"), List.of("10.1.0.0/16"), 65_536, false);
        assertThat(set.size()).isEqualTo(65_536);
    }

    @Test
    void shouldKeepUnsignedOrderAcrossTheUpperHalfOfTheAddressSpace() throws TargetException {
        TargetSet set = resolve(List.of("192.168.1.1", "10.0.0.1", "127.0.0.1"), List.of());
        assertThat(addresses(set)).containsExactly("10.0.0.1", "127.0.0.1", "192.168.1.1");
        assertThat(set.contains(set.get(2))).isTrue();
    }

    @Test
    void shouldRefuseAScanWithNothingLeft() {
        assertThatThrownBy(() -> resolve(List.of("10.0.0.0/30"), List.of("10.0.0.0/24")))
                .isInstanceOf(TargetException.class).hasMessageContaining("no address left");
    }
}
