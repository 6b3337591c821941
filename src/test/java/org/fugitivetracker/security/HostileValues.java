package org.fugitivetracker.security;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;

/**
 * Hostile values for {@link HostileInputTest}, drawn from jqwik's generators with a seeded
 * {@link Random} (so a run can be repeated): over-long strings, control characters, broken
 * surrogates, mixed scripts, SQL, markup and template payloads, huge and malformed numbers, bad
 * dates and values of the wrong type, plus raw JSON and invalid UTF-8 bodies.
 * <p>
 * Every markup payload carries a fresh token ({@code xss17}); {@link #unescaped} finds a page
 * that shows one of them unescaped, and {@link #evaluated} one that evaluated a template
 * expression around it ({@code 49xss17} from {@code ${7*7}xss17}).
 */
final class HostileValues {

	/** Replaced by a fresh token in each generated value. */
	private static final String TOKEN = "{T}";

	private static final Pattern TOKENS = Pattern.compile("xss\\d+");

	private static final List<String> MARKUP = List.of("<script>alert('{T}')</script>",
			"\"><img src=x onerror=alert('{T}')>", "'><svg onload=alert('{T}')>",
			"</textarea><script>alert('{T}')</script>", "</title><script>alert('{T}')</script>",
			"\" autofocus onfocus=\"alert('{T}')", "' onmouseover='alert(\"{T}\")",
			"<a href=\"javascript:alert('{T}')\">x</a>", "<iframe srcdoc=\"<script>alert('{T}')</script>\">",
			"<!--{T}-->", "<style>*{background:url(//evil.example/{T})}</style>", "<b>{T}</b>",
			"${7*7}{T}", "[[${7*7}]]{T}", "[(${7*7})]{T}", "__${7*7}__{T}", "#{7*7}{T}", "*{7*7}{T}", "{{7*7}}{T}",
			"@{7*7}{T}", "~{7*7}{T}", "${T(java.lang.Runtime).getRuntime().exec('id')}{T}",
			"＜script＞alert('{T}')＜/script＞", "&lt;script&gt;alert('{T}')&lt;/script&gt;",
			"%3Cscript%3Ealert('{T}')%3C/script%3E");

	private static final List<String> SQL = List.of("' OR 1=1 --", "' OR '1'='1", "\" OR \"\"=\"",
			"'; DROP TABLE fugitive; --", "1; DELETE FROM event", "') UNION SELECT username, password_hash FROM user_account --",
			"%' OR '%'='", "1' AND pg_sleep(3) --", "$$; DROP TABLE source; $$", "\\'; --", "admin'--",
			"1 OR 1=1", "'||(SELECT version())||'", "%", "_", "\\", "'", "''", "\"");

	private static final String CONTROLS = "\u0000\u0001\u0007\u0008\u000b\u000c\u001b\u007f\u0085\u009f\u2028\u2029"
			+ "\u202e\u202d\u2066\u200b\u200d\ufeff\ufffe\uffff\r\n\t";

	private static final List<String> BROKEN_UNICODE = List.of("\ud800", "\udc00", "a\ud800b", "end \ud83d",
			"\ude00 start", "\ud83d\ud83d", "\uffff\ufffe", "\ufffd\ufffd", "e\u0301\u0301\u0301\u0301\u0301\u0301",
			"Z\u0351\u0354\u0357\u035b\u0361a\u0352\u0346\u0344l\u0347g\u0311o");

	private static final List<String> NUMBERS = List.of("99999999999999999999", "-1", "0", "-0", "1e309", "-1e309",
			"1E+400", "1e-400", "NaN", "Infinity", "-Infinity", "0x7fffffff", "9223372036854775807",
			"9223372036854775808", "-9223372036854775808", "-9223372036854775809", "2147483647", "2147483648",
			"1.5", "1,000", " 42 ", "4\u00a02", "١٢٣", "１２３", "1e3", "+5", "--1", "0.000000001",
			"123456789012345678901234567890.12", "1" + "0".repeat(400), "0".repeat(50) + "7", "00000000000000000001");

	private static final List<String> DATES = List.of("2015-02-30", "2015-02-29", "2016-02-29", "1900-02-29", "0000",
			"0000-00-00", "99999-01", "99999", "2015-13", "2015-00", "2015-00-10", "2015-04-31", "2015-1-1", "15-01-01",
			"2015/01/01", "01.02.2015", "2015-01-01T00:00:00Z", "-2015", "+2015", "2015-W01", "1899", "9999-12-31",
			"2099-01-01", "2100", "1000-01-01", "２０１５", "2015-01-01\u0000", "today", "yesterday", "2015-", "-01-01",
			"2015--01", " 2015 ", "2015-01-01 ", "20150101", "1e3", "2015.5", "0001-01-01", "-999999999-01-01",
			"+999999999-12-31", "2014-12-32", "2014-11-31");

