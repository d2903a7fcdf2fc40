package org.camaudit.scanner.inventory;

/** The inventory could not be reached or refused a request; the message is fit for the user. */
public class InventoryException extends Exception {

    private static final long serialVersionUID = 1L;

    public InventoryException(String message) {
        super(message, null, false, false);
    }
}
