package org.fugitivetracker.fugitive;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.fugitivetracker.country.CountryCatalog;
import org.fugitivetracker.country.CountryOptions;
import org.fugitivetracker.fugitive.ExternalIdentifier.Scheme;
import org.fugitivetracker.source.SourceOptions;
import org.fugitivetracker.web.AdminForm;
import org.fugitivetracker.web.FormSubmission;
import org.fugitivetracker.web.Option;
import org.fugitivetracker.web.RecordNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's external identifiers for admins: the list with a Remove button each, and the form to
 * add one. Post/redirect/get back to the list with a confirmation; a number another person holds
 * comes back as an error of the number's field, beside a link to that person.
 */
@Controller
@AdminForm
@PreAuthorize("hasRole('ADMIN')")
class IdentifierFormController {

	static final String PAGE = "fugitive/identifiers";

	private final IdentifierRegistry registry;

	private final FugitiveRepository fugitives;

	private final CountryOptions countryOptions;

	private final CountryCatalog countries;

	private final SourceOptions sourceOptions;

	private final MessageSource messages;

	private final FormSubmission forms;

	IdentifierFormController(IdentifierRegistry registry, FugitiveRepository fugitives, CountryOptions countryOptions,
			CountryCatalog countries, SourceOptions sourceOptions, MessageSource messages, FormSubmission forms) {
		this.registry = registry;
		this.fugitives = fugitives;
		this.countryOptions = countryOptions;
		this.countries = countries;
		this.sourceOptions = sourceOptions;
		this.messages = messages;
		this.forms = forms;
	}

	@GetMapping("/fugitives/{id}/identifiers")
	String identifiers(@PathVariable long id, Model model, Locale locale) {
		FugitiveSummary fugitive = summary(id);
		model.addAttribute("identifierForm", IdentifierForm.blank());
		return page(fugitive, model, locale);
	}

	@PostMapping("/fugitives/{id}/identifiers")
	ModelAndView add(@PathVariable long id, @Valid @ModelAttribute("identifierForm") IdentifierForm form,
			BindingResult result, Model model, Locale locale, RedirectAttributes redirect) {
		FugitiveSummary fugitive = summary(id);
		return forms.submit(result, () -> registry.rulesBroken(id, form), () -> {
			IdentifierView added = registry.add(id, form);
			redirect.addFlashAttribute("confirmation", messages.getMessage("admin.identifier.added",
					new Object[] { describe(added, locale), fugitive.name() }, locale));
			return "redirect:/fugitives/" + id + "/identifiers";
		}, () -> {
			if (result.getFieldErrors("value").stream().anyMatch(e -> "admin.identifier.taken".equals(e.getCode()))) {
				registry.holderOf(form.scheme(), form.value()).ifPresent(holder -> model.addAttribute("holder", holder));
			}
			return page(fugitive, model, locale);
		});
	}

	@PostMapping("/identifiers/{id}/remove")
	String remove(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		IdentifierRegistry.Removed removed = registry.remove(id);
		redirect.addFlashAttribute("confirmation", messages.getMessage("admin.identifier.removed",
				new Object[] { describe(removed.identifier(), locale) }, locale));
		return "redirect:/fugitives/" + removed.fugitiveId() + "/identifiers";
	}

	private String page(FugitiveSummary fugitive, Model model, Locale locale) {
		model.addAttribute("fugitive", fugitive);
		model.addAttribute("identifiers", registry.of(fugitive.id()));
		model.addAttribute("countryNames", countries.names());
		model.addAttribute("schemes", schemeOptions(locale));
		model.addAttribute("countries", countryOptions.all(locale));
		model.addAttribute("sources", sourceOptions.recent());
		return PAGE;
	}

	private FugitiveSummary summary(long id) {
		return fugitives.findById(id)
			.map(FugitiveSummary::of)
			.orElseThrow(() -> new RecordNotFoundException("fugitive", id));
	}

	/** "Passport: E1234567", "Interpol red notice: number not published". */
	private String describe(IdentifierView identifier, Locale locale) {
		String number = identifier.value() != null ? identifier.value()
				: messages.getMessage("pages.fugitive.numberNotPublished", null, locale);
		return messages.getMessage("pages.fugitive.identifier",
				new Object[] { schemeLabel(identifier.scheme(), locale), number }, locale);
	}

	private List<Option> schemeOptions(Locale locale) {
		return Arrays.stream(Scheme.values()).map(s -> new Option(s.name(), schemeLabel(s, locale))).toList();
	}

	private String schemeLabel(Scheme scheme, Locale locale) {
		return messages.getMessage("pages.scheme." + scheme.name(), null, locale);
	}

}
