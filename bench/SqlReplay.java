import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the statements one page request made, as PostgreSQL logged them with
 * {@code log_statement = 'all'}, into SQL that runs straight in psql (bench/run.sh):
 *
 * <pre>
 * java bench/SqlReplay.java LOG_SEGMENT DATABASE OUT_PREFIX
 * </pre>
 *
 * reads the log lines of DATABASE in LOG_SEGMENT (the part of the server log written while the
 * request ran), substitutes each statement's bind parameters (the {@code DETAIL: parameters:} line),
 * and writes OUT_PREFIX.statements.sql (every statement, in order) and OUT_PREFIX.explain.sql (each
 * read-only statement under {@code EXPLAIN (ANALYZE, BUFFERS)}). Prints the number of statements
 * and of read-only ones. Transaction control (BEGIN, COMMIT, SET …) is left out.
 */
public class SqlReplay {

	private static final Pattern STATEMENT = Pattern
		.compile("^\\S+ \\S+ \\S+ \\[\\d+\\] \\S+@(\\S+) LOG:  (execute [^:]+|statement): (.*)$");

	/**
	 * A further batch of rows from an open cursor (the CSV reads through one): PostgreSQL logs it with
	 * the cursor's query again, but it runs no new query, so it is neither counted nor replayed.
	 */
	private static final String FETCH = "execute fetch from";

	private static final Pattern DETAIL = Pattern.compile("^\\S+ \\S+ \\S+ \\[\\d+\\] \\S+@(\\S+) DETAIL:  parameters: (.*)$");

	private static final Pattern PREFIXED = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} .*");

	/** Transaction control and session settings: not counted as the page's statements. */
	private static final Pattern CONTROL = Pattern
		.compile("^(?i)(|begin|commit|rollback|start transaction.*|set .*|show .*|reset .*|discard .*|savepoint .*|release .*)$");

	private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = ('(?:[^']|'')*'|NULL)");

	public static void main(String[] args) throws IOException {
		if (args.length != 3) {
			System.err.println("usage: java SqlReplay.java LOG_SEGMENT DATABASE OUT_PREFIX");
			System.exit(2);
		}
		List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
		String database = args[1];
		List<String> statements = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher statement = STATEMENT.matcher(lines.get(i));
			if (!statement.matches() || !statement.group(1).equals(database)) {
				continue;
			}
			boolean fetch = statement.group(2).startsWith(FETCH);
			StringBuilder sql = new StringBuilder(statement.group(3));
			while (i + 1 < lines.size() && !PREFIXED.matcher(lines.get(i + 1)).matches()) {
				sql.append('\n').append(lines.get(++i)); // a statement written over several lines
			}
			String text = sql.toString();
			if (i + 1 < lines.size()) {
				Matcher detail = DETAIL.matcher(lines.get(i + 1));
				if (detail.matches() && detail.group(1).equals(database)) {
					text = substitute(text, detail.group(2));
					i++;
				}
			}
			text = text.strip().replaceAll(";$", "");
			if (!fetch && !CONTROL.matcher(text).find()) {
				statements.add(text);
			}
		}
		StringBuilder all = new StringBuilder();
		StringBuilder explain = new StringBuilder();
		int readOnly = 0;
		for (String sql : statements) {
			all.append(sql).append(";\n");
			String head = sql.stripLeading().toLowerCase(Locale.ROOT);
			if (head.startsWith("select") || head.startsWith("with") || head.startsWith("values")) {
				explain.append("EXPLAIN (ANALYZE, BUFFERS) ").append(sql).append(";\n");
				readOnly++;
			}
		}
		Files.writeString(Path.of(args[2] + ".statements.sql"), all.toString());
		Files.writeString(Path.of(args[2] + ".explain.sql"), explain.toString());
		System.out.println(statements.size() + " " + readOnly);
	}

	/** Puts each $n's logged literal in its place (highest numbers first, so $1 does not eat $10). */
	static String substitute(String sql, String parameters) {
		Matcher matcher = PARAMETER.matcher(parameters);
		List<String[]> values = new ArrayList<>();
		while (matcher.find()) {
			values.add(new String[] { matcher.group(1), matcher.group(2) });
		}
		values.sort((a, b) -> Integer.compare(Integer.parseInt(b[0]), Integer.parseInt(a[0])));
		for (String[] value : values) {
			sql = sql.replaceAll("\\$" + value[0] + "(?![0-9])", Matcher.quoteReplacement(value[1]));
		}
		return sql;
	}

}
