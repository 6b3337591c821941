package org.fugitivetracker.browse;

import org.fugitivetracker.casefile.CaseFileRepository;
import org.fugitivetracker.casefile.CaseSummary;
import org.fugitivetracker.country.CountryCatalog;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The cases: a paged list and each case with its people, figures, cooperation steps and events. */
@Controller
class CaseController {

	static final String LIST_VIEW = "casefile/list";

	static final String DETAIL_VIEW = "casefile/detail";

	static final int PAGE_SIZE = 25;

	private final CaseFileRepository cases;

	private final CasePageService pages;

	private final CountryCatalog countries;

	CaseController(CaseFileRepository cases, CasePageService pages, CountryCatalog countries) {
		this.cases = cases;
		this.pages = pages;
		this.countries = countries;
	}

	@GetMapping("/cases")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		// Beyond the last page is an empty page; so far beyond that the row offset overflows an int, too (it was a 500).
		int reachable = Math.min(Math.max(page, 0), Integer.MAX_VALUE / PAGE_SIZE);
		Page<CaseSummary> summaries = cases.findSummaries(PageRequest.of(reachable, PAGE_SIZE));
		model.addAttribute("cases", summaries);
		model.addAttribute("countries", countries.names());
		return LIST_VIEW;
	}

	@GetMapping("/cases/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("page", pages.load(id));
		return DETAIL_VIEW;
	}

}
