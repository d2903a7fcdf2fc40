package org.camaudit.audit.plan;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.camaudit.audit.evaluation.Confidence;
import org.camaudit.audit.evaluation.LegalBasis;
import org.camaudit.audit.policy.Category;

/** A finding that still needs a replacement, as the plan sees it (built by a JPQL constructor expression). */
@RegisterForReflection
public record PlanCandidate(long findingId, String deviceId, String site, String ip, String location, String vendor,
        String model, Category category, Confidence confidence, List<LegalBasis> basis, List<LegalBasis> upcomingBasis) {

    /**
     * The earliest deadline among the bases in force and upcoming: by when the device must be gone or can no longer
     * be bought under some basis of its site; null when no basis sets one.
     */
    public LocalDate replaceBy() {
        return Stream.concat(stream(basis), stream(upcomingBasis)).map(LegalBasis::deadline).filter(Objects::nonNull)
                .map(LocalDate::parse).min(Comparator.naturalOrder()).orElse(null);
    }

    private static Stream<LegalBasis> stream(List<LegalBasis> bases) {
        return bases == null ? Stream.empty() : bases.stream();
    }
}
