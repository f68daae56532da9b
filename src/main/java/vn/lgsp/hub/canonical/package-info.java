/**
 * The hub's own dossier model: English names, independent of every external system. Adapters map their
 * systems' messages to and from these types; nothing here may depend on an adapter (an ArchUnit test keeps it so).
 */
package vn.lgsp.hub.canonical;
