package org.fugitivetracker.api;

import java.util.List;

import org.fugitivetracker.api.ApiViews.FugitiveDetail;
import org.fugitivetracker.api.ApiViews.FugitiveItem;
import org.fugitivetracker.fugitive.FugitiveFilter;
import org.fugitivetracker.fugitive.FugitiveQuery;
import org.fugitivetracker.fugitive.FugitiveSearch;
import org.fugitivetracker.fugitive.IdentifierRegistry;
import org.fugitivetracker.fugitive.IdentifierView;
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

	private final IdentifierRegistry identifiers;

	FugitiveApiController(FugitiveSearch search, ApiReader reader, IdentifierRegistry identifiers) {
		this.search = search;
		this.reader = reader;
		this.identifiers = identifiers;
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

	@GetMapping("/{id}/identifiers")
	@Operation(summary = "A fugitive's external identifiers, each with its source",
			description = "Interpol red notices, national wanted notices, passports and national identity cards; "
					+ "value is null where a notice's number is not published. Admins add them with POST and "
					+ "remove them with DELETE /api/v1/identifiers/{id}.")
	List<IdentifierView> identifiers(@PathVariable long id) {
		return identifiers.of(id);
	}

}
