/** How the server writes its log lines. */
package org.switchboard.server.logging;
