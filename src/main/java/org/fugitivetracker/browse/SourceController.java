package org.fugitivetracker.browse;

import org.fugitivetracker.country.CountryCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The sources, and for each everything that cites it. */
@Controller
class SourceController {

	static final String LIST_VIEW = "source/list";

	static final String DETAIL_VIEW = "source/detail";

	private final SourcePageService pages;

	private final CountryCatalog countries;

	SourceController(SourcePageService pages, CountryCatalog countries) {
		this.pages = pages;
		this.countries = countries;
	}

	@GetMapping("/sources")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("list", pages.list(page));
		return LIST_VIEW;
	}

	@GetMapping("/sources/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("page", pages.load(id));
		model.addAttribute("countries", countries.names());
		return DETAIL_VIEW;
	}

}
