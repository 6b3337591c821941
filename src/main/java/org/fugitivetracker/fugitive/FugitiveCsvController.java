package org.fugitivetracker.fugitive;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code GET /fugitives.csv?...}: the whole result of the same filter as the page, as RFC 4180
 * CSV in UTF-8, streamed from a database cursor to the response (no full load into memory).
 * Analysts and admins only.
 */
@Controller
class FugitiveCsvController {

	/** Stable, machine-friendly column names (not translated: the file is for other tools). */
	static final String[] HEADER = { "id", "name", "native_name", "status", "destination_countries",
			"former_position", "former_organisation", "fled", "years_on_the_run" };

	/**
	 * A byte order mark: without it Excel reads a CSV in the system's legacy code page and shows
	 * Chinese as mojibake; with it, Excel (and LibreOffice, Numbers, Python's utf-8-sig) read UTF-8.
	 */
	static final char BOM = '\uFEFF';

	private final FugitiveSearch search;

	private final ExportGate exports;

	FugitiveCsvController(FugitiveSearch search, ExportGate exports) {
		this.search = search;
		this.exports = exports;
	}

	@GetMapping("/fugitives.csv")
	@PreAuthorize("hasRole('ANALYST')")
	void export(@ModelAttribute FugitiveQuery query, HttpServletResponse response) throws IOException {
		// Everything that can be refused is checked before the first byte is written.
		FugitiveSearch.Scope scope = search.resolve(FugitiveFilter.parse(query));
		exports.stream(response, () -> write(scope, response));
	}

	private void write(FugitiveSearch.Scope scope, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("fugitives.csv").build().toString());
		Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		writer.write(BOM);
		try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(writer)) {
			search.export(scope, row -> {
				try {
					csv.printRecord(row.id(), text(row.name()), text(row.nativeName()), row.status().name(),
							String.join(" ", row.destinationCountries()), text(row.formerPosition()),
							text(row.formerOrganisation()), row.fled() == null ? null : row.fled().iso(),
							row.yearsOnTheRun());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	/**
	 * Free text that a spreadsheet would take for a formula (=, +, -, @, tab, CR at the start) is
	 * prefixed with an apostrophe, as OWASP advises against CSV injection; ids, codes and dates
	 * never start so and are left alone.
	 */
	static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
	}

}
