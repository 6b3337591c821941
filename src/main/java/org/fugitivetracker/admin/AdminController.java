package org.fugitivetracker.admin;

import java.util.Locale;

import org.fugitivetracker.country.CountryCatalog;
import org.fugitivetracker.event.EventRecorder;
import org.fugitivetracker.fugitive.FugitiveEditor;
import org.fugitivetracker.fugitive.FugitiveFilter;
import org.fugitivetracker.fugitive.FugitiveQuery;
import org.fugitivetracker.fugitive.FugitiveSearch;
import org.fugitivetracker.fugitive.FugitiveSearchPage;
import org.fugitivetracker.fugitive.InvalidFilterException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's starting points: the list of tools, and one page per fugitive with every write about them. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminController {

	/** How many people the admin page lists; a search narrows them. */
	static final int FOUND_SHOWN = 20;

	private final FugitiveEditor fugitives;

	private final EventRecorder events;

	private final FugitiveSearch search;

	private final CountryCatalog countries;

	private final MessageSource messages;

	AdminController(FugitiveEditor fugitives, EventRecorder events, FugitiveSearch search, CountryCatalog countries,
			MessageSource messages) {
		this.fugitives = fugitives;
		this.events = events;
		this.search = search;
		this.countries = countries;
		this.messages = messages;
	}

	/**
	 * The tools, and the people to manage: the first of them by name, or those a search finds (the
	 * same search as the list's), each with links to everything an admin writes about them.
	 */
	@GetMapping("/admin")
	String home(@RequestParam(name = "q", required = false) String q, Model model, Locale locale) {
		FugitiveFilter filter;
		try {
			filter = firstFound(q);
		}
		catch (InvalidFilterException ex) {
			model.addAttribute("searchError", ex.describe(messages, locale));
			filter = firstFound(null);
		}
		FugitiveSearchPage found = search.page(filter);
		model.addAttribute("q", q);
		model.addAttribute("found", found.rows());
		model.addAttribute("foundTotal", found.total());
		model.addAttribute("listLink", filter.q() == null ? "/fugitives" : "/fugitives?" + filter.toQueryString(false));
		return "admin/index";
	}

	private static FugitiveFilter firstFound(String q) {
		return FugitiveFilter.parse(new FugitiveQuery(null, null, q, null, null, "0", String.valueOf(FOUND_SHOWN)));
	}

	@GetMapping("/fugitives/{id}/manage")
	String manageFugitive(@PathVariable long id, Model model) {
		model.addAttribute("fugitive", fugitives.summary(id));
		model.addAttribute("events", events.eventsOf(id));
		model.addAttribute("countries", countries.names());
		return "admin/fugitive";
	}

}
