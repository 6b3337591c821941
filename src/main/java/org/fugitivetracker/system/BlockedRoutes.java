package org.fugitivetracker.system;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.zaxxer.hikari.HikariDataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps the pages that wait on a lock from taking every pooled connection, so that the pages that
 * do not keep working. The lock timeout frees a waiting request's connection after a second, but
 * users who keep reloading such a page, more of them than the pool has connections, would keep
 * every connection waiting and every other page queuing for one. So, per route (method and mapped
 * pattern, {@code GET /fugitives/{id}}):
 * <ul>
 * <li>no route has more than the pool less {@value #KEPT_FOR_OTHER_ROUTES} requests in its
 * handler at once; the next wait their turn (as they would have waited for a connection, at most
 * the pool's connection timeout, then 503 "busy");</li>
 * <li>once a request of a route has hit the lock or statement timeout, the route counts as blocked
 * for {@link #WINDOW}: its requests share a quarter of the pool (with every other blocked route)
 * to find out whether the lock is gone, and the others answer 503 "busy" at once. The first that
 * gets through unblocks the route.</li>
 * </ul>
 * A waiting request holds no connection: Spring Session borrows one only while it reads or writes.
 */
@Component
class BlockedRoutes implements HandlerInterceptor, WebMvcConfigurer {

	private static final Logger log = LoggerFactory.getLogger(BlockedRoutes.class);

	/** Connections no single route can take. */
	static final int KEPT_FOR_OTHER_ROUTES = 3;

	/** As long as clients are told to wait ({@code Retry-After}). */
	static final Duration WINDOW = Duration.ofSeconds(Long.parseLong(DatabaseUnavailableResponse.RETRY_AFTER_SECONDS));

	private static final String PERMITS = BlockedRoutes.class.getName() + ".permits";

	private final ObjectProvider<DataSource> dataSource;

	/** Route to the {@link System#nanoTime()} until which it counts as blocked. */
	private final Map<String, Long> blockedUntil = new ConcurrentHashMap<>();

	/** Each route's turns; routes are the application's mappings, so this stays small. */
	private final Map<String, Semaphore> routeTurns = new ConcurrentHashMap<>();

	private volatile Limits limits;

	BlockedRoutes(ObjectProvider<DataSource> dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws InterruptedException {
		String route = route(request);
		if (route == null || !(handler instanceof HandlerMethod)) {
			return true; // static files and the like never wait on the database
		}
		Limits limits = limits();
		Semaphore turns = routeTurns.computeIfAbsent(route, r -> new Semaphore(limits.perRoute(), true));
		if (!turns.tryAcquire(limits.turnWait().toMillis(), TimeUnit.MILLISECONDS)) {
			throw new RouteBusyException(route + " had no turn within " + limits.turnWait().toMillis() + " ms");
		}
		Semaphore shared = null;
		Long until = blockedUntil.get(route);
		if (until != null && System.nanoTime() - until > 0) {
			blockedUntil.remove(route, until);
		}
		else if (until != null) {
			if (!limits.blocked().tryAcquire()) {
				turns.release();
				throw new RouteBusyException(route + " waits on a lock");
			}
			shared = limits.blocked();
		}
		request.setAttribute(PERMITS, shared == null ? new Semaphore[] { turns } : new Semaphore[] { turns, shared });
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		Semaphore[] held = (Semaphore[]) request.getAttribute(PERMITS);
		if (held == null) {
			return;
		}
		request.removeAttribute(PERMITS);
		for (Semaphore permit : held) {
			permit.release();
		}
		String route = route(request);
		if (ex != null && DatabaseFailures.saysTimedOut(ex)) {
			if (blockedUntil.put(route, System.nanoTime() + WINDOW.toNanos()) == null) {
				log.warn("{} waits on a lock or runs too long: for {} s its requests share {} connections with "
						+ "other such routes, the rest answer 503 at once", route, WINDOW.toSeconds(),
						limits().blockedShare());
			}
		}
		else if (held.length > 1 && blockedUntil.remove(route) != null) {
			log.info("{} answers again", route);
		}
	}

	private static String route(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return pattern == null ? null : request.getMethod() + " " + pattern;
	}

	/** Sized from the pool when first needed, once it is configured. */
	private Limits limits() {
		Limits current = limits;
		if (current == null) {
			int poolSize = 10;
			long connectionTimeout = 3000;
			try {
				DataSource source = dataSource.getIfAvailable();
				if (source != null && source.isWrapperFor(HikariDataSource.class)) {
					HikariDataSource hikari = source.unwrap(HikariDataSource.class);
					poolSize = hikari.getMaximumPoolSize();
					connectionTimeout = hikari.getConnectionTimeout();
				}
			}
			catch (SQLException ex) {
				// Hikari's defaults then
			}
			current = new Limits(Math.max(1, poolSize - KEPT_FOR_OTHER_ROUTES), Math.max(1, poolSize / 4),
					Duration.ofMillis(connectionTimeout));
			limits = current;
		}
		return current;
	}

	/** Requests a route may have in its handler; connections the blocked routes share; how long to wait. */
	private static final class Limits {

		private final int perRoute;

		private final int blockedShare;

		private final Semaphore blocked;

		private final Duration wait;

		Limits(int perRoute, int blockedShare, Duration wait) {
			this.perRoute = perRoute;
			this.blockedShare = blockedShare;
			this.blocked = new Semaphore(blockedShare);
			this.wait = wait;
		}

		int perRoute() {
			return perRoute;
		}

		int blockedShare() {
			return blockedShare;
		}

		Semaphore blocked() {
			return blocked;
		}

		Duration turnWait() {
			return wait;
		}

	}

	/** A request that did not get a turn: 503 "busy", without trying the database. */
	static final class RouteBusyException extends RuntimeException {

		RouteBusyException(String message) {
			super(message, null, false, false);
		}

	}

}
