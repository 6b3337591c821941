package org.fugitivetracker.country;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The country reference table: pages read it through {@link CountryCatalog}, which keeps a copy;
 * writes check the codes they are given against it.
 */
public interface CountryRepository extends JpaRepository<Country, String> {

	List<Country> findAllByOrderByNameEnAsc();

}
