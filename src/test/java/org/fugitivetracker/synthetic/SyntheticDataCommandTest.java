package org.fugitivetracker.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The synthetic-data command's options and the loader's small rules, without a database. */
class SyntheticDataCommandTest {

	@Test
	void onlyTheSyntheticOptionsTurnTheApplicationIntoACommand() {
		assertThat(SyntheticDataCommand.isRequested("--generate-synthetic=1000")).isTrue();
		assertThat(SyntheticDataCommand.isRequested("--server.port=0", "--remove-synthetic")).isTrue();
		assertThat(SyntheticDataCommand.isRequested()).isFalse();
		assertThat(SyntheticDataCommand.isRequested("--synthetic-seed=3", "--generate-synthetic-x=1")).isFalse();
	}

	@Test
	void indexesThatLeaveSyntheticRowsOutAreKeptThroughALoad() {
		assertThat(SyntheticDataGenerator.leavesOutSynthetic("(NOT synthetic)")).isTrue();
		assertThat(SyntheticDataGenerator.leavesOutSynthetic("(case_id IS NOT NULL)")).isFalse();
		assertThat(SyntheticDataGenerator.leavesOutSynthetic("(synthetic)")).isFalse();
		assertThat(SyntheticDataGenerator.leavesOutSynthetic("((NOT synthetic) AND (case_id IS NOT NULL))")).isFalse();
	}

	@Test
	void copyTextEscapesWhatWouldBreakARow() {
		assertThat(new String(CopyStream.escape("a\tb\\c\nd"), java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo("a\\tb\\\\c\\nd");
		byte[] plain = "zhang wei (synthetic) 张伟".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(CopyStream.escape(plain)).as("text from the database with nothing to escape").isSameAs(plain);
		assertThat(CopyStream.escape("a\rb".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.isEqualTo(CopyStream.escape("a\rb"));
	}

}
