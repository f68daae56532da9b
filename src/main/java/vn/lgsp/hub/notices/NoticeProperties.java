package vn.lgsp.hub.notices;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Notices to citizens, bound from {@code hub.notices.*}.
 *
 * @param enabled   whether status changes send notices at all
 * @param templates the CSV of templates by status ({@code mappings/notices/templates.csv})
 * @param channel   the channel every notice goes through (its system id; today only {@code sms})
 * @param queue     queue of notices to the channel's route (outbox -> queue -> notice-delivery-to-sms)
 */
@ConfigurationProperties("hub.notices")
public record NoticeProperties(boolean enabled, String templates, String channel, String queue) {
}
