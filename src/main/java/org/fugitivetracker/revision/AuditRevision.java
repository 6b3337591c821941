package org.fugitivetracker.revision;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Table;

import org.hibernate.envers.ModifiedEntityNames;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * One revision of the audit trail: one committed transaction that changed audited entities, with
 * who made it, when, and (for corrections and deletions) why. Envers writes the before/after rows
 * of each entity into its {@code <table>_aud} table under this revision's number.
 */
@Entity
@Table(name = "audit_revision")
@RevisionEntity(AuditRevisionListener.class)
public class AuditRevision {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@RevisionNumber
	private Long id;

	@RevisionTimestamp
	@Column(name = "changed_at", nullable = false)
	private Instant changedAt;

	@Column(nullable = false, length = 64)
	private String username;

	/** Why, where the change needs a reason (a correction or a deletion). */
	@Column(length = 1000)
	private String reason;

	/** The entity classes this revision changed, so the trail can be filtered by entity. */
	@ElementCollection(fetch = FetchType.EAGER)
	@JoinTable(name = "audit_revision_entity", joinColumns = @JoinColumn(name = "revision_id"))
	@Column(name = "entity_name", nullable = false, length = 255)
	@ModifiedEntityNames
	private Set<String> modifiedEntityNames = new LinkedHashSet<>();

	public Long getId() {
		return id;
	}

	public Instant getChangedAt() {
		return changedAt;
	}

	public String getUsername() {
		return username;
	}

	void setUsername(String username) {
		this.username = username;
	}

	public String getReason() {
		return reason;
	}

	void setReason(String reason) {
		this.reason = reason;
	}

	public Set<String> getModifiedEntityNames() {
		return modifiedEntityNames;
	}

}
