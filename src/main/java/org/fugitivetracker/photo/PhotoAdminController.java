package org.fugitivetracker.photo;

import java.util.Locale;

import jakarta.validation.Valid;

import org.fugitivetracker.source.SourceOptions;
import org.fugitivetracker.web.AdminForm;
import org.fugitivetracker.web.FormSubmission;
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

/** Admins upload a person's photos, choose the primary one and delete them, on one page. */
@Controller
@AdminForm
@PreAuthorize("hasRole('ADMIN')")
class PhotoAdminController {

	static final String PAGE = "photo/manage";

	private final PhotoImages images;

	private final PhotoRecorder recorder;

	private final SourceOptions sourceOptions;

	private final FormSubmission forms;

	private final MessageSource messages;

	PhotoAdminController(PhotoImages images, PhotoRecorder recorder, SourceOptions sourceOptions,
			FormSubmission forms, MessageSource messages) {
		this.images = images;
		this.recorder = recorder;
		this.sourceOptions = sourceOptions;
		this.forms = forms;
		this.messages = messages;
	}

	@GetMapping("/fugitives/{id}/photos")
	String photos(@PathVariable long id, Model model) {
		model.addAttribute("photoForm", PhotoForm.blank());
		return page(id, model);
	}

	@PostMapping("/fugitives/{id}/photos")
	ModelAndView upload(@PathVariable long id, @Valid @ModelAttribute("photoForm") PhotoForm form,
			BindingResult result, Model model, Locale locale, RedirectAttributes redirect) {
		// Decoded here, before the write's transaction: no pooled connection waits on the pixels.
		CheckedUpload upload = images.check(form == null ? null : form.file());
		return forms.submit(result, () -> recorder.rulesBroken(id, form, upload), () -> {
			recorder.add(id, form, upload);
			return done(id, "photo.added", locale, redirect);
		}, () -> page(id, model));
	}

	@PostMapping("/fugitives/{id}/photos/{photoId}/primary")
	String makePrimary(@PathVariable long id, @PathVariable long photoId, Locale locale,
			RedirectAttributes redirect) {
		recorder.makePrimary(id, photoId);
		return done(id, "photo.madePrimary", locale, redirect);
	}

	@PostMapping("/fugitives/{id}/photos/{photoId}/delete")
	String delete(@PathVariable long id, @PathVariable long photoId, Locale locale, RedirectAttributes redirect) {
		recorder.delete(id, photoId);
		return done(id, "photo.deleted", locale, redirect);
	}

	private String page(long id, Model model) {
		model.addAttribute("page", recorder.page(id));
		model.addAttribute("sources", sourceOptions.recent());
		return PAGE;
	}

	private String done(long id, String message, Locale locale, RedirectAttributes redirect) {
		redirect.addFlashAttribute("confirmation", messages.getMessage(message, null, locale));
		return "redirect:/fugitives/" + id + "/photos";
	}

}
