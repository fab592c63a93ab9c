/** The calls in progress (list, inspect, hang up) over HTTP, and their JSON shapes. */
package org.switchboard.api.call;
