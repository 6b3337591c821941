package org.fugitivetracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.common.Qualifier;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Amounts, dates and periods as the pages write them, honest to the value, in both languages. */
class FormatsTest {

	static final Locale EN = Locale.ENGLISH;

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	final Formats formats = new Formats(messages());

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/messages", "messages/pages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@Test
	void theArticlesFiguresWithTheirQualifiers() {
		assertThat(amount("800000000000.00", Qualifier.UP_TO, "CNY", EN)).isEqualTo("up to 800 billion yuan");
		assertThat(amount("800000000000.00", Qualifier.UP_TO, "CNY", ZH)).isEqualTo("最多8000亿元");
		assertThat(amount("123500000000.00", Qualifier.UP_TO, "USD", EN)).isEqualTo("up to $123.5 billion");
		assertThat(amount("123500000000.00", Qualifier.UP_TO, "USD", ZH)).isEqualTo("最多1235亿美元");
		assertThat(amount("860.00", Qualifier.MORE_THAN, "PERSONS", EN)).isEqualTo("more than 860 people");
		assertThat(amount("860.00", Qualifier.MORE_THAN, "PERSONS", ZH)).isEqualTo("超过860人");
		assertThat(amount("196.00", Qualifier.EXACT, "PERSONS", EN)).isEqualTo("196 people");
		assertThat(amount("150", Qualifier.MORE_THAN, "UNDERGROUND_BANKS", EN)).isEqualTo("more than 150 underground banks");
		assertThat(amount("150", Qualifier.MORE_THAN, "UNDERGROUND_BANKS", ZH)).isEqualTo("超过150家地下钱庄");
		assertThat(amount("300", Qualifier.ABOUT, "PERSONS", ZH)).isEqualTo("约300人");
		assertThat(amount("2", Qualifier.ONLY, "PERSONS", EN)).isEqualTo("only 2 people");
		assertThat(amount("50.00", Qualifier.NEARLY, "PERCENT", EN)).isEqualTo("nearly 50%");
		assertThat(amount("50.00", Qualifier.NEARLY, "PERCENT", ZH)).isEqualTo("近50%");
	}

	@Test
	void oneIsSingularInEnglishAndChineseHasNoPlural() {
		assertThat(amount("1", Qualifier.EXACT, "PERSONS", EN)).isEqualTo("1 person");
		assertThat(amount("1", Qualifier.ONLY, "UNDERGROUND_BANKS", EN)).isEqualTo("only 1 underground bank");
		assertThat(amount("0", Qualifier.EXACT, "PERSONS", EN)).isEqualTo("0 people");
		assertThat(amount("1", Qualifier.EXACT, "PERSONS", ZH)).isEqualTo("1人");
		ResourceBundleMessageSource messages = messages();
		assertThat(messages.getMessage("pages.reconciliation.short.RETURNS", new Object[] { 1L }, EN))
			.isEqualTo("person with a recorded return");
		assertThat(messages.getMessage("pages.reconciliation.short.CASE_PARTICIPANTS", new Object[] { 1L }, EN))
			.isEqualTo("person recorded in the case");
		assertThat(messages.getMessage("pages.reconciliation.short.CASE_PARTICIPANTS", new Object[] { 5L }, EN))
			.isEqualTo("people recorded in the case");
		assertThat(messages.getMessage("pages.reconciliation.short.RETURNS", new Object[] { 0L }, EN))
			.isEqualTo("people with a recorded return");
		assertThat(messages.getMessage("pages.reconciliation.short.RETURNS", new Object[] { 1L }, ZH))
			.isEqualTo("有归案记录的人员");
	}

	@Test
	void numbersKeepEverySignificantDigit() {
		assertThat(formats.number(new BigDecimal("1234567"), EN)).isEqualTo("1.234567 million");
		assertThat(formats.number(new BigDecimal("12345.50"), EN)).isEqualTo("12,345.5");
		assertThat(formats.number(new BigDecimal("1000000.25"), EN)).as("large with cents: every digit")
			.isEqualTo("1,000,000.25");
		assertThat(amount("7", Qualifier.EXACT, "EUR", EN)).as("a unit without a label").isEqualTo("7 EUR");
	}

	@Test
	void datesAndPeriodsToTheirPrecision() {
		PartialDate april = PartialDate.ofMonth(2015, 4);
		PartialDate november = PartialDate.ofMonth(2015, 11);
		assertThat(formats.period(april, november, EN)).isEqualTo("April 2015 – November 2015");
		assertThat(formats.period(april, november, ZH)).isEqualTo("2015年4月至2015年11月");
		assertThat(formats.period(PartialDate.ofYear(2015), PartialDate.ofYear(2015), EN)).isEqualTo("2015");
		assertThat(formats.period(null, null, EN)).isEqualTo("no period stated");
		assertThat(formats.period(april, null, EN)).isEqualTo("from April 2015");
		assertThat(formats.date(null, EN)).isEqualTo("unknown");
		assertThat(formats.date(null, ZH)).isEqualTo("不详");
		assertThat(formats.date(PartialDate.ofDay(LocalDate.of(2015, 12, 5)), ZH)).isEqualTo("2015年12月5日");
	}

	@Test
	void labelsFallBackToAReadableFormOfTheCode() {
		assertThat(formats.label("pages.metric.", "MONEY_INVOLVED", EN)).isEqualTo("Money involved");
		assertThat(formats.label("pages.metric.", "MONEY_INVOLVED", ZH)).isEqualTo("涉案金额");
		assertThat(formats.label("pages.metric.", "PASSPORTS_REVOKED", EN)).isEqualTo("Passports revoked");
		assertThat(formats.label("pages.attribute.", "birthPlace", EN)).isEqualTo("Birth place");
	}

	private String amount(String value, Qualifier qualifier, String unit, Locale locale) {
		return formats.amount(new BigDecimal(value), qualifier, unit, locale);
	}

}
