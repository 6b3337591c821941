package org.fugitivetracker.country;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The countries a page names, looked up by code in the reader's language. Loaded once per page
 * (the table is small), so templates never query per row; an unknown code shows as itself.
 */
public final class CountryNames {

	private final Map<String, Country> byCode = new LinkedHashMap<>();

	private CountryNames(Collection<Country> countries) {
		countries.forEach(country -> byCode.put(country.getCode(), country));
	}

	public static CountryNames of(Collection<Country> countries) {
		return new CountryNames(countries);
	}

	public static CountryNames load(CountryRepository repository) {
		return new CountryNames(repository.findAll());
	}

	/** The country's name in the locale's language, or the code itself if the code is unknown; "" for null. */
	public String name(String code, Locale locale) {
		if (code == null) {
			return "";
		}
		Country country = byCode.get(code);
		return country != null ? country.name(locale) : code;
	}

	/** Several names joined the way the language lists them ("United States, Canada" / "美国、加拿大"). */
	public String names(Collection<String> codes, Locale locale) {
		String separator = Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? "、" : ", ";
		return codes.stream().map(code -> name(code, locale)).collect(Collectors.joining(separator));
	}

}
