package org.fugitivetracker.country;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The countries a page names, looked up by code in the reader's language, so templates never
 * query per row; an unknown code shows as itself. One instance serves one page (it is not shared
 * between threads).
 */
public final class CountryNames {

	private Map<String, Country> byCode;

	/** Where to read the table again when a code is missing; at most once per instance. */
	private Supplier<Map<String, Country>> reread;

	CountryNames(Map<String, Country> byCode, Supplier<Map<String, Country>> reread) {
		this.byCode = byCode;
		this.reread = reread;
	}

	public static CountryNames of(Collection<Country> countries) {
		return new CountryNames(byCode(countries), null);
	}

	/** Reads the whole table now; {@link CountryCatalog#names()} reads it once for every page. */
	public static CountryNames load(CountryRepository repository) {
		return of(repository.findAll());
	}

	static Map<String, Country> byCode(Collection<Country> countries) {
		Map<String, Country> byCode = new LinkedHashMap<>();
		countries.forEach(country -> byCode.put(country.getCode(), country));
		return byCode;
	}

	/** The country's name in the locale's language, or the code itself if the code is unknown; "" for null. */
	public String name(String code, Locale locale) {
		if (code == null) {
			return "";
		}
		Country country = find(code);
		return country != null ? country.name(locale) : code;
	}

	/** Several names joined the way the language lists them ("United States, Canada" / "美国、加拿大"). */
	public String names(Collection<String> codes, Locale locale) {
		String separator = Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? "、" : ", ";
		return codes.stream().map(code -> name(code, locale)).collect(Collectors.joining(separator));
	}

	private Country find(String code) {
		Country country = byCode.get(code);
		if (country == null && reread != null) {
			// Every code a page shows references the country table, so a miss means the copy
			// predates the country: read the table again, once, rather than show a bare code.
			byCode = reread.get();
			reread = null;
			country = byCode.get(code);
		}
		return country;
	}

}
