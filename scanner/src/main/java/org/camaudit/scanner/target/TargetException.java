package org.camaudit.scanner.target;

/** A target or exclusion the user wrote that cannot be scanned; the message is shown as it is. */
public class TargetException extends Exception {

    private static final long serialVersionUID = 1L;

    public TargetException(String message) {
        super(message, null, false, false);
    }
}
