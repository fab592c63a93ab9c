/**
 * User-Agent rules that choose which digest algorithms a phone's challenge offers, for extensions
 * left on {@code auto} (docs/configuration.md, "Digest algorithm per phone").
 */
package org.switchboard.pbx.digestrule;
