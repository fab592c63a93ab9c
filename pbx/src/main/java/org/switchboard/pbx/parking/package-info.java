/**
 * Call parking (docs/parking.md): the park lot's settings and the dial-plan rules that reach it, the calls parked
 * on this node by slot, and the two applications: kind {@code park} answers and parks a call, kind {@code
 * park_slot} answers a retriever and joins it to the call in that slot.
 */
package org.switchboard.pbx.parking;
