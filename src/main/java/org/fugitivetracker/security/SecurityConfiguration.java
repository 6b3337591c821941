package org.fugitivetracker.security;

import static org.springframework.security.config.Customizer.withDefaults;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(LoginThrottleProperties.class)
class SecurityConfiguration {

	/**
	 * Every page: only our own scripts, styles and images (no inline script, no style attribute),
	 * no plugins, never framed, forms post only to us.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	/**
	 * Only the API documentation under /swagger-ui/** (springdoc): Swagger UI's React components
	 * write style attributes, so styles may be inline there. Scripts stay 'self' only: its
	 * index.html loads swagger-ui-bundle.js and swagger-initializer.js as files, no inline script.
	 */
	static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
			+ "base-uri 'self'; form-action 'self'";

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	private static final RequestMatcher API = PATHS.matcher("/api/**");

	/**
	 * Paths only administrators may use, decided here, before Spring MVC sees the request: the
	 * controllers say so too ({@code @PreAuthorize}), but Spring MVC answers {@code OPTIONS} itself
	 * (200 with {@code Allow}) and converts path variables before a controller method runs (400 for
	 * {@code /api/v1/events/abc}), so a lower role learnt what exists and how it is called instead
	 * of getting a 403. {@code AuthorizationMatrixTest} checks that every administrators' endpoint
	 * is listed here.
	 */
	static final String[] ADMIN_PATHS = { "/admin", "/admin/**", "/audit", "/audit/**", "/fugitives/new",
			"/fugitives/*/edit", "/fugitives/*/manage", "/fugitives/*/history", "/fugitives/*/events",
			"/fugitives/*/events/**", "/fugitives/*/photos", "/fugitives/*/photos/*/primary",
			"/fugitives/*/photos/*/delete", "/events/**", "/cases/new", "/cases/*/manage", "/cases/*/history",
			"/cases/*/status", "/cases/*/participants", "/sources/new", "/asset-transfers", "/asset-transfers/**",
			"/api/v1/events/**", "/api/v1/fugitives/*/events", "/api/v1/cases/*/status", "/api/v1/cases/*/participants",
			"/api/v1/asset-transfers", "/api/v1/sources",
			"/fugitives/*/identifiers", "/fugitives/*/wanted-lists", "/identifiers/**", "/list-memberships/**",
			"/api/v1/identifiers/**", "/api/v1/imports" };

	/** Collections everyone reads whose POST (a new record) is the administrators'. */
	static final String[] ADMIN_POSTS = { "/fugitives", "/cases", "/sources" };

	/** Analysts (and administrators) export. */
	static final String[] ANALYST_PATHS = { "/fugitives.csv", "/api/v1/export.ftm.json" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager loginAuthenticationManager,
			CsrfTokenRepository csrfTokens) throws Exception {
		ReturnPathRequestCache returnPaths = new ReturnPathRequestCache();
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/error", "/css/**", "/js/**", "/images/**", "/favicon.svg",
					"/favicon.ico")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
			.requestMatchers(ADMIN_PATHS).hasRole(Role.ADMIN.name())
			.requestMatchers(HttpMethod.POST, ADMIN_POSTS).hasRole(Role.ADMIN.name())
			.requestMatchers(ANALYST_PATHS).hasRole(Role.ANALYST.name())
			// The API's writes are the admins' (as their controllers say too), decided here before
			// the body is read: otherwise Spring MVC parses and validates it first, and a
			// non-admin's invalid body got a 400 listing the field errors instead of a 403.
			.requestMatchers(HttpMethod.POST, "/api/**").hasRole(Role.ADMIN.name())
			.requestMatchers(HttpMethod.PUT, "/api/**").hasRole(Role.ADMIN.name())
			.requestMatchers(HttpMethod.PATCH, "/api/**").hasRole(Role.ADMIN.name())
			.requestMatchers(HttpMethod.DELETE, "/api/**").hasRole(Role.ADMIN.name())
			.anyRequest().hasRole(Role.INVESTIGATOR.name()))
			.authenticationManager(loginAuthenticationManager)
			.formLogin(form -> form.loginPage("/login")
				.successHandler(new LoginSuccessHandler(csrfTokens, returnPaths))
				.failureHandler(loginFailureHandler())
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint()))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint()))
			// an anonymous visit stores nothing on the server: the page to return to is a cookie
			.requestCache(cache -> cache.requestCache(returnPaths))
			// the default, stated: a login gets a new session id, so a planted one is worthless
			.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
				.ignoringRequestMatchers(SecurityConfiguration::isScriptedApiCall))
			.headers(headers -> headers.frameOptions(frame -> frame.deny())
				.contentTypeOptions(withDefaults())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(contentSecurityPolicy()))
			.addFilterAfter(new RequestUserFilter(), AuthorizationFilter.class);
		return http.build();
	}

	/** The session's CSRF token once logged in, a cookie's before (see {@link SessionOrCookieCsrfTokenRepository}). */
	@Bean
	CsrfTokenRepository csrfTokenRepository() {
		return new SessionOrCookieCsrfTokenRepository();
	}

	/** Form login and HTTP Basic both go through the login throttle. */
	@Bean
	AuthenticationManager loginAuthenticationManager(AccountUserDetailsService accounts,
			PasswordEncoder passwordEncoder, LoginThrottle throttle,
			ObjectProvider<AuthenticationEventPublisher> eventPublisher) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(passwordEncoder);
		passwords.setUserDetailsPasswordService(accounts);
		ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
		eventPublisher.ifAvailable(manager::setAuthenticationEventPublisher);
		return manager;
	}

