package io.rebatch.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.rebatch.jobs.common.RuleSetProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;

/**
 * The REST layer's wiring. Its beans exist only in {@code rebatch serve} (the servlet web context): the
 * application's component scan leaves {@code io.rebatch.api} out and imports this class, which scans it only in a
 * servlet context — the CLI commands start without a secret, a filter chain or controllers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ComponentScan("io.rebatch.api")
@EnableConfigurationProperties(ApiProperties.class)
@OpenAPIDefinition(info = @Info(title = "rebatch API", version = "v1",
        description = "Settled rebates, balances and withdrawals for the cashback app (SPEC 8). Amounts are fen"
                + " integers with yuan strings beside them; errors are RFC 9457 problem details with a reason."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class ApiConfiguration {

    /**
     * Request bodies carry whole fen: {@code "amount_fen": 100.7} is refused (400) instead of Jackson's default of
     * truncating it to a withdrawal of 100 fen. Only the API's JSON is affected (this class acts in serve only).
     */
    @Bean
    JsonMapperBuilderCustomizer wholeNumbersOnly() {
        return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /**
     * Loads the rule sets when {@code serve} starts: a missing or broken rules directory stops the start (exit 2,
     * one line) instead of failing every withdrawal later.
     */
    @Bean
    SmartInitializingSingleton ruleSetsLoadedAtStart(RuleSetProvider ruleSets) {
        return ruleSets::get;
    }
}
