package org.camaudit.audit.mapping;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.camaudit.audit.entity.FindingEvent;
import org.camaudit.audit.entity.FindingStatus;

/** One entry of a finding's decision trail; {@code actor} is the account, or {@code audit} for an audit's change. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindingEventView(OffsetDateTime at, String actor, FindingStatus fromStatus, FindingStatus toStatus,
        String note, String reason, Long auditId) {

    public static FindingEventView of(FindingEvent e) {
        return new FindingEventView(e.at, e.actor, e.fromStatus, e.toStatus, e.note, e.reason, e.auditId);
    }
}
