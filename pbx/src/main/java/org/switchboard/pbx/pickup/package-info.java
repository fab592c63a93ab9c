/**
 * Call pickup (docs/pickup.md): directed pickup ({@code **<extension>}) and group pickup ({@code *8}) answer a
 * call ringing other phones on the picker's phone, through the call engine's {@code IncomingCall.pickUp}; the
 * extensions' pickup groups, cached for the call path; the seeded dial-plan rules.
 */
package org.switchboard.pbx.pickup;
