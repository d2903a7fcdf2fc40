package org.camaudit.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Request limits answered with a problem+json body. The HTTP codec's own limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set four times higher as a
 * backstop: a request beyond those is refused by the codec with an empty body, as it cannot be read at all.
 */
@ConfigMapping(prefix = "camaudit.http")
public interface HttpLimitsConfig {

    /** The longest request target (path and query) accepted; longer is a 414. */
    @WithDefault("4096")
    int maxUriLength();

    /** The most header bytes (names, values and separators) accepted; more is a 431. */
    @WithDefault("16K")
    MemorySize maxHeaderSize();
}
