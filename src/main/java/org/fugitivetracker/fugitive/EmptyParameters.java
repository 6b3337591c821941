package org.fugitivetracker.fugitive;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address of a GET request without its empty parameters, as a GET form sends them for every
 * field left blank ({@code ?q=&operation=&country=US} becomes {@code ?country=US}).
 */
final class EmptyParameters {

	private EmptyParameters() {
	}

	/**
	 * {@code path} (under the context path, no host) with the request's parameters less the blank
	 * ones, in the order they came; null when there is none to drop.
	 */
	static String dropped(HttpServletRequest request, String path) {
		Map<String, String[]> parameters = request.getParameterMap();
		boolean anyBlank = parameters.values()
			.stream()
			.flatMap(Arrays::stream)
			.anyMatch(value -> value == null || value.isBlank());
		if (!anyBlank) {
			return null;
		}
		StringJoiner query = new StringJoiner("&");
		parameters.forEach((name, values) -> {
			for (String value : values) {
				if (value != null && !value.isBlank()) {
					query.add(encode(name) + "=" + encode(value));
				}
			}
		});
		String target = request.getContextPath() + path;
		return query.length() == 0 ? target : target + "?" + query;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
