package org.camaudit.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.sun.management.HotSpotDiagnosticMXBean;

/** The scanner's JIT choice, in this (default-flagged) test JVM. */
class CompilerPolicyTest {

    private static final HotSpotDiagnosticMXBean HOTSPOT = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void shouldTreatThisTestJvmAsRunningTheDefaultCompilers() {
        // the module's test JVM is started without compiler options, like `java -jar`
        assertThat(CompilerPolicy.compilerIsDefault(ManagementFactory.getRuntimeMXBean().getInputArguments(), HOTSPOT))
                .isTrue();
    }

    @Test
    void shouldKeepACompilerChoiceMadeOnTheCommandLine() {
        assertThat(CompilerPolicy.compilerIsDefault(List.of("-Xmx64m", "-XX:TieredStopAtLevel=4"), HOTSPOT)).isFalse();
        assertThat(CompilerPolicy.compilerIsDefault(List.of("-XX:TieredStopAtLevel=1"), HOTSPOT)).isFalse();
        assertThat(CompilerPolicy.compilerIsDefault(List.of("-XX:-TieredCompilation"), HOTSPOT)).isFalse();
        assertThat(CompilerPolicy.compilerIsDefault(List.of("-XX:CompilerDirectivesFile=mine.json"), HOTSPOT)).isFalse();
        assertThat(CompilerPolicy.compilerIsDefault(List.of("-Xss512k", "-XX:+UseSerialGC"), HOTSPOT)).isTrue();
    }

    @Test
    void shouldExcludeTheOptimisingCompilerForEveryMethodWhenNobodyChoseOne() throws Exception {
        assertThat(CompilerPolicy.apply()).isTrue();

        String directives = CompilerPolicy.printDirectives();
        // the first directive listed is the newest: every method, C2 excluded, C1 left enabled
        String newest = directives.substring(0, directives.indexOf("Directive:", directives.indexOf("Directive:") + 1));
        assertThat(newest).contains("matching: *.*");
        assertThat(newest.substring(newest.indexOf("c2 directives:"))).contains("Exclude:true");
        assertThat(newest.substring(newest.indexOf("c1 directives:"), newest.indexOf("c2 directives:")))
                .contains("Exclude:false");
    }
}
