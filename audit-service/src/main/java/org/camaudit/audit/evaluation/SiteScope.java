package org.camaudit.audit.evaluation;

import java.time.LocalDate;
import java.util.Set;

/**
 * Where and when a device is judged: its site's jurisdictions and the audit date. A vendor is flagged only under a
 * basis of one of these jurisdictions that is in force on that date.
 */
public record SiteScope(Set<String> jurisdictions, LocalDate date) {

    public SiteScope {
        jurisdictions = Set.copyOf(jurisdictions);
    }
}
