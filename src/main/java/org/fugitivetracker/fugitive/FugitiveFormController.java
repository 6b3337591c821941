package org.fugitivetracker.fugitive;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.fugitivetracker.country.CountryOptions;
import org.fugitivetracker.source.SourceOptions;
import org.fugitivetracker.web.AdminForm;
import org.fugitivetracker.web.FormSubmission;
import org.fugitivetracker.web.Option;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins add a fugitive and edit a fugitive's profile (never the status). */
@Controller
@AdminForm
@PreAuthorize("hasRole('ADMIN')")
class FugitiveFormController {

	static final String FORM = "fugitive/form";

	private final FugitiveEditor editor;

	private final CountryOptions countryOptions;

	private final SourceOptions sourceOptions;

	private final MessageSource messages;

	private final FormSubmission forms;

	FugitiveFormController(FugitiveEditor editor, CountryOptions countryOptions, SourceOptions sourceOptions,
			MessageSource messages, FormSubmission forms) {
		this.editor = editor;
		this.countryOptions = countryOptions;
		this.sourceOptions = sourceOptions;
		this.messages = messages;
		this.forms = forms;
	}

	@GetMapping("/fugitives/new")
	String newFugitive(Model model, Locale locale) {
		model.addAttribute("fugitiveForm", FugitiveForm.blank());
		return form(null, model, locale);
	}

	/**
	 * Adds the fugitive; or, when they may be someone already recorded, shows the form again
	 * (409) with those people, what matched, and a box to tick to add them anyway
	 * ({@code confirmDuplicate}).
	 */
	@PostMapping("/fugitives")
	ModelAndView create(@Valid @ModelAttribute("fugitiveForm") FugitiveForm form, BindingResult result,
			@RequestParam(defaultValue = "false") boolean confirmDuplicate, Authentication user, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			return forms.submit(result, () -> editor.rulesBrokenByCreate(form), () -> {
				FugitiveSummary created = editor.create(form, user.getName(), confirmDuplicate);
				redirect.addFlashAttribute("confirmation",
						messages.getMessage("admin.fugitive.created", new Object[] { created.name() }, locale));
				return "redirect:/fugitives/" + created.id();
			}, () -> form(null, model, locale));
		}
		catch (LikelyDuplicateException likely) {
			model.addAttribute("duplicates", likely.getCandidates());
			return new ModelAndView(form(null, model, locale), HttpStatus.CONFLICT);
		}
	}

	@GetMapping("/fugitives/{id}/edit")
	String edit(@PathVariable long id, Model model, Locale locale) {
		model.addAttribute("fugitiveForm", editor.formFor(id));
		return form(editor.summary(id), model, locale);
	}

	@PostMapping("/fugitives/{id}/edit")
	ModelAndView update(@PathVariable long id, @Valid @ModelAttribute("fugitiveForm") FugitiveForm form,
			BindingResult result, Authentication user, Model model, Locale locale, RedirectAttributes redirect) {
		FugitiveSummary fugitive = editor.summary(id);
		return forms.submit(result, () -> editor.rulesBrokenByUpdate(id, form), () -> {
			FugitiveSummary updated = editor.update(id, form, user.getName());
			redirect.addFlashAttribute("confirmation",
					messages.getMessage("admin.fugitive.updated", new Object[] { updated.name() }, locale));
			return "redirect:/fugitives/" + id;
		}, () -> form(fugitive, model, locale));
	}

	private String form(FugitiveSummary fugitive, Model model, Locale locale) {
		model.addAttribute("fugitive", fugitive);
		model.addAttribute("countries", countryOptions.all(locale));
		model.addAttribute("sources", sourceOptions.recent());
		model.addAttribute("sexes", List.of(new Option("F", messages.getMessage("admin.fugitive.sex.F", null, locale)),
				new Option("M", messages.getMessage("admin.fugitive.sex.M", null, locale))));
		return FORM;
	}

}
