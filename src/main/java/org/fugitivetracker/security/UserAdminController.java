package org.fugitivetracker.security;

import java.security.Principal;

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

/** Administrators list accounts, create them and reset passwords. */
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
		if (!result.hasErrors()
				&& users.create(form.username(), form.role(), form.password(), admin.getName()).isEmpty()) {
			result.rejectValue("username", "security.validation.usernameTaken");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showList(model, form);
		}
		redirect.addFlashAttribute("confirmation", message("security.users.created", form.username()));
		return "redirect:/admin/users";
	}

	@GetMapping("/{id}/password")
	String resetForm(@PathVariable long id, Model model) {
		model.addAttribute("account", users.get(id));
		model.addAttribute("form", UserForms.ResetPassword.empty());
		return RESET_VIEW;
	}

	@PostMapping("/{id}/password")
	String reset(@PathVariable long id, @Valid @ModelAttribute("form") UserForms.ResetPassword form,
			BindingResult result, Model model, Principal admin, HttpServletResponse response,
			RedirectAttributes redirect) {
		UserAccount account = users.get(id);
		if (!result.hasFieldErrors("password") && !form.confirmed()) {
			result.rejectValue("confirmation", "security.validation.mismatch");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("account", account);
			return RESET_VIEW;
		}
		String username = users.resetPassword(id, form.password(), admin.getName());
		redirect.addFlashAttribute("confirmation", message("security.reset.done", username));
		return "redirect:/admin/users";
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
