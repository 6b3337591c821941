package org.fugitivetracker.security;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/error", "/css/**", "/js/**", "/images/**", "/favicon.ico").permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.anyRequest().hasRole(Role.INVESTIGATOR.name()))
			.formLogin(form -> form.loginPage("/login").permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.httpBasic(withDefaults())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint()));
		return http.build();
	}

	/** Scripts calling the API get a 401 asking for HTTP Basic; people in a browser get the login page. */
	private static AuthenticationEntryPoint entryPoint() {
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		AuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		((BasicAuthenticationEntryPoint) basic).setRealmName("fugitive-tracker");
		AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
		return (request, response, exception) -> (api.matches(request) ? basic : login).commence(request, response,
				exception);
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
