package org.camaudit.scanner.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.management.JMException;
import javax.management.ObjectName;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import io.quarkus.logging.Log;

/**
 * The JIT a scan runs with when nobody chose one. A scan is a short-lived JVM whose CPU belongs to
 * the probes; with the default tiered compilation the optimising compiler (C2) spends seconds of
 * a /16 scan compiling for a steady state the scan never reaches (6.3 of the 9.4 CPU seconds the
 * default JVM spent above {@code camaudit-scan} in bench/scan.sh case C). So, when the JVM's
 * compiler settings are its defaults, the scanner adds a compiler directive that excludes C2 for
 * every method: each hot method then stays with C1 (the policy compiles a method that C2 may not
 * compile at C1's level 1), which is what {@code -XX:TieredStopAtLevel=1} in
 * {@code deploy/jvm/scanner.options} gives the launcher. Any explicit choice wins: a
 * {@code TieredStopAtLevel} or {@code TieredCompilation} set on the command line or in
 * {@code JAVA_TOOL_OPTIONS}/{@code JDK_JAVA_OPTIONS}, or a {@code CompilerDirectivesFile}.
 * The directive goes through the JVM's {@code DiagnosticCommand} MBean
 * ({@code Compiler.directives_add}, as {@code jcmd} does); a JVM without it just keeps C2.
 */
public final class CompilerPolicy {

    /** Every method: no C2 (C1 stays enabled). */
    static final String C1_ONLY_DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";
    private static final List<String> CHOSEN_BY_USER = List.of("-XX:CompilerDirectivesFile", "-XX:TieredStopAtLevel",
            "-XX:+TieredCompilation", "-XX:-TieredCompilation", "-XX:CompilationMode");

    private CompilerPolicy() {
    }

    /** Adds the C1-only directive on a background thread (the platform MBean server takes ~0.2 s to start). */
    public static void applyInBackground() {
        Thread thread = new Thread(CompilerPolicy::apply, "compiler-policy");
        thread.setDaemon(true);
        thread.start();
    }

    /** Adds the C1-only directive when the JIT settings are the JVM's defaults; true when it did. */
    static boolean apply() {
        try {
            if (!compilerIsDefault(ManagementFactory.getRuntimeMXBean().getInputArguments(),
                    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class))) {
                return false;
            }
            return addDirective(C1_ONLY_DIRECTIVE);
        } catch (RuntimeException | LinkageError e) {
            // a runtime without the jdk.management module, or a JVM that is not HotSpot
            Log.debugf("the JIT keeps its defaults: %s", e.getMessage());
            return false;
        }
    }

    /**
     * True when nobody chose the compiler: tiered compilation up to C2 by default, and no
     * compiler option among the JVM's arguments.
     */
    static boolean compilerIsDefault(List<String> jvmArguments, HotSpotDiagnosticMXBean hotspot) {
        if (hotspot == null || jvmArguments.stream().anyMatch(a -> CHOSEN_BY_USER.stream().anyMatch(a::startsWith))) {
            return false;
        }
        VMOption tiered = hotspot.getVMOption("TieredCompilation");
        VMOption stopAt = hotspot.getVMOption("TieredStopAtLevel");
        return tiered.getOrigin() == VMOption.Origin.DEFAULT && "true".equals(tiered.getValue())
                && stopAt.getOrigin() == VMOption.Origin.DEFAULT && "4".equals(stopAt.getValue());
    }

    /** Compiler directives of this JVM as {@code Compiler.directives_print} lists them. */
    static String printDirectives() throws JMException {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMAND),
                "compilerDirectivesPrint", new Object[] { new String[0] }, new String[] { String[].class.getName() });
    }

    private static boolean addDirective(String directive) {
        Path file = null;
        try {
            file = Files.createTempFile("camaudit-jit", ".json");
            Files.writeString(file, directive, StandardCharsets.US_ASCII);
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMAND),
                    "compilerDirectivesAdd", new Object[] { new String[] { file.toString() } },
                    new String[] { String[].class.getName() });
            Log.debugf("C1-only compiler directive: %s", String.valueOf(answer).strip());
            return String.valueOf(answer).contains("1 compiler directives added");
        } catch (IOException | JMException e) {
            Log.debugf("the JIT keeps its defaults: %s", e.getMessage());
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    Log.debugf("cannot remove %s: %s", file, e.getMessage());
                }
            }
        }
    }
}
