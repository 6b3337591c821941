package org.fugitivetracker.security;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every logged-in user changes their own password here. */
@Controller
@RequestMapping("/account/password")
class AccountPasswordController {

	static final String VIEW = "security/password";

	private final UserAdministration users;

	private final MessageSource messages;

	AccountPasswordController(UserAdministration users, MessageSource messages) {
		this.users = users;
		this.messages = messages;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("form", UserForms.ChangePassword.empty());
		return VIEW;
	}

	@PostMapping
	String change(@Valid @ModelAttribute("form") UserForms.ChangePassword form, BindingResult result,
			Principal user, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		if (!result.hasFieldErrors("newPassword") && !form.confirmed()) {
			result.rejectValue("confirmation", "security.validation.mismatch");
		}
		if (!result.hasErrors()) {
			HttpSession session = request.getSession(false);
			UserAdministration.PasswordChange change = users.changeOwnPassword(user.getName(),
					form.currentPassword(), form.newPassword(), request.getRemoteAddr(),
					session == null ? null : session.getId());
			switch (change.outcome()) {
				case CHANGED -> {
					if (session != null) {
						request.changeSessionId();
					}
					redirect.addFlashAttribute("confirmation", message("security.password.changed"));
					return "redirect:/account/password";
				}
				case WRONG_CURRENT -> result.rejectValue("currentPassword", "security.validation.currentWrong");
				case UNCHANGED -> result.rejectValue("newPassword", "security.validation.sameAsCurrent");
				case LOCKED -> change.retryAfter().addTo(model);
			}
		}
		response.setStatus(RetryAfter.isIn(model) ? HttpStatus.TOO_MANY_REQUESTS.value()
				: HttpStatus.BAD_REQUEST.value());
		return VIEW;
	}

	private String message(String code, Object... arguments) {
		return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
