package org.fugitivetracker.exchange;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.fugitivetracker.fugitive.ExportGate;
import org.fugitivetracker.fugitive.FugitiveFilter;
import org.fugitivetracker.fugitive.FugitiveQuery;
import org.fugitivetracker.fugitive.FugitiveSearch;
import org.fugitivetracker.fugitive.InvalidFilterException;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/export.ftm.json}: the people of a filter and their facts as FollowTheMoney
 * entities, one JSON object a line, streamed ({@link FtmExport}). Analysts and admins.
 */
@RestController
@Tag(name = "Exchange")
class FtmExportController {

	static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson;charset=UTF-8");

	private final FugitiveSearch search;

	private final FtmExport export;

	private final ExportGate exports;

	private final JsonMapper json;

	private final MessageSource messages;

	FtmExportController(FugitiveSearch search, FtmExport export, ExportGate exports, JsonMapper json,
			MessageSource messages) {
		this.search = search;
		this.export = export;
		this.exports = exports;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping("/api/v1/export.ftm.json")
	@PreAuthorize("hasRole('ANALYST')")
	@Operation(summary = "Export FollowTheMoney entities",
			description = "The people of the same filter as /fugitives and /fugitives.csv (country, status, q, "
					+ "operation, sort) with their facts, as FollowTheMoney entities, one JSON object a line "
					+ "(application/x-ndjson): Person, then per person Passport or Identification (identity "
					+ "documents), Sanction (wanted notices and places on wanted lists), Event (flight, detention, "
					+ "surrender, return; name = the event type) and Payment (asset transfers; amount only where the "
					+ "source gives an exact figure, its words in summary). Ids are stable: ft-person-<id>, "
					+ "ft-identification-<id>, ft-notice-<id>, ft-listing-<id>, ft-event-<id>, ft-flight-<id>, "
					+ "ft-transfer-<id>. Each entity's sourceUrl and publisher are the sources that vouch for it.")
	void export(@ModelAttribute FugitiveQuery query, HttpServletResponse response) throws IOException {
		FugitiveSearch.Scope scope = search.resolve(FugitiveFilter.parse(query));
		exports.stream(response, () -> {
			response.setContentType(JSON_LINES.toString());
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("fugitives.ftm.json").build().toString());
			OutputStream out = new BufferedOutputStream(response.getOutputStream());
			export.export(scope, entity -> write(entity, out));
			out.flush();
		});
	}

	private void write(FtmExport.Entity entity, OutputStream out) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("id", entity.id());
		line.put("schema", entity.schema());
		line.put("properties", entity.properties());
		try {
			out.write(json.writeValueAsBytes(line));
			out.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@ExceptionHandler(InvalidFilterException.class)
	ResponseEntity<ProblemDetail> invalidParameter(InvalidFilterException ex, Locale locale) {
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ex.toProblem(messages, locale));
	}

}
