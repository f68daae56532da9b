package vn.lgsp.hub.platform;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the embedded Artemis broker (the default run). Routes retry in memory and move messages to their own
 * dead-letter queue with the reason; the broker's own redelivery limit is a safety net for messages whose
 * processing kills the JVM again and again. An external broker (prod profile) is configured the same way in its
 * broker.xml (see docker-compose.yml).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded", matchIfMissing = true)
public class BrokerConfiguration {

    static final String BROKER_DEAD_LETTER_ADDRESS = "lgsp.broker.DLQ";

    /**
     * How much message data the embedded broker keeps in the hub's heap; beyond it, addresses page to disk (still
     * durable, delivered in order). Artemis' default, half the heap, let a backlog (a system down, a burst the
     * pipeline works off) take half of a 512 MB hub. Artemis counts encoded sizes, and the buffers holding them are
     * up to twice as large: 32 MB here is about 60-90 MB of heap (BrokerMemoryIT).
     */
    @Bean
    public ArtemisConfigurationCustomizer brokerMemory(HubProperties hub) {
        return brokerMemory(hub.broker().memory());
    }

    ArtemisConfigurationCustomizer brokerMemory(DataSize memory) {
        return configuration -> configuration.setGlobalMaxSize(memory.toBytes());
    }

    /** Public: the live/backup brokers of the two-node test use the same settings (deploy: broker.xml). */
    @Bean
    public ArtemisConfigurationCustomizer hubBrokerSettings() {
        return configuration -> {
            // Messages a route rolls back (the hub's database is down, the JVM died) come back after 5 s, then
            // later and later up to 5 min: 40 attempts last about three hours before the broker's own DLQ.
            configuration.addAddressSetting("lgsp.#", new AddressSettings()
                    .setMaxDeliveryAttempts(40)
                    .setRedeliveryDelay(5_000)
                    .setRedeliveryMultiplier(2.0)
                    .setMaxRedeliveryDelay(300_000)
                    .setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of(BROKER_DEAD_LETTER_ADDRESS))
                    .setAutoCreateDeadLetterResources(false)
                    .setAutoCreateQueues(true)
                    .setAutoCreateAddresses(true)
                    .setDefaultGroupRebalance(false));
            configuration.addQueueConfiguration(QueueConfiguration.of(BROKER_DEAD_LETTER_ADDRESS)
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true));
            configuration.setJournalSyncTransactional(true);
            configuration.setJournalSyncNonTransactional(true);
            configuration.setJMXManagementEnabled(false);
            configuration.setSecurityEnabled(false);
        };
    }
}
