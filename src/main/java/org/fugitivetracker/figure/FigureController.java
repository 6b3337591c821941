package org.fugitivetracker.figure;

import org.fugitivetracker.country.CountryCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Every reported figure, grouped by period and scope, next to what the records give for it. */
@Controller
class FigureController {

	static final String VIEW = "figure/list";

	private final FigureViews figures;

	private final CountryCatalog countries;

	FigureController(FigureViews figures, CountryCatalog countries) {
		this.figures = figures;
		this.countries = countries;
	}

	@GetMapping("/figures")
	String list(Model model) {
		model.addAttribute("groups", FigureGroup.of(figures.all()));
		model.addAttribute("rules", Reconciliation.Rule.values());
		model.addAttribute("countries", countries.names());
		return VIEW;
	}

}
