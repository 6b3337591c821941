package org.fugitivetracker.event;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;

import org.fugitivetracker.country.CountryOptions;
import org.fugitivetracker.fugitive.Fugitive;
import org.fugitivetracker.fugitive.FugitiveRepository;
import org.fugitivetracker.source.SourceOptions;
import org.fugitivetracker.web.AdminForm;
import org.fugitivetracker.web.FormSubmission;
import org.fugitivetracker.web.Option;
import org.fugitivetracker.web.RecordNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
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
 * The admin's forms for a fugitive's events: record one (a detention or a return), correct one,
 * delete one. Post/redirect/get to the fugitive's page with a confirmation; on a refusal the
 * form comes back (400) with each message beside its field, on a stale version (409) with a
 * message naming who changed the fugitive and when.
 */
@Controller
@AdminForm
@PreAuthorize("hasRole('ADMIN')")
class EventFormController {

	static final String FORM = "event/form";

	static final String EDIT = "event/edit";

	private final EventRecorder recorder;

	private final FugitiveRepository fugitives;

	private final CountryOptions countryOptions;

	private final SourceOptions sourceOptions;

	private final MessageSource messages;

	private final FormSubmission forms;

	EventFormController(EventRecorder recorder, FugitiveRepository fugitives, CountryOptions countryOptions,
			SourceOptions sourceOptions, MessageSource messages, FormSubmission forms) {
		this.recorder = recorder;
		this.fugitives = fugitives;
		this.countryOptions = countryOptions;
		this.sourceOptions = sourceOptions;
		this.messages = messages;
		this.forms = forms;
	}

	@GetMapping("/fugitives/{id}/events/new")
	String newEvent(@PathVariable long id, Model model, Locale locale) {
		Fugitive fugitive = fugitive(id);
		model.addAttribute("eventForm", EventForm.blank(fugitive.getVersion()));
		return form(fugitive, model, locale);
	}

	@PostMapping("/fugitives/{id}/events")
	ModelAndView record(@PathVariable long id, @Valid @ModelAttribute("eventForm") EventForm form, BindingResult result,
			Authentication user, Model model, Locale locale, RedirectAttributes redirect) {
		Fugitive fugitive = fugitive(id);
		return forms.submit(result, () -> recorder.rulesBrokenByRecord(id, form), () -> {
			EventRecord recorded = recorder.record(id, form, user.getName());
			redirect.addFlashAttribute("confirmation", messages.getMessage("admin.event.recorded",
					new Object[] { typeLabel(recorded.type(), locale), recorded.fugitiveName(), recorded.date(),
							statusLabel(recorded.fugitiveStatus(), locale) },
					locale));
			return "redirect:/fugitives/" + id;
		}, () -> form(fugitive, model, locale));
	}

	@GetMapping("/events/{id}/edit")
	String editEvent(@PathVariable long id, Model model, Locale locale) {
		EventRecord event = recorder.find(id);
		model.addAttribute("correctionForm", EventCorrectionForm.of(event));
		model.addAttribute("deletionForm", new EventDeletionForm(null, event.fugitiveVersion()));
		return edit(event, model, locale);
	}

	@PostMapping("/events/{id}/edit")
	ModelAndView correct(@PathVariable long id, @Valid @ModelAttribute("correctionForm") EventCorrectionForm form,
			BindingResult result, Authentication user, Model model, Locale locale, RedirectAttributes redirect) {
		EventRecord event = recorder.find(id);
		model.addAttribute("deletionForm", new EventDeletionForm(null, form.version()));
		return forms.submit(result, () -> recorder.rulesBrokenByCorrection(id, form), () -> {
			EventRecord corrected = recorder.correct(id, form, user.getName());
			redirect.addFlashAttribute("confirmation", messages.getMessage("admin.event.corrected",
					new Object[] { typeLabel(corrected.type(), locale), corrected.fugitiveName() }, locale));
			return "redirect:/fugitives/" + corrected.fugitiveId();
		}, () -> edit(event, model, locale));
	}

	@PostMapping("/events/{id}/delete")
	ModelAndView delete(@PathVariable long id, @Valid @ModelAttribute("deletionForm") EventDeletionForm form,
			BindingResult result, Authentication user, Model model, Locale locale, RedirectAttributes redirect) {
		EventRecord event = recorder.find(id);
		model.addAttribute("correctionForm", EventCorrectionForm.of(event));
		return forms.submit(result, () -> {
			long fugitiveId = recorder.delete(id, form, user.getName());
			redirect.addFlashAttribute("confirmation", messages.getMessage("admin.event.deleted",
					new Object[] { typeLabel(event.type(), locale), event.fugitiveName() }, locale));
			return "redirect:/fugitives/" + fugitiveId;
		}, () -> edit(event, model, locale));
	}

	private String form(Fugitive fugitive, Model model, Locale locale) {
		model.addAttribute("fugitive", fugitive);
		model.addAttribute("types", typeOptions(EventRecorder.RECORDABLE, locale));
		model.addAttribute("countries", countryOptions.all(locale));
		model.addAttribute("sources", sourceOptions.recent());
		return FORM;
	}

	private String edit(EventRecord event, Model model, Locale locale) {
		model.addAttribute("event", event);
		model.addAttribute("types", typeOptions(EventRecorder.CORRECTABLE, locale));
		model.addAttribute("countries", countryOptions.all(locale));
		model.addAttribute("sources", sourceOptions.recent());
		return EDIT;
	}

	private Fugitive fugitive(long id) {
		return fugitives.findById(id).orElseThrow(() -> new RecordNotFoundException("fugitive", id));
	}

	private List<Option> typeOptions(Set<EventType> types, Locale locale) {
		return types.stream().map(type -> new Option(type.name(), typeLabel(type.name(), locale))).toList();
	}

	private String typeLabel(String type, Locale locale) {
		return messages.getMessage("admin.eventType." + type, null, type, locale);
	}

	private String statusLabel(String status, Locale locale) {
		return messages.getMessage("admin.status." + status, null, status, locale);
	}

}