	private static final List<String> WRONG_TYPES = List.of("true", "false", "null", "undefined", "[]", "{}",
			"[object Object]", "%00", "%", "%%", "%C3%28", "%FF%FE", "../../etc/passwd", "..%2f..%2f", "C:\\Windows\\win.ini",
			"", " ", "\t", "\n\n", "\u3000", "\u00a0", "AT_LARGE", "at_large", "RETURNED,IN_CUSTODY", "IN_CUSTODY,,",
			"US", "us", "CN", "ZZ", "XX", "U S", "USA", "US,CA", ",", "DETENTION", "detention", "FLIGHT", "MEETING",
			"EXACT", "UNSPECIFIED", "CASH", "ADMIN", "admin", "PRINCIPAL", "CLOSED", "name,asc", "fled,desc",
			"name,sideways", "status,,", "F", "M", "X", "fugitive", "event", "case_file", "Fugitive", "CaseFile",
			"https://example.org/test", "http://", "https://", "https://a b", "http://[::1]:80/", "https://例え.jp/",
			"https://x/\u0000", "javascript:alert(1)", "data:text/html,<b>x</b>", "//evil.example", "https://user:pass@host/",
			"ftp://example.org/", "https://" + "a".repeat(2100) + ".example");

	private static final List<String> JSON_LITERALS = List.of("null", "true", "false", "0", "-1", "1.5", "1e309",
			"-1e309", "99999999999999999999", "9223372036854775808", "1" + "0".repeat(1200), "[]", "{}", "[null]",
			"[1,2,3]", "[\"a\",[\"b\",{\"c\":null}]]", "{\"a\":{\"b\":[1,{\"c\":\"d\"}]}}", "\"\"", "\"\\u0000\"",
			"\"\\ud800\"", "[\"\\u0000\"]", "{\"$gt\":\"\"}", "[" + "1,".repeat(5000) + "1]",
			"[".repeat(2000) + "]".repeat(2000), "{\"a\":".repeat(1500) + "1" + "}".repeat(1500), "\"" + "x".repeat(100_000) + "\"");

