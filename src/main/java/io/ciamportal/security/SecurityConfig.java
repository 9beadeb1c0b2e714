package io.ciamportal.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.security.ui.LoginView;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.Customizer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: the JSON API under {@code /api/**} (browser session or HTTP Basic, JSON errors, CSRF for
 * session-authenticated writes) and everything else for the Vaadin UI (login view, OIDC, default deny).
 * Services carry their own {@code @PreAuthorize} rules; these chains are the outer wall, not the only one.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the {id} prefix so the scheme can be upgraded later without a migration; at most half
        // the cores hash at once, so a burst of sign-ins leaves the open sessions a core (PasswordChecks); a check waits
        // at most 30 s for its turn
        return new PasswordChecks(PasswordEncoderFactories.createDelegatingPasswordEncoder(), PasswordChecks.defaultPermits(),
                Duration.ofSeconds(30));
    }

    /**
     * The one authentication manager of both chains: local passwords (throttled) when local accounts are on, and the
     * OIDC authorization-code exchange when a provider is configured. Publishes success and failure events for the audit.
     */
    @Bean
    AuthenticationManager authenticationManager(AccountDirectory accounts, PasswordEncoder passwordEncoder,
            PortalProperties properties, Clock clock, ApplicationEventPublisher events, SignInThrottle.Store throttleStore) {
        var providers = new ArrayList<AuthenticationProvider>();
        if (properties.localAccountsEnabled()) {
            var passwords = new DaoAuthenticationProvider(accounts);
            passwords.setPasswordEncoder(passwordEncoder);
            providers.add(new ThrottlingAuthenticationProvider(passwords,
                    new SignInThrottle(clock, new SignInThrottle.Policy(5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15)),
                            "username", throttleStore),
                    new SignInThrottle(clock, new SignInThrottle.Policy(30, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15)),
                            "address", throttleStore)));
        } else {
            providers.add(new RefuseAllProvider());
        }
        if (properties.oidc().configured()) {
            var users = new PortalOidcUserService(accounts,
                    new RolesClaim(properties.oidc().rolesClaimOrDefault(), properties.oidc().rolePrefix()));
            providers.add(new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(), users));
        }
        var manager = new ProviderManager(providers);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    /**
     * Always a bean; whether single sign-on is on is decided from {@code portal.oidc} when the beans are made, not by a
     * bean condition, so one jar serves both with Spring AOT too (its conditions are fixed at build time).
     */
    @Bean
    OidcClientRegistrations oidcClientRegistrations(PortalProperties properties, JsonMapper json, Clock clock) {
        return new OidcClientRegistrations(properties.oidc(), json, clock);
    }

    /**
     * Not a bean: a filter bean would also be registered with the servlet container, and the web server would then need
     * the account directory, and through it Hibernate, before it could start. Each chain adds its own.
     */
    private static SessionRefreshFilter sessionRefreshFilter(AccountDirectory accounts, SecurityContextHolderStrategy contexts) {
        return new SessionRefreshFilter(accounts, contexts, new HttpSessionSecurityContextRepository());
    }

    @Bean
    SecurityHeaders securityHeaders(PortalProperties properties, @Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
        return new SecurityHeaders(properties.oidc().configured() ? properties.oidc().issuerUri() : null, secure);
    }

    /** The headers both chains send (decision record 0007); {@code policy} is the chain's Content-Security-Policy. */
    private static void headers(HttpSecurity http, HeaderWriter policy, SecurityHeaders securityHeaders) throws Exception {
        http.headers(headers -> {
            headers.contentTypeOptions(Customizer.withDefaults())
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                    .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY))
                    .addHeaderWriter(policy)
                    .httpStrictTransportSecurity(hsts -> hsts.disable());
            if (securityHeaders.secure()) {
                // behind TLS the request may reach the portal as plain HTTP (a proxy ends TLS), so always send it
                headers.addHeaderWriter(new StaticHeadersWriter("Strict-Transport-Security", SecurityHeaders.HSTS));
            }
        });
    }

    @Bean
    JsonSecurityResponses jsonSecurityResponses(JsonMapper json, AuditLog audit, AuthenticationAuditor auditor) {
        return new JsonSecurityResponses(json, audit, auditor);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, PortalProperties properties, JsonSecurityResponses responses,
            AccountDirectory accounts, SecurityContextHolderStrategy contexts, AuthenticationManager authenticationManager,
            SecurityHeaders securityHeaders) throws Exception {
        headers(http, new StaticHeadersWriter(SecurityHeaders.CSP, SecurityHeaders.API_POLICY), securityHeaders);
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/**", "/v3/api-docs", "/v3/api-docs/**").authenticated()
                        .anyRequest().denyAll())
                .authenticationManager(authenticationManager)
                .exceptionHandling(e -> e.authenticationEntryPoint(responses).accessDeniedHandler(responses))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(sessionAuthenticatedWrite()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(sessionRefreshFilter(accounts, contexts), AuthorizationFilter.class);
        if (properties.localAccountsEnabled()) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(responses));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiFilterChain(HttpSecurity http, PortalProperties properties, AuthenticationManager authenticationManager,
            OidcClientRegistrations oidc, AuthenticationAuditor auditor, AccountDirectory accounts,
            SecurityContextHolderStrategy contexts, SecurityHeaders securityHeaders) throws Exception {
        headers(http, SecurityHeaders.policyUnlessSet(securityHeaders.uiPolicy(null)), securityHeaders);
        AuthenticationFailureHandler failures = new SignInFailureHandler();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers("/error").permitAll())
                .authenticationManager(authenticationManager)
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterBefore(sessionRefreshFilter(accounts, contexts), AuthorizationFilter.class);
        var registrations = properties.oidc().configured() ? oidc : null;
        if (registrations != null) {
            // The code exchange and user mapping run in the authentication manager above.
            http.oauth2Login(login -> login
                    .loginPage(LoginView.PATH)
                    .clientRegistrationRepository(registrations)
                    .failureHandler(failures));
        }
        // Vaadin keeps a failure handler that is already set when it configures the form login. The login page is
        // named here too: without it Spring would switch on its generated default login page.
        http.formLogin(form -> form.loginPage(LoginView.PATH).failureHandler(failures));
        // Any other address needs a signed-in user and then reaches Vaadin, whose navigation access control
        // applies each view's own rule (a view without one is refused) and answers unknown addresses with a
        // not-found page. The API has its own chain that denies what it does not know.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
            vaadin.loginView(LoginView.class)
                    .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)
                    .addLogoutHandler(auditor);
            if (registrations != null) {
                // RP-initiated logout: a person signed in through the provider is signed out there too, and the
                // provider sends them back to the sign-in page; local accounts go straight to it
                var logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
                logout.setPostLogoutRedirectUri("{baseUrl}" + LoginView.PATH);
                logout.setDefaultTargetUrl(LoginView.PATH);
                // the sign-out runs inside a Vaadin request: the browser is sent on by the UI, not by an HTTP redirect
                logout.setRedirectStrategy(new com.vaadin.flow.spring.security.UidlRedirectStrategy());
                vaadin.logoutSuccessHandler(logout);
            }
        });
        return http.build();
    }

    /** CSRF applies to state-changing API requests that rely on the session cookie, not to HTTP Basic ones. */
    private static RequestMatcher sessionAuthenticatedWrite() {
        return request -> {
            var method = HttpMethod.valueOf(request.getMethod());
            boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS || method == HttpMethod.TRACE;
            String authorization = request.getHeader("Authorization");
            boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
            // without a session cookie there is no ambient credential to forge: such a request gets a plain 401
            return !safe && !basic && request.getRequestedSessionId() != null;
        };
    }

    /** With local accounts switched off there is no password to check. */
    private static final class RefuseAllProvider implements AuthenticationProvider {
        @Override
        public org.springframework.security.core.Authentication authenticate(org.springframework.security.core.Authentication authentication) {
            throw new org.springframework.security.authentication.BadCredentialsException("Local accounts are switched off");
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return org.springframework.security.authentication.UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
