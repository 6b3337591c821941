package org.fugitivetracker.fugitive;

import java.util.Locale;

import jakarta.validation.Valid;

import org.fugitivetracker.source.SourceOptions;
import org.fugitivetracker.web.AdminForm;
import org.fugitivetracker.web.Formats;
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
 * A person's places on wanted lists for admins: the places with a Remove button each, and the form
 * to put the person on a list. Post/redirect/get back to the places with a confirmation; a rank
 * another person holds on the list comes back as an error of the rank's field, beside a link to
 * that person.
 */
@Controller
@AdminForm
@PreAuthorize("hasRole('ADMIN')")
class ListMembershipFormController {

	static final String PAGE = "fugitive/wanted-lists";

	private final WantedListPlaces places;

	private final FugitiveRepository fugitives;

	private final SourceOptions sourceOptions;

	private final Formats formats;

	private final MessageSource messages;

	private final FormSubmission forms;

	ListMembershipFormController(WantedListPlaces places, FugitiveRepository fugitives, SourceOptions sourceOptions,
			Formats formats, MessageSource messages, FormSubmission forms) {
		this.places = places;
		this.fugitives = fugitives;
		this.sourceOptions = sourceOptions;
		this.formats = formats;
		this.messages = messages;
		this.forms = forms;
	}

	@GetMapping("/fugitives/{id}/wanted-lists")
	String wantedLists(@PathVariable long id, Model model, Locale locale) {
		FugitiveSummary fugitive = summary(id);
		model.addAttribute("membershipForm", ListMembershipForm.blank());
		return page(fugitive, model, locale);
	}

	@PostMapping("/fugitives/{id}/wanted-lists")
	ModelAndView add(@PathVariable long id, @Valid @ModelAttribute("membershipForm") ListMembershipForm form,
			BindingResult result, Model model, Locale locale, RedirectAttributes redirect) {
		FugitiveSummary fugitive = summary(id);
		return forms.submit(result, () -> places.rulesBroken(id, form), () -> {
			ListMembership added = places.add(id, form);
			redirect.addFlashAttribute("confirmation", messages.getMessage("admin.membership.put",
					new Object[] { fugitive.name(), listName(added.getWantedList().getName(),
							added.getWantedList().getNameZh(), locale) },
					locale));
			return "redirect:/fugitives/" + id + "/wanted-lists";
		}, () -> {
			if (result.getFieldErrors("rank").stream().anyMatch(e -> "admin.membership.rank.taken".equals(e.getCode()))) {
				places.rankHolder(form.wantedListId(), form.rank()).ifPresent(holder -> model.addAttribute("holder", holder));
			}
			return page(fugitive, model, locale);
		});
	}

	@PostMapping("/list-memberships/{id}/remove")
	String remove(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		WantedListPlaces.Removed removed = places.remove(id);
		redirect.addFlashAttribute("confirmation", messages.getMessage("admin.membership.removed",
				new Object[] { removed.fugitiveName(), listName(removed.listName(), removed.listNameZh(), locale) }, locale));
		return "redirect:/fugitives/" + removed.fugitiveId() + "/wanted-lists";
	}

	private String page(FugitiveSummary fugitive, Model model, Locale locale) {
		model.addAttribute("fugitive", fugitive);
		model.addAttribute("memberships", places.of(fugitive.id()));
		model.addAttribute("lists", places.lists()
			.stream()
			.map(list -> new Option(String.valueOf(list.getId()), listName(list.getName(), list.getNameZh(), locale)))
			.toList());
		model.addAttribute("sources", sourceOptions.recent());
		return PAGE;
	}

	private String listName(String name, String nameZh, Locale locale) {
		return formats.local(name, nameZh, locale);
	}

	private FugitiveSummary summary(long id) {
		return fugitives.findById(id)
			.map(FugitiveSummary::of)
			.orElseThrow(() -> new RecordNotFoundException("fugitive", id));
	}

}
