package vn.lgsp.hub.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.platform.ProblemWriter;

/**
 * Who may call what. Connected systems authenticate with API keys on the REST API and the SOAP endpoints;
 * health, metrics, the API description, the published schema and the simulators are open.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain hubSecurity(HttpSecurity http, ClientRegistry clients, ProblemWriter problems)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> { })
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(clients), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/api/v1/schema/**").permitAll()
                        .requestMatchers("/sim/**").permitAll()
                        // Payment gateways sign their notifications instead of presenting an API key.
                        .requestMatchers("/api/v1/payments/callbacks/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/v1/admin/**", "/actuator/metrics/**").hasRole("ADMIN")
                        .requestMatchers("/api/**", "/services/**").hasRole("SYSTEM")
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            Object reason = request.getAttribute(ApiKeyAuthenticationFilter.REASON);
                            problems.write(request, response, ErrorCode.UNAUTHENTICATED,
                                    reason == null ? "Authentication is required" : reason.toString());
                        })
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response,
                                ErrorCode.FORBIDDEN, "This system may not call this service")));
        return http.build();
    }
}
