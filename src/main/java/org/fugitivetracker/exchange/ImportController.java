package org.fugitivetracker.exchange;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.fugitivetracker.source.SourceOptions;
import org.fugitivetracker.web.AdminForm;
import org.fugitivetracker.web.FormSubmission;
import org.fugitivetracker.web.Option;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/import}: an admin uploads a CSV or FtM file, reads the preview (what would be
 * created, who looks already recorded, which lines are refused and why) and confirms; only then
 * is anything written.
 */
@Controller
@AdminForm
@PreAuthorize("hasRole('ADMIN')")
class ImportController {

	static final String UPLOAD_PAGE = "exchange/import";

	static final String PREVIEW_PAGE = "exchange/preview";

	static final String BUSY_PAGE = "exchange/busy";

	private final Importer importer;

	private final SourceOptions sourceOptions;

	private final FormSubmission forms;

	private final ImportTurns turns;

	ImportController(Importer importer, SourceOptions sourceOptions, FormSubmission forms, ImportTurns turns) {
		this.importer = importer;
		this.sourceOptions = sourceOptions;
		this.forms = forms;
		this.turns = turns;
	}

	@GetMapping("/admin/import")
	String form(Model model) {
		model.addAttribute("importForm", ImportForm.blank());
		return uploadPage(model);
	}

	@PostMapping("/admin/import")
	ModelAndView upload(@Valid @ModelAttribute("importForm") ImportForm form, BindingResult result, Model model,
			Principal user) {
		return forms.submit(result, () -> {
			long id = importer.upload(UploadedFile.of(form.file()), form.format(), form.sourceId(), user.getName());
			return "redirect:/admin/import/" + id;
		}, () -> uploadPage(model));
	}

	@GetMapping("/admin/import/{id}")
	String preview(@PathVariable long id, Model model) {
		model.addAttribute("outcome", turns.take(() -> importer.preview(id)));
		return PREVIEW_PAGE;
	}

	@PostMapping("/admin/import/{id}")
	ModelAndView confirm(@PathVariable long id,
			@RequestParam(name = "createDuplicates", defaultValue = "false") boolean createDuplicates, Principal user) {
		return turns.take(() -> {
			try {
				Importer.Outcome outcome = importer.confirm(id, createDuplicates, user.getName());
				return new ModelAndView(PREVIEW_PAGE, "outcome", outcome).addObject("imported", true);
			}
			catch (ImportRefusedException refused) {
				ModelAndView view = new ModelAndView(PREVIEW_PAGE, HttpStatus.UNPROCESSABLE_CONTENT);
				view.addObject("outcome", importer.preview(id));
				view.addObject("failure", refused.reason());
				return view;
			}
			catch (AlreadyImportedException twice) {
				ModelAndView view = new ModelAndView(PREVIEW_PAGE, HttpStatus.CONFLICT);
				view.addObject("outcome", importer.preview(id));
				view.addObject(twice.isInProgress() ? "importInProgress" : "alreadyImported", true);
				return view;
			}
		});
	}

	/** No turn to read or write the file came in time: nothing was read or written; the upload is kept. */
	@ExceptionHandler(ImportsBusyException.class)
	ModelAndView busy(HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, ImportTurns.RETRY_AFTER_SECONDS);
		return new ModelAndView(BUSY_PAGE, HttpStatus.SERVICE_UNAVAILABLE);
	}

	private String uploadPage(Model model) {
		model.addAttribute("sources", sourceOptions.recent());
		model.addAttribute("formats", formatOptions());
		model.addAttribute("uploads", importer.recent());
		model.addAttribute("maxRows", Importer.MAX_ROWS);
		model.addAttribute("maxMegabytes", Importer.MAX_BYTES / (1024 * 1024));
		return UPLOAD_PAGE;
	}

	private List<Option> formatOptions() {
		return importer.formatNames()
			.stream()
			.map(name -> new Option(name, name.toUpperCase(java.util.Locale.ROOT)))
			.toList();
	}

}
