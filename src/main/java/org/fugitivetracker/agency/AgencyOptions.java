package org.fugitivetracker.agency;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.fugitivetracker.web.Formats;
import org.fugitivetracker.web.Option;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The agencies a form offers, by their name in the reader's language. */
@Component
public class AgencyOptions {

	private final AgencyRepository agencies;

	private final Formats formats;

	AgencyOptions(AgencyRepository agencies, Formats formats) {
		this.agencies = agencies;
		this.formats = formats;
	}

	@Transactional(readOnly = true)
	public List<Option> all(Locale locale) {
		return agencies.findAll()
			.stream()
			.map(agency -> new Option(String.valueOf(agency.getId()),
					formats.local(agency.getName(), agency.getNameZh(), locale)))
			.sorted(Comparator.comparing(Option::label))
			.toList();
	}

}
