package org.fugitivetracker.country;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A row of the country reference table: the ISO code, the English and Chinese names, and whether a
 * source reports an extradition treaty with China.
 */
@Entity
public class Country {

	@Id
	@Column(length = 2)
	private String code;

	@Column(name = "name_en", nullable = false)
	private String nameEn;

	@Column(name = "name_zh", nullable = false)
	private String nameZh;

	/** As reported by a cited source; null where no source says. */
	@Column(name = "extradition_treaty_with_china")
	private Boolean extraditionTreatyWithChina;

	protected Country() {
	}

	public String getCode() {
		return code;
	}

	public String getNameEn() {
		return nameEn;
	}

	public String getNameZh() {
		return nameZh;
	}

	public String name(Locale locale) {
		return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? nameZh : nameEn;
	}

	public Boolean getExtraditionTreatyWithChina() {
		return extraditionTreatyWithChina;
	}

}
