package org.fugitivetracker.agency;

import java.util.Comparator;
import java.util.List;

import org.fugitivetracker.web.Option;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The agencies a form offers, by name. */
@Component
public class AgencyOptions {

	private final AgencyRepository agencies;

	AgencyOptions(AgencyRepository agencies) {
		this.agencies = agencies;
	}

	@Transactional(readOnly = true)
	public List<Option> all() {
		return agencies.findAll()
			.stream()
			.sorted(Comparator.comparing(Agency::getName))
			.map(agency -> new Option(String.valueOf(agency.getId()), agency.getName()))
			.toList();
	}

}
