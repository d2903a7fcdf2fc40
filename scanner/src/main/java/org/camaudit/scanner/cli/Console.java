package org.camaudit.scanner.cli;

/** One-line messages on stderr and the exit code that goes with them. */
final class Console {

    private Console() {
    }

    static int usage(String message) {
        System.err.println("scanner: " + message);
        return ExitCodes.USAGE;
    }

    static int failure(String message) {
        System.err.println("scanner: " + message);
        return ExitCodes.FAILED;
    }

    static void info(String message) {
        System.err.println("scanner: " + message);
    }
}
