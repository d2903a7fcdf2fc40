package org.camaudit.audit.entity;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** One change of a finding's status or note, by a person or by an audit: the decision audit trail. */
@Entity
@Table(name = "finding_event")
public class FindingEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "finding_event_seq")
    @SequenceGenerator(name = "finding_event_seq", sequenceName = "finding_event_seq", allocationSize = 1)
    public Long id;

    @Column(name = "finding_id", nullable = false)
    public long findingId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    @Column(name = "from_status")
    public FindingStatus fromStatus;

    @Column(name = "to_status", nullable = false)
    public FindingStatus toStatus;

    public String note;

    public String reason;

    @Column(name = "audit_id")
    public Long auditId;

    /** A change of {@code finding} from its current status to {@code to}, by {@code actor} at {@code at}. */
    public static FindingEvent transition(Finding finding, FindingStatus to, String actor, OffsetDateTime at) {
        FindingEvent event = new FindingEvent();
        event.findingId = finding.id;
        event.at = at;
        event.actor = actor;
        event.fromStatus = finding.status;
        event.toStatus = to;
        return event;
    }

    public static List<FindingEvent> forFinding(long findingId) {
        return list("findingId", Sort.ascending("at", "id"), findingId);
    }
}
