package org.fugitivetracker.event;

import java.time.Instant;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.fugitive.Fugitive;
import org.fugitivetracker.operation.Operation;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/** Something that happened: a flight, a detention, a surrender or return, a meeting. */
@Entity
@Audited
public class Event {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private EventType type;

	/** Null where no source dates the event. */
	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "date", column = @Column(name = "occurred_date")),
			@AttributeOverride(name = "precision", column = @Column(name = "occurred_precision")) })
	private PartialDate occurred;

	/** Where the person was (for a return: the country they came back from). */
	@Column(name = "country_code", length = 2)
	private String countryCode;

	@Column(length = 200)
	private String place;

	@Column(name = "place_zh", length = 200)
	private String placeZh;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "fugitive_id")
	private Fugitive fugitive;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "case_id")
	private CaseFile caseFile;

	@Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "operation_id")
	private Operation operation;

	@Column(length = 2000)
	private String description;

	@Column(nullable = false)
	private boolean synthetic;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt = Instant.now();

	protected Event() {
	}

	public Event(EventType type, PartialDate occurred, String countryCode, Fugitive fugitive, String description) {
		this.type = type;
		this.occurred = occurred;
		this.countryCode = countryCode;
		this.fugitive = fugitive;
		this.description = description;
	}

	public Long getId() {
		return id;
	}

	public EventType getType() {
		return type;
	}

	public void setType(EventType type) {
		this.type = type;
	}

	public PartialDate getOccurred() {
		return occurred;
	}

	public void setOccurred(PartialDate occurred) {
		this.occurred = occurred;
	}

	public String getCountryCode() {
		return countryCode;
	}

	public void setCountryCode(String countryCode) {
		this.countryCode = countryCode;
	}

	public String getPlace() {
		return place;
	}

	public String getPlaceZh() {
		return placeZh;
	}

	public Fugitive getFugitive() {
		return fugitive;
	}

	public CaseFile getCaseFile() {
		return caseFile;
	}

	public Operation getOperation() {
		return operation;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public boolean isSynthetic() {
		return synthetic;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

}
