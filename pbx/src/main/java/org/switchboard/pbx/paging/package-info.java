/**
 * Paging and intercom (docs/paging.md): zones of extensions whose phones the PBX rings with the auto-answer
 * headers and seats, muted, in a private mixer with the caller (kind {@code page}); intercom is the same with one
 * extension heard both ways (kind {@code intercom}).
 */
package org.switchboard.pbx.paging;
