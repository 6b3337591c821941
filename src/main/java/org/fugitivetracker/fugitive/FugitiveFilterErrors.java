package org.fugitivetracker.fugitive;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A wrong filter parameter on the page or the CSV export: the product's 400 page, saying what was wrong. */
@ControllerAdvice(assignableTypes = { FugitiveListController.class, FugitiveCsvController.class })
class FugitiveFilterErrors {

	private static final Logger log = LoggerFactory.getLogger(FugitiveFilterErrors.class);

	private final MessageSource messages;

	FugitiveFilterErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(InvalidFilterException.class)
	ModelAndView invalidFilter(InvalidFilterException ex, Locale locale) {
		log.debug("Refused a fugitive filter: {}", ex.getMessage());
		ModelAndView view = new ModelAndView("error", HttpStatus.BAD_REQUEST);
		view.addObject("status", HttpStatus.BAD_REQUEST.value());
		view.addObject("reason", ex.describe(messages, locale));
		return view;
	}

}
