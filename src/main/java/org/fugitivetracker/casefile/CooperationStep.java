package org.fugitivetracker.casefile;

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
import jakarta.persistence.Table;

import org.fugitivetracker.agency.Agency;
import org.fugitivetracker.common.PartialDate;

/** One step of cooperation with the counterpart country: a request, a negotiation, an exchange. */
@Entity
@Table(name = "cooperation_step")
public class CooperationStep {

	public enum Kind {

		JUDICIAL_ASSISTANCE_REQUESTED, NEGOTIATION, JOINT_INVESTIGATION, EVIDENCE_REQUESTED, INFORMATION_EXCHANGE,
		AGREEMENT

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "case_id")
	private CaseFile caseFile;

	@Column(nullable = false)
	private int position;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private Kind kind;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "requested_by_agency_id")
	private Agency requestedBy;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "date", column = @Column(name = "occurred_date")),
			@AttributeOverride(name = "precision", column = @Column(name = "occurred_precision")) })
	private PartialDate occurred;

	@Column(nullable = false, length = 2000)
	private String description;

	protected CooperationStep() {
	}

	public Long getId() {
		return id;
	}

	public CaseFile getCaseFile() {
		return caseFile;
	}

	public int getPosition() {
		return position;
	}

	public Kind getKind() {
		return kind;
	}

	public Agency getRequestedBy() {
		return requestedBy;
	}

	public PartialDate getOccurred() {
		return occurred;
	}

	public String getDescription() {
		return description;
	}

}
