package vn.lgsp.hub.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console's language: Vietnamese unless the user chose English ({@code ?lang=en}), remembered in a cookie so
 * any node answers in the same language. Texts are in {@code console/messages_*.properties}.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleWebConfiguration implements WebMvcConfigurer {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Bean
    LocaleResolver localeResolver() {
        // Only the two languages the console has texts for; anything else asked for means Vietnamese.
        CookieLocaleResolver resolver = new CookieLocaleResolver("LGSP_CONSOLE_LANG") {
            @Override
            public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
                                         LocaleContext context) {
                Locale asked = context == null ? null : context.getLocale();
                super.setLocaleContext(request, response, new SimpleLocaleContext(
                        asked != null && "en".equals(asked.getLanguage()) ? Locale.ENGLISH : VIETNAMESE));
            }
        };
        resolver.setDefaultLocale(VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookiePath("/console");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/console/**");
    }
}