	private static final List<byte[]> BAD_BYTES = List.of(bytes(0xC3, 0x28), bytes(0xA0, 0xA1), bytes(0xE2, 0x28, 0xA1),
			bytes(0xF0, 0x28, 0x8C, 0x28), bytes(0xFF), bytes(0xFE, 0xFF), bytes(0xC0, 0xAF), bytes(0xC0, 0xBC),
			bytes(0xED, 0xA0, 0x80), bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0x00),
			bytes(0xEF, 0xBB, 0xBF));

	/** Text of every kind; "{T}" stands for a fresh token. */
	private static final Arbitrary<String> TEXT = Arbitraries.frequencyOf(Tuple.of(18, Arbitraries.of(MARKUP)),
			Tuple.of(8, Arbitraries.of(SQL)), Tuple.of(10, controls()), Tuple.of(4, Arbitraries.of(BROKEN_UNICODE)),
			Tuple.of(8, mixedScripts()), Tuple.of(7, overLong()), Tuple.of(9, numbers()), Tuple.of(9, dates()),
			Tuple.of(10, Arbitraries.of(WRONG_TYPES)), Tuple.of(7, Arbitraries.strings().all().ofMaxLength(40)),
			Tuple.of(3, Arbitraries.strings().ascii().ofMaxLength(40)));

	private final Random random;

	private final RandomGenerator<String> text;

	private final RandomGenerator<String> numbers;

	private final RandomGenerator<String> literals;

	private final Map<String, String> needles = new ConcurrentHashMap<>();

	private long tokens;

	HostileValues(long seed) {
		this.random = new Random(seed);
		this.text = TEXT.generator(1000, true);
		this.numbers = Arbitraries.oneOf(numbers(), dates(), Arbitraries.of(WRONG_TYPES)).generator(1000, true);
		this.literals = Arbitraries.oneOf(Arbitraries.of(JSON_LITERALS), numbers()).generator(1000, true);
	}

	Random random() {
		return random;
	}

	/** A hostile string. */
	String text() {
		return tokenized(text.next(random).value());
	}

	/** A hostile string that does not name an existing record by accident ("١" or "1.0" would be id 1). */
	String id() {
		while (true) {
			String value = random.nextBoolean() ? numbers.next(random).value() : text();
			if (!namesSmallId(value)) {
				return value;
			}
		}
	}

	/** A markup payload with a fresh token, appended to a valid value so that the write can succeed. */
	String withMarkup(String valid) {
		String payload = tokenized(MARKUP.get(random.nextInt(MARKUP.size())));
		return random.nextBoolean() ? valid + " " + payload : payload + " " + valid;
	}

	/** A JSON value: a hostile string (its characters escaped in various ways) or a raw literal of any type. */
	String json() {
		return random.nextInt(100) < 65 ? jsonString(text()) : literal();
	}

	/** A JSON value for a field that names a record: never an existing small id. */
	String jsonId() {
		while (true) {
			String value = random.nextBoolean() ? literal() : jsonString(id());
			if (!namesSmallId(value)) {
				return value;
			}
		}
	}

	private String literal() {
		return literals.next(random).value();
	}

	/** A JSON string literal; control characters and surrogates escaped, markup sometimes as \\u003c. */
	String jsonString(String value) {
		StringBuilder json = new StringBuilder("\"");
		boolean escapeMarkup = random.nextInt(4) == 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20 || Character.isSurrogate(c) && !pairedAt(value, i) || escapeMarkup && "<>&'".indexOf(c) >= 0) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

	/** A whole request body that is not what was asked for: malformed, of another type, or not UTF-8. */
	byte[] body(String validJson) {
		return switch (random.nextInt(12)) {
			case 0 -> new byte[0];
			case 1 -> literal().getBytes(StandardCharsets.UTF_8);
			case 2 -> validJson.substring(0, random.nextInt(Math.max(1, validJson.length()))).getBytes(StandardCharsets.UTF_8);
			case 3 -> (validJson + validJson).getBytes(StandardCharsets.UTF_8);
			case 4 -> validJson.replace("\"", "'").getBytes(StandardCharsets.UTF_8);
			case 5 -> splice(validJson.getBytes(StandardCharsets.UTF_8), badBytes());
			case 6 -> validJson.getBytes(StandardCharsets.UTF_16);
			case 7 -> validJson.getBytes(StandardCharsets.ISO_8859_1);
			case 8 -> text().getBytes(StandardCharsets.UTF_8);
			case 9 -> ("{\"a\":" + validJson + ",\"b\":[" + validJson + "]}").getBytes(StandardCharsets.UTF_8);
			case 10 -> concat(bytes(0xEF, 0xBB, 0xBF), validJson.getBytes(StandardCharsets.UTF_8));
			default -> randomBytes();
		};
	}

	/** Bytes that are no UTF-8 (or the NUL and BOM that are, but should not be there). */
	byte[] badBytes() {
		return BAD_BYTES.get(random.nextInt(BAD_BYTES.size()));
	}

	/** Valid UTF-8 text with an invalid sequence inside. */
	byte[] splice(byte[] valid, byte[] bad) {
		int at = random.nextInt(valid.length + 1);
		byte[] result = new byte[valid.length + bad.length];
		System.arraycopy(valid, 0, result, 0, at);
		System.arraycopy(bad, 0, result, at, bad.length);
		System.arraycopy(valid, at, result, at + bad.length, valid.length - at);
		return result;
	}

	private byte[] randomBytes() {
		byte[] bytes = new byte[random.nextInt(200)];
		random.nextBytes(bytes);
		return bytes;
	}

	/** The raw markup of a payload whose token the page shows, if the page shows it unescaped. */
	String unescaped(String html) {
		Matcher token = TOKENS.matcher(html);
		while (token.find()) {
			String needle = needles.get(token.group());
			if (needle != null && html.contains(needle)) {
				return needle;
			}
		}
		return null;
	}

	/** A template expression the page evaluated ("49" before a token), if any. */
	String evaluated(String html) {
		Matcher token = TOKENS.matcher(html);
		while (token.find()) {
			if (token.start() >= 2 && html.startsWith("49", token.start() - 2)) {
				return "49" + token.group();
			}
		}
		return null;
	}

	int tokens() {
		return (int) tokens;
	}

	private String tokenized(String value) {
		int at = value.indexOf(TOKEN);
		if (at < 0) {
			return value;
		}
		String token = "xss" + (++tokens);
		String filled = value.replace(TOKEN, token);
		String dangerous = filled.substring(0, at + token.length());
		if (dangerous.indexOf('<') >= 0 || dangerous.indexOf('"') >= 0 || dangerous.indexOf('\'') >= 0) {
			needles.put(token, dangerous);
		}
		return filled;
	}

	/**
	 * Whether the value could be read as a record id from 1 to a billion: then it might name a
	 * seeded record, which the test must never change. Reads it as leniently as any parser would
	 * (signs, leading zeros, hex, fractions, digits of other scripts).
	 */
	static boolean namesSmallId(String raw) {
		StringBuilder digits = new StringBuilder();
		for (char c : raw.strip().replace("\"", "").toCharArray()) {
			int digit = Character.digit(c, 10);
			digits.append(digit >= 0 && c > 127 ? Character.forDigit(digit, 10) : c);
		}
		String value = digits.toString().replaceFirst("^\\+", "").replace("_", "");
		try {
			long decoded = Long.decode(value);
			return decoded >= 1 && decoded <= 1_000_000_000L;
		}
		catch (NumberFormatException ex) {
			// not an integer in Java's notation; maybe a decimal
		}
		try {
			BigDecimal decimal = new BigDecimal(value);
			return decimal.compareTo(BigDecimal.ZERO) > 0 && decimal.compareTo(BigDecimal.valueOf(1_000_000_001L)) < 0;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static Arbitrary<String> controls() {
		return Combinators
			.combine(Arbitraries.strings().alpha().ofMaxLength(8), Arbitraries.strings().withChars(CONTROLS).ofMinLength(1).ofMaxLength(4),
					Arbitraries.strings().alpha().ofMaxLength(8))
			.as((before, control, after) -> "Test " + before + control + after);
	}

	private static Arbitrary<String> mixedScripts() {
		Arbitrary<String> letters = Arbitraries.strings()
			.withCharRange('\u0400', '\u04ff')
			.withCharRange('\u4e00', '\u9fff')
			.withCharRange('\u0600', '\u06ff')
			.withCharRange('\u05d0', '\u05ea')
			.withCharRange('\u0900', '\u097f')
			.withCharRange('a', 'z')
			.withChars("\u0301\u0308\u200d\u200f\u202e ")
			.ofMinLength(1)
			.ofMaxLength(60);
		return Combinators.combine(letters, Arbitraries.of("", "😀", "👨‍👩‍👧", "🇨🇳", "𠜎", "𝔘𝔫𝔦", "杨秀珠", "Ян"))
			.as((a, b) -> a + b);
	}

	/** Lengths on both sides of every limit the forms have, and far beyond. */
	private static Arbitrary<String> overLong() {
		return Combinators
			.combine(Arbitraries.of(12, 13, 30, 31, 64, 65, 72, 73, 100, 101, 128, 129, 200, 201, 300, 301, 1000, 1001, 2000,
					2001, 4000, 4001, 10_000, 20_000, 65_536),
					Arbitraries.of("a", "A", "杨", "😀", "<b>", "' OR ", "é", " ", "\n", "1"))
			.as((length, unit) -> unit.repeat(Math.max(1, length / unit.length())).substring(0,
					Math.min(length, unit.repeat(Math.max(1, length / unit.length())).length())));
	}

	private static Arbitrary<String> numbers() {
		return Arbitraries.oneOf(Arbitraries.of(NUMBERS), Arbitraries.longs().map(String::valueOf),
				Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)).map(String::valueOf),
				Arbitraries.doubles().map(String::valueOf), Arbitraries.integers().map(i -> i + ".0"));
	}

	private static Arbitrary<String> dates() {
		Arbitrary<String> generated = Combinators
			.combine(Arbitraries.integers().between(-1, 100_000), Arbitraries.integers().between(-1, 14),
					Arbitraries.integers().between(-1, 33), Arbitraries.integers().between(0, 2))
			.as((year, month, day, precision) -> switch (precision) {
				case 0 -> String.format("%04d", year);
				case 1 -> String.format("%04d-%02d", year, month);
				default -> String.format("%04d-%02d-%02d", year, month, day);
			});
		return Arbitraries.oneOf(Arbitraries.of(DATES), generated);
	}

	/** Whether the surrogate at {@code at} is half of a valid pair. */
	private static boolean pairedAt(String value, int at) {
		char c = value.charAt(at);
		return Character.isHighSurrogate(c) ? at + 1 < value.length() && Character.isLowSurrogate(value.charAt(at + 1))
				: at > 0 && Character.isHighSurrogate(value.charAt(at - 1));
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] result = new byte[a.length + b.length];
		System.arraycopy(a, 0, result, 0, a.length);
		System.arraycopy(b, 0, result, a.length, b.length);
		return result;
	}

}
