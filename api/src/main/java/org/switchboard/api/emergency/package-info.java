/** Emergency calling's settings and the extensions' dispatchable locations over HTTP (docs/emergency.md). */
package org.switchboard.api.emergency;
