package org.fugitivetracker.country;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.fugitivetracker.web.Option;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The countries a form offers: every one, by its name in the reader's language, shown with its code. */
@Component
public class CountryOptions {

	private final CountryRepository countries;

	CountryOptions(CountryRepository countries) {
		this.countries = countries;
	}

	@Transactional(readOnly = true)
	public List<Option> all(Locale locale) {
		return countries.findAll()
			.stream()
			.map(country -> new Option(country.getCode(), country.name(locale) + " (" + country.getCode() + ")"))
			.sorted(Comparator.comparing(Option::label))
			.toList();
	}

}
