package org.fugitivetracker.country;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The country reference table: pages read it through {@link CountryCatalog}, which keeps a copy;
 * writes check the codes they are given against it.
 */
public interface CountryRepository extends JpaRepository<Country, String> {

	List<Country> findAllByOrderByNameEnAsc();

	/**
	 * Whether the code names a country of the table. A malformed code (not two capital letters)
	 * never does and is not looked up: a form's rules are also checked beside its other errors,
	 * with whatever was typed (PostgreSQL refuses some characters outright).
	 */
	default boolean isKnown(String code) {
		return code != null && code.matches("[A-Z]{2}") && existsById(code);
	}

}
