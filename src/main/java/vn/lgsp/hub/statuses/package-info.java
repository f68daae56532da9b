/**
 * Status tables: between the hub's dossier statuses ({@code canonical.DossierStatus}, DVCQG TrangThaiHoSo 1-10) and
 * each connected system's status codes, read from {@code mappings/<system>/status.<from>-to-<to>.csv} so operators
 * change them without a build. Every table has one of two shapes, {@link vn.lgsp.hub.statuses.IncomingStatuses}
 * (a system's code to a hub status) or {@link vn.lgsp.hub.statuses.OutgoingStatuses} (a hub status to a system's
 * code); adapters and flows look statuses up here and nowhere else.
 */
package vn.lgsp.hub.statuses;
