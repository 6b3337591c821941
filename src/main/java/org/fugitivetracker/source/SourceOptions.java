package org.fugitivetracker.source;

import java.util.List;

import org.fugitivetracker.web.Option;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The sources a form offers to cite: the most recently added first, synthetic ones left out. */
@Component
public class SourceOptions {

	private final SourceRepository sources;

	SourceOptions(SourceRepository sources) {
		this.sources = sources;
	}

	@Transactional(readOnly = true)
	public List<Option> recent() {
		return sources.findTop200BySyntheticFalseOrderByIdDesc()
			.stream()
			.map(source -> new Option(String.valueOf(source.getId()),
					source.getTitle() + " — " + source.getPublisher()))
			.toList();
	}

}
