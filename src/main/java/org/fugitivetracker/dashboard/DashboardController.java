package org.fugitivetracker.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the headline figures with their sources, and the state of the records. */
@Controller
class DashboardController {

	static final String VIEW = "home";

	private final DashboardService dashboard;

	DashboardController(DashboardService dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("dashboard", dashboard.load());
		return VIEW;
	}

}
