package org.fugitivetracker.api;

import org.fugitivetracker.api.ApiViews.CaseDetail;
import org.fugitivetracker.api.ApiViews.CaseItem;
import org.fugitivetracker.fugitive.FugitiveFilter.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping(path = "/api/v1/cases", produces = "application/json")
@Tag(name = "Cases")
class CaseApiController {

	private final ApiReader reader;

	CaseApiController(ApiReader reader) {
		this.reader = reader;
	}

	@GetMapping
	@Operation(summary = "Cases with their participants, by id")
	ApiPage<CaseItem> list(
			@Parameter(description = "0-based page number", example = "0") @RequestParam(required = false) String page,
			@Parameter(description = "Rows per page, 1 to 200", example = "50") @RequestParam(required = false) String size) {
		Paging paging = Paging.parse(page, size).requirePageable();
		return reader.cases(paging.page(), paging.size());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One case with agencies, participants, cooperation steps, events, figures and sources")
	CaseDetail detail(@PathVariable long id) {
		return reader.caseFile(id);
	}

}
