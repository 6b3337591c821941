package org.fugitivetracker.fugitive;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fugitivetracker.fugitive.FugitiveFacets.CountryCount;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

	/**
	 * The filter form is a plain GET form, so the browser sends every field, the empty ones too
	 * ({@code q=&operation=}); such a request is sent on to the same list without them, so that
	 * the address bar, bookmarks and shared links carry only what was chosen, with or without
	 * JavaScript.
	 */
	@GetMapping("/fugitives")
	String list(@ModelAttribute FugitiveQuery query, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		String withoutEmpty = EmptyParameters.dropped(request, "/fugitives");
		if (withoutEmpty != null) {
			// A relative Location: sendRedirect would make it absolute from the client's Host header.
			response.setStatus(HttpStatus.FOUND.value());
			response.setHeader(HttpHeaders.LOCATION, withoutEmpty);
			return null;
		}
		FugitiveFilter filter = FugitiveFilter.parse(query).requirePageable();
		FugitiveSearchPage result = search.page(filter);
		Collator collator = Collator.getInstance(locale);
		// Countries that match (or are chosen) first; those that would add nothing come after, folded away.
		List<CountryOption> countries = result.facets()
			.countries()
			.stream()
			.map(c -> new CountryOption(c.code(), c.label(locale), c.count(), c.selected()))
			.sorted(Comparator.comparing(CountryOption::label, collator))
			.toList();
		model.addAttribute("filter", filter);
		model.addAttribute("result", result);
		model.addAttribute("countries", countries.stream().filter(CountryOption::offered).toList());
		model.addAttribute("countriesWithoutMatch", countries.stream().filter(c -> !c.offered()).toList());
		model.addAttribute("moreFiltersChosen", filter.countries().size() + filter.statuses().size()
				+ (filter.operation() != null ? 1 : 0) + (filter.sort().equals(FugitiveSort.DEFAULT) ? 0 : 1)
				+ (filter.size() == FugitiveFilter.DEFAULT_SIZE ? 0 : 1));
		model.addAttribute("anyNativeName",
				result.rows().stream().anyMatch(row -> row.nativeName() != null && !row.nativeName().isBlank()));
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

		/** Shown at once: it matches someone under the rest of the filter, or it is chosen. */
		boolean offered() {
			return count > 0 || selected;
		}

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
