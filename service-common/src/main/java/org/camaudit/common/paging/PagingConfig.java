package org.camaudit.common.paging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Page sizes of every list endpoint of a service. */
@ConfigMapping(prefix = "camaudit.paging")
public interface PagingConfig {

    /** Page size when a request names none. */
    @WithDefault("50")
    int defaultSize();

    /** Largest page a request may ask for. */
    @WithDefault("1000")
    int maxSize();
}
