package org.camaudit.scanner.cli;

/** The scanner's exit codes (DESIGN.md). */
public final class ExitCodes {

    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int INVENTORY_UNREACHABLE = 3;

    private ExitCodes() {
    }
}
