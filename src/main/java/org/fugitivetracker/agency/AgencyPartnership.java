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

/** One agency working with another for a stated purpose. */
@Entity
@Table(name = "agency_partnership")
public class AgencyPartnership {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "agency_id")
	private Agency agency;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "partner_agency_id")
	private Agency partner;

	@Column(nullable = false, length = 1000)
	private String purpose;

	protected AgencyPartnership() {
	}

	public Long getId() {
		return id;
	}

	public Agency getAgency() {
		return agency;
	}

	public Agency getPartner() {
		return partner;
	}

	public String getPurpose() {
		return purpose;
	}

}
