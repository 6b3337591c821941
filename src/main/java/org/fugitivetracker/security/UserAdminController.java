package org.fugitivetracker.security;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators list accounts, create them, disable and enable them and reset passwords. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

	static final String LIST_VIEW = "security/users";

	static final String RESET_VIEW = "security/reset-password";

	private final UserAdministration users;

	private final MessageSource messages;

	UserAdminController(UserAdministration users, MessageSource messages) {
		this.users = users;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model) {
		return showList(model, UserForms.CreateUser.empty());
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") UserForms.CreateUser form, BindingResult result, Model model,
			Principal admin, HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			// Say that the name is taken with the form's other errors, not only once they are fixed.
			if (!result.hasFieldErrors("username") && users.isTaken(form.username())) {
				result.rejectValue("username", "security.validation.usernameTaken");
			}
		}
		else if (users.create(form.username(), form.role(), form.password(), admin.getName()).isEmpty()) {
			result.rejectValue("username", "security.validation.usernameTaken");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showList(model, form);
		}
		redirect.addFlashAttribute("confirmation", message("security.users.created", form.username()));
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, Principal admin, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return setEnabled(id, false, admin, model, response, redirect);
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, Principal admin, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return setEnabled(id, true, admin, model, response, redirect);
	}

	@GetMapping("/{id}/password")
	String resetForm(@PathVariable long id, Model model) {
		model.addAttribute("account", users.get(id));
		model.addAttribute("form", UserForms.ResetPassword.empty());
		return RESET_VIEW;
	}

	@PostMapping("/{id}/password")
	String reset(@PathVariable long id, @Valid @ModelAttribute("form") UserForms.ResetPassword form,
			BindingResult result, Model model, Principal admin, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		UserAccount account = users.get(id);
		if (!result.hasFieldErrors("password") && !form.confirmed()) {
			result.rejectValue("confirmation", "security.validation.mismatch");
		}
		HttpStatus status = HttpStatus.BAD_REQUEST;
		if (!result.hasErrors()) {
			UserAdministration.Reset reset = users.resetPassword(id, form.password(), admin.getName(),
					form.adminPassword(), request.getRemoteAddr());
			switch (reset.outcome()) {
				case DONE -> {
					redirect.addFlashAttribute("confirmation", message("security.reset.done", reset.username()));
					return "redirect:/admin/users";
				}
				case WRONG_ADMIN_PASSWORD -> result.rejectValue("adminPassword", "security.validation.adminPasswordWrong");
				case THROTTLED -> {
					reset.retryAfter().addTo(model);
					status = HttpStatus.TOO_MANY_REQUESTS;
				}
			}
		}
		response.setStatus(status.value());
		model.addAttribute("account", account);
		return RESET_VIEW;
	}

	private String setEnabled(long id, boolean enabled, Principal admin, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		UserAdministration.EnabledChange change = users.setEnabled(id, enabled, admin.getName());
		switch (change.outcome()) {
			case CHANGED, UNCHANGED -> {
				redirect.addFlashAttribute("confirmation",
						message(enabled ? "security.users.enabledDone" : "security.users.disabledDone", change.username()));
				return "redirect:/admin/users";
			}
			case OWN_ACCOUNT -> model.addAttribute("refusal", message("security.users.disableOwn"));
			case LAST_ADMIN -> model.addAttribute("refusal", message("security.users.disableLastAdmin", change.username()));
		}
		response.setStatus(HttpStatus.CONFLICT.value());
		return showList(model, UserForms.CreateUser.empty());
	}

	private String showList(Model model, UserForms.CreateUser form) {
		model.addAttribute("users", users.list());
		model.addAttribute("roles", Role.values());
		model.addAttribute("form", form);
		return LIST_VIEW;
	}

	private String message(String code, Object... arguments) {
		return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
