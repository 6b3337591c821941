import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP load driver for the benchmark (bench/run.sh), run as a single-file program:
 *
 * <pre>
 * BENCH_PASSWORD=... java bench/LoadDriver.java --base http://localhost:18080 --user analyst \
 *     --clients 16 --warmup 5 --duration 20 --single 20 --tsv out.tsv \
 *     dashboard=/ list='/fugitives?country=US&amp;status=AT_LARGE'
 * </pre>
 *
 * Every client logs in once through the login form (so requests are served from its session, as
 * a browser's are: HTTP Basic would pay a bcrypt check on every request) or, with
 * {@code --auth basic}, sends HTTP Basic credentials on each request. For each page in turn: a
 * warm-up, then {@code --clients} clients requesting it in a loop for {@code --duration} seconds
 * (or until {@code --requests} are done), each response read to its end; then {@code --single}
 * requests one after the other from one client, the page time compared with the SQL time.
 * Prints a markdown table; {@code --tsv} also writes one tab-separated line per page.
 */
public class LoadDriver {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	private final String base;

	private final String user;

	private final String password;

	private final boolean formLogin;

	CpuMeter cpu = new CpuMeter(0, null);

	LoadDriver(String base, String user, String password, boolean formLogin) {
		this.base = base.replaceAll("/$", "");
		this.user = user;
		this.password = password;
		this.formLogin = formLogin;
	}

	record Result(String name, String path, int status, long requests, long errors, double seconds, long[] latenciesNanos,
			long bytes, long[] singleNanos, double cpuMillis) {

		/** CPU of the application and its database backends per request, NaN where not measured. */
		double cpuMillisPerRequest() {
			return requests > 0 ? cpuMillis / requests : Double.NaN;
		}

		double rps() {
			return (seconds > 0) ? requests / seconds : 0;
		}

		double percentileMillis(double p) {
			return percentile(latenciesNanos, p);
		}

		double singleP50Millis() {
			return percentile(singleNanos, 50);
		}

		static double percentile(long[] sorted, double p) {
			if (sorted.length == 0) {
				return Double.NaN;
			}
			int rank = (int) Math.ceil(p / 100.0 * sorted.length);
			return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
		}

	}

	/** One simulated user: its own HTTP client and cookie jar (session). */
	final class Client {

		final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();

		void login() throws IOException, InterruptedException {
			if (!formLogin) {
				return;
			}
			HttpResponse<String> page = http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
			Matcher matcher = CSRF.matcher(page.body());
			String token = matcher.find() ? (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)) : null;
			StringBuilder form = new StringBuilder();
			form.append("username=").append(URLEncoder.encode(user, StandardCharsets.UTF_8));
			form.append("&password=").append(URLEncoder.encode(password, StandardCharsets.UTF_8));
			if (token != null) {
				form.append("&_csrf=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
			}
			HttpResponse<Void> response = http.send(request("/login")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
				.build(), HttpResponse.BodyHandlers.discarding());
			String location = response.headers().firstValue("Location").orElse("");
			if (response.statusCode() != 302 || location.contains("error")) {
				throw new IllegalStateException("login as " + user + " failed: " + response.statusCode() + " " + location);
			}
		}

		/** Status and body length of one GET, the body read to its end. */
		long[] get(String path) throws IOException, InterruptedException {
			HttpResponse<InputStream> response = http.send(request(path).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
			long bytes;
			try (InputStream body = response.body()) {
				bytes = body.transferTo(OutputStream.nullOutputStream());
			}
			return new long[] { response.statusCode(), bytes };
		}

		private HttpRequest.Builder request(String path) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
			if (!formLogin) {
				builder.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
			}
			return builder;
		}

	}

	Result run(String name, String path, List<Client> clients, double warmupSeconds, double durationSeconds,
			long maxRequests, int single) throws Exception {
		long[] probe = clients.get(0).get(path);
		int status = (int) probe[0];
		if (status != 200) {
			return new Result(name, path, status, 0, 0, 0, new long[0], 0, new long[0], Double.NaN);
		}
		if (warmupSeconds > 0) {
			drive(path, clients, warmupSeconds, Math.max(clients.size(), maxRequests / 5));
		}
		double cpuBefore = cpu.millis();
		Drive drive = drive(path, clients, durationSeconds, maxRequests);
		double cpuUsed = cpu.millis() - cpuBefore;
		long[] singleNanos = new long[single];
		for (int i = 0; i < single; i++) {
			long started = System.nanoTime();
			clients.get(0).get(path);
			singleNanos[i] = System.nanoTime() - started;
		}
		Arrays.sort(singleNanos);
		return new Result(name, path, status, drive.latencies.length, drive.errors, drive.seconds, drive.latencies,
				drive.bytes, singleNanos, cpuUsed);
	}

	/**
	 * The CPU time the application's process and the PostgreSQL backends of its database have used
	 * (Linux /proc; NaN elsewhere or without {@code --cpu-pid}). Throughput on a shared two-core
	 * machine moves by half from run to run with whatever else runs; CPU per request moves far less,
	 * so it is the better measure of what a page costs.
	 */
	record CpuMeter(long pid, String database) {

		static final double MILLIS_PER_TICK = 10; // USER_HZ is 100 on Linux

		double millis() {
			if (pid <= 0) {
				return Double.NaN;
			}
			long ticks = ticks(Path.of("/proc", String.valueOf(pid)));
			try (var processes = Files.list(Path.of("/proc"))) {
				for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
					String title = commandLine(process);
					// a backend's title: "postgres: <user> <database> <client> <state>"
					if (database != null && title.startsWith("postgres: ") && title.contains(" " + database + " ")) {
						ticks += ticks(process);
					}
				}
			}
			catch (IOException ex) {
				return Double.NaN;
			}
			return ticks * MILLIS_PER_TICK;
		}

		private static String commandLine(Path process) {
			try {
				byte[] line = Files.readAllBytes(process.resolve("cmdline"));
				return new String(line, StandardCharsets.UTF_8).replace('\0', ' ');
			}
			catch (IOException ex) {
				return "";
			}
		}

		private static long ticks(Path process) {
			try {
				String stat = Files.readString(process.resolve("stat"));
				// fields after the command name in parentheses; utime and stime are the 14th and 15th
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
			catch (IOException | RuntimeException ex) {
				return 0;
			}
		}

	}

	record Drive(long[] latencies, long errors, long bytes, double seconds) {
	}

	private Drive drive(String path, List<Client> clients, double seconds, long maxRequests) throws InterruptedException {
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		AtomicLong budget = new AtomicLong(maxRequests > 0 ? maxRequests : Long.MAX_VALUE);
		AtomicLong errors = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		List<long[]> perClient = new ArrayList<>();
		int[] counts = new int[clients.size()];
		CountDownLatch done = new CountDownLatch(clients.size());
		long started = System.nanoTime();
		for (int c = 0; c < clients.size(); c++) {
			long[] latencies = new long[1 << 16];
			perClient.add(latencies);
			int index = c;
			Client client = clients.get(c);
			Thread thread = new Thread(() -> {
				try {
					long[] own = perClient.get(index);
					while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
						long t0 = System.nanoTime();
						long[] response;
						try {
							response = client.get(path);
						}
						catch (IOException ex) {
							response = new long[] { -1, 0 };
						}
						long elapsed = System.nanoTime() - t0;
						if (response[0] != 200) {
							errors.incrementAndGet();
						}
						bytes.addAndGet(response[1]);
						if (counts[index] == own.length) {
							own = Arrays.copyOf(own, own.length * 2);
							perClient.set(index, own);
						}
						own[counts[index]++] = elapsed;
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					done.countDown();
				}
			});
			thread.start();
		}
		done.await();
		double elapsed = (System.nanoTime() - started) / 1e9;
		int total = Arrays.stream(counts).sum();
		long[] all = new long[total];
		int at = 0;
		for (int c = 0; c < clients.size(); c++) {
			System.arraycopy(perClient.get(c), 0, all, at, counts[c]);
			at += counts[c];
		}
		Arrays.sort(all);
		return new Drive(all, errors.get(), bytes.get(), elapsed);
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		Map<String, String> pages = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith("--")) {
				options.put(args[i].substring(2), args[++i]);
			}
			else {
				int eq = args[i].indexOf('=');
				pages.put(args[i].substring(0, eq), args[i].substring(eq + 1));
			}
		}
		String password = System.getenv("BENCH_PASSWORD");
		if (password == null || pages.isEmpty()) {
			System.err.println("usage: BENCH_PASSWORD=... java LoadDriver.java --base URL [--user analyst] [--auth form|basic]"
					+ " [--clients 16] [--warmup 5] [--duration 20] [--requests 0] [--single 20] [--tsv file]"
					+ " [--cpu-pid PID [--cpu-db DATABASE]] name=path ...");
			System.exit(2);
		}
		LoadDriver driver = new LoadDriver(options.getOrDefault("base", "http://localhost:8080"),
				options.getOrDefault("user", "analyst"), password, !"basic".equals(options.get("auth")));
		driver.cpu = new CpuMeter(Long.parseLong(options.getOrDefault("cpu-pid", "0")), options.get("cpu-db"));
		int clientCount = Integer.parseInt(options.getOrDefault("clients", "16"));
		double warmup = Double.parseDouble(options.getOrDefault("warmup", "5"));
		double duration = Double.parseDouble(options.getOrDefault("duration", "20"));
		long maxRequests = Long.parseLong(options.getOrDefault("requests", "0"));
		int single = Integer.parseInt(options.getOrDefault("single", "20"));
		List<Client> clients = new ArrayList<>();
		for (int c = 0; c < clientCount; c++) {
			Client client = driver.new Client();
			client.login();
			clients.add(client);
		}
		List<Result> results = new ArrayList<>();
		for (Map.Entry<String, String> page : pages.entrySet()) {
			Result result = driver.run(page.getKey(), page.getValue(), clients, warmup, duration, maxRequests, single);
			results.add(result);
			System.err.printf(Locale.ROOT, "%s: %s%n", page.getKey(), summary(result));
		}
		print(results, clientCount, System.out);
		if (options.containsKey("tsv")) {
			StringBuilder tsv = new StringBuilder();
			for (Result r : results) {
				tsv.append(String.join("\t", r.name(), r.path(), String.valueOf(r.status()), String.valueOf(r.requests()),
						String.valueOf(r.errors()), fmt(r.rps()), fmt(r.percentileMillis(50)), fmt(r.percentileMillis(95)),
						fmt(r.percentileMillis(99)), fmt(r.singleP50Millis()),
						String.valueOf(r.requests() > 0 ? r.bytes() / r.requests() : 0), fmt(r.cpuMillisPerRequest())))
					.append('\n');
			}
			Files.writeString(Path.of(options.get("tsv")), tsv.toString());
		}
	}

	private static String summary(Result r) {
		if (r.status() != 200) {
			return "HTTP " + r.status() + " (skipped)";
		}
		return String.format(Locale.ROOT, "%d requests, %d errors, %.1f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms",
				r.requests(), r.errors(), r.rps(), r.percentileMillis(50), r.percentileMillis(95), r.percentileMillis(99));
	}

	static void print(List<Result> results, int clients, PrintStream out) {
		out.printf("| page | path | requests | errors | req/s | p50 ms | p95 ms | p99 ms | 1 client p50 ms | bytes |%n");
		out.printf("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|%n");
		for (Result r : results) {
			if (r.status() != 200) {
				out.printf("| %s | `%s` | HTTP %d: not measured | | | | | | | |%n", r.name(), r.path(), r.status());
				continue;
			}
			out.printf(Locale.ROOT, "| %s | `%s` | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d |%n", r.name(), r.path(),
					r.requests(), r.errors(), r.rps(), r.percentileMillis(50), r.percentileMillis(95),
					r.percentileMillis(99), r.singleP50Millis(), r.requests() > 0 ? r.bytes() / r.requests() : 0);
		}
		out.printf("%n%d concurrent clients; latency from request sent to last byte read.%n", clients);
	}

	private static String fmt(double value) {
		return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.2f", value);
	}

}
