package org.fugitivetracker.browse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Operations such as Sky Net: period, target, reported figures and progress against the records. */
@Controller
class OperationController {

	static final String LIST_VIEW = "operation/list";

	static final String DETAIL_VIEW = "operation/detail";

	private final OperationPageService pages;

	OperationController(OperationPageService pages) {
		this.pages = pages;
	}

	@GetMapping("/operations")
	String list(Model model) {
		model.addAttribute("operations", pages.list());
		return LIST_VIEW;
	}

	@GetMapping("/operations/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("page", pages.load(id));
		return DETAIL_VIEW;
	}

}
