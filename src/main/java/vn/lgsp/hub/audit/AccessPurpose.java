package vn.lgsp.hub.audit;

/**
 * Why personal data is being read: the connected system, the officer and the dossier on whose behalf, and the
 * purpose in words. Required for every registry lookup (authorised officers only: docs/contracts.md "National
 * population database (CSDLQG về dân cư)").
 */
public record AccessPurpose(String callerSystem, String officerId, String dossierCode, String purpose) {
}
