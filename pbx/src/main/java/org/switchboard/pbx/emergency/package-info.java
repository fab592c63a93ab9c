/**
 * Emergency calls (docs/emergency.md): the emergency numbers routed before any dial-plan rule, the
 * application that relays them to the emergency trunks with the caller's dispatchable location
 * (PIDF-LO) and callback number, and the notices sent when one starts.
 */
package org.switchboard.pbx.emergency;
