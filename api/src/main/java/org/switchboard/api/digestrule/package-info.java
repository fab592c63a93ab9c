/** The digest User-Agent rules over HTTP ({@code /api/sip/digest-rules}). */
package org.switchboard.api.digestrule;
