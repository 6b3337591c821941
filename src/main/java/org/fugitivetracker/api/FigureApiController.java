package org.fugitivetracker.api;

import java.util.List;

import org.fugitivetracker.api.ApiViews.FigureItem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Figures")
class FigureApiController {

	private final ApiReader reader;

	FigureApiController(ApiReader reader) {
		this.reader = reader;
	}

	/** The reported figures are a small, curated set (no synthetic ones), so they are not paged. */
	@GetMapping(path = "/api/v1/figures", produces = "application/json")
	@Operation(summary = "Every reported figure with qualifier, unit, period, countries and sources")
	List<FigureItem> list() {
		return reader.figures();
	}

}
