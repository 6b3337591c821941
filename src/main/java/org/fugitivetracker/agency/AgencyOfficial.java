package org.fugitivetracker.agency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A named official of an agency, where a source names one (e.g. Liu Jianchao, director). */
@Entity
@Table(name = "agency_official")
public class AgencyOfficial {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "agency_id")
	private Agency agency;

	@Column(nullable = false, length = 200)
	private String name;

	@Column(nullable = false, length = 200)
	private String title;

	@Column(name = "title_zh", length = 200)
	private String titleZh;

	protected AgencyOfficial() {
	}

	public Long getId() {
		return id;
	}

	public Agency getAgency() {
		return agency;
	}

	public String getName() {
		return name;
	}

	public String getTitle() {
		return title;
	}

	public String getTitleZh() {
		return titleZh;
	}

}
