/**
 * Simulators of the external systems the hub cannot reach from a developer's machine, served under
 * {@code /sim/<system-id>/} when {@code hub.simulators.enabled} is true. Each holds state, answers like the real
 * system, and takes faults at run time (error rate, latency, outage window, failing the next N calls) through
 * {@code /sim/<system-id>/faults}; {@code /sim/<system-id>/received} shows what it received, in arrival order.
 */
package vn.lgsp.hub.simulators;
