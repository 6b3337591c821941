package org.fugitivetracker.synthetic;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Writes rows into one {@code COPY table (columns) FROM STDIN} in PostgreSQL's text format
 * (tab-separated, {@code \N} for NULL, backslash escapes), through a fixed buffer: rows are
 * streamed to the server as they are made, never held as a list.
 */
final class CopyStream implements AutoCloseable {

	private static final byte TAB = '\t';

	private static final byte NEWLINE = '\n';

	private static final byte[] NULL = { '\\', 'N' };

	private final CopyIn copyIn;

	private final byte[] buffer = new byte[1 << 17];

	private int position;

	private boolean firstColumn = true;

	private long rows;

	private boolean ended;

	private final BooleanSupplier abandoned;

	/** @param abandoned asked before each buffer is sent: true stops the COPY (another part of the load failed) */
	private CopyStream(CopyIn copyIn, BooleanSupplier abandoned) {
		this.copyIn = copyIn;
		this.abandoned = abandoned;
	}

	static CopyStream open(CopyManager copyManager, String table, String columns, BooleanSupplier abandoned)
			throws SQLException {
		return new CopyStream(copyManager.copyIn("COPY " + table + " (" + columns + ") FROM STDIN"), abandoned);
	}

	/** A value in COPY text format, encoded once (vocabulary strings are kept this way). */
	static byte[] escape(String value) {
		StringBuilder escaped = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case '\t' -> escaped.append("\\t");
				case '\n' -> escaped.append("\\n");
				case '\r' -> escaped.append("\\r");
				default -> escaped.append(c);
			}
		}
		return escaped.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * UTF-8 text (as PostgreSQL sends a text value) in COPY text format: the same bytes when they hold
	 * no backslash, tab, newline or carriage return (no byte of a multi-byte character can be one).
	 */
	static byte[] escape(byte[] utf8) {
		for (byte b : utf8) {
			if (b == '\\' || b == '\t' || b == '\n' || b == '\r') {
				return escape(new String(utf8, StandardCharsets.UTF_8));
			}
		}
		return utf8;
	}

	CopyStream bytes(byte[] encoded) throws SQLException {
		separate();
		if (encoded == null) {
			put(NULL);
		}
		else {
			put(encoded);
		}
		return this;
	}

	/** Appends to the current column without a separator (a value built from several pieces). */
	CopyStream append(byte[] encoded) throws SQLException {
		put(encoded);
		return this;
	}

	CopyStream text(String value) throws SQLException {
		return bytes((value != null) ? escape(value) : null);
	}

	/** An ASCII value known to need no escaping (codes, numbers as text, enum names). */
	CopyStream ascii(String value) throws SQLException {
		separate();
		if (value == null) {
			put(NULL);
			return this;
		}
		ensure(value.length());
		for (int i = 0; i < value.length(); i++) {
			buffer[position++] = (byte) value.charAt(i);
		}
		return this;
	}

	CopyStream number(long value) throws SQLException {
		separate();
		return appendNumber(value);
	}

	CopyStream appendNumber(long value) throws SQLException {
		ensure(20);
		if (value < 0) {
			buffer[position++] = '-';
			value = -value;
		}
		if (value == 0) {
			buffer[position++] = '0';
			return this;
		}
		int start = position;
		while (value > 0) {
			buffer[position++] = (byte) ('0' + (value % 10));
			value /= 10;
		}
		for (int i = start, j = position - 1; i < j; i++, j--) {
			byte swap = buffer[i];
			buffer[i] = buffer[j];
			buffer[j] = swap;
		}
		return this;
	}

	CopyStream nullValue() throws SQLException {
		separate();
		put(NULL);
		return this;
	}

	CopyStream bool(boolean value) throws SQLException {
		separate();
		ensure(1);
		buffer[position++] = (byte) (value ? 't' : 'f');
		return this;
	}

	/** A date packed as yyyymmdd, or NULL when 0. */
	CopyStream date(int packed) throws SQLException {
		separate();
		if (packed == 0) {
			put(NULL);
			return this;
		}
		ensure(10);
		int year = packed / 10000;
		int month = packed / 100 % 100;
		int day = packed % 100;
		buffer[position++] = (byte) ('0' + year / 1000);
		buffer[position++] = (byte) ('0' + year / 100 % 10);
		buffer[position++] = (byte) ('0' + year / 10 % 10);
		buffer[position++] = (byte) ('0' + year % 10);
		buffer[position++] = '-';
		buffer[position++] = (byte) ('0' + month / 10);
		buffer[position++] = (byte) ('0' + month % 10);
		buffer[position++] = '-';
		buffer[position++] = (byte) ('0' + day / 10);
		buffer[position++] = (byte) ('0' + day % 10);
		return this;
	}

	void endRow() throws SQLException {
		ensure(1);
		buffer[position++] = NEWLINE;
		firstColumn = true;
		rows++;
	}

	long rows() {
		return rows;
	}

	/** Sends what is buffered and ends the COPY; returns the rows the server reports. */
	long finish() throws SQLException {
		flush();
		ended = true;
		return copyIn.endCopy();
	}

	@Override
	public void close() throws SQLException {
		if (!ended && copyIn.isActive()) {
			copyIn.cancelCopy();
		}
	}

	private void separate() throws SQLException {
		if (firstColumn) {
			firstColumn = false;
		}
		else {
			ensure(1);
			buffer[position++] = TAB;
		}
	}

	private void put(byte[] bytes) throws SQLException {
		if (bytes.length > buffer.length) {
			flush();
			copyIn.writeToCopy(bytes, 0, bytes.length);
			return;
		}
		ensure(bytes.length);
		System.arraycopy(bytes, 0, buffer, position, bytes.length);
		position += bytes.length;
	}

	private void ensure(int length) throws SQLException {
		if (position + length > buffer.length) {
			flush();
		}
	}

	private void flush() throws SQLException {
		if (abandoned.getAsBoolean()) {
			throw new SQLException("COPY abandoned: another part of the load failed");
		}
		if (position > 0) {
			copyIn.writeToCopy(buffer, 0, position);
			position = 0;
		}
	}

}
