package org.fugitivetracker.security;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/error", "/css/**", "/js/**", "/images/**", "/favicon.ico").permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.anyRequest().hasRole(Role.INVESTIGATOR.name()))
			.formLogin(form -> form.loginPage("/login").permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.httpBasic(withDefaults())
			.csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::isScriptedApiCall))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint()));
		return http.build();
	}

	/** Scripts calling the API get a 401 asking for HTTP Basic; people in a browser get the login page. */
	private static AuthenticationEntryPoint entryPoint() {
		RequestMatcher api = API;
		AuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		((BasicAuthenticationEntryPoint) basic).setRealmName("fugitive-tracker");
		AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
		return (request, response, exception) -> (api.matches(request) ? basic : login).commence(request, response,
				exception);
	}

	/**
	 * CSRF protects every state-changing request made with a session (forms, and API calls from
	 * a signed-in browser). Scripts calling the API with HTTP Basic and a JSON body need no token:
	 * another site cannot forge such a request, because a cross-site form can only send form or
	 * plain-text bodies and a cross-site {@code fetch} with a JSON content type needs a CORS
	 * preflight, which this application never grants. (A browser's cached Basic credentials may
	 * ride along on a forged form post, but that post is not JSON, so it still needs the token.)
	 */
	static boolean isScriptedApiCall(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (!API.matches(request) || authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return false;
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

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