	private static HeaderWriter contentSecurityPolicy() {
		RequestMatcher swaggerUi = PATHS.matcher("/swagger-ui/**");
		HeaderWriter strict = new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		HeaderWriter swagger = new StaticHeadersWriter("Content-Security-Policy", SWAGGER_UI_CONTENT_SECURITY_POLICY);
		return (request, response) -> (swaggerUi.matches(request) ? swagger : strict).writeHeaders(request, response);
	}

	/**
	 * A throttled login gets its own message with the time left; any other failure the usual one.
	 * Either way the form comes back with the user name that was typed.
	 */
	private static AuthenticationFailureHandler loginFailureHandler() {
		return (request, response, exception) -> {
			LoginNameCookie.remember(request, response);
			response.sendRedirect(request.getContextPath() + (exception instanceof LoginThrottledException throttled
					? "/login?" + throttled.retryAfter().loginQuery() : "/login?error"));
		};
	}

	/** Scripts (the API, Prometheus) get a 401 asking for HTTP Basic; people in a browser get the login page. */
	private static AuthenticationEntryPoint entryPoint() {
		RequestMatcher machines = new OrRequestMatcher(PATHS.matcher("/api/**"), PATHS.matcher("/actuator/**"));
		AuthenticationEntryPoint basic = basicEntryPoint();
		return (request, response, exception) -> {
			if (machines.matches(request)) {
				basic.commence(request, response, exception);
			}
			else {
				toLoginPage(request, response);
			}
		};
	}

	/**
	 * A relative {@code Location: /login}, written as a header: {@code sendRedirect} would make it
	 * absolute from the request's {@code Host}, which the client chooses ({@code Host: evil.example}
	 * came back as {@code http://evil.example/login}, fit to poison a shared cache).
	 */
	private static void toLoginPage(HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpStatus.FOUND.value());
		response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + "/login");
	}

	/** HTTP Basic: 401 with the realm, or 429 with Retry-After while the login is locked or delayed. */
	private static AuthenticationEntryPoint basicEntryPoint() {
		BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		basic.setRealmName("fugitive-tracker");
		return new AuthenticationEntryPoint() {
			@Override
			public void commence(HttpServletRequest request, HttpServletResponse response,
					AuthenticationException exception) throws IOException {
				if (exception instanceof LoginThrottledException throttled) {
					response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfter().seconds()));
					response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
					return;
				}
				basic.commence(request, response, exception);
			}
		};
	}

	/**
	 * CSRF protects every state-changing request made with a session (forms, and API calls from
	 * a signed-in browser). Scripts calling the API with HTTP Basic and a JSON body need no token:
	 * another site cannot forge such a request, because a cross-site form can only send form or
	 * plain-text bodies and a cross-site {@code fetch} with a JSON content type needs a CORS
	 * preflight, which this application never grants. (A browser's cached Basic credentials may
	 * ride along on a forged form post, but that post is not JSON, so it still needs the token.)
	 * A file upload ({@code multipart/form-data}, as {@code POST /api/v1/imports} takes) is what a
	 * cross-site form can send, so a scripted one says so with an {@code X-Requested-With} header,
	 * which a cross-site request cannot carry without the same preflight.
	 */
	static boolean isScriptedApiCall(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (!API.matches(request) || authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return false;
		}
		if (request.getHeader("X-Requested-With") != null) {
			return true;
		}
		try {
			return request.getContentType() != null
					&& MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(request.getContentType()));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name()).implies(Role.ANALYST.name())
			.role(Role.ANALYST.name()).implies(Role.INVESTIGATOR.name())
			.build();
	}

	/** bcrypt by default; the {id} prefix keeps older hashes verifiable if the default changes. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
