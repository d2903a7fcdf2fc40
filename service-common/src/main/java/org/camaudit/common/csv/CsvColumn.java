package org.camaudit.common.csv;

import java.util.function.Function;

/**
 * One column of a {@link CsvTable}: its header and how a row gives its value. A value may be null (an empty cell),
 * a collection (its items joined by {@link org.camaudit.text.CsvCell#LIST_SEPARATOR}), a {@code BigDecimal}
 * (written plain, never in exponent form) or anything else (its {@code toString()}).
 */
public record CsvColumn<T>(String name, Function<? super T, ?> value) {

    public static <T> CsvColumn<T> of(String name, Function<? super T, ?> value) {
        return new CsvColumn<>(name, value);
    }
}
