package org.fugitivetracker.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.common.Qualifier;
import org.fugitivetracker.common.StatedAmount;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * How the pages write dates, periods and qualified amounts in the reader's language, honest to
 * the value: "up to 800 billion yuan" / "最多8000亿元", "more than 860 people" / "超过860人", a
 * month-precise date as "April 2015", never with an invented day. Templates call it as
 * {@code @fmt}; the words come from the {@code pages} bundle.
 */
@Component("fmt")
public class Formats {

	/** From here on, numbers are written compactly ("800 billion"), always with every significant digit. */
	private static final BigDecimal COMPACT_FROM = BigDecimal.valueOf(1_000_000);

	private final MessageSource messages;

	/**
	 * A configured compact and a plain format per locale, copied for each use (a NumberFormat is
	 * not thread safe): building one from the locale's data costs more than the rest of a figure card.
	 */
	private final Map<Locale, NumberFormat> compactFormats = new ConcurrentHashMap<>();

	private final Map<Locale, NumberFormat> plainFormats = new ConcurrentHashMap<>();

	Formats(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * A record's name, title, position or place in the reader's language: on the Chinese pages its
	 * Chinese form where the record has one, otherwise (and on the English pages) its English form.
	 * Every page shows such names through this one rule: {@code @fmt.local(o.codeName, o.codeNameZh, #locale)}.
	 */
	public String local(String english, String chinese, Locale locale) {
		return isChinese(locale) && chinese != null && !chinese.isBlank() ? chinese : english;
	}

	static boolean isChinese(Locale locale) {
		return locale != null && Locale.CHINESE.getLanguage().equals(locale.getLanguage());
	}

	/** The date to its known precision, or "unknown" when no source gives it. */
	public String date(PartialDate date, Locale locale) {
		return date == null ? message("pages.date.unknown", locale) : date.format(locale);
	}

	/** "April 2015 – November 2015", "2015" when both ends are the same, "no period stated" when neither is known. */
	public String period(PartialDate from, PartialDate to, Locale locale) {
		if (from == null && to == null) {
			return message("pages.period.none", locale);
		}
		if (to == null) {
			return message("pages.period.from", locale, date(from, locale));
		}
		if (from == null) {
			return message("pages.period.to", locale, date(to, locale));
		}
		if (from.equals(to)) {
			return date(from, locale);
		}
		return message("pages.period.range", locale, date(from, locale), date(to, locale));
	}

	/** A number with all its significant digits; large whole ones compactly ("123.5 billion", "1235亿"). */
	public String number(BigDecimal value, Locale locale) {
		BigDecimal plain = value.stripTrailingZeros();
		if (plain.abs().compareTo(COMPACT_FROM) >= 0 && plain.scale() <= 0) {
			NumberFormat compact = copy(compactFormats.computeIfAbsent(locale, Formats::compactFormat));
			// As a BigInteger: the JDK's compact format rounds a BigDecimal to whole units.
			return compact.format(plain.toBigIntegerExact());
		}
		NumberFormat format = copy(plainFormats.computeIfAbsent(locale, NumberFormat::getInstance));
		format.setMaximumFractionDigits(Math.max(plain.scale(), 0));
		return format.format(plain);
	}

	private static NumberFormat copy(NumberFormat format) {
		return (NumberFormat) format.clone();
	}

	private static NumberFormat compactFormat(Locale locale) {
		NumberFormat compact = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.LONG);
		// Enough fraction digits to keep every significant digit ("123.5 billion", never "124 billion").
		compact.setMaximumFractionDigits(12);
		return compact;
	}

	/** A number in its unit, qualified as the source qualifies it: "more than 860 people", "1 person". */
	public String amount(BigDecimal value, Qualifier qualifier, String unit, Locale locale) {
		String number = number(value, locale);
		String withUnit = messageOrDefault("pages.unit." + unit, locale, number + " " + unit, number, value);
		return message("pages.qualifier." + qualifier.name(), locale, withUnit);
	}

	/** A figure or an amount as its source states it, or the source's own words where it gives no number. */
	public String stated(StatedAmount stated, Locale locale) {
		if (stated.statedNumber() == null) {
			return message("pages.transfer.asReported", locale, stated.statedWords());
		}
		return amount(stated.statedNumber(), stated.statedQualifier(), stated.statedUnit(), locale);
	}

	/**
	 * The bundle's label for a code the data may hold beyond the known ones (a metric, a cited
	 * attribute); unknown codes are made readable rather than shown as a missing key.
	 */
	public String label(String prefix, String code, Locale locale) {
		if (code == null) {
			return "";
		}
		return messageOrDefault(prefix + code, locale, humanize(code));
	}

	static String humanize(String code) {
		String spaced = code.contains("_") ? code.replace('_', ' ').toLowerCase(Locale.ROOT)
				: code.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
		return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	private String messageOrDefault(String key, Locale locale, String fallback, Object... args) {
		try {
			return messages.getMessage(key, args, locale);
		}
		catch (NoSuchMessageException ex) {
			return fallback;
		}
	}

}
