package org.fugitivetracker.operation;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.fugitivetracker.agency.Agency;
import org.fugitivetracker.common.PartialDate;

/** A campaign such as Sky Net: when it started, for how long, and its target. */
@Entity
public class Operation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "code_name", nullable = false, unique = true, length = 100)
	private String codeName;

	/** The code name in Chinese (天网 for Sky Net), where known. */
	@Column(name = "code_name_zh", length = 100)
	private String codeNameZh;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "date", column = @Column(name = "started_date")),
			@AttributeOverride(name = "precision", column = @Column(name = "started_precision")) })
	private PartialDate started;

	@Column(name = "planned_duration_months")
	private Integer plannedDurationMonths;

	@Column(name = "target_count")
	private Integer targetCount;

	@Column(name = "target_description", length = 500)
	private String targetDescription;

	@Column(length = 2000)
	private String goals;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "launched_by_agency_id")
	private Agency launchedBy;

	protected Operation() {
	}

	public Long getId() {
		return id;
	}

	public String getCodeName() {
		return codeName;
	}

	public String getCodeNameZh() {
		return codeNameZh;
	}

	public PartialDate getStarted() {
		return started;
	}

	/** The planned end, to the precision of the start (April 2015 + 8 months = December 2015). */
	public PartialDate getPlannedEnd() {
		if (started == null || plannedDurationMonths == null) {
			return null;
		}
		return new PartialDate(started.date().plusMonths(plannedDurationMonths), started.precision());
	}

	public Integer getPlannedDurationMonths() {
		return plannedDurationMonths;
	}

	public Integer getTargetCount() {
		return targetCount;
	}

	public String getTargetDescription() {
		return targetDescription;
	}

	public String getGoals() {
		return goals;
	}

	public Agency getLaunchedBy() {
		return launchedBy;
	}

}
