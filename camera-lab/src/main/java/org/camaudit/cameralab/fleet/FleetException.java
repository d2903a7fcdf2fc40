package org.camaudit.cameralab.fleet;

/** A fleet that cannot be run as given; the message tells the user what to fix. */
public final class FleetException extends RuntimeException {
    public FleetException(String message) {
        super(message, null, false, false);
    }
}
