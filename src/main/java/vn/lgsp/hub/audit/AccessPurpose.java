package vn.lgsp.hub.audit;

/**
 * Why personal data is being read: the connected system, the officer and the dossier on whose behalf, and the
 * purpose in words. Required for every registry lookup (CONTRACTS.md §2: authorised officers only).
 */
public record AccessPurpose(String callerSystem, String officerId, String dossierCode, String purpose) {
}
