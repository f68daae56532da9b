package vn.lgsp.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.ha.ReplicaPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicatedPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lgsp.hub.platform.BrokerConfiguration;

/**
 * The broker.xml files of the reference topology (deploy/artemis/live, deploy/artemis/backup) parse with Artemis'
 * own parser against its schema, form a replication pair, keep the outbox's duplicate ids on disk, and carry the
 * same settings for the hub's queues as the embedded broker.
 */
class BrokerXmlTest {

    @ParameterizedTest
    @ValueSource(strings = {"live", "backup"})
    void brokerXmlIsAReplicationPairWithTheHubsQueueSettings(String role) throws Exception {
        System.setProperty("lgsp.cluster.password", "test-only");
        FileConfiguration xml = new FileConfiguration();
        new FileDeploymentManager(Path.of("deploy", "artemis", role, "broker.xml").toUri().toString())
                .addDeployable(xml).readConfiguration();

        assertThat(xml.getHAPolicyConfiguration()).isInstanceOf(role.equals("live")
                ? ReplicatedPolicyConfiguration.class : ReplicaPolicyConfiguration.class);
        assertThat(xml.getClusterConfigurations()).singleElement()
                .satisfies(c -> assertThat(c.getStaticConnectors()).containsExactly("other"));
        assertThat(xml.getClusterPassword()).isEqualTo("test-only");
        String other = role.equals("live") ? "backup" : "live";
        assertThat(xml.getConnectorConfigurations().get("self").getCombinedParams()).containsEntry("host", "artemis-" + role)
                .containsEntry("port", "61616");
        assertThat(xml.getConnectorConfigurations().get("other").getCombinedParams()).containsEntry("host", "artemis-" + other);
        assertThat(xml.isPersistIDCache()).isTrue();
        assertThat(xml.isPersistenceEnabled()).isTrue();

        Configuration embedded = new ConfigurationImpl();
        new BrokerConfiguration().hubBrokerSettings().customize(embedded);
        AddressSettings expected = embedded.getAddressSettings().get("lgsp.#");
        AddressSettings actual = xml.getAddressSettings().get("lgsp.#");
        assertThat(actual.getDeadLetterAddress().toString()).isEqualTo(expected.getDeadLetterAddress().toString());
        assertThat(actual.getMaxDeliveryAttempts()).isEqualTo(expected.getMaxDeliveryAttempts());
        assertThat(actual.getRedeliveryDelay()).isEqualTo(expected.getRedeliveryDelay());
        assertThat(actual.getRedeliveryMultiplier()).isEqualTo(expected.getRedeliveryMultiplier());
        assertThat(actual.getMaxRedeliveryDelay()).isEqualTo(expected.getMaxRedeliveryDelay());
        assertThat(actual.isAutoCreateDeadLetterResources()).isEqualTo(expected.isAutoCreateDeadLetterResources());
        assertThat(actual.isDefaultGroupRebalance()).isEqualTo(expected.isDefaultGroupRebalance());
        assertThat(xml.getAddressConfigurations()).anyMatch(a -> a.getName().equals("lgsp.broker.DLQ"));
    }
}
