package org.fugitivetracker.fugitive;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fugitivetracker.fugitive.FugitiveFacets.CountryCount;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code GET /fugitives}: the filter form, the facets, the total, one page of rows and links that
 * keep the filter. The URL is the whole state, so a filtered list can be bookmarked and shared.
 */
@Controller
class FugitiveListController {

	static final String VIEW = "fugitive/list";

	static final List<Integer> SIZES = List.of(20, 50, 100, 200);

	static final List<String> SORTS = List.of("name,asc", "name,desc", "status,asc", "status,desc", "fled,asc",
			"fled,desc");

	private final FugitiveSearch search;

	FugitiveListController(FugitiveSearch search) {
		this.search = search;
	}

	@GetMapping("/fugitives")
	String list(@ModelAttribute FugitiveQuery query, Model model, Locale locale) {
		FugitiveFilter filter = FugitiveFilter.parse(query).requirePageable();
		FugitiveSearchPage result = search.page(filter);
		Collator collator = Collator.getInstance(locale);
		List<CountryOption> countries = result.facets()
			.countries()
			.stream()
			.map(c -> new CountryOption(c.code(), c.label(locale), c.count(), c.selected()))
			.sorted(Comparator.comparing(CountryOption::label, collator))
			.toList();
		model.addAttribute("filter", filter);
		model.addAttribute("result", result);
		model.addAttribute("countries", countries);
		model.addAttribute("countryLabels", result.facets()
			.countries()
			.stream()
			.collect(Collectors.toMap(CountryCount::code, c -> c.label(locale), (a, b) -> a)));
		TreeSet<Integer> sizes = new TreeSet<>(SIZES);
		sizes.add(filter.size());
		model.addAttribute("sizes", sizes);
		model.addAttribute("sorts", SORTS);
		model.addAttribute("links", links(filter, result));
		model.addAttribute("maxOffset", FugitiveFilter.MAX_OFFSET);
		return VIEW;
	}

	/** A country checkbox: its label in the reader's language and its count for the current filter. */
	record CountryOption(String code, String label, long count, boolean selected) {

	}

	/** Pagination and export URLs, each keeping every parameter of the filter. */
	record Links(String first, String previous, String next, String last, String csv, String clear) {

	}

	private static Links links(FugitiveFilter filter, FugitiveSearchPage result) {
		Function<Integer, String> page = p -> "/fugitives?" + filter.withPage(p).toQueryString(true);
		int lastReachable = (FugitiveFilter.MAX_OFFSET - 1) / filter.size();
		int last = Math.max(0, Math.min(result.totalPages() - 1, lastReachable));
		String csvQuery = filter.toQueryString(false);
		return new Links(result.hasPrevious() ? page.apply(0) : null,
				result.hasPrevious() ? page.apply(Math.min(filter.page() - 1, last)) : null,
				result.hasNext() ? page.apply(filter.page() + 1) : null, result.hasNext() ? page.apply(last) : null,
				csvQuery.isEmpty() ? "/fugitives.csv" : "/fugitives.csv?" + csvQuery, "/fugitives");
	}

}
