package org.fugitivetracker.country;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * The country table, read once and kept: every page names countries, and the table is reference
 * data that only migrations write (ISO codes and names), so reading it for each page cost a
 * statement per page for nothing. Every instance keeps its own copy of the same migrated rows, so
 * instances behind a load balancer agree. A page that meets a code the copy lacks (a country added
 * since, as tests do) reads the table again (see {@link CountryNames}).
 */
@Service
public class CountryCatalog {

	private static final Logger log = LoggerFactory.getLogger(CountryCatalog.class);

	private final CountryRepository countries;

	/** Replaced whole, never changed in place; null until first read. */
	private volatile Map<String, Country> byCode;

	CountryCatalog(CountryRepository countries) {
		this.countries = countries;
	}

	/** The names for one page. */
	public CountryNames names() {
		Map<String, Country> current = byCode;
		return new CountryNames(current != null ? current : reread(), this::reread);
	}

	/** Read before the first page, so no page pays for it; if the database is down, the first page will. */
	@EventListener(ApplicationReadyEvent.class)
	void readAtStart() {
		try {
			reread();
		}
		catch (DataAccessException ex) {
			log.warn("Country names not read at start ({}); the first page that needs them will read them",
					ex.getMessage());
		}
	}

	private Map<String, Country> reread() {
		Map<String, Country> fresh = Map.copyOf(CountryNames.byCode(countries.findAll()));
		byCode = fresh;
		return fresh;
	}

}
