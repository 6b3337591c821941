package org.fugitivetracker.agency;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

/**
 * An agency of either side of the cases (discipline inspection, police, central bank, judiciary or
 * a bilateral body), with the officials the sources name.
 */
@Entity
public class Agency {

	public enum Kind {

		DISCIPLINE, POLICE, CENTRAL_BANK, JUDICIAL, BILATERAL

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true, length = 200)
	private String name;

	@Column(name = "name_zh", length = 200)
	private String nameZh;

	@Column(name = "country_code", length = 2)
	private String countryCode;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Kind kind;

	@OneToMany(mappedBy = "agency")
	private List<AgencyOfficial> officials = new ArrayList<>();

	protected Agency() {
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public String getNameZh() {
		return nameZh;
	}

	public String getCountryCode() {
		return countryCode;
	}

	public Kind getKind() {
		return kind;
	}

	public List<AgencyOfficial> getOfficials() {
		return officials;
	}

}
