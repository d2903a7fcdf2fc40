package org.camaudit.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value refused by {@link StrictJsonCustomizer}; its {@link #reason()} is shown to the client beside the
 * field's name.
 */
public class UnsafeTextException extends MismatchedInputException {

    private final String reason;

    UnsafeTextException(JsonParser parser, String reason) {
        super(parser, reason, (Class<?>) null);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /** Throws {@code e} from a method that may not declare it (a node factory); the JSON reader's callers expect it. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
