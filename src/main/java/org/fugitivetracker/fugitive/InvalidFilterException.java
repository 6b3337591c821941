package org.fugitivetracker.fugitive;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A list, export or API parameter that cannot be understood: a 400 that names the parameter and
 * says what was wrong, in the reader's language. Never a 500.
 */
public class InvalidFilterException extends RuntimeException {

	private final String parameter;

	private final String code;

	private final transient Object[] arguments;

	/**
	 * @param parameter the request parameter that was wrong ({@code country}, {@code page} ...)
	 * @param code the message key in {@code messages/analyst*.properties}
	 * @param englishMessage the same text in English, for logs and for a missing key
	 */
	public InvalidFilterException(String parameter, String code, String englishMessage, Object... arguments) {
		super(parameter + ": " + englishMessage);
		this.parameter = parameter;
		this.code = code;
		this.arguments = arguments;
	}

	public String getParameter() {
		return parameter;
	}

	/** "country: 'XX' is not ..." in the given language. */
	public String describe(MessageSource messages, Locale locale) {
		return parameter + ": " + messages.getMessage(code, arguments, getMessage().substring(parameter.length() + 2),
				locale);
	}

	/** The 400 problem detail an API answers with: what was wrong, and which parameter. */
	public ProblemDetail toProblem(MessageSource messages, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(messages, locale));
		problem.setTitle("Invalid parameter");
		problem.setProperty("parameter", parameter);
		return problem;
	}

}
