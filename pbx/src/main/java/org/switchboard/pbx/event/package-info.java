/**
 * The in-process event bus: services publish what happened (a call started, a phone registered,
 * a setting changed) after it is committed, and subscribers (the live dashboard, cache reloads,
 * later webhooks) each read it from their own queue on their own virtual thread.
 */
package org.switchboard.pbx.event;
