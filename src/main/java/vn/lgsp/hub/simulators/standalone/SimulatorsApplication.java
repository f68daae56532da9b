package vn.lgsp.hub.simulators.standalone;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import vn.lgsp.hub.adapters.business.BusinessProperties;
import vn.lgsp.hub.adapters.dvcqg.DvcqgProperties;
import vn.lgsp.hub.adapters.payment.BankGatewayProperties;
import vn.lgsp.hub.adapters.payment.NationalPaymentProperties;
import vn.lgsp.hub.adapters.population.PopulationProperties;
import vn.lgsp.hub.documents.EdxmlSchema;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.platform.JsonConfiguration;
import vn.lgsp.hub.simulators.ministries.MinistrySimulatorProperties;
import vn.lgsp.hub.simulators.support.RegistrySimulatorProperties;
import vn.lgsp.hub.simulators.support.SimulatorProperties;

/**
 * The simulators of the external systems as a process of their own, without any part of the hub (no database,
 * broker, Camel or API security), so that several hub nodes talk to one set of simulators: the two-node test, the
 * kill tests and docker-compose. Profiles {@code demo} (the demo credentials the hub's demo profile uses) and
 * {@code simulators} (port {@code SIM_PORT}, default 8090; callbacks to the hub at {@code HUB_URL}); the hub nodes
 * run with profile {@code remote-simulators} and {@code HUB_SIMULATORS_URL}. Start:
 * {@code java -cp lgsp-hub.jar -Dloader.main=vn.lgsp.hub.simulators.standalone.SimulatorsApplication
 * org.springframework.boot.loader.launch.PropertiesLauncher}.
 *
 * <p>The hub's component scan finds this class too: {@code @Profile("simulators")} keeps it (and its
 * auto-configuration exclusions) out of the hub, and its own package keeps {@code @SpringBootTest}s of the
 * simulators package finding the hub's application class.
 */
@Profile("simulators")
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration",
        "org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
        "org.apache.camel.spring.boot.CamelAutoConfiguration"})
@ComponentScan("vn.lgsp.hub.simulators")
@EnableConfigurationProperties({HubProperties.class, RegistrySimulatorProperties.class, DvcqgProperties.class,
        PopulationProperties.class, BusinessProperties.class, NationalPaymentProperties.class,
        BankGatewayProperties.class, SimulatorProperties.class, MinistrySimulatorProperties.class,
        vn.lgsp.hub.simulators.postal.PostalSimulatorProperties.class})
@Import({EdxmlSchema.class, JsonConfiguration.class})
public class SimulatorsApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(SimulatorsApplication.class)
                .profiles("demo", "simulators")
                .run(args);
    }
}
