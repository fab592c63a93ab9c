/**
 * The admin web panel: static HTML, CSS and JavaScript modules served from the classpath under a
 * strict Content-Security-Policy. The panel talks to the server only through the REST API.
 */
package org.switchboard.api.panel;
