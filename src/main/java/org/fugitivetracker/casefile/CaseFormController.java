package org.fugitivetracker.casefile;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.fugitivetracker.agency.AgencyOptions;
import org.fugitivetracker.country.CountryOptions;
import org.fugitivetracker.source.SourceOptions;
import org.fugitivetracker.web.AdminForm;
import org.fugitivetracker.web.FormSubmission;
import org.fugitivetracker.web.Option;
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

/** Admins add a case, change its status and add people to it. */
@Controller
@AdminForm
@PreAuthorize("hasRole('ADMIN')")
class CaseFormController {

	static final String FORM = "casefile/form";

	static final String MANAGE = "admin/case";

	private final CaseEditor editor;

	private final CountryOptions countryOptions;

	private final AgencyOptions agencyOptions;

	private final SourceOptions sourceOptions;

	private final MessageSource messages;

	private final FormSubmission forms;

	CaseFormController(CaseEditor editor, CountryOptions countryOptions, AgencyOptions agencyOptions,
			SourceOptions sourceOptions, MessageSource messages, FormSubmission forms) {
		this.editor = editor;
		this.countryOptions = countryOptions;
		this.agencyOptions = agencyOptions;
		this.sourceOptions = sourceOptions;
		this.messages = messages;
		this.forms = forms;
	}

	@GetMapping("/cases/new")
	String newCase(Model model, Locale locale) {
		model.addAttribute("caseForm", CaseForm.blank());
		return form(model, locale);
	}

	@PostMapping("/cases")
	ModelAndView create(@Valid @ModelAttribute("caseForm") CaseForm form, BindingResult result, Model model,
			Locale locale, RedirectAttributes redirect) {
		return forms.submit(result, () -> editor.rulesBrokenByCreate(form), () -> {
			CaseWriteResult created = editor.create(form);
			redirect.addFlashAttribute("confirmation",
					messages.getMessage("admin.case.created", new Object[] { created.title() }, locale));
			return "redirect:/cases/" + created.id();
		}, () -> form(model, locale));
	}

	@GetMapping("/cases/{id}/manage")
	String manage(@PathVariable long id, Model model, Locale locale) {
		CaseWriteResult caseFile = editor.summary(id);
		model.addAttribute("caseStatusForm", new CaseStatusForm(caseFile.status(), null, caseFile.version()));
		model.addAttribute("participantForm", new ParticipantForm(null, null, caseFile.version()));
		return manage(caseFile, model, locale);
	}

	@PostMapping("/cases/{id}/status")
	ModelAndView changeStatus(@PathVariable long id, @Valid @ModelAttribute("caseStatusForm") CaseStatusForm form,
			BindingResult result, Model model, Locale locale, RedirectAttributes redirect) {
		CaseWriteResult caseFile = editor.summary(id);
		model.addAttribute("participantForm", new ParticipantForm(null, null, caseFile.version()));
		return forms.submit(result, () -> editor.rulesBrokenByStatusChange(id, form), () -> {
			CaseWriteResult changed = editor.changeStatus(id, form);
			redirect.addFlashAttribute("confirmation", messages.getMessage("admin.case.statusChanged",
					new Object[] { changed.title(), statusLabel(changed.status(), locale) }, locale));
			return "redirect:/cases/" + id;
		}, () -> manage(caseFile, model, locale));
	}

	@PostMapping("/cases/{id}/participants")
	ModelAndView addParticipant(@PathVariable long id, @Valid @ModelAttribute("participantForm") ParticipantForm form,
			BindingResult result, Model model, Locale locale, RedirectAttributes redirect) {
		CaseWriteResult caseFile = editor.summary(id);
		model.addAttribute("caseStatusForm", new CaseStatusForm(caseFile.status(), null, caseFile.version()));
		return forms.submit(result, () -> editor.rulesBrokenByParticipant(id, form), () -> {
			CaseWriteResult changed = editor.addParticipant(id, form);
			CaseWriteResult.Participant added = changed.participants().get(changed.participants().size() - 1);
			redirect.addFlashAttribute("confirmation", messages.getMessage("admin.case.participantAdded",
					new Object[] { added.name(), changed.title() }, locale));
			return "redirect:/cases/" + id;
		}, () -> manage(caseFile, model, locale));
	}

	private String form(Model model, Locale locale) {
		model.addAttribute("statuses", statuses(locale));
		model.addAttribute("countries", countryOptions.all(locale));
		model.addAttribute("agencies", agencyOptions.all(locale));
		model.addAttribute("sources", sourceOptions.recent());
		return FORM;
	}

	private String manage(CaseWriteResult caseFile, Model model, Locale locale) {
		model.addAttribute("caseFile", caseFile);
		model.addAttribute("statuses", statuses(locale));
		model.addAttribute("roles", Arrays.stream(CaseParticipant.Role.values())
			.map(role -> new Option(role.name(), messages.getMessage("admin.case.role." + role, null, locale)))
			.toList());
		return MANAGE;
	}

	private List<Option> statuses(Locale locale) {
		return Arrays.stream(CaseStatus.values())
			.map(status -> new Option(status.name(), statusLabel(status.name(), locale)))
			.toList();
	}

	private String statusLabel(String status, Locale locale) {
		return messages.getMessage("admin.case.status." + status, null, status, locale);
	}

}
