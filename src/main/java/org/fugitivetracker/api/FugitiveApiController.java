package org.fugitivetracker.api;

import org.fugitivetracker.api.ApiViews.FugitiveDetail;
import org.fugitivetracker.api.ApiViews.FugitiveItem;
import org.fugitivetracker.fugitive.FugitiveFilter;
import org.fugitivetracker.fugitive.FugitiveQuery;
import org.fugitivetracker.fugitive.FugitiveSearch;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping(path = "/api/v1/fugitives", produces = "application/json")
@Tag(name = "Fugitives")
class FugitiveApiController {

	private final FugitiveSearch search;

	private final ApiReader reader;

	FugitiveApiController(FugitiveSearch search, ApiReader reader) {
		this.search = search;
		this.reader = reader;
	}

	@GetMapping
	@Operation(summary = "Filter fugitives",
			description = "The same parameters, rows and order as the page /fugitives and the export /fugitives.csv. "
					+ "page.totalElements is always the exact number of matching people, also for a common text "
					+ "fragment: every match is read to sort them, and counted in the same pass.")
	ApiPage<FugitiveItem> list(@ParameterObject FugitiveQuery query) {
		FugitiveFilter filter = FugitiveFilter.parse(query).requirePageable();
		FugitiveSearch.RowPage result = search.list(filter);
		return ApiPage.of(result.rows().stream().map(FugitiveItem::of).toList(), filter.page(), filter.size(),
				result.total());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One fugitive with events, cases and sources")
	FugitiveDetail detail(@PathVariable long id) {
		return reader.fugitive(id);
	}

}
