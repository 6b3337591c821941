package org.fugitivetracker.casefile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fugitivetracker.agency.Agency;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.envers.RelationTargetAuditMode;

/** A case against one or more fugitives, worked with a counterpart country. */
@Entity
@Audited
@Table(name = "case_file")
public class CaseFile {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 300)
	private String title;

	/** The title in Chinese, where known; the Chinese pages show it instead of the English one. */
	@Column(name = "title_zh", length = 300)
	private String titleZh;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private CaseStatus status = CaseStatus.OPEN;

	@Column(name = "counterpart_country", length = 2)
	private String counterpartCountry;

	@Column(length = 4000)
	private String description;

	/** Agencies are reference data, not audited: the audit keeps which agencies, by id. */
	@Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
	@ManyToMany
	@JoinTable(name = "case_agency", joinColumns = @JoinColumn(name = "case_id"),
			inverseJoinColumns = @JoinColumn(name = "agency_id"))
	@OrderBy("name")
	private Set<Agency> agencies = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "case_participant", joinColumns = @JoinColumn(name = "case_id"))
	private List<CaseParticipant> participants = new ArrayList<>();

	@NotAudited
	@OneToMany(mappedBy = "caseFile")
	@OrderBy("position")
	private List<CooperationStep> cooperationSteps = new ArrayList<>();

	@Column(nullable = false)
	private boolean synthetic;

	@Version
	private long version;

	protected CaseFile() {
	}

	public CaseFile(String title, CaseStatus status, String counterpartCountry, String description) {
		this.title = title;
		this.status = status;
		this.counterpartCountry = counterpartCountry;
		this.description = description;
	}

	public Long getId() {
		return id;
	}

	public String getTitle() {
		return title;
	}

	public String getTitleZh() {
		return titleZh;
	}

	public void setTitleZh(String titleZh) {
		this.titleZh = titleZh;
	}

	public CaseStatus getStatus() {
		return status;
	}

	public void setStatus(CaseStatus status) {
		this.status = status;
	}

	public String getCounterpartCountry() {
		return counterpartCountry;
	}

	public String getDescription() {
		return description;
	}

	public Set<Agency> getAgencies() {
		return agencies;
	}

	public List<CaseParticipant> getParticipants() {
		return participants;
	}

	public List<CooperationStep> getCooperationSteps() {
		return cooperationSteps;
	}

	public boolean isSynthetic() {
		return synthetic;
	}

	public long getVersion() {
		return version;
	}

}
