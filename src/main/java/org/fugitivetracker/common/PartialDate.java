package org.fugitivetracker.common;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A date as precise as its source: a year ("2015"), a month ("April 2015") or a day. Stored as
 * the first day of the period plus its precision, so that it sorts and compares in SQL; shown
 * only to the precision known, never with an invented day.
 */
@Embeddable
public record PartialDate(@Column(name = "date") LocalDate date,
		@Enumerated(EnumType.STRING) @Column(name = "precision", length = 5) DatePrecision precision)
		implements Comparable<PartialDate> {

	public PartialDate {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(precision, "precision");
		switch (precision) {
			case YEAR -> date = date.withDayOfYear(1);
			case MONTH -> date = date.withDayOfMonth(1);
			case DAY -> {
			}
		}
	}

	public static PartialDate ofYear(int year) {
		return new PartialDate(LocalDate.of(year, 1, 1), DatePrecision.YEAR);
	}

	public static PartialDate ofMonth(int year, int month) {
		return new PartialDate(LocalDate.of(year, month, 1), DatePrecision.MONTH);
	}

	public static PartialDate ofDay(LocalDate day) {
		return new PartialDate(day, DatePrecision.DAY);
	}

	/**
	 * Reads {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}.
	 * @throws IllegalArgumentException if the text is none of these or not a real date
	 */
	public static PartialDate parse(String text) {
		String value = text == null ? "" : text.strip();
		try {
			if (value.matches("\\d{4}")) {
				return ofYear(Integer.parseInt(value));
			}
			if (value.matches("\\d{4}-\\d{2}")) {
				YearMonth month = YearMonth.parse(value);
				return ofMonth(month.getYear(), month.getMonthValue());
			}
			if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
				return ofDay(LocalDate.parse(value));
			}
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Not a real date: " + value, ex);
		}
		throw new IllegalArgumentException("Expected yyyy, yyyy-MM or yyyy-MM-dd: " + value);
	}

	/** The first day the period could be. */
	public LocalDate earliestDay() {
		return date;
	}

	/** The last day the period could be. */
	public LocalDate latestDay() {
		return switch (precision) {
			case YEAR -> date.withDayOfYear(date.lengthOfYear());
			case MONTH -> date.withDayOfMonth(date.lengthOfMonth());
			case DAY -> date;
		};
	}

	/** True only when every day of this period lies before every day of the other. */
	public boolean isCertainlyBefore(PartialDate other) {
		return latestDay().isBefore(other.earliestDay());
	}

	/** True only when every day of this period lies after {@code day}. */
	public boolean isCertainlyAfter(LocalDate day) {
		return earliestDay().isAfter(day);
	}

	/**
	 * Whole years between two partial dates, counted at the coarser of their precisions
	 * (August 2002 to 5 December 2015 is 13 years).
	 */
	public static int yearsBetween(PartialDate from, PartialDate to) {
		DatePrecision coarser = from.precision.compareTo(to.precision) <= 0 ? from.precision : to.precision;
		return Period.between(new PartialDate(from.date, coarser).date, new PartialDate(to.date, coarser).date)
			.getYears();
	}

	/** The ISO form the forms and the API use: {@code 2015}, {@code 2015-04} or {@code 2015-04-05}. */
	public String iso() {
		return switch (precision) {
			case YEAR -> String.valueOf(date.getYear());
			case MONTH -> YearMonth.from(date).toString();
			case DAY -> date.toString();
		};
	}

	/** As a reader expects it: "2015", "April 2015", "5 December 2015"; "2015年4月" in Chinese. */
	public String format(Locale locale) {
		boolean chinese = Locale.CHINESE.getLanguage().equals(locale.getLanguage());
		return switch (precision) {
			case YEAR -> chinese ? date.getYear() + "年" : String.valueOf(date.getYear());
			case MONTH -> chinese ? date.getYear() + "年" + date.getMonthValue() + "月"
					: DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(date);
			case DAY -> chinese ? date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日"
					: DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
		};
	}

	@Override
	public int compareTo(PartialDate other) {
		int byDate = date.compareTo(other.date);
		return byDate != 0 ? byDate : precision.compareTo(other.precision);
	}

	@Override
	public String toString() {
		return iso();
	}

}
