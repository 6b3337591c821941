package org.fugitivetracker.figure;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.fugitivetracker.agency.Agency;
import org.fugitivetracker.agency.AgencyOfficial;
import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.common.Qualifier;
import org.fugitivetracker.common.StatedAmount;
import org.fugitivetracker.operation.Operation;

/**
 * An aggregate claim a source makes ("more than 860 economic fugitives brought back from April to
 * the end of November"), with its qualifier, period and scope, and the figure it is a part of.
 */
@Entity
@Table(name = "reported_figure")
public class ReportedFigure implements StatedAmount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 60)
	private String metric;

	@Column(nullable = false, precision = 20, scale = 2)
	private BigDecimal value;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private Qualifier qualifier;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private FigureUnit unit;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "date", column = @Column(name = "period_from_date")),
			@AttributeOverride(name = "precision", column = @Column(name = "period_from_precision")) })
	private PartialDate periodFrom;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "date", column = @Column(name = "period_to_date")),
			@AttributeOverride(name = "precision", column = @Column(name = "period_to_precision")) })
	private PartialDate periodTo;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "operation_id")
	private Operation operation;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "case_id")
	private CaseFile caseFile;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "part_of_id")
	private ReportedFigure partOf;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "equivalent_of_id")
	private ReportedFigure equivalentOf;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "stated_by_agency_id")
	private Agency statedByAgency;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "stated_by_official_id")
	private AgencyOfficial statedByOfficial;

	@ElementCollection
	@CollectionTable(name = "reported_figure_country", joinColumns = @JoinColumn(name = "reported_figure_id"))
	@Column(name = "country_code", nullable = false, length = 2)
	@OrderBy
	private Set<String> countries = new LinkedHashSet<>();

	protected ReportedFigure() {
	}

	public Long getId() {
		return id;
	}

	public String getMetric() {
		return metric;
	}

	public BigDecimal getValue() {
		return value;
	}

	public Qualifier getQualifier() {
		return qualifier;
	}

	public FigureUnit getUnit() {
		return unit;
	}

	public PartialDate getPeriodFrom() {
		return periodFrom;
	}

	public PartialDate getPeriodTo() {
		return periodTo;
	}

	public Operation getOperation() {
		return operation;
	}

	public CaseFile getCaseFile() {
		return caseFile;
	}

	public ReportedFigure getPartOf() {
		return partOf;
	}

	public ReportedFigure getEquivalentOf() {
		return equivalentOf;
	}

	public Agency getStatedByAgency() {
		return statedByAgency;
	}

	public AgencyOfficial getStatedByOfficial() {
		return statedByOfficial;
	}

	public Set<String> getCountries() {
		return countries;
	}

	@Override
	public BigDecimal statedNumber() {
		return value;
	}

	@Override
	public Qualifier statedQualifier() {
		return qualifier;
	}

	@Override
	public String statedUnit() {
		return unit.name();
	}

}
