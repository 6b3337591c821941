package org.fugitivetracker.source;

import java.util.Locale;

import jakarta.validation.Valid;

import org.fugitivetracker.web.AdminForm;
import org.fugitivetracker.web.FormSubmission;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins add a source, to cite it afterwards. */
@Controller
@AdminForm
@PreAuthorize("hasRole('ADMIN')")
class SourceFormController {

	static final String FORM = "source/form";

	private final SourceEditor editor;

	private final MessageSource messages;

	private final FormSubmission forms;

	SourceFormController(SourceEditor editor, MessageSource messages, FormSubmission forms) {
		this.editor = editor;
		this.messages = messages;
		this.forms = forms;
	}

	@GetMapping("/sources/new")
	String newSource(Model model) {
		model.addAttribute("sourceForm", SourceForm.blank());
		return FORM;
	}

	@PostMapping("/sources")
	ModelAndView create(@Valid @ModelAttribute("sourceForm") SourceForm form, BindingResult result, Locale locale,
			RedirectAttributes redirect) {
		return forms.submit(result, () -> editor.rulesBroken(form), () -> {
			SourceEditor.Added added = editor.create(form);
			redirect.addFlashAttribute("confirmation",
					messages.getMessage("admin.sourceForm.created", new Object[] { added.title() }, locale));
			return "redirect:/sources/" + added.id();
		}, () -> FORM);
	}

}
