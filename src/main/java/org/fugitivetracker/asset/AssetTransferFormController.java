package org.fugitivetracker.asset;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.fugitivetracker.common.Qualifier;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins add an asset transfer, about a fugitive, a case, or neither (a reported total). */
@Controller
@AdminForm
@PreAuthorize("hasRole('ADMIN')")
class AssetTransferFormController {

	static final String FORM = "asset/form";

	private final AssetTransferRecorder recorder;

	private final CountryOptions countryOptions;

	private final SourceOptions sourceOptions;

	private final MessageSource messages;

	private final FormSubmission forms;

	AssetTransferFormController(AssetTransferRecorder recorder, CountryOptions countryOptions,
			SourceOptions sourceOptions, MessageSource messages, FormSubmission forms) {
		this.recorder = recorder;
		this.countryOptions = countryOptions;
		this.sourceOptions = sourceOptions;
		this.messages = messages;
		this.forms = forms;
	}

	@GetMapping("/asset-transfers/new")
	String newTransfer(@RequestParam(required = false) Long fugitiveId, @RequestParam(required = false) Long caseId,
			Model model, Locale locale) {
		model.addAttribute("assetTransferForm", AssetTransferForm.blank(fugitiveId, caseId));
		return form(model, locale);
	}

	@PostMapping("/asset-transfers")
	ModelAndView record(@Valid @ModelAttribute("assetTransferForm") AssetTransferForm form, BindingResult result,
			Model model, Locale locale, RedirectAttributes redirect) {
		return forms.submit(result, () -> recorder.rulesBroken(form), () -> {
			AssetTransferRecorder.Recorded recorded = recorder.record(form);
			redirect.addFlashAttribute("confirmation", messages.getMessage("admin.asset.recorded",
					new Object[] { recorded.amountAsReported() }, locale));
			return recorded.fugitiveId() != null ? "redirect:/fugitives/" + recorded.fugitiveId()
					: recorded.caseId() != null ? "redirect:/cases/" + recorded.caseId() : "redirect:/admin";
		}, () -> form(model, locale));
	}

	private String form(Model model, Locale locale) {
		model.addAttribute("qualifiers", options(Qualifier.values(), "admin.asset.qualifier.", locale));
		model.addAttribute("channelOptions", options(TransferChannel.values(), "admin.asset.channel.", locale));
		model.addAttribute("countries", countryOptions.all(locale));
		model.addAttribute("sources", sourceOptions.recent());
		return FORM;
	}

	private List<Option> options(Enum<?>[] values, String prefix, Locale locale) {
		return Arrays.stream(values)
			.map(value -> new Option(value.name(), messages.getMessage(prefix + value.name(), null, locale)))
			.toList();
	}

}
