package org.fugitivetracker.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.fugitivetracker.casefile.CaseEditor;
import org.fugitivetracker.common.PlainText;
import org.fugitivetracker.fugitive.FugitiveEditor;
import org.fugitivetracker.web.Option;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit trail ({@code /audit}: every change newest first, filterable by user, entity and
 * date; {@code /audit/revisions/{id}}: the records of one revision, a page at a time) and the
 * history of one fugitive or case, with the record as it stood on a past day
 * ({@code ?asOf=yyyy-MM-dd}). ADMIN only.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

	static final int PAGE_SIZE = 20;

	/** Records of one revision per page. */
	static final int RECORDS_PAGE_SIZE = 50;

	private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private final AuditTrail trail;

	private final PastState past;

	private final FugitiveEditor fugitives;

	private final CaseEditor cases;

	private final MessageSource messages;

	AuditController(AuditTrail trail, PastState past, FugitiveEditor fugitives, CaseEditor cases,
			MessageSource messages) {
		this.trail = trail;
		this.past = past;
		this.fugitives = fugitives;
		this.cases = cases;
		this.messages = messages;
	}

	@GetMapping("/audit")
	String trail(@RequestParam(required = false) String user, @RequestParam(required = false) String entity,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") String page, Model model, Locale locale, HttpServletResponse response) {
		List<String> errors = new ArrayList<>();
		String userFilter = blankToNull(user);
		String entityFilter = blankToNull(entity);
		if (userFilter != null && (userFilter.length() > 64 || !PlainText.Validator.isPlain(userFilter))) {
			errors.add(messages.getMessage("admin.audit.filter.user.invalid", null, locale));
			userFilter = null;
		}
		if (entityFilter != null && AuditedEntities.byName(entityFilter).isEmpty()) {
			errors.add(messages.getMessage("admin.audit.filter.entity.unknown", new Object[] { entityFilter }, locale));
			entityFilter = null;
		}
		LocalDate fromDay = day(from, "admin.audit.filter.from", errors, locale);
		LocalDate toDay = day(to, "admin.audit.filter.to", errors, locale);
		if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
			errors.add(messages.getMessage("admin.audit.filter.range", null, locale));
		}
		int pageNumber = pageNumber(page, errors, locale);
		model.addAttribute("user", userFilter);
		model.addAttribute("entity", entityFilter);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("users", trail.usernames());
		model.addAttribute("entities", AuditedEntities.BY_NAME.keySet()
			.stream()
			.sorted()
			.map(name -> new Option(name, messages.getMessage("admin.audit.entity." + name, null, name, locale)))
			.toList());
		model.addAttribute("errors", errors);
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("revisions", Page.empty());
			return "audit/list";
		}
		model.addAttribute("revisions", trail.revisions(new AuditTrail.Filter(userFilter, entityFilter, fromDay, toDay),
				pageNumber, PAGE_SIZE, locale));
		model.addAttribute("pagerPath", UriComponentsBuilder.fromPath("/audit")
			.queryParamIfPresent("user", Optional.ofNullable(userFilter))
			.queryParamIfPresent("entity", Optional.ofNullable(entityFilter))
			.queryParamIfPresent("from", Optional.ofNullable(fromDay))
			.queryParamIfPresent("to", Optional.ofNullable(toDay))
			.encode()
			.build()
			.toUriString());
		return "audit/list";
	}

	/** One revision's records, a page at a time: the baseline's are too many for the trail. */
	@GetMapping("/audit/revisions/{id}")
	String revision(@PathVariable long id, @RequestParam(defaultValue = "0") String page, Model model, Locale locale,
			HttpServletResponse response) {
		List<String> errors = new ArrayList<>();
		int pageNumber = pageNumber(page, errors, locale);
		model.addAttribute("errors", errors);
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		model.addAttribute("revision", trail.revision(id, pageNumber, RECORDS_PAGE_SIZE, locale));
		return "audit/revision";
	}

	@GetMapping("/fugitives/{id}/history")
	String fugitiveHistory(@PathVariable long id, @RequestParam(required = false) String asOf, Model model,
			Locale locale, HttpServletResponse response) {
		model.addAttribute("fugitive", fugitives.summary(id));
		List<String> errors = new ArrayList<>();
		LocalDate day = day(asOf, "admin.history.asOf", errors, locale);
		if (day != null) {
			model.addAttribute("past", past.fugitive(id, day));
		}
		return history(trail.fugitiveHistory(id, locale), asOf, errors, model, response, "fugitive/history");
	}

	@GetMapping("/cases/{id}/history")
	String caseHistory(@PathVariable long id, @RequestParam(required = false) String asOf, Model model, Locale locale,
			HttpServletResponse response) {
		model.addAttribute("caseFile", cases.summary(id));
		List<String> errors = new ArrayList<>();
		LocalDate day = day(asOf, "admin.history.asOf", errors, locale);
		if (day != null) {
			model.addAttribute("past", past.caseFile(id, day));
		}
		return history(trail.caseHistory(id, locale), asOf, errors, model, response, "casefile/history");
	}

	private String history(List<RevisionView> revisions, String asOf, List<String> errors, Model model,
			HttpServletResponse response, String view) {
		model.addAttribute("revisions", revisions);
		model.addAttribute("asOf", asOf);
		model.addAttribute("errors", errors);
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return view;
	}

	/** A page number from 0, or 0 with an error. */
	private int pageNumber(String page, List<String> errors, Locale locale) {
		try {
			int number = Integer.parseInt(page);
			if (number < 0 || number > 100_000) {
				throw new NumberFormatException(page);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			errors.add(messages.getMessage("admin.audit.filter.page", null, locale));
			return 0;
		}
	}

	private LocalDate day(String value, String labelKey, List<String> errors, Locale locale) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			// Four-digit years only: LocalDate also reads "+999999999-12-31", which PostgreSQL cannot compare.
			if (!DAY.matcher(value.strip()).matches()) {
				throw new DateTimeParseException("Not yyyy-MM-dd", value, 0);
			}
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(messages.getMessage("admin.audit.filter.day",
					new Object[] { messages.getMessage(labelKey, null, locale) }, locale));
			return null;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
