package org.fugitivetracker.synthetic;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * The command-line side of synthetic data (see docs/benchmarks.md):
 *
 * <pre>
 * java -jar target/fugitive-tracker-0.1.0-SNAPSHOT.jar --generate-synthetic=1000000 [--synthetic-seed=42]
 *      [--synthetic-rebuild-indexes-from=50000] [--synthetic-check-foreign-keys]
 * java -jar target/fugitive-tracker-0.1.0-SNAPSHOT.jar --remove-synthetic
 * </pre>
 *
 * Both may be given together: the old synthetic rows are removed first. The application then runs
 * without a web server and exits (see {@code FugitiveTrackerApplication.main}).
 */
public class SyntheticDataCommand implements ApplicationRunner {

	static final String GENERATE = "generate-synthetic";

	static final String REMOVE = "remove-synthetic";

	static final String SEED = "synthetic-seed";

	static final String REBUILD_INDEXES_FROM = "synthetic-rebuild-indexes-from";

	static final String CHECK_FOREIGN_KEYS = "synthetic-check-foreign-keys";

	private final SyntheticDataGenerator generator;

	private final SyntheticDataRemover remover;

	SyntheticDataCommand(SyntheticDataGenerator generator, SyntheticDataRemover remover) {
		this.generator = generator;
		this.remover = remover;
	}

	/** Whether the command line asks for a synthetic-data command (then no web server is started). */
	public static boolean isRequested(String... args) {
		return Arrays.stream(args)
			.anyMatch(arg -> arg.equals("--" + REMOVE) || arg.equals("--" + GENERATE)
					|| arg.startsWith("--" + GENERATE + "="));
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (args.containsOption(REMOVE)) {
			System.out.println(remover.remove().toMarkdown());
		}
		if (args.containsOption(GENERATE)) {
			long count = number(args, GENERATE, null);
			SyntheticDataGenerator.Options defaults = SyntheticDataGenerator.Options.defaults();
			SyntheticDataGenerator.Options options = new SyntheticDataGenerator.Options(
					number(args, SEED, defaults.seed()), args.containsOption(CHECK_FOREIGN_KEYS),
					number(args, REBUILD_INDEXES_FROM, defaults.rebuildIndexesFrom()));
			System.out.println(generator.generate(count, options).toMarkdown());
		}
	}

	private static long number(ApplicationArguments args, String option, Long fallback) {
		List<String> values = args.getOptionValues(option);
		if (values == null || values.isEmpty()) {
			if (fallback == null) {
				throw new IllegalArgumentException("--" + option + " needs a number, e.g. --" + option + "=1000");
			}
			return fallback;
		}
		String value = values.get(values.size() - 1).replace("_", "");
		try {
			long number = Long.parseLong(value);
			if (number <= 0 && !option.equals(SEED)) {
				throw new IllegalArgumentException("--" + option + " must be positive, not " + value);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + option + " must be a whole number, not '" + value + "'", ex);
		}
	}

}
