package org.fugitivetracker.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.fugitivetracker.agency.Agency;
import org.fugitivetracker.agency.AgencyRepository;
import org.fugitivetracker.country.CountryRepository;
import org.fugitivetracker.source.SourceRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The choices admin forms offer: countries (from the table), sources and agencies. */
@Component
public class FormOptions {

	private final CountryRepository countries;

	private final SourceRepository sources;

	private final AgencyRepository agencies;

	FormOptions(CountryRepository countries, SourceRepository sources, AgencyRepository agencies) {
		this.countries = countries;
		this.sources = sources;
		this.agencies = agencies;
	}

	/** Every country, by its name in the reader's language, shown with its code. */
	@Transactional(readOnly = true)
	public List<Option> countries(Locale locale) {
		return countries.findAll()
			.stream()
			.map(country -> new Option(country.getCode(), country.name(locale) + " (" + country.getCode() + ")"))
			.sorted(Comparator.comparing(Option::label))
			.toList();
	}

	/** The most recently added sources first (synthetic ones left out). */
	@Transactional(readOnly = true)
	public List<Option> sources() {
		return sources.findTop200BySyntheticFalseOrderByIdDesc()
			.stream()
			.map(source -> new Option(String.valueOf(source.getId()), source.getTitle() + " — " + source.getPublisher()))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<Option> agencies() {
		return agencies.findAll()
			.stream()
			.sorted(Comparator.comparing(Agency::getName))
			.map(agency -> new Option(String.valueOf(agency.getId()), agency.getName()))
			.toList();
	}

}
