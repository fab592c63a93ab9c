/** HTTP plumbing shared by every feature's routes: the server factory, request ids, security headers, bearer auth, the one error mapper, JSON rules, metrics and the OpenAPI document. */
package org.switchboard.api.http;
