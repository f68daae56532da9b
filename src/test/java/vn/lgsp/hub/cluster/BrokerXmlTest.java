package vn.lgsp.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.ha.ReplicaPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicatedPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lgsp.hub.platform.BrokerConfiguration;

/**
 * The broker.xml files of the reference topology (deploy/artemis/live, backup, voter) parse with Artemis' own parser
 * against its schema, form a replication pair with a quorum of three (the voter: docs/operations.md "Broker
 * quorum"; {@link BrokerQuorumProofIT} shows these settings at work), keep the outbox's duplicate ids on disk, and
 * carry the same settings for the hub's queues as the embedded broker.
 */
class BrokerXmlTest {

    /** Active identities in the cluster: the pair (one, whichever of the two is live) and the voter. */
    private static final int QUORUM_SIZE = 2;

    @ParameterizedTest
    @ValueSource(strings = {"live", "backup"})
    void brokerXmlIsAReplicationPairWithTheHubsQueueSettings(String role) throws Exception {
        FileConfiguration xml = read(role);

        if (role.equals("live")) {
            ReplicatedPolicyConfiguration live = (ReplicatedPolicyConfiguration) xml.getHAPolicyConfiguration();
            assertThat(live.getGroupName()).isEqualTo("lgsp-pair");
            assertThat(live.isCheckForActiveServer()).isTrue();
            // Cut off from the backup, the live stays live only with the voter's vote.
            assertThat(live.getVoteOnReplicationFailure()).isTrue();
            assertThat(live.getQuorumSize()).isEqualTo(QUORUM_SIZE);
        } else {
            ReplicaPolicyConfiguration backup = (ReplicaPolicyConfiguration) xml.getHAPolicyConfiguration();
            assertThat(backup.getGroupName()).isEqualTo("lgsp-pair");
            assertThat(backup.isAllowFailBack()).isFalse();
            // Having lost the live, the backup goes live only with the voter's vote.
            assertThat(backup.getQuorumSize()).isEqualTo(QUORUM_SIZE);
            assertThat(backup.getVoteRetries()).isPositive();
        }
        // The live reaches the voter first: the cluster view it votes with comes from the first broker it reaches.
        assertThat(xml.getClusterConfigurations()).singleElement().satisfies(c -> {
            assertThat(c.getStaticConnectors()).containsExactlyElementsOf(
                    role.equals("live") ? List.of("voter", "other") : List.of("other", "voter"));
            assertThat(c.getMessageLoadBalancingType()).isEqualTo(MessageLoadBalancingType.OFF);
        });
        assertThat(xml.getConnectorConfigurations().get("voter").getCombinedParams())
                .containsEntry("host", "artemis-voter");
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

    @Test
    void theVoterIsAPrimaryOfItsOwnGroupInTheClusterOfThePairAndHoldsNoMessages() throws Exception {
        FileConfiguration xml = read("voter");

        // Only a replication primary answers votes; its own group keeps the backup from replicating it.
        assertThat(xml.getHAPolicyConfiguration()).isInstanceOfSatisfying(ReplicatedPolicyConfiguration.class,
                voter -> assertThat(voter.getGroupName()).isEqualTo("lgsp-voter"));
        assertThat(xml.getClusterConfigurations()).singleElement().satisfies(c -> {
            assertThat(c.getStaticConnectors()).containsExactly("live", "backup");
            assertThat(c.getMessageLoadBalancingType()).isEqualTo(MessageLoadBalancingType.OFF);
        });
        assertThat(xml.getConnectorConfigurations().get("live").getCombinedParams()).containsEntry("host", "artemis-live");
        assertThat(xml.getConnectorConfigurations().get("backup").getCombinedParams())
                .containsEntry("host", "artemis-backup");
        assertThat(xml.getClusterPassword()).isEqualTo("test-only");
        // No application role may send or consume there.
        assertThat(xml.getSecurityRoles().get("#")).allMatch(role -> !role.isSend() && !role.isConsume());
    }

    private static FileConfiguration read(String role) throws Exception {
        System.setProperty("lgsp.cluster.password", "test-only");
        FileConfiguration xml = new FileConfiguration();
        new FileDeploymentManager(Path.of("deploy", "artemis", role, "broker.xml").toUri().toString())
                .addDeployable(xml).readConfiguration();
        return xml;
    }
}
