/**
 * One package per external system: its client, endpoint configuration, properties and coded failures.
 * Adapters map their systems' messages to the canonical model (via files in mappings/) and back.
 */
package vn.lgsp.hub.adapters;
